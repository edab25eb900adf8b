// cadrekit compare --policy A.yaml --policy B.yaml [--set NAME=VALUE…] village pay | audit tier |
// audit plan | assessment screen | talent … | year [the command's inputs]: every decision that
// differs under the two profiles.
#include "compare.hpp"

#include <algorithm>

namespace cadrekit::cli {

std::pair<Policy, Policy> load_policies(const CompareOpts &o) {
  auto load = [](const std::string &f) { return f == "default" ? Policy::default_profile() : Policy::load(f); };
  const Policy a = load(o.policies.at(0));
  Policy b = o.policies.size() > 1 ? load(o.policies.at(1)) : a;
  for (const auto &s : o.sets) b = b.with_setting(s);
  return {a, b};
}

OutTable compare_table() {
  return OutTable{{"subject", "id", "item", "a", "b", "difference", "explanation_a", "explanation_b"}, {}};
}

void add_compare_row(OutTable &t, const CompareOpts &o, std::string subject, std::string id, std::string item,
                     std::string a, std::string b, std::string difference, const Explanation *ex_a,
                     const Explanation *ex_b) {
  t.rows.push_back({std::move(subject), std::move(id), std::move(item), std::move(a), std::move(b),
                    std::move(difference), ex_a ? explanation_cell(*ex_a, o.io) : Cell(),
                    ex_b ? explanation_cell(*ex_b, o.io) : Cell()});
}

void note_compare(IoOptions &io, const Common &c, const CompareOpts &o, const Policy &a, const Policy &b,
                  std::optional<Date> as_of, std::vector<ParamUsed> params_a, const std::vector<ParamUsed> &params_b) {
  const std::vector<ParamUsed> a_params = params_a;
  Common ca = c;
  ca.sets.clear();  // --set applies to B
  note_run(io, ca, &a, as_of, std::move(params_a));
  RunNotes &n = io.notes;
  for (auto &s : n.sources) s = "A: " + s;
  n.profile = "A: " + a.name() + "; B: " + b.name();
  for (const PolicySource &s : b.sources())
    if (s.embedded || s.name != "--set")
      n.sources.push_back("B: " + s.name + (s.embedded ? (io.lang == "en" ? " (embedded)" : "（内置）") : ""));
  for (const auto &s : o.sets) n.sets.push_back("B: " + s);
  for (const ParamUsed &u : params_b) {
    const auto same = std::find_if(a_params.begin(), a_params.end(), [&](const ParamUsed &x) { return x.name == u.name; });
    if (same != a_params.end() && same->value == u.value) continue;
    const ParamInfo &info = b.info(u.name);
    ParamUsed v = u;
    v.name += " (B)";
    n.parameters.push_back({v, info.label_zh, info.label_en});
  }
}

void add_compare_command(CLI::App &app, Common &c, Action &action) {
  auto ctx = std::make_shared<CompareOpts>();
  auto *cmp = app.add_subcommand("compare", "the same inputs under two profiles: every decision that differs");
  cmp->add_option("--policy", ctx->policies,
                  "the two profiles, A then B (\"default\": the embedded one); or one, and B is it with --set")
      ->required();
  cmp->add_option("--set", ctx->sets,
                  "NAME=VALUE or NAME=VALUE@YYYY-MM-DD: a parameter of B changed, checked as a profile file would be "
                  "(repeatable)");
  cmp->add_option("--lang", ctx->io.lang, "language of explanation text in CSV and of .xlsx headers and notes: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
  cmp->require_subcommand(1);
  cmp->callback([ctx] {
    if (ctx->policies.size() > 2 || (ctx->policies.size() == 1 && ctx->sets.empty()))
      throw CLI::ValidationError("--policy",
                                 "give two profiles (--policy A --policy B), or one with --set NAME=VALUE for B");
  });
  add_village_compare(cmp, ctx, c, action);
  add_audit_compare(cmp, ctx, c, action);
  add_assessment_compare(cmp, ctx, c, action);
  add_talent_compare(cmp, ctx, c, action);
  add_year_compare(cmp, ctx, c, action);
}

}  // namespace cadrekit::cli

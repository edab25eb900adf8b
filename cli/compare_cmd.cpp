// cadrekit compare --policy A.yaml --policy B.yaml village pay | audit tier | audit plan |
// assessment screen [the command's inputs]: every decision that differs under the two profiles.
#include "compare.hpp"

namespace cadrekit::cli {

std::pair<Policy, Policy> load_policies(const CompareOpts &o) {
  auto load = [](const std::string &f) { return f == "default" ? Policy::default_profile() : Policy::load(f); };
  return {load(o.policies.at(0)), load(o.policies.at(1))};
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

void add_compare_command(CLI::App &app, Common &c, Action &action) {
  auto ctx = std::make_shared<CompareOpts>();
  auto *cmp = app.add_subcommand("compare", "the same inputs under two profiles: every decision that differs");
  cmp->add_option("--policy", ctx->policies, "the two profiles, A then B (\"default\": the embedded one)")
      ->required();
  cmp->add_option("--lang", ctx->io.lang, "language of explanation text in CSV: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
  cmp->require_subcommand(1);
  cmp->callback([ctx] {
    if (ctx->policies.size() != 2) throw CLI::ValidationError("--policy", "give exactly two profiles: --policy A --policy B");
  });
  add_village_compare(cmp, ctx, c, action);
  add_audit_compare(cmp, ctx, c, action);
  add_assessment_compare(cmp, ctx, c, action);
  add_talent_compare(cmp, ctx, c, action);
}

}  // namespace cadrekit::cli

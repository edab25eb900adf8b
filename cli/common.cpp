#include <algorithm>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "commands.hpp"
#include "table.hpp"

namespace cadrekit::cli {

Policy load_policy(const Common &c) {
  Policy p = c.policy_file.empty() ? Policy::default_profile() : Policy::load(c.policy_file);
  for (const auto &s : c.sets) p = p.with_setting(s);
  return p;
}

void add_policy_options(CLI::App *cmd, Common &c) {
  cmd->add_option("--policy", c.policy_file, "profile file (default: the embedded tongliao-2016)");
  cmd->add_option("--set", c.sets,
                  "NAME=VALUE or NAME=VALUE@YYYY-MM-DD: one parameter changed, checked as a profile file "
                  "would be (repeatable)");
}

Date as_of_date(const Common &c) {
  if (c.as_of.empty()) throw InvalidInput("this command needs --as-of DATE", "--as-of");
  return option_date(c.as_of, "--as-of");
}

Date option_date(std::string_view text, std::string_view name) { return vocabulary::parse_date(text, name); }

void note_run(IoOptions &io, const Common &c, const Policy *policy, std::optional<Date> as_of,
              std::vector<ParamUsed> params) {
  RunNotes &n = io.notes;
  n = RunNotes{};
  n.command_line = c.command_line;
  if (as_of) n.as_of = to_iso(*as_of);
  if (policy == nullptr) return;
  n.uses_policy = true;
  n.profile = policy->name();
  for (const PolicySource &s : policy->sources())
    if (s.embedded || s.name != "--set")  // the --set layer: shown as each --set below
      n.sources.push_back(s.embedded ? s.name + (io.lang == "en" ? " (embedded)" : "（内置）") : s.name);
  n.sets = c.sets;
  for (ParamUsed &u : params) {
    if (std::any_of(n.parameters.begin(), n.parameters.end(), [&](const ParamNote &x) { return x.used.name == u.name; }))
      continue;
    const ParamInfo &info = policy->info(u.name);
    n.parameters.push_back({std::move(u), info.label_zh, info.label_en});
  }
}

}  // namespace cadrekit::cli

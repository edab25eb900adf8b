#include "cadrekit/core/errors.hpp"
#include "commands.hpp"

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
  return parse_iso_date(c.as_of, "--as-of");
}

}  // namespace cadrekit::cli

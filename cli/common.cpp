#include "cadrekit/core/errors.hpp"
#include "commands.hpp"

namespace cadrekit::cli {

Policy load_policy(const Common &c) {
  return c.policy_file.empty() ? Policy::default_profile() : Policy::load(c.policy_file);
}

Date as_of_date(const Common &c) {
  if (c.as_of.empty()) throw InvalidInput("this command needs --as-of DATE", "--as-of");
  return parse_iso_date(c.as_of, "--as-of");
}

}  // namespace cadrekit::cli

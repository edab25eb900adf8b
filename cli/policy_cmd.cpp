// cadrekit policy show [--policy FILE] [--as-of DATE]: every parameter in force, its clause,
//   and whether it is assumed (tab-separated: name, value, unit, since, clause, assumed, label);
// cadrekit policy check FILE: validates a county's profile (exit 3 with file:line on error).
#include <iostream>

#include "cadrekit/core/policy.hpp"
#include "commands.hpp"

namespace cadrekit::cli {

void add_policy_commands(CLI::App &app, Common &c, Action &action) {
  auto *pol = app.add_subcommand("policy", "policy profiles: show the parameters, check a file");
  pol->require_subcommand(1);

  auto *show = pol->add_subcommand("show", "every parameter in force on a date");
  add_policy_options(show, c);
  show->add_option("--as-of", c.as_of, "date (2016-12-31, 2016/12/31, …); default 2016-09-22, the source's date");
  show->add_option("--lang", c.lang, "label language")->check(CLI::IsMember({"zh", "en"}));
  show->callback([&action, &c] {
    action = [&c](std::ostream &out) {
      Policy p = load_policy(c);
      Date as_of = c.as_of.empty() ? Date(2016, 9, 22) : as_of_date(c);
      out << "# profile " << p.name() << ", as of " << to_iso(as_of) << "\n";
      out << "name\tvalue\tunit\tsince\tclause\tassumed\tlabel\n";
      for (const auto &name : p.parameter_names()) {
        const ParamInfo &info = p.info(name);
        if (info.values.empty() || info.values.front().effective_from > as_of) continue;
        ParamUsed u = p.lookup(name, as_of);
        out << u.name << "\t" << u.value << "\t" << u.unit << "\t" << to_iso(u.effective_from)
            << "\t" << u.clause << "\t" << (u.assumed ? "assumed" : "source") << "\t"
            << (c.lang == "en" ? info.label_en : info.label_zh) << "\n";
      }
    };
  });

  auto *check = pol->add_subcommand("check", "validate a profile file");
  check->add_option("FILE", c.policy_file)->required();
  check->callback([&action, &c] {
    action = [&c](std::ostream &out) {
      Policy p = Policy::load(c.policy_file);
      out << c.policy_file << ": ok, profile " << p.name() << ", " << p.parameter_names().size()
          << " parameters";
      if (p.lineage().size() > 1) out << ", extends " << p.lineage()[1];
      out << "\n";
    };
  });
}

}  // namespace cadrekit::cli

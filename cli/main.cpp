// `cadrekit`: the library's rules from the command line, for data staff and small counties
// without their own system. Exit status: 0 success; 2 invalid input; 3 policy error;
// 4 date outside the calendar's coverage; 5 state; 6 overflow; 7 rows rejected; 8 a whole result
// missing (a warning says which); 64 usage; 70 internal error;
// 75 the workspace is busy (another process is writing: try again).
#include <iostream>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/version.hpp"
#include "columns.hpp"
#include "commands.hpp"
#ifdef CADREKIT_HAVE_WORKSPACE
#include "cadrekit/workspace.hpp"
#endif

int main(int argc, char **argv) {
  using namespace cadrekit;
  CLI::App app{"cadrekit — exact, explainable cadre-management rules (Tongliao 2016 reforms)"};
  app.set_version_flag("--version", std::string("cadrekit ") + version_string);
  app.require_subcommand(1);
  cli::Common common;
  for (int i = 0; i < argc; ++i) {  // as typed, an argument with a space or a quote in quotes
    std::string a = i == 0 ? std::string("cadrekit") : std::string(argv[i]);
    if (a.empty() || a.find_first_of(" \t\"'") != std::string::npos) {
      std::string q = "'";
      for (char ch : a) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
      a = q + "'";
    }
    common.command_line += (i ? " " : "") + a;
  }
  cli::Action action;
  cli::add_calendar_commands(app, common, action);
  cli::add_policy_commands(app, common, action);
  cli::add_explain_command(app, common, action);
  cli::add_demo_command(app, common, action);
  cli::add_village_commands(app, common, action);
  cli::add_audit_commands(app, common, action);
  cli::add_disclosure_commands(app, common, action);
  cli::add_assessment_commands(app, common, action);
  cli::add_import_lrmx_command(app, common, action);
  cli::add_compare_command(app, common, action);
  cli::add_talent_commands(app, common, action);
  cli::add_workspace_commands(app, common, action);
  cli::add_template_command(app, common, action);
  cli::add_vocabulary_command(app, common, action);
  cli::add_column_help(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 64;
  }
  try {
    if (action) action(std::cout);
    return 0;
  } catch (const Error &e) {
    std::cerr << "cadrekit: " << error_code_name(e.code()) << ": " << e.what() << "\n";
#ifdef CADREKIT_HAVE_WORKSPACE
    if (const auto *w = dynamic_cast<const workspace::WorkspaceError *>(&e); w && w->problem() == workspace::FileProblem::busy)
      return 75;
#endif
    switch (e.code()) {
      case ErrorCode::invalid_argument:
      case ErrorCode::invalid_input: return 2;
      case ErrorCode::policy: return 3;
      case ErrorCode::calendar_coverage: return 4;
      case ErrorCode::state: return 5;
      case ErrorCode::overflow: return 6;
      default: return 70;
    }
  } catch (const std::exception &e) {
    std::cerr << "cadrekit: internal error: " << e.what() << "\n";
    return 70;
  }
}

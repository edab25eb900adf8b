// A cadrekit built without the workspace (CADREKIT_BUILD_WORKSPACE=OFF): the options and the
// command exist, and say so instead of recording nothing.
#include "cadrekit/core/errors.hpp"
#include "workspace_hooks.hpp"

namespace cadrekit::cli {

namespace {

[[noreturn]] void unavailable() {
  throw InvalidInput("this cadrekit was built without the workspace (CADREKIT_BUILD_WORKSPACE=OFF)", "--workspace");
}

}  // namespace

void add_workspace_options(CLI::App *cmd, WorkspaceTarget &w) {
  cmd->add_option("--workspace", w.file, "not available: this cadrekit was built without the workspace");
  cmd->add_option("--by", w.by, "not available");
  cmd->add_option("--recorded-at", w.recorded_at, "not available");
}

Policy policy_for(const Common &c, const WorkspaceTarget &w) {
  if (w) unavailable();
  return load_policy(c);
}

void require_no_rejected_rows(std::size_t) {}
void record_tiers(const WorkspaceTarget &, std::span<const audit::TierResult>, Date) { unavailable(); }
void record_plan(const WorkspaceTarget &, const audit::PlanRequest &, const audit::Plan &, Date) { unavailable(); }
void record_pay(const WorkspaceTarget &, const village::PaySheet &, Date) { unavailable(); }
void record_quota(const WorkspaceTarget &, int, const village::QuotaAllocation &,
                  const std::vector<std::pair<std::string, village::Funnel>> &, Date) {
  unavailable();
}
void record_eligibility(const WorkspaceTarget &, std::span<const village::Eligibility>, Date) { unavailable(); }
void record_rounds(const WorkspaceTarget &, std::span<const PostedRound>) { unavailable(); }

void add_workspace_commands(CLI::App &app, Common &, Action &action) {
  auto *grp = app.add_subcommand("workspace", "not available: this cadrekit was built without the workspace");
  grp->allow_extras();
  grp->callback([&action] { action = [](std::ostream &) { unavailable(); }; });
}

}  // namespace cadrekit::cli

// The demo without the workspace: no ledger (the report then leaves its section out).
#include "ledger.hpp"

namespace cadrekit::cli {

boost::json::object run_ledger(const DemoData &, const std::string &, std::string_view, std::string_view,
                               std::string_view, std::string_view, std::string_view, CsvTables &) {
  return {};
}

}  // namespace cadrekit::cli

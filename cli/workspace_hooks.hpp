// --workspace FILE on the module commands (private to cli/): the options, the policy a command
// then uses (the workspace's own), and recording what the command decided — in one
// transaction, after the command computed everything and before it writes its output.
// Implemented by workspace_hooks.cpp, or by workspace_off.cpp in a build without the workspace
// (CADREKIT_BUILD_WORKSPACE=OFF), where --workspace exists and says so.
#pragma once

#include <CLI/CLI.hpp>

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/village.hpp"
#include "commands.hpp"

namespace cadrekit::cli {

struct WorkspaceTarget {
  std::string file;         ///< --workspace FILE; empty: nothing is recorded
  std::string by;           ///< --by; empty: the login name
  std::string recorded_at;  ///< --recorded-at; empty: the system clock
  int busy_timeout_ms = 5000;
  explicit operator bool() const noexcept { return !file.empty(); }
};

/// Adds --workspace FILE, --by WHO, --recorded-at TIME to a module command.
void add_workspace_options(CLI::App *cmd, WorkspaceTarget &ws);
/// The policy the command computes with: the workspace's when --workspace is given (and then
/// --policy is refused: a workspace decides under its own profile), else load_policy(c).
Policy policy_for(const Common &c, const WorkspaceTarget &ws);
/// Refuses to record when rows were rejected (the command then writes nothing at all).
void require_no_rejected_rows(std::size_t rejected);

void record_tiers(const WorkspaceTarget &ws, std::span<const audit::TierResult> results, Date as_of);
void record_plan(const WorkspaceTarget &ws, const audit::PlanRequest &request, const audit::Plan &plan, Date effective);
void record_pay(const WorkspaceTarget &ws, const village::PaySheet &sheet, Date graded_on);
void record_quota(const WorkspaceTarget &ws, int year, const village::QuotaAllocation &allocation,
                  const std::vector<std::pair<std::string, village::Funnel>> &funnels, Date effective);
void record_eligibility(const WorkspaceTarget &ws, std::span<const village::Eligibility> results, Date as_of);
/// Disclosure rounds posted: (record id, round, posted, actor) each.
struct PostedRound {
  std::string record_id;
  int round = 1;
  Date posted;
  std::string actor;
};
void record_rounds(const WorkspaceTarget &ws, std::span<const PostedRound> rounds);

}  // namespace cadrekit::cli

#include "workspace_hooks.hpp"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "cadrekit/workspace.hpp"

namespace cadrekit::cli {

namespace ws = cadrekit::workspace;

ws::Stamp stamp_of(const WorkspaceTarget &t) {
  ws::Stamp s;
  s.by = t.by;
  if (s.by.empty()) {
    const passwd *pw = ::getpwuid(::geteuid());
    s.by = pw && pw->pw_name && *pw->pw_name ? pw->pw_name : "uid " + std::to_string(::geteuid());
  }
  s.recorded_at = t.recorded_at;
  if (s.recorded_at.empty()) {
    // The one reading of the clock in cadrekit: when a write was recorded (a stamp on the
    // record, never an input of a rule). --recorded-at gives it instead.
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    s.recorded_at = buf;
  }
  ws::validate(s);
  return s;
}

void add_workspace_options(CLI::App *cmd, WorkspaceTarget &w) {
  cmd->add_option("--workspace", w.file, "record what the command decides in this workspace (docs/workspace.md)");
  cmd->add_option("--by", w.by, "with --workspace: who records it (default: the login name)");
  cmd->add_option("--recorded-at", w.recorded_at, "with --workspace: UTC time of the record (default: the clock)");
}

Policy policy_for(const Common &c, const WorkspaceTarget &w) {
  if (!w) return load_policy(c);
  if (!c.policy_file.empty())
    throw InvalidInput("a workspace decides under its own policy profile: leave out --policy", "--policy");
  return ws::Workspace::open(w.file, {w.busy_timeout_ms}).policy();
}

void require_no_rejected_rows(std::size_t rejected) {
  if (rejected)
    throw InvalidInput(std::to_string(rejected) + " rows were rejected: nothing recorded in the workspace", "--workspace");
}

namespace {

void record(const WorkspaceTarget &w, std::string_view command, const std::vector<ws::Action> &actions) {
  ws::Workspace::open(w.file, {w.busy_timeout_ms}).apply(actions, stamp_of(w), command);
}

}  // namespace

void record_tiers(const WorkspaceTarget &w, std::span<const audit::TierResult> results, Date as_of) {
  std::vector<ws::Action> a;
  for (const auto &r : results) a.push_back(ws::tier_action(r, as_of));
  record(w, "audit tier", a);
}

void record_plan(const WorkspaceTarget &w, const audit::PlanRequest &request, const audit::Plan &plan, Date effective) {
  record(w, "audit plan", {ws::plan_action(request, plan, effective)});
}

void record_pay(const WorkspaceTarget &w, const village::PaySheet &sheet, Date graded_on) {
  record(w, "village pay", {ws::pay_action(sheet, graded_on)});
}

void record_quota(const WorkspaceTarget &w, int year, const village::QuotaAllocation &allocation,
                  const std::vector<std::pair<std::string, village::Funnel>> &funnels, Date effective) {
  record(w, "village select", {ws::quota_action(year, allocation, funnels, effective)});
}

void record_eligibility(const WorkspaceTarget &w, std::span<const village::Eligibility> results, Date as_of) {
  record(w, "village select", {ws::eligibility_action(results, as_of)});
}

void record_rounds(const WorkspaceTarget &w, std::span<const PostedRound> rounds) {
  const ws::Stamp stamp = stamp_of(w);
  std::vector<ws::Action> a;
  for (const auto &r : rounds)
    a.push_back(ws::round_action(r.record_id, r.round, r.posted, r.actor.empty() ? stamp.by : r.actor));
  ws::Workspace::open(w.file, {w.busy_timeout_ms}).apply(a, stamp, "disclosure plan");
}

}  // namespace cadrekit::cli

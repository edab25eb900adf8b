// Follow-up of cadres moved down (HORQIN.6): the schedule, the ledger and reappointment.
// Part of cadrekit/assessment.hpp (HORQIN); docs/assessment.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/assessment/records.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::assessment {

enum class FollowUpKind : std::uint8_t { monthly_talk = 0, quarterly_visit = 1 };
FollowUpKind parse_follow_up_kind(std::string_view text, std::string_view field = "kind");
const char *follow_up_kind_name(FollowUpKind k) noexcept;

struct FollowUpDue {
  Date date;
  FollowUpKind kind;
  friend bool operator==(const FollowUpDue &, const FollowUpDue &) = default;
};
/// The schedule's month arithmetic: add_months of cadrekit/core/date.hpp.
using cadrekit::add_months;
/// The policy parameters the schedule depends on (the talk and visit intervals), in force on
/// `as_of` (the decision date).
std::vector<ParamUsed> follow_up_parameters(const Policy &policy, Date as_of);
/// Due dates after the decision up to `until` (inclusive): a talk every
/// followup.talk_interval_months and a visit every followup.visit_interval_months (values in
/// force on the decision date), each counted from the decision date. Sorted by date, talk first.
std::vector<FollowUpDue> follow_up_schedule(Date decision_date, Date until, const Policy &policy,
                                            Explanation *ex = nullptr);

struct FollowUpHeld {
  Date date;
  FollowUpKind kind;
  std::string actor;
  std::string note;
};
struct FollowUpStatus {
  FollowUpDue due;
  std::optional<Date> held;  ///< the event that fulfils it
  bool overdue = false;
};
/// A due item of kind K is fulfilled by an event of kind K in (previous due of K, due]; the
/// first period starts after the decision date. Overdue: not fulfilled and its due date is
/// before `as_of`. Items due after as_of are not listed.
std::vector<FollowUpStatus> follow_up_ledger(Date decision_date, std::span<const FollowUpHeld> held,
                                             Date as_of, const Policy &policy);

/// Eligibility for reappointment of a cadre moved down (HORQIN.6).
struct Reappointment {
  bool eligible = false;
  bool early = false;              ///< moved for reasons not their own: no waiting period
  Date eligible_from;              ///< end of the waiting period
  Explanation explanation;
};
/// Eligible on as_of when the waiting period (followup.reappointment_wait_months) from the move
/// has passed — waived when `own_reasons` is false — and the latest annual rating since the move
/// is at least followup.reappointment_min_rating. `annual_ratings_since` are the annual ratings
/// after the move, oldest first.
Reappointment reappointment_eligibility(Date moved_on, bool own_reasons,
                                        std::span<const Rating> annual_ratings_since, Date as_of,
                                        const Policy &policy);

// ---- JSON form (docs/assessment.md), shared by the C ABI and any JSON client ----

/// {"decision_date", "until"?, "as_of"?, "held"?} -> {"schedule"?, "ledger"?}.
std::string follow_up_json(std::string_view request_json, const Policy &policy);

}  // namespace cadrekit::assessment

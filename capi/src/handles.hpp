// The C ABI's handle types and their accessors (private), shared by every section that takes
// a calendar or a policy: one definition of each struct, one magic tag.
#pragma once

#include <cstdint>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/policy.hpp"
#include "common.hpp"

namespace cadrekit::capi {
inline constexpr std::uint32_t kCalendarMagic = 0x434B4341u;  // "CKCA"
inline constexpr std::uint32_t kPolicyMagic = 0x434B504Fu;    // "CKPO"
}  // namespace cadrekit::capi

struct ck_calendar : cadrekit::capi::Handle<cadrekit::WorkCalendar, cadrekit::capi::kCalendarMagic> {
  using Handle::Handle;
};

struct ck_policy : cadrekit::capi::Handle<cadrekit::Policy, cadrekit::capi::kPolicyMagic> {
  using Handle::Handle;
};

namespace cadrekit::capi {
/// The calendar behind a handle; InvalidInput (invalid_argument) for NULL or a foreign pointer.
inline const WorkCalendar &calendar_of(const ck_calendar *c) {
  return handle_value(c, kCalendarMagic, "cal");
}
/// The policy behind a handle; InvalidInput (invalid_argument) for NULL or a foreign pointer.
inline const Policy &policy_of(const ck_policy *p) { return handle_value(p, kPolicyMagic, "policy"); }
}  // namespace cadrekit::capi

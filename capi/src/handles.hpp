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


// Shared machinery of the C ABI (private): handles, the per-thread last error, and the guard
// that turns every C++ exception into a status code.
#pragma once

#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "cadrekit.h"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"

namespace cadrekit {
class Policy;
class WorkCalendar;
}  // namespace cadrekit

namespace cadrekit::capi {

/// Longest string argument accepted (bytes); longer is CK_E_INVALID_INPUT, never a crash.
inline constexpr std::size_t kMaxTextArg = 64u * 1024u * 1024u;

void set_error(int status, std::string_view message) noexcept;

/// Records "argument `name` is NULL" and returns CK_E_INVALID_ARGUMENT.
int null_argument(const char *name) noexcept;

/// Validates a string argument (not NULL, within kMaxTextArg, valid UTF-8) and returns it.
/// Throws InvalidInput/invalid_argument naming `name`.
std::string_view text_arg(const char *p, const char *name);

/// A copy of s in malloc'd memory, to be released with ck_free().
char *dup_string(std::string_view s);

Date date_arg(ck_date d, const char *name);

/// The policy / calendar behind a handle (defined with the handles in policy.cpp and
/// calendar.cpp), for the modules' sources; InvalidInput (invalid_argument) if NULL or not ours.
const Policy &policy_ref(const ck_policy *p, const char *name);
const WorkCalendar &calendar_ref(const ck_calendar *c, const char *name);

/// Runs f; returns CK_OK, or the status of the exception it threw (message recorded).
template <class F>
int guard(F &&f) noexcept {
  try {
    f();
    return CK_OK;
  } catch (const cadrekit::Error &e) {
    set_error(static_cast<int>(e.code()), e.what());
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc &) {
    set_error(CK_E_NO_MEMORY, "out of memory");
    return CK_E_NO_MEMORY;
  } catch (const std::exception &e) {
    set_error(CK_E_INTERNAL, std::string("internal error: ") + e.what());
    return CK_E_INTERNAL;
  } catch (...) {
    set_error(CK_E_INTERNAL, "internal error");
    return CK_E_INTERNAL;
  }
}

/// A handle: a magic tag (to detect a freed or foreign pointer where it can) and a value.
template <class T, std::uint32_t Magic>
struct Handle {
  std::uint32_t magic = Magic;
  T value;
  explicit Handle(T v) : value(std::move(v)) {}
  ~Handle() { magic = 0xDEADDEADu; }
};

/// The value behind a handle pointer, or InvalidInput (invalid_argument) if NULL/not ours.
template <class H>
auto &handle_value(const H *h, std::uint32_t magic, const char *name) {
  if (h == nullptr)
    throw InvalidInput(std::string("argument is NULL"), name, {}, ErrorCode::invalid_argument);
  if (h->magic != magic)
    throw InvalidInput(std::string("not a live handle of this kind (freed or foreign)"), name, {},
                       ErrorCode::invalid_argument);
  return h->value;
}

}  // namespace cadrekit::capi

// Shared machinery of the C ABI (private): handles, the per-thread last error, the guard that
// turns every C++ exception into a status code, and the helpers every section uses (string
// results, JSON calls, columns and the versioned structs of the batch calls).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "cadrekit.h"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"

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

}  // namespace cadrekit::capi

namespace cadrekit {
class Policy;
class WorkCalendar;
}  // namespace cadrekit

namespace cadrekit::capi {

/// The policy behind a handle; InvalidInput (invalid_argument) for NULL or a foreign pointer.
const Policy &policy_of(const ck_policy *p);
/// The calendar behind a handle; InvalidInput (invalid_argument) for NULL or a foreign pointer.
const WorkCalendar &calendar_of(const ck_calendar *c);


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

/// A call whose answer is a string: *out receives it (malloc'd, for ck_free) only on success.
/// f() computes the answer before anything is written.
template <class F>
int string_call(char **out, F &&f) noexcept {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string s = f();
    *out = dup_string(s);
  });
}

/// The JSON request/response calls of the modules: f(request text, policy) -> response text.
template <class F>
int json_call(char **out, const ck_policy *policy, const char *request_json, F &&f) noexcept {
  return string_call(out, [&] { return f(text_arg(request_json, "request_json"), policy_of(policy)); });
}

/// A column of a batch call: n elements at p. NULL is allowed only when n is 0; otherwise it is
/// InvalidInput (invalid_argument) naming the column.
template <class T>
std::span<T> column(T *p, std::size_t n, const char *name) {
  if (n == 0) return {};
  if (p == nullptr) throw InvalidInput("argument is NULL", name, {}, ErrorCode::invalid_argument);
  return std::span<T>(p, n);
}

/// A column that may be NULL (meaning absent: zeros, no dates, not wanted): empty then.
template <class T>
std::span<T> optional_column(T *p, std::size_t n) {
  if (p == nullptr || n == 0) return {};
  return std::span<T>(p, n);
}

/// Checks the struct_size of a batch call's versioned struct (first member `size_t
/// struct_size`) and reads it: the members the caller's size covers, the others zero. A size
/// below `first_size` (the struct's first version) is refused, and so is a larger size than
/// this library knows whose extra bytes are not all zero (members this library cannot honour).
std::size_t checked_struct_size(const void *p, std::size_t first_size, std::size_t known_size,
                                const char *name);

template <class S>
S read_struct(const S *p, std::size_t first_size, const char *name) {
  const std::size_t size = checked_struct_size(p, first_size, sizeof(S), name);
  S s{};
  std::memcpy(static_cast<void *>(&s), static_cast<const void *>(p), std::min(size, sizeof(S)));
  return s;
}

/// The size of a struct's first version: the end of the member that closed it. It does not
/// change when members are added after `last`. Every versioned struct ends with a
/// pointer-sized member, so it has no trailing padding in which a later member could hide from
/// a library that knows only the older size.
#define CK_FIRST_SIZE(type, last) (offsetof(type, last) + sizeof(std::declval<type &>().last))

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

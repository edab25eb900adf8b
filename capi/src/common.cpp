#include "common.hpp"

#include <cstdlib>

#include "handles.hpp"

#include "cadrekit/core/utf8.hpp"

namespace cadrekit::capi {

namespace {
struct LastError {
  int status = CK_OK;
  std::string message;
};
LastError &last_error() {
  thread_local LastError e;
  return e;
}
}  // namespace

void set_error(int status, std::string_view message) noexcept {
  try {
    auto &e = last_error();
    e.status = status;
    e.message.assign(message);
  } catch (...) {
    // Out of memory while recording the message: keep the status at least.
    last_error().status = status;
  }
}

int null_argument(const char *name) noexcept {
  try {
    set_error(CK_E_INVALID_ARGUMENT, std::string("argument is NULL (field ") + name + ")");
  } catch (...) {
    set_error(CK_E_INVALID_ARGUMENT, "argument is NULL");
  }
  return CK_E_INVALID_ARGUMENT;
}

std::string_view text_arg(const char *p, const char *name) {
  if (p == nullptr)
    throw InvalidInput("argument is NULL", name, {}, ErrorCode::invalid_argument);
  std::size_t n = strnlen(p, kMaxTextArg + 1);
  if (n > kMaxTextArg) throw InvalidInput("text longer than 64 MiB", name);
  std::string_view s(p, n);
  if (!is_valid_utf8(s)) throw InvalidInput("text is not valid UTF-8", name);
  return s;
}

char *dup_string(std::string_view s) {
  char *out = static_cast<char *>(std::malloc(s.size() + 1));
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

Date date_arg(ck_date d, const char *name) {
  try {
    return from_days(d);
  } catch (const InvalidInput &) {
    throw InvalidInput("day number outside the supported range 1400-01-01..9999-12-31", name);
  }
}

const Policy &policy_of(const ck_policy *p) { return handle_value(p, kPolicyMagic, "policy"); }

const WorkCalendar &calendar_of(const ck_calendar *c) { return handle_value(c, kCalendarMagic, "cal"); }

std::size_t checked_struct_size(const void *p, std::size_t first_size, std::size_t known_size,
                                const char *name) {
  // A struct larger than this is not one of ours: a garbage struct_size, not read further.
  constexpr std::size_t kMaxStructSize = 4096;
  if (p == nullptr) throw InvalidInput("argument is NULL", name, {}, ErrorCode::invalid_argument);
  std::size_t size = 0;
  std::memcpy(&size, p, sizeof size);
  const std::string field = std::string(name) + ".struct_size";
  if (size < first_size)
    throw InvalidInput("struct_size " + std::to_string(size) + " is smaller than the struct's first version (" +
                           std::to_string(first_size) + " bytes): set it to sizeof the struct",
                       field, {}, ErrorCode::invalid_argument);
  if (size > kMaxStructSize)
    throw InvalidInput("struct_size " + std::to_string(size) + " is not the size of this struct", field, {},
                       ErrorCode::invalid_argument);
  if (size > known_size) {
    const auto *bytes = static_cast<const unsigned char *>(p);
    for (std::size_t i = known_size; i < size; ++i)
      if (bytes[i] != 0)
        throw InvalidInput("the struct has members newer than this library (" + std::to_string(known_size) +
                               " bytes) and they are set: use a newer library",
                           field, {}, ErrorCode::invalid_argument);
  }
  return size;
}

}  // namespace cadrekit::capi

using namespace cadrekit::capi;

extern "C" {

CK_API const char *ck_last_error_message(void) { return last_error().message.c_str(); }

CK_API int ck_last_error_code(void) { return last_error().status; }

CK_API const char *ck_status_name(int status) {
  switch (status) {
    case CK_OK: return "ok";
    case CK_E_INVALID_ARGUMENT: return "invalid_argument";
    case CK_E_INVALID_INPUT: return "invalid_input";
    case CK_E_POLICY: return "policy";
    case CK_E_CALENDAR_COVERAGE: return "calendar_coverage";
    case CK_E_STATE: return "state";
    case CK_E_OVERFLOW: return "overflow";
    case CK_E_NO_MEMORY: return "out_of_memory";
    case CK_E_INTERNAL: return "internal";
    default: return "unknown";
  }
}

CK_API void ck_free(void *p) { std::free(p); }

}  // extern "C"

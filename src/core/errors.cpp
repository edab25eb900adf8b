#include "cadrekit/core/errors.hpp"

#include <string_view>
#include <utility>

namespace cadrekit {

const char *error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::ok: return "ok";
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::policy: return "policy";
    case ErrorCode::calendar_coverage: return "calendar_coverage";
    case ErrorCode::state: return "state";
    case ErrorCode::overflow: return "overflow";
    case ErrorCode::out_of_memory: return "out_of_memory";
    case ErrorCode::internal: return "internal";
  }
  return "unknown";
}

namespace {
// "message (field F, record R)": one line, context added once, here only.
std::string compose(const std::string &message, const std::string &field,
                    const std::string &record) {
  std::string out = message;
  if (!field.empty() || !record.empty()) {
    out += " (";
    if (!field.empty()) out += "field " + field;
    if (!field.empty() && !record.empty()) out += ", ";
    if (!record.empty()) out += "record " + record;
    out += ")";
  }
  return out;
}
}  // namespace

std::string masked_record(std::string_view record) {
  std::string out(record);
  auto digit = [&](std::size_t k) { return out[k] >= '0' && out[k] <= '9'; };
  for (std::size_t i = 0; i < out.size();) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < out.size() && digit(end)) ++end;
    if (end - i >= 11) {
      if (end < out.size() && (out[end] == 'X' || out[end] == 'x')) ++end;  // an ID number's check character
      for (std::size_t k = i; k + 4 < end; ++k) out[k] = '*';
    }
    i = end;
  }
  return out;
}

// (the record is masked first, in the base's initialiser, which runs before the members')
Error::Error(ErrorCode code, std::string message, std::string field, std::string record)
    : std::runtime_error(compose(message, field, record = masked_record(record))),
      code_(code),
      message_(std::move(message)),
      field_(std::move(field)),
      record_(std::move(record)) {}

InvalidInput::InvalidInput(std::string message, std::string field, std::string record,
                           ErrorCode code)
    : Error(code, std::move(message), std::move(field), std::move(record)) {}

PolicyError::PolicyError(std::string message, std::string field, std::string record)
    : Error(ErrorCode::policy, std::move(message), std::move(field), std::move(record)) {}

CalendarCoverageError::CalendarCoverageError(std::string message, std::string field,
                                             std::string record)
    : Error(ErrorCode::calendar_coverage, std::move(message), std::move(field),
            std::move(record)) {}

StateError::StateError(std::string message, std::string field, std::string record)
    : Error(ErrorCode::state, std::move(message), std::move(field), std::move(record)) {}

}  // namespace cadrekit

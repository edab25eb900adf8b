#include "cadrekit/core/errors.hpp"

#include <string_view>
#include <utility>
#include <vector>

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

namespace {
// A digit at `at` of UTF-8 text, ASCII or full-width (０–９, EF BC 90–99): its length in bytes,
// 0 when none.
std::size_t digit_at(std::string_view t, std::size_t at) {
  if (at < t.size() && t[at] >= '0' && t[at] <= '9') return 1;
  if (at + 2 < t.size() && static_cast<unsigned char>(t[at]) == 0xEF && static_cast<unsigned char>(t[at + 1]) == 0xBC &&
      static_cast<unsigned char>(t[at + 2]) >= 0x90 && static_cast<unsigned char>(t[at + 2]) <= 0x99)
    return 3;
  return 0;
}
}  // namespace

std::string masked_record(std::string_view record) {
  // A number is a run of digits (ASCII or full-width) that single spaces, dashes or dots may
  // split ("1101 0119 9003 0712 34", "110101-19900307-1234"), and an ID number's final X.
  std::string out;
  out.reserve(record.size());
  std::size_t i = 0;
  while (i < record.size()) {
    if (record[i] == '\0') {  // written out: what() is read as C text, which would end there
      out += "\\0";
      ++i;
      continue;
    }
    if (digit_at(record, i) == 0) {
      out += record[i++];
      continue;
    }
    std::vector<std::pair<std::size_t, std::size_t>> digits;  // (offset, bytes) of each digit
    std::size_t end = i;
    for (;;) {
      if (const std::size_t n = digit_at(record, end); n > 0) {
        digits.emplace_back(end, n);
        end += n;
      } else if (end + 1 < record.size() && (record[end] == ' ' || record[end] == '-' || record[end] == '.') &&
                 digit_at(record, end + 1) > 0) {
        ++end;
      } else {
        break;
      }
    }
    if (digits.size() >= 11 && end < record.size() && (record[end] == 'X' || record[end] == 'x'))
      digits.emplace_back(end++, 1);
    if (digits.size() < 11) {
      out.append(record.substr(i, end - i));
    } else {
      std::size_t d = 0;
      for (std::size_t at = i; at < end;) {
        if (d < digits.size() && digits[d].first == at) {
          if (d + 4 < digits.size())
            out += '*';
          else
            out.append(record.substr(at, digits[d].second));
          at += digits[d++].second;
        } else {
          out += record[at++];
        }
      }
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

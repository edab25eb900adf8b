// Code lists of the assessment module: kinds, domains, ratings, methods, periods, findings,
// stages, disposal methods, gates (HORQIN.1–HORQIN.6).
#include <charconv>
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"

namespace cadrekit::assessment {

namespace {

namespace v = vocabulary;

/// The code of entry `i` of `table`, "?" when out of range (an enum value cast from anything).
const char *code_of(const v::CodeTable &table, std::size_t i) noexcept {
  return i < table.codes.size() ? table.codes[i].code.data() : "?";
}
const char *zh_of(const v::CodeTable &table, std::size_t i) noexcept {
  return i < table.codes.size() ? table.codes[i].zh.data() : "?";
}

}  // namespace

Kind parse_kind(std::string_view t, std::string_view f) {
  return static_cast<Kind>(v::parse_code(v::assessment_kinds(), t, f));
}
const char *kind_name(Kind k) noexcept { return code_of(v::assessment_kinds(), static_cast<std::size_t>(k)); }
const char *kind_name_zh(Kind k) noexcept { return zh_of(v::assessment_kinds(), static_cast<std::size_t>(k)); }

Domain parse_domain(std::string_view t, std::string_view f) {
  return static_cast<Domain>(v::parse_code(v::assessment_domains(), t, f));
}
const char *domain_name(Domain d) noexcept { return code_of(v::assessment_domains(), static_cast<std::size_t>(d)); }

Rating parse_rating(std::string_view t, std::string_view f) {
  if (v::blank(t)) return Rating::none;
  return static_cast<Rating>(v::parse_code(v::ratings(), t, f));
}
const char *rating_name(Rating r) noexcept { return code_of(v::ratings(), static_cast<std::size_t>(r)); }
const char *rating_name_zh(Rating r) noexcept {
  // The "none" rating is written empty in Chinese, as before the vocabulary held it.
  return r == Rating::none ? "" : zh_of(v::ratings(), static_cast<std::size_t>(r));
}

std::uint8_t parse_method(std::string_view t, std::string_view f) {
  return static_cast<std::uint8_t>(1u << v::parse_code(v::assessment_methods(), t, f));
}
std::vector<std::string> method_names(std::uint8_t m) {
  std::vector<std::string> out;
  const auto &codes = v::assessment_methods().codes;
  for (std::size_t i = 0; i < codes.size(); ++i)
    if (m & (1u << i)) out.emplace_back(codes[i].code);
  return out;
}

std::int32_t parse_period(std::string_view t, std::string_view f) {
  auto bad = [&] {
    return InvalidInput("period is not a year (\"2015\") or a year and number (\"2015-2\")",
                        std::string(f));
  };
  if (t.size() < 4 || t.size() > 7) throw bad();
  int year = 0;
  auto r = std::from_chars(t.data(), t.data() + 4, year);
  if (r.ec != std::errc() || r.ptr != t.data() + 4 || year < 1900 || year > 9999) throw bad();
  if (t.size() == 4) return year * 100;
  if (t[4] != '-' || t.size() == 5) throw bad();
  int n = 0;
  auto r2 = std::from_chars(t.data() + 5, t.data() + t.size(), n);
  if (r2.ec != std::errc() || r2.ptr != t.data() + t.size() || n < 1 || n > 99 || t[5] == '0')
    throw bad();
  return year * 100 + n;
}
std::string period_text(std::int32_t p) {
  // Not `to_string(y) + "-" + …`: that trips GCC 12's false -Wrestrict at -O3 (Release).
  std::string s = std::to_string(p / 100);
  if (p % 100 != 0) {
    s.push_back('-');
    s.append(std::to_string(p % 100));
  }
  return s;
}
bool period_follows(std::int32_t a, std::int32_t b) noexcept {
  int ya = a / 100, na = a % 100, yb = b / 100, nb = b % 100;
  if (na == 0 || nb == 0) return na == 0 && nb == 0 && yb == ya + 1;
  return (yb == ya && nb == na + 1) || (yb == ya + 1 && nb == 1);
}

FindingSource parse_finding_source(std::string_view t, std::string_view f) {
  return static_cast<FindingSource>(v::parse_code(v::finding_sources(), t, f));
}
Aspect parse_aspect(std::string_view t, std::string_view f) {
  if (v::blank(t)) return Aspect::none;
  return static_cast<Aspect>(v::parse_code(v::aspects(), t, f));
}
FindingClass parse_finding_class(std::string_view t, std::string_view f) {
  if (v::blank(t)) return FindingClass::other;
  return static_cast<FindingClass>(v::parse_code(v::finding_classes(), t, f));
}
Severity parse_severity(std::string_view t, std::string_view f) {
  return static_cast<Severity>(v::parse_code(v::severities(), t, f));
}
const char *finding_source_name(FindingSource s) noexcept { return code_of(v::finding_sources(), static_cast<std::size_t>(s)); }
const char *aspect_name(Aspect a) noexcept { return code_of(v::aspects(), static_cast<std::size_t>(a)); }
const char *finding_class_name(FindingClass c) noexcept { return code_of(v::finding_classes(), static_cast<std::size_t>(c)); }
const char *severity_name(Severity s) noexcept { return code_of(v::severities(), static_cast<std::size_t>(s)); }

Stage parse_stage(std::string_view t, std::string_view f) {
  return static_cast<Stage>(v::parse_code(v::disposal_stages(), t, f));
}
const char *stage_name(Stage s) noexcept { return code_of(v::disposal_stages(), static_cast<std::size_t>(s)); }
const char *stage_name_zh(Stage s) noexcept { return zh_of(v::disposal_stages(), static_cast<std::size_t>(s)); }

DisposalMethod parse_disposal_method(std::string_view t, std::string_view f) {
  return static_cast<DisposalMethod>(v::parse_code(v::disposal_methods(), t, f));
}
const char *disposal_method_name(DisposalMethod m) noexcept { return code_of(v::disposal_methods(), static_cast<std::size_t>(m)); }
const char *disposal_method_name_zh(DisposalMethod m) noexcept { return zh_of(v::disposal_methods(), static_cast<std::size_t>(m)); }

FollowUpKind parse_follow_up_kind(std::string_view t, std::string_view f) {
  return static_cast<FollowUpKind>(v::parse_code(v::follow_up_kinds(), t, f));
}
const char *follow_up_kind_name(FollowUpKind k) noexcept { return code_of(v::follow_up_kinds(), static_cast<std::size_t>(k)); }

Gate parse_gate(std::string_view t, std::string_view f) {
  return static_cast<Gate>(v::parse_code(v::promotion_gates(), t, f));
}
const char *gate_name(Gate g) noexcept { return code_of(v::promotion_gates(), static_cast<std::size_t>(g)); }
const char *gate_name_zh(Gate g) noexcept { return zh_of(v::promotion_gates(), static_cast<std::size_t>(g)); }

}  // namespace cadrekit::assessment

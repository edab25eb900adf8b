// Actions: the ops of each case kind, their members, and reading them from JSON or a table row.
#include <algorithm>
#include <string>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/utf8.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace cadrekit::workspace {

namespace json = boost::json;
using detail::MemberSpec;
using detail::OpSpec;
using detail::Type;

namespace {

constexpr const char *kKindNames[] = {"disposal", "disclosure", "tier", "audit_plan", "village_pay", "selection"};
constexpr const char *kProblemNames[] = {"busy", "not_workspace", "newer_schema", "damaged", "exists", "io"};

// The members of every op: the library's own member names (docs/workspace.md, "Ops").
const std::vector<OpSpec> &specs() {
  static const std::vector<OpSpec> s = {
      // disposal: assessment::disposal_apply_json's actions, then the follow-up ledger.
      {CaseKind::disposal, "open", true, {{"cadre_id", Type::text, true}}},
      {CaseKind::disposal, "advance", false,
       {{"stage", Type::text, true}, {"actor", Type::text, true}, {"note", Type::text, false}}},
      {CaseKind::disposal, "decide", false,
       {{"method", Type::text, true}, {"grounds", Type::list, true}, {"actor", Type::text, false},
        {"note", Type::text, false}}},
      {CaseKind::disposal, "close_no_action", false, {{"actor", Type::text, true}, {"note", Type::text, false}}},
      {CaseKind::disposal, "follow_up", false,
       {{"kind", Type::text, true}, {"actor", Type::text, true}, {"note", Type::text, false}}},
      {CaseKind::disposal, "follow_up_end", false, {{"actor", Type::text, true}, {"note", Type::text, false}}},
      // disclosure: disclosure::case_open_json and case_apply_explained_json's actions.
      {CaseKind::disclosure, "open", true, {{"record", Type::object, false}, {"actor", Type::text, true}}},
      {CaseKind::disclosure, "post_round", false, {{"round", Type::integer, true}, {"actor", Type::text, true}}},
      {CaseKind::disclosure, "receive_complaint", false,
       {{"channel", Type::text, true}, {"actor", Type::text, true}}},
      {CaseKind::disclosure, "assign", false,
       {{"complaint", Type::text, true}, {"departments", Type::list, true}, {"actor", Type::text, true}}},
      {CaseKind::disclosure, "record_finding", false,
       {{"complaint", Type::text, true}, {"finding", Type::text, true}, {"discrepancies", Type::list, false},
        {"actor", Type::text, true}}},
      {CaseKind::disclosure, "decide", false,
       {{"complaint", Type::text, true}, {"outcome", Type::text, true}, {"actor", Type::text, true}}},
      {CaseKind::disclosure, "return_for_correction", false,
       {{"record", Type::object, true}, {"actor", Type::text, true}, {"note", Type::text, false}}},
      // tier: audit::TierHistory.
      {CaseKind::tier, "tiered", true, {{"level", Type::text, true}, {"note", Type::text, false}}},
      {CaseKind::tier, "start", true, {{"level", Type::text, true}, {"note", Type::text, false}}},
      {CaseKind::tier, "review", false, {{"level", Type::text, true}, {"year", Type::integer, false}}},
      {CaseKind::tier, "special_funds", false, {{"amount", Type::text, true}, {"fund_id", Type::text, false}}},
      {CaseKind::tier, "completion", false, {{"finding", Type::text, true}, {"fund_id", Type::text, false}}},
      // audit_plan: a plan of audit::plan and the audits done under it.
      {CaseKind::audit_plan, "drawn", true,
       {{"first_year", Type::integer, true}, {"last_year", Type::integer, true}, {"capacity", Type::integer, false},
        {"seed", Type::text, false}, {"feasible", Type::boolean, false}, {"min_capacity", Type::integer, false},
        {"audits", Type::array, true}}},
      {CaseKind::audit_plan, "revised", false,
       {{"first_year", Type::integer, true}, {"last_year", Type::integer, true}, {"capacity", Type::integer, false},
        {"seed", Type::text, false}, {"feasible", Type::boolean, false}, {"min_capacity", Type::integer, false},
        {"audits", Type::array, true}}},
      {CaseKind::audit_plan, "completed", false,
       {{"unit_id", Type::text, true}, {"kind", Type::text, true}, {"finding", Type::text, false},
        {"leader_id", Type::text, false}}},
      // village_pay: a year's pay sheet (village::pay_sheet), its quarterly publicity, the
      // actions it sets for principals graded 不合格.
      {CaseKind::village_pay, "computed", true,
       {{"year", Type::integer, true}, {"lines", Type::array, true}, {"banner", Type::object, false}}},
      {CaseKind::village_pay, "published", true, {{"quarter", Type::integer, true}}},
      {CaseKind::village_pay, "action_done", false,
       {{"cadre_id", Type::text, true}, {"kind", Type::text, true}, {"actor", Type::text, true},
        {"note", Type::text, false}}},
      // selection: a year's quota (village::allocate_selection), eligibility, appointments and
      // the yearly renewals (village::renewals).
      {CaseKind::selection, "quota", true,
       {{"year", Type::integer, true}, {"quota", Type::integer, true}, {"method", Type::text, false},
        {"allocation", Type::object, false}, {"funnels", Type::array, false}}},
      {CaseKind::selection, "eligibility", true, {{"applicants", Type::array, true}}},
      {CaseKind::selection, "appointed", true, {{"cadre_id", Type::text, true}, {"actor", Type::text, true}}},
      {CaseKind::selection, "renewal", false,
       {{"cadre_id", Type::text, true}, {"year", Type::integer, true}, {"in_post", Type::boolean, true},
        {"grade", Type::text, false}}},
  };
  return s;
}

constexpr std::string_view kCommon[] = {"case_kind", "case_id", "op", "date", "explanation", "explanations"};

bool is_common(std::string_view k) {
  return std::find(std::begin(kCommon), std::end(kCommon), k) != std::end(kCommon);
}

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

json::value parse_text_json(const std::string &text, const std::string &field, const std::string &record) {
  try {
    return json_read::parse(text, field);
  } catch (const InvalidInput &) {
    throw InvalidInput("is not valid JSON", field, record);
  }
}

/// Reads the explanations member: an object subject -> explanation (object or JSON text).
std::vector<std::pair<std::string, std::string>> explanations_of(const json::value &v, const std::string &record) {
  json::value holder;
  const json::value *p = &v;
  if (v.is_string()) {
    holder = parse_text_json(std::string(v.get_string()), "explanations", record);
    p = &holder;
  }
  if (!p->is_object()) throw InvalidInput("must be an object subject -> explanation", "explanations", record);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto &[k, x] : p->get_object()) {
    const std::string field = "explanations." + std::string(k);
    std::string text = x.is_string() ? std::string(x.get_string()) : json::serialize(x);
    out.emplace_back(std::string(k), detail::canonical_explanation(text, field, record));
  }
  return out;
}

Action action_from_object(const json::object &o, std::string_view record_sv) {
  const std::string record(record_sv);
  auto text_member = [&](std::string_view key) -> std::string {
    const json::value *v = json_read::member(o, key);
    if (!v) throw InvalidInput("missing", std::string(key), record);
    if (!v->is_string()) throw InvalidInput("must be text", std::string(key), record);
    std::string t = trim(v->get_string());
    if (t.empty()) throw InvalidInput("missing", std::string(key), record);
    return t;
  };
  Action a;
  a.kind = parse_case_kind(text_member("case_kind"), "case_kind");
  a.case_id = text_member("case_id");
  detail::validate_case_id(a.case_id, "case_id", record);
  a.op = text_member("op");
  const OpSpec *spec = detail::find_op(a.kind, a.op);
  if (!spec)
    throw InvalidInput("not an op of " + std::string(case_kind_name(a.kind)) + " cases (" +
                           detail::op_names(a.kind) + ")",
                       "op", record);
  try {
    a.date = vocabulary::parse_date(text_member("date"), "date");
  } catch (const InvalidInput &e) {
    detail::rethrow_with_record(e, record);
  }
  a.members = json::serialize(detail::normalize_members(*spec, o, record));
  if (const json::value *v = json_read::member(o, "explanation")) {
    if (!(v->is_string() && trim(v->get_string()).empty())) {
      std::string text = v->is_string() ? std::string(v->get_string()) : json::serialize(*v);
      a.explanation = detail::canonical_explanation(text, "explanation", record);
    }
  }
  if (const json::value *v = json_read::member(o, "explanations")) {
    if (!(v->is_string() && trim(v->get_string()).empty())) a.explanations = explanations_of(*v, record);
  }
  return a;
}

}  // namespace

const char *case_kind_name(CaseKind k) noexcept {
  const auto i = static_cast<std::size_t>(k);
  return i < std::size(kKindNames) ? kKindNames[i] : "?";
}

CaseKind parse_case_kind(std::string_view text, std::string_view field) {
  for (std::size_t i = 0; i < std::size(kKindNames); ++i)
    if (text == kKindNames[i]) return static_cast<CaseKind>(i);
  throw InvalidInput("must be disposal, disclosure, tier, audit_plan, village_pay or selection", std::string(field));
}

const char *file_problem_name(FileProblem p) noexcept {
  const auto i = static_cast<std::size_t>(p);
  return i < std::size(kProblemNames) ? kProblemNames[i] : "?";
}

WorkspaceError::WorkspaceError(FileProblem problem, std::string message, std::string record)
    : Error(problem == FileProblem::busy ? ErrorCode::state : ErrorCode::invalid_input, std::move(message), "FILE",
            std::move(record)),
      problem_(problem) {}

void validate(const Stamp &stamp) {
  if (trim(stamp.by).empty()) throw InvalidInput("who records it must be given", "by");
  if (!is_valid_utf8(stamp.by) || stamp.by.size() > 200 ||
      std::any_of(stamp.by.begin(), stamp.by.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
    throw InvalidInput("must be 1-200 bytes of text without control characters", "by");
  if (is_valid_citizen_id(trim(stamp.by))) throw InvalidInput("must not be an ID number", "by");
  // YYYY-MM-DDTHH:MM:SSZ
  const std::string &t = stamp.recorded_at;
  bool ok = t.size() == 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z';
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u, 17u, 18u})
    ok = ok && i < t.size() && t[i] >= '0' && t[i] <= '9';
  if (ok) {
    try {
      parse_iso_date(std::string_view(t).substr(0, 10), "recorded_at");
    } catch (const InvalidInput &) {
      ok = false;
    }
    const int hh = std::stoi(t.substr(11, 2)), mm = std::stoi(t.substr(14, 2)), ss = std::stoi(t.substr(17, 2));
    ok = ok && hh < 24 && mm < 60 && ss < 61;
  }
  if (!ok) throw InvalidInput("must be a UTC time YYYY-MM-DDTHH:MM:SSZ", "recorded_at");
}

Action action_from_json(std::string_view object_json, std::string_view record) {
  json::object o;
  try {
    o = json_read::parse_object(object_json, "action");
  } catch (const InvalidInput &e) {
    detail::rethrow_with_record(e, std::string(record));
  }
  return action_from_object(o, record);
}

Action action_from_cells(std::span<const std::pair<std::string, std::string>> cells, std::string_view record) {
  json::object o;
  for (const auto &[k, v] : cells) {
    if (o.contains(k)) throw InvalidInput("a column given twice", k, std::string(record));
    o[k] = v;
  }
  return action_from_object(o, record);
}

std::string action_to_json(const Action &a) {
  json::object o;
  o["case_kind"] = case_kind_name(a.kind);
  o["case_id"] = a.case_id;
  o["op"] = a.op;
  o["date"] = to_iso(a.date);
  json::value m = json_read::parse(a.members.empty() ? "{}" : a.members, "members");
  for (const auto &[k, v] : m.as_object()) o[k] = v;
  if (!a.explanation.empty()) o["explanation"] = json_read::parse(a.explanation, "explanation");
  if (!a.explanations.empty()) {
    json::object e;
    for (const auto &[s, x] : a.explanations) e[s] = json_read::parse(x, "explanations");
    o["explanations"] = std::move(e);
  }
  return json::serialize(o);
}

namespace detail {

json::object normalize_members(const OpSpec &spec, const json::object &o, const std::string &record) {
  json::object members;
  for (const MemberSpec &m : spec.members) {
    const json::value *v = json_read::member(o, m.name);
    if (v && v->is_string() && trim(v->get_string()).empty()) v = nullptr;
    if (!v) {
      if (m.required) throw InvalidInput("missing", m.name, record);
      continue;
    }
    members[m.name] = convert(*v, m.type, m.name, record);
  }
  for (const auto &[k, v] : o) {
    if (is_common(k)) continue;
    bool known = false;
    for (const MemberSpec &m : spec.members) known = known || k == m.name;
    if (known) continue;
    if (v.is_null() || (v.is_string() && trim(v.get_string()).empty())) continue;  // an empty cell
    throw InvalidInput("not a member of op " + std::string(spec.op) + " of " + case_kind_name(spec.kind) + " cases",
                       json_read::display_key(k), record);  // (a column of the table may be data)
  }
  return members;
}

const OpSpec *find_op(CaseKind kind, std::string_view op) {
  for (const OpSpec &s : specs())
    if (s.kind == kind && op == s.op) return &s;
  return nullptr;
}

std::string op_names(CaseKind kind) {
  std::string out;
  for (const OpSpec &s : specs())
    if (s.kind == kind) out += (out.empty() ? "" : ", ") + std::string(s.op);
  return out;
}

void validate_case_id(std::string_view id, std::string_view field, const std::string &record) {
  if (id.empty() || id.size() > 200 || !is_valid_utf8(id) ||
      std::any_of(id.begin(), id.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
    throw InvalidInput("must be 1-200 bytes of text without control characters", std::string(field), record);
  if (is_valid_citizen_id(id))
    throw InvalidInput("must not be an ID number (case ids are listed everywhere)", std::string(field), record);
}

std::string canonical_explanation(std::string_view text, std::string_view field, const std::string &record) {
  try {
    return Explanation::from_json(text).to_json();
  } catch (const InvalidInput &e) {
    throw InvalidInput("is not an explanation: " + e.message(), std::string(field), record);
  }
}

json::value convert(const json::value &v, Type t, const std::string &field, const std::string &record) {
  switch (t) {
    case Type::text:
      if (v.is_string()) {
        std::string s = trim(v.get_string());
        if (!is_valid_utf8(s)) throw InvalidInput("is not UTF-8 text", field, record);
        return json::string(s);
      }
      if (v.is_int64() || v.is_uint64()) return json::string(json::serialize(v));
      throw InvalidInput("must be text", field, record);
    case Type::integer:
      if (v.is_int64() || v.is_uint64()) return json_read::integer(v, field, record);
      if (v.is_string()) return vocabulary::parse_whole(v.get_string(), field, record);
      throw InvalidInput("expected a whole number", field, record);
    case Type::boolean:
      if (v.is_bool()) return v.get_bool();
      if (v.is_string()) return vocabulary::parse_flag(v.get_string(), field, record);
      if (v.is_int64() && (v.get_int64() == 0 || v.get_int64() == 1)) return v.get_int64() == 1;
      throw InvalidInput("must be true or false", field, record);
    case Type::list: {
      json::array out;
      if (v.is_array()) {
        for (const auto &x : v.get_array()) {
          if (x.is_object()) {  // {"matter": …, "kind": …}: the library's discrepancy object
            out.push_back(x);
            continue;
          }
          if (!x.is_string()) throw InvalidInput("must be a list of text", field, record);
          out.push_back(json::string(trim(x.get_string())));
        }
        return out;
      }
      if (!v.is_string()) throw InvalidInput("must be a list (\"a;b\")", field, record);
      const std::string s(v.get_string());
      if (!s.empty() && s.front() == '[') return convert(parse_text_json(s, field, record), t, field, record);
      std::size_t pos = 0;
      while (pos <= s.size()) {
        std::size_t end = s.find(';', pos);
        if (end == std::string::npos) end = s.size();
        std::string item = trim(std::string_view(s).substr(pos, end - pos));
        if (!item.empty()) out.push_back(json::string(item));
        pos = end + 1;
      }
      return out;
    }
    case Type::object:
      if (v.is_object()) return v;
      if (v.is_string()) {
        json::value p = parse_text_json(std::string(v.get_string()), field, record);
        if (p.is_object()) return p;
      }
      throw InvalidInput("must be a JSON object", field, record);
    case Type::array:
      if (v.is_array()) return v;
      if (v.is_string()) {
        json::value p = parse_text_json(std::string(v.get_string()), field, record);
        if (p.is_array()) return p;
      }
      throw InvalidInput("must be a JSON array", field, record);
  }
  throw InvalidInput("unknown member type", field, record);
}

void rethrow_with_record(const Error &e, const std::string &record) {
  // The row first; the library's own record (a case id, "events[2]") after it.
  const std::string rec = e.record().empty() || e.record() == record ? record : record + " (" + e.record() + ")";
  const std::string msg = e.message();
  switch (e.code()) {
    case ErrorCode::state: throw StateError(msg, e.field(), rec);
    case ErrorCode::policy: throw PolicyError(msg, e.field(), rec);
    case ErrorCode::calendar_coverage: throw CalendarCoverageError(msg, e.field(), rec);
    case ErrorCode::invalid_input:
    case ErrorCode::invalid_argument:
    case ErrorCode::overflow: throw InvalidInput(msg, e.field(), rec, e.code());
    default: throw Error(e.code(), msg, e.field(), rec);
  }
}

std::string member_text(const json::object &o, std::string_view key) {
  const json::value *v = json_read::member(o, key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::int64_t member_int(const json::object &o, std::string_view key, std::int64_t dflt) {
  const json::value *v = json_read::member(o, key);
  return v && v->is_int64() ? v->get_int64() : dflt;
}

bool member_bool(const json::object &o, std::string_view key, bool dflt) {
  const json::value *v = json_read::member(o, key);
  return v && v->is_bool() ? v->get_bool() : dflt;
}

}  // namespace detail

}  // namespace cadrekit::workspace

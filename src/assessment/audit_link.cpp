// Audit findings of the audit module (HOLINGOL.4) as findings of the assessment module: the
// documented mapping of docs/assessment.md ("Audit findings").
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace cadrekit::assessment {

namespace json = boost::json;

std::optional<Finding> finding_from_audit(const audit::AuditFinding &a) {
  if (vocabulary::blank(a.unit_id)) throw InvalidInput("unit_id is empty", "unit_id");
  if (a.date.is_special()) throw InvalidInput("date is not a date", "date");
  Severity sev;
  switch (a.finding) {
    case audit::Finding::none: return std::nullopt;  // a clean audit is no finding
    case audit::Finding::minor: sev = Severity::minor; break;
    case audit::Finding::serious: sev = Severity::serious; break;
    case audit::Finding::referred: sev = Severity::grave; break;
    default: throw InvalidInput("unknown audit finding", "finding");
  }
  Finding f;
  f.id = "audit:" + a.unit_id + ":" + to_iso(a.date) + ":" + audit::audit_kind_name(a.kind);
  f.cadre_id = a.leader_id;
  f.unit_id = a.unit_id;
  f.date = a.date;
  f.source = FindingSource::audit;
  f.severity = sev;
  return f;
}

std::vector<Finding> findings_from_audit(std::span<const audit::AuditFinding> audits) {
  std::vector<Finding> out;
  for (std::size_t i = 0; i < audits.size(); ++i) {
    try {
      if (auto f = finding_from_audit(audits[i])) out.push_back(std::move(*f));
    } catch (const InvalidInput &e) {
      throw InvalidInput(e.message(), e.field(), "audit_findings[" + std::to_string(i) + "]");
    }
  }
  return out;
}

namespace detail {

std::vector<Finding> audit_findings_of(const json::value &v) {
  std::vector<audit::AuditFinding> audits;
  for (const auto &x : json_read::as_array(v, "audit_findings")) {
    const std::string rec = "audit_findings[" + std::to_string(audits.size()) + "]";
    audits.push_back(json_read::in_record(rec, [&] {
      const json_read::Fields o(x, "audit_finding");
      o.only({"unit_id", "leader_id", "date", "kind", "finding"});
      audit::AuditFinding a;
      a.unit_id = o.text("unit_id");
      a.leader_id = o.text_or("leader_id");
      a.date = o.date("date");
      a.kind = audit::parse_audit_kind(o.text_or("kind", "in_term"), "kind");
      a.finding = audit::parse_finding(o.text("finding"), "finding");
      return a;
    }));
  }
  return findings_from_audit(audits);
}

}  // namespace detail

std::string findings_from_audit_json(std::string_view text) {
  json::value v = json_read::parse(text, "audit_findings");
  json::array out;
  for (const auto &f : detail::audit_findings_of(v)) {
    json::object o;
    o["id"] = f.id;
    o["cadre_id"] = f.cadre_id;
    o["unit_id"] = f.unit_id;
    o["date"] = to_iso(f.date);
    o["source"] = finding_source_name(f.source);
    o["severity"] = severity_name(f.severity);
    o["classification"] = finding_class_name(f.classification);
    out.emplace_back(std::move(o));
  }
  return json::serialize(out);
}

}  // namespace cadrekit::assessment

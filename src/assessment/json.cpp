// JSON forms of screening (docs/assessment.md): used by the C ABI and the fuzz target.
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace cadrekit::assessment {

namespace json = boost::json;
using json_read::Fields;
using json_read::in_record;

namespace {

std::int32_t int32_member(const Fields &o, std::string_view key, const std::string &rec) {
  std::int64_t v = in_record(rec, [&] { return o.integer_or(key, 0); });
  if (v < 0 || v > INT32_MAX) throw InvalidInput("out of range", std::string(key), rec);
  return static_cast<std::int32_t>(v);
}

Record record_of(const json::value &v, const std::string &rec) {
  const Fields o = in_record(rec, [&] { return Fields(v, "record"); });
  Record r;
  in_record(rec, [&] {
    o.only({"cadre_id", "unit_id", "domain", "kind", "period", "score", "rating", "method", "rank", "group_size"});
    r.cadre_id = o.text("cadre_id");
    r.unit_id = o.text_or("unit_id");
    r.domain = parse_domain(o.text_or("domain", "township"), "domain");
    r.kind = parse_kind(o.text("kind"), "kind");
    if (const auto *p = o.find("period"); p && p->is_int64())
      r.period = parse_period(std::to_string(p->get_int64()), "period");
    else
      r.period = parse_period(o.text("period"), "period");
    // a blank score is none, as the command line reads the empty cell; a fraction given as a JSON
    // number is refused as the pay sheet's score is: its exact decimal text is not known
    if (const auto *s = o.given("score")) {
      if (s->is_string()) {
        r.score = std::string(s->get_string());
      } else if (s->is_int64()) {
        r.score = std::to_string(s->get_int64());
      } else {
        throw InvalidInput("expected an exact decimal as a string", "score");
      }
    }
    r.rating = parse_rating(o.text_or("rating"), "rating");
    if (const auto *m = o.find("method")) {
      if (m->is_string()) {
        r.methods = parse_method(m->get_string(), "method");
      } else if (m->is_array()) {
        for (const auto &x : m->get_array()) r.methods |= parse_method(json_read::text(x, "method"), "method");
      } else {
        throw InvalidInput("expected a method or a list of methods", "method");
      }
    }
    return 0;
  });
  r.rank = int32_member(o, "rank", rec);
  r.group_size = int32_member(o, "group_size", rec);
  validate(r, rec);
  return r;
}

Finding finding_of(const json::value &v, const std::string &rec) {
  Finding f;
  in_record(rec, [&] {
    const Fields o(v, "finding");
    o.only({"id", "cadre_id", "unit_id", "date", "source", "standard", "aspect", "classification", "severity",
            "facts"});
    f.id = o.text("id");
    f.cadre_id = o.text_or("cadre_id");
    f.unit_id = o.text_or("unit_id");
    f.date = o.date("date");
    f.source = parse_finding_source(o.text_or("source", "qualitative"), "source");
    f.standard = o.text_or("standard");
    f.aspect = parse_aspect(o.text_or("aspect"), "aspect");
    f.classification = parse_finding_class(o.text_or("classification"), "classification");
    f.severity = parse_severity(o.text_or("severity", "moderate"), "severity");
    f.facts = o.text_or("facts");
    return 0;
  });
  validate(f, rec);
  return f;
}

}  // namespace

Record record_from_json(std::string_view text, std::string_view label) {
  return record_of(json_read::parse(text, "record"), std::string(label));
}

Finding finding_from_json(std::string_view text, std::string_view label) {
  return finding_of(json_read::parse(text, "finding"), std::string(label));
}

std::string screen_json(std::string_view request, const Policy &policy) {
  const json::value v = json_read::parse(request, "request");
  const Fields o(v, "request");
  o.only({"as_of", "records", "findings", "explain", "audit_findings"});
  Date as_of = o.date("as_of");
  bool explain = o.boolean_or("explain", true);
  std::vector<Record> records;
  std::vector<Finding> findings;
  if (const auto *rs = o.array_or_none("records")) {
    records.reserve(rs->size());
    for (const auto &r : *rs) records.push_back(record_of(r, "records[" + std::to_string(records.size()) + "]"));
  }
  if (const auto *fs = o.array_or_none("findings"))
    for (const auto &f : *fs) findings.push_back(finding_of(f, "findings[" + std::to_string(findings.size()) + "]"));
  if (const auto *af = o.find("audit_findings"))
    for (auto &f : detail::audit_findings_of(*af)) findings.push_back(std::move(f));
  auto hits = screen(records, findings, as_of, policy, explain);
  std::string out = "{\"hits\":[";
  bool first = true;
  for (const auto &h : hits) {
    json::object x;
    x["cadre_id"] = h.cadre_id;
    x["rule_id"] = h.rule_id;
    x["clause"] = h.clause;
    x["suggestion"] = h.suggestion;
    json::array ps, rs, fs;
    for (const auto &p : h.periods) ps.emplace_back(p);
    x["periods"] = std::move(ps);
    if (h.findings.empty())
      for (auto r : h.records) rs.emplace_back(static_cast<std::uint64_t>(r));
    x["records"] = std::move(rs);
    for (const auto &f : h.findings) fs.emplace_back(f);
    x["findings"] = std::move(fs);
    json::array ss;
    for (std::size_t i = 0; i < h.standards.size(); ++i) {
      const Standard &st = h.standards[i];
      if (st.id.empty()) continue;
      ss.emplace_back(json::object{{"finding", h.findings[i]},
                                   {"standard", st.id},
                                   {"aspect", aspect_name(st.aspect)},
                                   {"text_zh", st.text_zh},
                                   {"text_en", st.text_en},
                                   {"clause", st.clause},
                                   {"suggestion", st.suggestion}});
    }
    x["standards"] = std::move(ss);
    std::string s = json::serialize(x);
    if (explain) {
      s.pop_back();
      s += ",\"explanation\":" + h.explanation.to_json() + "}";
    }
    out += (first ? "" : ",") + s;
    first = false;
  }
  out += "]}";
  return out;
}

std::string standards_json(const Policy &policy, Date as_of) {
  json::array a;
  for (const auto &st : standards(policy, as_of))
    a.emplace_back(json::object{{"id", st.id},
                                {"parameter", st.parameter},
                                {"aspect", aspect_name(st.aspect)},
                                {"text_zh", st.text_zh},
                                {"text_en", st.text_en},
                                {"clause", st.clause},
                                {"suggestion", st.suggestion},
                                {"assumed", st.assumed}});
  json::object o;
  o["standards"] = std::move(a);
  return json::serialize(o);
}

std::string rules_json(const Policy &policy, Date as_of) {
  auto rs = rules(policy, as_of);
  json::array a;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const Rule &r = rs[i];
    json::object x;
    x["index"] = static_cast<std::uint64_t>(i);
    x["id"] = r.id;
    x["parameter"] = r.parameter;
    x["text"] = r.text;
    x["clause"] = r.clause;
    x["label_zh"] = r.label_zh;
    x["label_en"] = r.label_en;
    x["assumed"] = r.assumed;
    x["target"] = r.target == Rule::Target::assessment ? "assessment" : "finding";
    x["suggestion"] = r.suggestion;
    a.emplace_back(std::move(x));
  }
  json::object o;
  o["rules"] = std::move(a);
  return json::serialize(o);
}

}  // namespace cadrekit::assessment

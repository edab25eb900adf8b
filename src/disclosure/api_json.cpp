// JSON requests and responses of the disclosure module: the one form the C ABI (and any other
// language) speaks. Errors name the request member; messages never repeat a value.
#include <boost/json.hpp>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/utf8.hpp"
#include "cadrekit/disclosure.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace json = boost::json;

namespace cadrekit::disclosure {

namespace {

using json_read::Fields;

/// The request (or action) object; `what` names it in errors.
json::object parse_request(std::string_view text, const char *what) {
  if (!is_valid_utf8(text)) throw InvalidInput("the request is not valid UTF-8", what);
  return json_read::parse_object(text, what);
}

/// A round or another small whole number of a request.
int small_int(const Fields &o, std::string_view key) {
  const std::int64_t v = o.integer(key);
  if (v < -1000000 || v > 1000000) throw InvalidInput("must be a whole number", o.field(key));
  return static_cast<int>(v);
}

Record record_member(const Fields &o) {
  const json::value &v = o.need("record");
  try {
    return detail::record_from_value(v);
  } catch (const InvalidInput &e) {
    throw InvalidInput("the record is invalid", "record." + e.field(), e.record());
  }
}

json::object plan_value(const RoundPlan &p) {
  json::object o;
  o["round"] = p.round;
  o["rank"] = rank_name(p.rank);
  o["posted"] = to_iso(p.posted);
  o["venues"] = detail::string_array(p.venues);
  o["first_day"] = to_iso(p.window.first);
  o["last_day"] = to_iso(p.window.last);
  o["working_days"] = p.working_days;
  return o;
}

}  // namespace

std::string validate_response_json(std::string_view record_json, const Policy &policy) {
  json::array a;
  for (const auto &p : validate_json(record_json, policy))
    a.push_back(json::object{{"path", p.path}, {"code", p.code}, {"message", p.message}});
  return json::serialize(a);
}

std::string plan_round_json(std::string_view request_json, const WorkCalendar &calendar,
                            const Policy &policy) {
  const json::object req = parse_request(request_json, "request");
  const Fields o(req);
  o.only({"round", "rank", "posted"});
  RoundPlan p = plan_round(small_int(o, "round"), parse_rank(o.text("rank"), "rank"), o.date("posted"),
                           calendar, policy);
  return json::serialize(plan_value(p));
}

std::string notice_json(std::string_view request_json, const WorkCalendar &calendar,
                        const Policy &policy) {
  const json::object req = parse_request(request_json, "request");
  const Fields o(req);
  o.only({"record", "round", "posted"});
  Record r = record_member(o);
  int round = small_int(o, "round");
  std::optional<RoundPlan> plan;
  if (o.find("posted")) plan = plan_round(round, r.proposed_rank, o.date("posted"), calendar, policy);
  Notice n = notice(r, round, policy, plan);
  json::object out;
  out["round"] = n.round;
  out["field_names"] = detail::string_array(n.field_names);
  out["fields"] = json::parse(n.fields_json);
  out["text"] = n.text;
  if (plan) out["plan"] = plan_value(*plan);
  return json::serialize(out);
}

std::string case_open_json(std::string_view request_json, const Policy &policy) {
  const json::object req = parse_request(request_json, "request");
  const Fields o(req);
  o.only({"record", "date", "actor"});
  return Case::open(record_member(o), o.date("date"), o.text("actor"), policy).to_json();
}

namespace {

// One transition; with `ex`, the explanation of a post_round or record_finding (returns whether
// the action has one).
bool apply_action(Case &c, std::string_view action_json, const WorkCalendar &calendar,
                  const Policy &policy, Explanation *ex) {
  const json::object obj = parse_request(action_json, "action");
  const Fields a(obj);
  std::string action = a.text("action");
  if (action == "post_round") {
    a.only({"action", "round", "date", "actor"});
    c.post_round(small_int(a, "round"), a.date("date"), a.text("actor"), calendar, policy, ex);
    return true;
  } else if (action == "receive_complaint") {
    a.only({"action", "channel", "date", "actor"});
    c.receive_complaint(a.text("channel"), a.date("date"), a.text("actor"));
  } else if (action == "assign") {
    a.only({"action", "complaint", "departments", "date", "actor"});
    a.need("departments");
    c.assign(a.text("complaint"), a.texts("departments"), a.date("date"), a.text("actor"), policy);
  } else if (action == "record_finding") {
    a.only({"action", "complaint", "finding", "discrepancies", "date", "actor"});
    std::vector<Discrepancy> ds;
    if (const json::array *v = a.array_or_none("discrepancies")) {
      for (std::size_t i = 0; i < v->size(); ++i) {
        std::string p = "discrepancies[" + std::to_string(i) + "]";
        const Fields x((*v)[i], p, p + ".");
        x.only({"matter", "kind"});
        ds.push_back(Discrepancy{x.text("matter"), x.text("kind")});
      }
    }
    c.record_finding(a.text("complaint"), finding_from_string(a.text("finding")), ds, a.date("date"),
                     a.text("actor"), policy, ex);
    return true;
  } else if (action == "decide") {
    a.only({"action", "complaint", "outcome", "date", "actor"});
    c.decide(a.text("complaint"), outcome_from_string(a.text("outcome")), a.date("date"), a.text("actor"));
  } else if (action == "return_for_correction") {
    a.only({"action", "record", "date", "actor", "note"});
    c.return_for_correction(record_member(a), a.date("date"), a.text("actor"), a.text_or("note"), policy);
  } else {
    throw InvalidInput(
        "action must be post_round, receive_complaint, assign, record_finding, decide or "
        "return_for_correction",
        "action");
  }
  return false;
}

}  // namespace

std::string case_apply_json(std::string_view case_json, std::string_view action_json,
                            const WorkCalendar &calendar, const Policy &policy) {
  Case c = Case::from_json(case_json);
  apply_action(c, action_json, calendar, policy, nullptr);
  return c.to_json();
}

std::string case_apply_explained_json(std::string_view case_json, std::string_view action_json,
                                      const WorkCalendar &calendar, const Policy &policy) {
  Case c = Case::from_json(case_json);
  Explanation ex;
  bool explained = apply_action(c, action_json, calendar, policy, &ex);
  json::object out;
  out["case"] = json::parse(c.to_json());
  out["explanation"] = explained ? json::parse(ex.to_json()) : json::value(nullptr);
  return json::serialize(out);
}

std::string can_proceed_json(const Case &c, Date as_of) {
  ProceedCheck k = c.can_proceed(as_of);
  json::object o;
  o["ok"] = k.ok;
  o["reasons"] = detail::string_array(k.reasons);
  return json::serialize(o);
}

std::string complaints_json(const Case &c) {
  json::array out;
  for (const Complaint &k : c.complaints())
    out.push_back(json::object{{"id", k.id},
                               {"round", k.round},
                               {"channel", k.channel},
                               {"received", to_iso(k.received)},
                               {"timing", k.timing},
                               {"status", to_string(k.status)},
                               {"departments", detail::string_array(k.departments)},
                               {"finding", k.finding ? to_string(*k.finding) : ""},
                               {"discrepancies", detail::string_array(k.discrepancies)},
                               {"outcome", k.outcome ? to_string(*k.outcome) : ""},
                               {"accountability", k.accountability}});
  return json::serialize(out);
}

std::string yearly_counts_json(std::string_view cases_json) {
  if (!is_valid_utf8(cases_json)) throw InvalidInput("the cases are not valid UTF-8", "cases");
  json_read::Parsed parsed = json_read::parse_checked(cases_json);
  if (parsed.found) throw InvalidInput(parsed.found.message, "cases" + parsed.found.path);
  const json::value v = std::move(parsed.value);
  if (parsed.ec || !v.is_array()) throw InvalidInput("expected a JSON array of cases", "cases");
  std::vector<Case> cases;
  for (std::size_t i = 0; i < v.get_array().size(); ++i) {
    try {
      cases.push_back(Case::from_json(json::serialize(v.get_array()[i])));
    } catch (const Error &e) {
      std::string field = "cases[" + std::to_string(i) + "]";
      if (!e.field().empty()) field += "." + e.field();
      if (e.code() == ErrorCode::state) throw StateError("a case's log is impossible", field, e.record());
      throw InvalidInput("a case is invalid", field, e.record());
    }
  }
  json::array out;
  for (const auto &r : yearly_counts(cases))
    out.push_back(json::object{{"year", r.year},
                               {"round", r.round},
                               {"disclosed", r.disclosed},
                               {"complaints", r.complaints},
                               {"cancelled", r.cancelled},
                               {"referred", r.referred}});
  return json::serialize(out);
}

}  // namespace cadrekit::disclosure

// JSON requests and responses of the disclosure module: the one form the C ABI (and any other
// language) speaks. Errors name the request member; messages never repeat a value.
#include <boost/json.hpp>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/utf8.hpp"
#include "cadrekit/disclosure.hpp"
#include "disclosure/detail.hpp"

namespace json = boost::json;

namespace cadrekit::disclosure {

namespace {

json::object parse_request(std::string_view text, const char *what) {
  if (!is_valid_utf8(text)) throw InvalidInput("the request is not valid UTF-8", what);
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) throw InvalidInput("the request is not valid JSON", what);
  if (!v.is_object()) throw InvalidInput("the request must be a JSON object", what);
  return std::move(v.get_object());
}

void only(const json::object &o, std::initializer_list<std::string_view> known) {
  for (const auto &kv : o)
    if (std::find(known.begin(), known.end(), kv.key()) == known.end())
      throw InvalidInput("unknown member", std::string(kv.key()));
}

const json::value &need(const json::object &o, const char *key) {
  const json::value *v = o.if_contains(key);
  if (v == nullptr || v->is_null()) throw InvalidInput("a required member is missing", key);
  return *v;
}

std::string str(const json::object &o, const char *key, bool required = true) {
  const json::value *v = o.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (required) throw InvalidInput("a required member is missing", key);
    return {};
  }
  if (!v->is_string()) throw InvalidInput("must be a string", key);
  return std::string(v->get_string());
}

int integer(const json::object &o, const char *key) {
  const json::value &v = need(o, key);
  if (!v.is_int64() || v.get_int64() < -1000000 || v.get_int64() > 1000000)
    throw InvalidInput("must be a whole number", key);
  return static_cast<int>(v.get_int64());
}

Date date(const json::object &o, const char *key) { return parse_iso_date(str(o, key), key); }

std::vector<std::string> strings(const json::object &o, const char *key) {
  const json::value &v = need(o, key);
  if (!v.is_array()) throw InvalidInput("must be an array", key);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.get_array().size(); ++i) {
    const auto &x = v.get_array()[i];
    if (!x.is_string())
      throw InvalidInput("must be a string", std::string(key) + "[" + std::to_string(i) + "]");
    out.emplace_back(x.get_string());
  }
  return out;
}

Record record_member(const json::object &o) {
  const json::value &v = need(o, "record");
  try {
    return detail::record_from_value(v);
  } catch (const InvalidInput &e) {
    throw InvalidInput("the record is invalid", "record." + e.field(), e.record());
  }
}

json::array string_array(const std::vector<std::string> &v) {
  json::array a;
  for (const auto &s : v) a.push_back(json::string(s));
  return a;
}

json::object plan_value(const RoundPlan &p) {
  json::object o;
  o["round"] = p.round;
  o["rank"] = rank_name(p.rank);
  o["posted"] = to_iso(p.posted);
  o["venues"] = string_array(p.venues);
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
  json::object o = parse_request(request_json, "request");
  only(o, {"round", "rank", "posted"});
  RoundPlan p = plan_round(integer(o, "round"), parse_rank(str(o, "rank"), "rank"),
                           date(o, "posted"), calendar, policy);
  return json::serialize(plan_value(p));
}

std::string notice_json(std::string_view request_json, const WorkCalendar &calendar,
                        const Policy &policy) {
  json::object o = parse_request(request_json, "request");
  only(o, {"record", "round", "posted"});
  Record r = record_member(o);
  int round = integer(o, "round");
  std::optional<RoundPlan> plan;
  if (o.contains("posted") && !o.at("posted").is_null())
    plan = plan_round(round, r.proposed_rank, date(o, "posted"), calendar, policy);
  Notice n = notice(r, round, policy, plan);
  json::object out;
  out["round"] = n.round;
  out["field_names"] = string_array(n.field_names);
  out["fields"] = json::parse(n.fields_json);
  out["text"] = n.text;
  if (plan) out["plan"] = plan_value(*plan);
  return json::serialize(out);
}

std::string case_open_json(std::string_view request_json, const Policy &policy) {
  json::object o = parse_request(request_json, "request");
  only(o, {"record", "date", "actor"});
  return Case::open(record_member(o), date(o, "date"), str(o, "actor"), policy).to_json();
}

namespace {

// One transition; with `ex`, the explanation of a post_round or record_finding (returns whether
// the action has one).
bool apply_action(Case &c, std::string_view action_json, const WorkCalendar &calendar,
                  const Policy &policy, Explanation *ex) {
  json::object a = parse_request(action_json, "action");
  std::string action = str(a, "action");
  if (action == "post_round") {
    only(a, {"action", "round", "date", "actor"});
    c.post_round(integer(a, "round"), date(a, "date"), str(a, "actor"), calendar, policy, ex);
    return true;
  } else if (action == "receive_complaint") {
    only(a, {"action", "channel", "date", "actor"});
    c.receive_complaint(str(a, "channel"), date(a, "date"), str(a, "actor"));
  } else if (action == "assign") {
    only(a, {"action", "complaint", "departments", "date", "actor"});
    c.assign(str(a, "complaint"), strings(a, "departments"), date(a, "date"), str(a, "actor"),
             policy);
  } else if (action == "record_finding") {
    only(a, {"action", "complaint", "finding", "discrepancies", "date", "actor"});
    std::vector<Discrepancy> ds;
    if (const json::value *v = a.if_contains("discrepancies"); v != nullptr && !v->is_null()) {
      if (!v->is_array()) throw InvalidInput("must be an array", "discrepancies");
      for (std::size_t i = 0; i < v->get_array().size(); ++i) {
        const json::value &x = v->get_array()[i];
        std::string p = "discrepancies[" + std::to_string(i) + "]";
        if (!x.is_object()) throw InvalidInput("must be an object", p);
        const json::object &xo = x.get_object();
        for (const auto &kv : xo)
          if (kv.key() != "matter" && kv.key() != "kind")
            throw InvalidInput("unknown member", p + "." + std::string(kv.key()));
        ds.push_back(Discrepancy{str(xo, "matter"), str(xo, "kind")});
      }
    }
    c.record_finding(str(a, "complaint"), str(a, "finding"), ds, date(a, "date"),
                     str(a, "actor"), policy, ex);
    return true;
  } else if (action == "decide") {
    only(a, {"action", "complaint", "outcome", "date", "actor"});
    c.decide(str(a, "complaint"), str(a, "outcome"), date(a, "date"), str(a, "actor"));
  } else if (action == "return_for_correction") {
    only(a, {"action", "record", "date", "actor", "note"});
    c.return_for_correction(record_member(a), date(a, "date"), str(a, "actor"),
                            str(a, "note", false), policy);
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
  o["reasons"] = string_array(k.reasons);
  return json::serialize(o);
}

std::string yearly_counts_json(std::string_view cases_json) {
  if (!is_valid_utf8(cases_json)) throw InvalidInput("the cases are not valid UTF-8", "cases");
  boost::system::error_code ec;
  json::value v = json::parse(cases_json, ec);
  if (ec || !v.is_array()) throw InvalidInput("expected a JSON array of cases", "cases");
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

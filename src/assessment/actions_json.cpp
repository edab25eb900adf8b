// The JSON forms of the assessment module's case actions and follow-up requests
// (docs/assessment.md). They live in the library, not in the C ABI, so that every surface that
// speaks JSON shares one reading of it.
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "assessment/json_util.hpp"
#include "cadrekit/assessment.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/disclosure.hpp"

namespace cadrekit::assessment {

namespace json = boost::json;

namespace {

json::object action_object(std::string_view action_json, json::value &holder) {
  holder = detail::parse_json(action_json, "action");
  return detail::as_object(holder, "action");
}

std::vector<std::string> string_list(const json::object &o, std::string_view key) {
  std::vector<std::string> out;
  const auto *v = detail::member(o, key);
  if (!v) return out;
  if (!v->is_array()) throw InvalidInput("expected an array", std::string(key));
  for (const auto &x : v->get_array()) out.push_back(detail::get_string(x, std::string(key)));
  return out;
}


}  // namespace

std::string disposal_apply_json(std::optional<std::string_view> case_json,
                                std::string_view action_json) {
    using namespace detail;
    json::value holder;
    json::object a = action_object(action_json, holder);
    std::string op = str(a, "op", "");
    std::optional<DisposalCase> c;
    if (op == "open") {
      if (case_json.has_value()) throw InvalidInput("open takes no case", "case_json", {}, ErrorCode::invalid_argument);
      c.emplace(str(a, "case_id", ""), str(a, "cadre_id", ""));
    } else {
      if (!case_json.has_value()) throw InvalidInput("argument is NULL", "case_json", {}, ErrorCode::invalid_argument);
      c.emplace(DisposalCase::from_json(*case_json));
      if (op == "advance") {
        c->advance(parse_stage(str(a, "stage", ""), "stage"), date(a, "date", ""), str(a, "actor", ""),
                   str(a, "note", "", true));
      } else if (op == "decide") {
        c->decide(parse_disposal_method(str(a, "method", ""), "method"), date(a, "date", ""),
                  string_list(a, "grounds"), str(a, "actor", "", true, "committee"), str(a, "note", "", true));
      } else if (op == "close_no_action") {
        c->close_no_action(date(a, "date", ""), str(a, "actor", ""), str(a, "note", "", true));
      } else {
        throw InvalidInput("unknown op (open, advance, decide, close_no_action)", "op");
      }
    }
    return (c->to_json());
}

std::string follow_up_json(std::string_view request_json, const Policy &p) {
    using namespace detail;
        json::value v = parse_json(request_json, "request");
    const auto &o = as_object(v, "request");
    Date dec = date(o, "decision_date", "");
    json::object res;
    if (member(o, "until")) {
      json::array sch;
      for (const auto &x : follow_up_schedule(dec, date(o, "until", ""), p)) {
        json::object e;
        e["date"] = to_iso(x.date);
        e["kind"] = follow_up_kind_name(x.kind);
        sch.emplace_back(std::move(e));
      }
      res["schedule"] = std::move(sch);
    }
    if (member(o, "as_of")) {
      std::vector<FollowUpHeld> held;
      if (const auto *h = member(o, "held")) {
        if (!h->is_array()) throw InvalidInput("expected an array", "held");
        for (const auto &x : h->get_array()) {
          std::string path = "held[" + std::to_string(held.size()) + "].";
          const auto &ho = as_object(x, path);
          held.push_back({date(ho, "date", path), parse_follow_up_kind(str(ho, "kind", path), path + "kind"),
                          str(ho, "actor", path, true), str(ho, "note", path, true)});
        }
      }
      json::array led;
      for (const auto &s : follow_up_ledger(dec, held, date(o, "as_of", ""), p)) {
        json::object e;
        e["date"] = to_iso(s.due.date);
        e["kind"] = follow_up_kind_name(s.due.kind);
        e["held"] = s.held ? json::value(to_iso(*s.held)) : json::value(nullptr);
        e["overdue"] = s.overdue;
        led.emplace_back(std::move(e));
      }
      res["ledger"] = std::move(led);
    }
    if (res.empty()) throw InvalidInput("give until (schedule) or as_of (ledger)", "until");
    return (json::serialize(res));
}

std::string promotion_apply_json(std::optional<std::string_view> case_json,
                                 std::string_view action_json, const Policy &p) {
    using namespace detail;
        json::value holder;
    json::object a = action_object(action_json, holder);
    std::string op = str(a, "op", "");
    std::optional<PromotionCase> c;
    if (op == "open") {
      if (case_json.has_value()) throw InvalidInput("open takes no case", "case_json", {}, ErrorCode::invalid_argument);
      c.emplace(str(a, "case_id", ""), detail::promotion_facts_from_json(as_object(required(a, "facts", ""), "facts")));
      return (c->to_json());
    }
    if (!case_json.has_value()) throw InvalidInput("argument is NULL", "case_json", {}, ErrorCode::invalid_argument);
    c.emplace(PromotionCase::from_json(*case_json));
    std::optional<disclosure::Case> dc;
    if (const auto *d = member(a, "disclosure_case")) {
      if (d->is_string()) dc.emplace(disclosure::Case::from_json(std::string(d->get_string())));
      else if (d->is_object()) dc.emplace(disclosure::Case::from_json(json::serialize(*d)));
      else throw InvalidInput("expected a disclosure case (an object)", "disclosure_case");
    }
    const disclosure::Case *dp = dc ? &*dc : nullptr;
    if (op == "vetoes") {
      Explanation ex("cadre " + c->facts().cadre_id);
      json::array vs;
      for (const auto &v : c->vetoes(date(a, "as_of", ""), p, &ex, dp)) {
        json::object e;
        e["code"] = v.code;
        e["reason_zh"] = v.reason_zh;
        e["reason_en"] = v.reason_en;
        e["clause"] = v.clause;
        vs.emplace_back(std::move(e));
      }
      std::string s = "{\"vetoes\":" + json::serialize(vs) + ",\"explanation\":" + ex.to_json() + "}";
      return (s);
    }
    if (op == "post_quota") {
      c->check_post_quota(date(a, "date", ""), integer(a, "approved_posts", ""), integer(a, "filled_posts", ""),
                          str(a, "actor", ""), p, dp);
    } else if (op == "pass") {
      c->pass_gate(parse_gate(str(a, "gate", ""), "gate"), date(a, "date", ""), str(a, "actor", ""), p,
                   str(a, "note", "", true), dp);
    } else if (op == "fail") {
      c->fail_gate(parse_gate(str(a, "gate", ""), "gate"), date(a, "date", ""), str(a, "actor", ""),
                   str(a, "reason", ""));
    } else {
      throw InvalidInput("unknown op (open, post_quota, pass, fail, vetoes)", "op");
    }
    return (c->to_json());
}

}  // namespace cadrekit::assessment

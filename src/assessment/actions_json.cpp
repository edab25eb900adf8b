// The JSON forms of the assessment module's case actions and follow-up requests
// (docs/assessment.md). They live in the library, not in the C ABI, so that every surface that
// speaks JSON shares one reading of it.
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/disclosure.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace cadrekit::assessment {

namespace json = boost::json;
using json_read::Fields;

std::string disposal_apply_json(std::optional<std::string_view> case_json,
                                std::string_view action_json) {
  const json::value holder = json_read::parse(action_json, "action");
  const Fields a(holder, "action");
  std::string op = a.text("op");
  if (op == "open") a.only({"op", "case_id", "cadre_id"});
  else if (op == "advance") a.only({"op", "stage", "date", "actor", "note"});
  else if (op == "decide") a.only({"op", "method", "date", "grounds", "actor", "note"});
  else if (op == "close_no_action") a.only({"op", "date", "actor", "note"});
  std::optional<DisposalCase> c;
  if (op == "open") {
    if (case_json.has_value()) throw InvalidInput("open takes no case", "case_json", {}, ErrorCode::invalid_argument);
    c.emplace(a.text("case_id"), a.text("cadre_id"));
  } else {
    if (!case_json.has_value()) throw InvalidInput("argument is NULL", "case_json", {}, ErrorCode::invalid_argument);
    c.emplace(DisposalCase::from_json(*case_json));
    if (op == "advance") {
      c->advance(parse_stage(a.text("stage"), "stage"), a.date("date"), a.text("actor"), a.text_or("note"));
    } else if (op == "decide") {
      c->decide(parse_disposal_method(a.text("method"), "method"), a.date("date"), a.texts("grounds"),
                a.text_or("actor", "committee"), a.text_or("note"));
    } else if (op == "close_no_action") {
      c->close_no_action(a.date("date"), a.text("actor"), a.text_or("note"));
    } else {
      throw InvalidInput("unknown op (open, advance, decide, close_no_action)", "op");
    }
  }
  return c->to_json();
}

std::string follow_up_json(std::string_view request_json, const Policy &p) {
  const json::value v = json_read::parse(request_json, "request");
  const Fields o(v, "request");
  o.only({"decision_date", "until", "as_of", "held"});
  Date dec = o.date("decision_date");
  json::object res;
  if (o.find("until")) {
    json::array sch;
    for (const auto &x : follow_up_schedule(dec, o.date("until"), p)) {
      json::object e;
      e["date"] = to_iso(x.date);
      e["kind"] = follow_up_kind_name(x.kind);
      sch.emplace_back(std::move(e));
    }
    res["schedule"] = std::move(sch);
  }
  if (o.find("as_of")) {
    std::vector<FollowUpHeld> held;
    if (const auto *h = o.array_or_none("held")) {
      for (const auto &x : *h) {
        std::string path = "held[" + std::to_string(held.size()) + "].";
        const Fields ho(x, path, path);
        ho.only({"date", "kind", "actor", "note"});
        held.push_back({ho.date("date"), parse_follow_up_kind(ho.text("kind"), path + "kind"), ho.text_or("actor"),
                        ho.text_or("note")});
      }
    }
    json::array led;
    for (const auto &s : follow_up_ledger(dec, held, o.date("as_of"), p)) {
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
  return json::serialize(res);
}

std::string vetoes_json(std::span<const Veto> vetoes) {
  json::array vs;
  for (const auto &v : vetoes) {
    json::object e;
    e["code"] = v.code;
    e["reason_zh"] = v.reason_zh;
    e["reason_en"] = v.reason_en;
    e["clause"] = v.clause;
    vs.emplace_back(std::move(e));
  }
  return json::serialize(vs);
}

std::string promotion_apply_json(std::optional<std::string_view> case_json,
                                 std::string_view action_json, const Policy &p) {
  const json::value holder = json_read::parse(action_json, "action");
  const Fields a(holder, "action");
  std::string op = a.text("op");
  if (op == "open") a.only({"op", "case_id", "facts"});
  else if (op == "vetoes") a.only({"op", "as_of", "disclosure_case"});
  else if (op == "post_quota") a.only({"op", "date", "approved_posts", "filled_posts", "actor", "disclosure_case"});
  else if (op == "pass") a.only({"op", "gate", "date", "actor", "note", "disclosure_case"});
  else if (op == "fail") a.only({"op", "gate", "date", "actor", "reason", "disclosure_case"});
  std::optional<PromotionCase> c;
  if (op == "open") {
    if (case_json.has_value()) throw InvalidInput("open takes no case", "case_json", {}, ErrorCode::invalid_argument);
    c.emplace(a.text("case_id"), detail::promotion_facts_from_json(json_read::as_object(a.need("facts"), "facts")));
    return c->to_json();
  }
  if (!case_json.has_value()) throw InvalidInput("argument is NULL", "case_json", {}, ErrorCode::invalid_argument);
  c.emplace(PromotionCase::from_json(*case_json));
  std::optional<disclosure::Case> dc;
  if (const auto *d = a.find("disclosure_case")) {
    if (d->is_string()) dc.emplace(disclosure::Case::from_json(std::string(d->get_string())));
    else if (d->is_object()) dc.emplace(disclosure::Case::from_json(json::serialize(*d)));
    else throw InvalidInput("expected a disclosure case (an object)", "disclosure_case");
  }
  const disclosure::Case *dp = dc ? &*dc : nullptr;
  if (op == "vetoes") {
    Explanation ex("cadre " + c->facts().cadre_id);
    const std::vector<Veto> vs = c->vetoes(a.date("as_of"), p, &ex, dp);
    return "{\"vetoes\":" + vetoes_json(vs) + ",\"explanation\":" + ex.to_json() + "}";
  }
  if (op == "post_quota") {
    c->check_post_quota(a.date("date"), a.integer("approved_posts"), a.integer("filled_posts"), a.text("actor"), p,
                        dp);
  } else if (op == "pass") {
    c->pass_gate(parse_gate(a.text("gate"), "gate"), a.date("date"), a.text("actor"), p, a.text_or("note"), dp);
  } else if (op == "fail") {
    c->fail_gate(parse_gate(a.text("gate"), "gate"), a.date("date"), a.text("actor"), a.text("reason"));
  } else {
    throw InvalidInput("unknown op (open, post_quota, pass, fail, vetoes)", "op");
  }
  return c->to_json();
}

}  // namespace cadrekit::assessment

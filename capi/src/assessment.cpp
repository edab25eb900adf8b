// C ABI: assessment, red lines, disposal, follow-up, promotion (HORQIN).
#include "cadrekit/assessment.hpp"

#include <cstdlib>
#include <boost/json.hpp>

#include "../../src/assessment/json_util.hpp"
#include "cadrekit/core/policy.hpp"
#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;
using namespace cadrekit::assessment;
namespace json = boost::json;

// The policy handle of capi/src/policy.cpp (the same definition; the core exports no accessor).
namespace {
constexpr std::uint32_t kPolicyMagic = 0x434B504Fu;  // "CKPO"
}

struct ck_policy : Handle<Policy, kPolicyMagic> {
  using Handle::Handle;
};

namespace {

const Policy &policy_ref(const ck_policy *p) { return handle_value(p, kPolicyMagic, "policy"); }

json::object action_object(const char *action_json, json::value &holder) {
  holder = detail::parse_json(text_arg(action_json, "action_json"), "action");
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

PromotionFacts facts_of(const json::object &fo) {
  using namespace detail;
  PromotionFacts f;
  f.cadre_id = str(fo, "cadre_id", "facts.");
  f.unit_id = str(fo, "unit_id", "facts.", true);
  f.current_rank = parse_rank(str(fo, "current_rank", "facts."), "facts.current_rank");
  f.target_rank = parse_rank(str(fo, "target_rank", "facts."), "facts.target_rank");
  f.rank_since = date(fo, "rank_since", "facts.");
  if (member(fo, "work_started")) f.work_started = date(fo, "work_started", "facts.");
  f.integrity_problem = boolean(fo, "integrity_problem", "facts.");
  f.poor_reputation = boolean(fo, "poor_reputation", "facts.");
  f.open_disposal_case = boolean(fo, "open_disposal_case", "facts.");
  f.disclosure_blocked = boolean(fo, "disclosure_blocked", "facts.");
  return f;
}

}  // namespace

extern "C" {

int ck_assessment_rules_json(char **out, const ck_policy *policy, ck_date as_of) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string s = rules_json(policy_ref(policy), date_arg(as_of, "as_of"));
    *out = dup_string(s);
  });
}

int ck_assessment_screen_json(char **out, const ck_policy *policy, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_ref(policy);
    std::string s = screen_json(text_arg(request_json, "request_json"), p);
    *out = dup_string(s);
  });
}

int ck_assessment_screen_batch(ck_assessment_hit **hits, size_t *n_hits, const ck_policy *policy,
                               ck_date as_of, size_t n, const int64_t *cadre, const uint8_t *kind,
                               const int32_t *period, const int32_t *rank, const int32_t *group_size,
                               const uint8_t *rating) {
  if (hits == nullptr) return null_argument("hits");
  if (n_hits == nullptr) return null_argument("n_hits");
  if (n > 0) {
    if (cadre == nullptr) return null_argument("cadre");
    if (kind == nullptr) return null_argument("kind");
    if (period == nullptr) return null_argument("period");
    if (rank == nullptr) return null_argument("rank");
    if (group_size == nullptr) return null_argument("group_size");
    if (rating == nullptr) return null_argument("rating");
  }
  return guard([&] {
    const Policy &p = policy_ref(policy);
    Date d = date_arg(as_of, "as_of");
    Columns c{{cadre, n}, {kind, n}, {period, n}, {rank, n}, {group_size, n}, {rating, n}};
    auto rs = rules(p, d);
    auto got = screen_batch(c, d, rs);
    ck_assessment_hit *arr = nullptr;
    if (!got.empty()) {
      arr = static_cast<ck_assessment_hit *>(std::malloc(got.size() * sizeof(ck_assessment_hit)));
      if (arr == nullptr) throw std::bad_alloc();
      for (std::size_t i = 0; i < got.size(); ++i)
        arr[i] = {got[i].cadre, got[i].rule, got[i].first_period, got[i].last_period, got[i].count};
    }
    *hits = arr;
    *n_hits = got.size();
  });
}

int ck_assessment_disposal_apply_json(char **out, const char *case_json, const char *action_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    using namespace detail;
    json::value holder;
    json::object a = action_object(action_json, holder);
    std::string op = str(a, "op", "");
    std::optional<DisposalCase> c;
    if (op == "open") {
      if (case_json != nullptr) throw InvalidInput("open takes no case", "case_json", {}, ErrorCode::invalid_argument);
      c.emplace(str(a, "case_id", ""), str(a, "cadre_id", ""));
    } else {
      if (case_json == nullptr) throw InvalidInput("argument is NULL", "case_json", {}, ErrorCode::invalid_argument);
      c.emplace(DisposalCase::from_json(text_arg(case_json, "case_json")));
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
    *out = dup_string(c->to_json());
  });
}

int ck_assessment_follow_up_json(char **out, const ck_policy *policy, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    using namespace detail;
    const Policy &p = policy_ref(policy);
    json::value v = parse_json(text_arg(request_json, "request_json"), "request");
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
    *out = dup_string(json::serialize(res));
  });
}

int ck_assessment_promotion_apply_json(char **out, const ck_policy *policy, const char *case_json,
                                       const char *action_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    using namespace detail;
    const Policy &p = policy_ref(policy);
    json::value holder;
    json::object a = action_object(action_json, holder);
    std::string op = str(a, "op", "");
    std::optional<PromotionCase> c;
    if (op == "open") {
      if (case_json != nullptr) throw InvalidInput("open takes no case", "case_json", {}, ErrorCode::invalid_argument);
      c.emplace(str(a, "case_id", ""), facts_of(as_object(required(a, "facts", ""), "facts")));
      *out = dup_string(c->to_json());
      return;
    }
    if (case_json == nullptr) throw InvalidInput("argument is NULL", "case_json", {}, ErrorCode::invalid_argument);
    c.emplace(PromotionCase::from_json(text_arg(case_json, "case_json")));
    if (op == "vetoes") {
      Explanation ex("cadre " + c->facts().cadre_id);
      json::array vs;
      for (const auto &v : c->vetoes(date(a, "as_of", ""), p, &ex)) {
        json::object e;
        e["code"] = v.code;
        e["reason_zh"] = v.reason_zh;
        e["reason_en"] = v.reason_en;
        e["clause"] = v.clause;
        vs.emplace_back(std::move(e));
      }
      std::string s = "{\"vetoes\":" + json::serialize(vs) + ",\"explanation\":" + ex.to_json() + "}";
      *out = dup_string(s);
      return;
    }
    if (op == "post_quota") {
      c->check_post_quota(date(a, "date", ""), integer(a, "approved_posts", ""), integer(a, "filled_posts", ""),
                          str(a, "actor", ""), p);
    } else if (op == "pass") {
      c->pass_gate(parse_gate(str(a, "gate", ""), "gate"), date(a, "date", ""), str(a, "actor", ""), p,
                   str(a, "note", "", true));
    } else if (op == "fail") {
      c->fail_gate(parse_gate(str(a, "gate", ""), "gate"), date(a, "date", ""), str(a, "actor", ""),
                   str(a, "reason", ""));
    } else {
      throw InvalidInput("unknown op (open, post_quota, pass, fail, vetoes)", "op");
    }
    *out = dup_string(c->to_json());
  });
}

}  // extern "C"

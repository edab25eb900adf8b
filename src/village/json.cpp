// JSON requests and responses of the village module (the C ABI's form; docs/village.md).
#include <array>
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "core/json_read.hpp"
#include "cadrekit/village.hpp"

namespace cadrekit::village {

namespace json = boost::json;

namespace {

// Typed reads on the core's JSON reader (src/core/json_read.hpp): errors name the member and the
// record (village or principal), never the value. Absent and null are the same ("not given").
json::object parse_request(std::string_view text) { return json_read::parse_object(text, "request", 16); }

using json_read::member;

std::string req_string(const json::object &o, std::string_view key, const std::string &record) {
  const auto *v = member(o, key);
  if (!v) throw InvalidInput("must be a string", std::string(key), record);
  return json_read::text(*v, std::string(key), record);
}

std::string opt_string(const json::object &o, std::string_view key, const std::string &record) {
  const auto *v = member(o, key);
  return v ? json_read::text(*v, std::string(key), record) : std::string();
}

std::int64_t req_int(const json::object &o, std::string_view key, const std::string &record) {
  const auto *v = member(o, key);
  if (!v) throw InvalidInput("must be a whole number", std::string(key), record);
  return json_read::integer(*v, std::string(key), record);
}

int req_year(const json::object &o, const std::string &record) {
  const auto y = req_int(o, "year", record);
  if (y < 1900 || y > 9998) throw InvalidInput("year must be 1900 .. 9998", "year", record);
  return static_cast<int>(y);
}

Date req_date(const json::object &o, std::string_view key, const std::string &record) {
  try {
    return parse_iso_date(req_string(o, key, record), key);
  } catch (const InvalidInput &) {
    throw InvalidInput("must be a date YYYY-MM-DD", std::string(key), record);
  }
}

std::optional<Date> opt_date(const json::object &o, std::string_view key, const std::string &record) {
  if (!member(o, key)) return std::nullopt;
  return req_date(o, key, record);
}

const json::array &req_array(const json::object &o, std::string_view key, const std::string &record) {
  const auto *v = member(o, key);
  if (!v) throw InvalidInput("must be an array", std::string(key), record);
  return json_read::as_array(*v, std::string(key), record);
}

const json::object &as_obj(const json::value &v, const std::string &record) {
  if (!v.is_object()) throw InvalidInput("must be an object", "item", record);
  return v.as_object();
}

std::vector<std::string> string_list(const json::object &o, std::string_view key) {
  std::vector<std::string> out;
  const auto *v = member(o, key);
  if (!v || v->is_null()) return out;
  if (!v->is_array()) throw InvalidInput("must be an array of ids", std::string(key));
  std::size_t i = 0;
  for (const auto &x : v->as_array()) {
    if (!x.is_string())
      throw InvalidInput("must be a string", std::string(key), std::string(key) + "[" + std::to_string(i) + "]");
    out.emplace_back(x.as_string());
    ++i;
  }
  return out;
}

Rational score_value(const json::object &o, const std::string &record) {
  const auto *v = member(o, "score");
  if (v && v->is_string()) return parse_decimal(v->as_string(), "score");
  if (v && v->is_int64()) return Rational(v->as_int64());
  throw InvalidInput("must be an exact decimal string (\"91.5\") or an integer", "score", record);
}

json::value explanation_value(const Explanation &ex) { return json::parse(ex.to_json()); }

json::object totals_json(const Totals &t) {
  json::object o;
  if (!t.township.empty()) o["township"] = t.township;
  o["villages"] = t.villages;
  o["principals"] = t.principals;
  o["base"] = t.base.to_decimal_string();
  o["performance"] = t.performance.to_decimal_string();
  o["public_institution"] = t.public_institution.to_decimal_string();
  o["total"] = t.total.to_decimal_string();
  return o;
}

json::object budget_json(const Budget &b) {
  json::object o;
  o["policy"] = b.policy;
  o["year"] = b.year;
  o["base"] = b.base.to_decimal_string();
  o["performance"] = b.performance.to_decimal_string();
  o["public_institution"] = b.public_institution.to_decimal_string();
  o["subsidies"] = b.subsidies.to_decimal_string();
  o["total"] = b.total.to_decimal_string();
  o["explanation"] = explanation_value(b.explanation);
  return o;
}

/// The one rendering of a pay sheet (pay_sheet_json, pay_sheet_to_json).
json::object sheet_object(const PaySheet &s, const Policy &policy) {
  json::object out;
  out["schema"] = "cadrekit.village.pay_sheet/1";
  out["year"] = s.year;
  out["policy"] = policy.name();
  json::array lines;
  lines.reserve(s.lines.size());
  for (const auto &l : s.lines) {
    json::object o;
    o["cadre_id"] = l.cadre_id;
    o["village_id"] = l.village_id;
    o["township"] = l.township;
    o["post"] = post_code(l.post);
    o["units"] = l.months;
    o["units_of_year"] = l.period_units;
    o["base"] = l.base.to_decimal_string();
    o["performance"] = l.performance.to_decimal_string();
    o["public_institution"] = l.public_institution.to_decimal_string();
    o["total"] = l.total.to_decimal_string();
    o["team_grade"] = team_grade_zh(l.team_grade);
    o["team_grade_code"] = team_grade_code(l.team_grade);
    o["grade"] = grade_zh(l.grade);
    o["grade_code"] = grade_code(l.grade);
    json::array acts;
    for (const auto &a : l.actions) acts.push_back(json::object{{"kind", a.kind}, {"due", to_iso(a.due)}});
    o["actions"] = std::move(acts);
    if (l.explanation) o["explanation"] = explanation_value(*l.explanation);
    lines.push_back(std::move(o));
  }
  out["lines"] = std::move(lines);
  json::array vs;
  for (const auto &v : s.villages) {
    json::object o;
    o["village_id"] = v.village_id;
    o["township"] = v.township;
    if (v.composite)
      o["composite"] = to_exact_string(*v.composite);
    else
      o["composite"] = nullptr;
    o["rank"] = v.rank;
    o["graded_in_township"] = v.graded_in_township;
    o["team_grade"] = team_grade_zh(v.team_grade);
    o["team_grade_code"] = team_grade_code(v.team_grade);
    o["missing"] = v.missing;
    vs.push_back(std::move(o));
  }
  out["villages"] = std::move(vs);
  json::array ts;
  for (const auto &t : s.townships) ts.push_back(totals_json(t));
  out["townships"] = std::move(ts);
  out["banner"] = totals_json(s.banner);
  return out;
}

}  // namespace

std::string pay_sheet_to_json(const PaySheet &sheet, const Policy &policy) {
  return json::serialize(sheet_object(sheet, policy));
}

namespace {

std::vector<Term> terms_of(const json::object &req) {
  std::vector<Term> terms;
  const auto *tv = member(req, "terms");
  if (!tv || tv->is_null()) return terms;
  if (!tv->is_array()) throw InvalidInput("must be an array", "terms");
  std::size_t i = 0;
  for (const auto &x : tv->as_array()) {
    const std::string rec = "terms[" + std::to_string(i++) + "]";
    const auto &o = as_obj(x, rec);
    terms.push_back({req_string(o, "cadre_id", rec), opt_string(o, "village_id", rec),
                     req_date(o, "served_from", rec), opt_date(o, "served_to", rec)});
  }
  return terms;
}

}  // namespace

std::string pay_sheet_json(std::string_view request, const Policy &policy) {
  const json::object req = parse_request(request);
  const int year = req_year(req, "request");
  std::vector<Village> villages;
  std::vector<Principal> principals;
  std::vector<Score> scores;
  {
    std::size_t i = 0;
    for (const auto &x : req_array(req, "villages", "request")) {
      const std::string rec = "villages[" + std::to_string(i++) + "]";
      const auto &o = as_obj(x, rec);
      villages.push_back({req_string(o, "village_id", rec), opt_string(o, "name", rec),
                          req_string(o, "township", rec), req_int(o, "population", rec)});
    }
  }
  {
    std::size_t i = 0;
    for (const auto &x : req_array(req, "principals", "request")) {
      const std::string rec = "principals[" + std::to_string(i++) + "]";
      const auto &o = as_obj(x, rec);
      Principal p;
      p.cadre_id = req_string(o, "cadre_id", rec);
      p.name = opt_string(o, "name", rec);
      p.village_id = req_string(o, "village_id", rec);
      p.post = parse_post(req_string(o, "post", rec), rec);
      p.served_from = req_date(o, "served_from", rec);
      p.served_to = opt_date(o, "served_to", rec);
      principals.push_back(std::move(p));
    }
  }
  if (const auto *sv = member(req, "scores"); sv && !sv->is_null()) {
    if (!sv->is_array()) throw InvalidInput("must be an array", "scores", "request");
    std::size_t i = 0;
    for (const auto &x : sv->as_array()) {
      const std::string rec = "scores[" + std::to_string(i++) + "]";
      const auto &o = as_obj(x, rec);
      scores.push_back({req_string(o, "village_id", rec), req_string(o, "period", rec), score_value(o, rec)});
    }
  }
  PaySheetOptions opt;
  opt.graded_on = opt_date(req, "graded_on", "request");
  if (const auto *e = member(req, "explain"); e && !e->is_null()) {
    if (!e->is_bool()) throw InvalidInput("must be true or false", "explain", "request");
    opt.explain = e->as_bool();
  }
  // holders: a number (holders known by number only: the budget adds their pay) or the cadre
  // ids of the selected principals (their lines get the public-institution pay).
  std::int64_t holders = -1;
  if (const auto *h = member(req, "holders"); h && !h->is_null()) {
    if (h->is_array()) {
      opt.holders = string_list(req, "holders");
      holders = 0;
    } else {
      holders = req_int(req, "holders", "request");
      if (holders < 0) throw InvalidInput("must not be negative", "holders", "request");
    }
  }
  const std::vector<Term> terms = terms_of(req);
  const PaySheet s = pay_sheet(villages, principals, scores, year, policy, opt);

  json::object out = sheet_object(s, policy);
  if (holders >= 0 || !terms.empty()) {
    const auto subs = subsidies(terms, year, policy);
    out["budget"] = budget_json(budget(s, holders < 0 ? 0 : holders, subs, policy));
  }
  return json::serialize(out);
}

std::string budget_what_if_json(std::string_view request, const Policy &a, const Policy &b) {
  json::object req = parse_request(request);
  req["explain"] = false;
  if (const auto *h = member(req, "holders"); !h || h->is_null()) req["holders"] = 0;
  const std::string body = json::serialize(req);
  auto budget_of = [&](const Policy &p) {
    return std::move(json::parse(pay_sheet_json(body, p)).as_object()["budget"].as_object());
  };
  json::object ba = budget_of(a), bb = budget_of(b), diff;
  ba.erase("explanation");
  bb.erase("explanation");
  for (const char *k : {"base", "performance", "public_institution", "subsidies", "total"})
    diff[k] = (Money::parse(bb[k].as_string()) - Money::parse(ba[k].as_string())).to_decimal_string();
  json::object out;
  out["schema"] = "cadrekit.village.budget_what_if/1";
  out["year"] = ba["year"];
  out["a"] = std::move(ba);
  out["b"] = std::move(bb);
  out["difference"] = std::move(diff);
  return json::serialize(out);
}

std::string selection_json(std::string_view request, const Policy &policy) {
  const json::object req = parse_request(request);
  const std::string op = req_string(req, "op", "request");
  json::object out;
  out["op"] = op;
  if (op == "quota") {
    Explanation ex("selection quota");
    out["quota"] = selection_quota(req_int(req, "n_villages", "request"), req_year(req, "request"), policy, &ex);
    out["explanation"] = explanation_value(ex);
  } else if (op == "allocate") {
    const auto *pv = member(req, "villages_per_township");
    if (!pv || !pv->is_object()) throw InvalidInput("must be an object", "villages_per_township", "request");
    std::map<std::string, std::int64_t> per;
    for (const auto &[k, v] : pv->as_object()) {
      if (!v.is_int64()) throw InvalidInput("must be an integer", "villages_per_township", std::string(k));
      per[std::string(k)] = v.as_int64();
    }
    std::optional<std::int64_t> quota;
    if (const auto *q = member(req, "quota"); q && !q->is_null()) quota = req_int(req, "quota", "request");
    // the policy's values in force on 1 January of `year`; with a quota and no year, the
    // latest dated value of village.selection.allocation
    int year = 0;
    if (const auto *y = member(req, "year"); (y && !y->is_null()) || !quota)
      year = req_year(req, "request");
    else
      year = policy.info("village.selection.allocation").values.back().effective_from.year();
    const QuotaAllocation qa = allocate_selection(per, year, policy, quota);
    json::object a;
    for (const auto &[k, v] : qa.per_township) a[k] = v;
    out["quota"] = qa.quota;
    out["method"] = qa.method;
    out["allocation"] = std::move(a);
    out["explanation"] = explanation_value(qa.explanation);
  } else if (op == "funnel") {
    const Funnel f = funnel(req_int(req, "places", "request"), req_year(req, "request"), policy);
    out["places"] = f.places;
    out["initial"] = f.initial;
    out["prospective"] = f.prospective;
    out["formal"] = f.formal;
  } else if (op == "eligibility") {
    const Date as_of = req_date(req, "as_of", "request");
    json::array res;
    std::size_t i = 0;
    for (const auto &x : req_array(req, "applicants", "request")) {
      const std::string rec = "applicants[" + std::to_string(i++) + "]";
      const auto &o = as_obj(x, rec);
      Applicant a;
      a.cadre_id = req_string(o, "cadre_id", rec);
      const std::string post = opt_string(o, "post", rec);
      if (!post.empty()) a.post = parse_post(post, a.cadre_id);
      a.in_post_since = req_date(o, "in_post_since", a.cadre_id);
      a.birth_date = req_date(o, "birth_date", a.cadre_id);
      if (const auto *g = member(o, "grades"); g && !g->is_null()) {
        if (!g->is_object()) throw InvalidInput("must be an object year -> grade", "grades", a.cadre_id);
        for (const auto &[y, gv] : g->as_object()) {
          if (!gv.is_string()) throw InvalidInput("must be a grade", "grades", a.cadre_id);
          int year = 0;
          try {
            std::size_t used = 0;
            year = std::stoi(std::string(y), &used);
            if (used != y.size()) throw std::invalid_argument("year");
          } catch (const std::exception &) {
            throw InvalidInput("keys must be years", "grades", a.cadre_id);
          }
          a.grades[year] = parse_grade(gv.as_string(), a.cadre_id);
        }
      }
      const Eligibility e = eligibility(a, as_of, policy);
      json::array failed;
      for (const auto &f : e.failed) failed.push_back(json::string(f));
      res.push_back(json::object{{"cadre_id", e.cadre_id},
                                 {"eligible", e.eligible},
                                 {"failed", std::move(failed)},
                                 {"explanation", explanation_value(e.explanation)}});
    }
    out["results"] = std::move(res);
  } else if (op == "check") {
    TownshipLists L;
    L.places = req_int(req, "places", "request");
    L.eligible = string_list(req, "eligible");
    L.initial = string_list(req, "initial");
    L.prospective = string_list(req, "prospective");
    L.formal = string_list(req, "formal");
    L.selected = string_list(req, "selected");
    L.eligible_publicised_on = opt_date(req, "eligible_publicised_on", "request");
    L.initial_on = opt_date(req, "initial_on", "request");
    L.selected_publicised_on = opt_date(req, "selected_publicised_on", "request");
    L.certified_on = opt_date(req, "certified_on", "request");
    const auto probs = check_lists(L, req_year(req, "request"), policy, WorkCalendar::china());
    json::array ps;
    for (const auto &p : probs)
      ps.push_back(json::object{{"stage", p.stage},
                                {"code", p.code},
                                {"cadre_id", p.cadre_id},
                                {"message_en", p.message_en},
                                {"message_zh", p.message_zh}});
    out["ok"] = probs.empty();
    out["problems"] = std::move(ps);
  } else if (op == "renewal") {
    std::vector<Holder> hs;
    std::size_t i = 0;
    for (const auto &x : req_array(req, "holders", "request")) {
      const std::string rec = "holders[" + std::to_string(i++) + "]";
      const auto &o = as_obj(x, rec);
      Holder h;
      h.cadre_id = req_string(o, "cadre_id", rec);
      if (const auto *ip = member(o, "in_post"); ip && !ip->is_null()) {
        if (!ip->is_bool()) throw InvalidInput("must be true or false", "in_post", h.cadre_id);
        h.in_post = ip->as_bool();
      }
      const std::string g = opt_string(o, "grade", rec);
      if (!g.empty()) h.grade = parse_grade(g, h.cadre_id);
      if (const auto *tf = member(o, "term_from"); tf && !tf->is_null()) {
        const auto y = json_read::integer(*tf, "term_from", h.cadre_id);
        if (y < 1900 || y > 9998) throw InvalidInput("term_from must be a year 1900 .. 9998", "term_from", h.cadre_id);
        h.term_from = static_cast<int>(y);
      }
      hs.push_back(std::move(h));
    }
    json::array rs;
    for (const auto &r : renewals(hs, req_year(req, "request"), policy))
      rs.push_back(json::object{{"cadre_id", r.cadre_id},
                                {"renewed", r.renewed},
                                {"reason", r.reason},
                                {"term_ends", r.term_ends},
                                {"explanation", explanation_value(r.explanation)}});
    out["renewals"] = std::move(rs);
  } else if (op == "publicity") {
    const int year = req_year(req, "request");
    std::optional<std::array<Date, 4>> starts;
    if (const auto *sv = member(req, "starts"); sv && !sv->is_null()) {
      if (!sv->is_array() || sv->as_array().size() != 4)
        throw InvalidInput("must be an array of 4 dates", "starts", "request");
      std::array<Date, 4> a;
      for (std::size_t q = 0; q < 4; ++q) {
        const auto &x = sv->as_array()[q];
        if (!x.is_string()) throw InvalidInput("must be a date YYYY-MM-DD", "starts", "starts[" + std::to_string(q) + "]");
        a[q] = parse_iso_date(x.as_string(), "starts");
      }
      starts = a;
    }
    json::array ws;
    const auto w = quarterly_publicity_windows(year, policy, starts);
    for (std::size_t q = 0; q < 4; ++q)
      ws.push_back(json::object{{"quarter", static_cast<std::int64_t>(q + 1)},
                                {"first", to_iso(w[q].first)},
                                {"last", to_iso(w[q].last)}});
    out["windows"] = std::move(ws);
  } else if (op == "subsidy") {
    json::array rs;
    for (const auto &s : subsidies(terms_of(req), req_year(req, "request"), policy))
      rs.push_back(json::object{{"cadre_id", s.cadre_id},
                                {"months", s.months},
                                {"days", s.days},
                                {"service", json::object{{"years", s.years}, {"months", s.months_part}, {"days", s.days_part}}},
                                {"serving", s.serving},
                                {"eligible", s.eligible},
                                {"newly_eligible", s.newly_eligible},
                                {"amount", s.amount.to_decimal_string()},
                                {"explanation", explanation_value(s.explanation)}});
    out["statuses"] = std::move(rs);
  } else {
    throw InvalidInput("op must be quota, allocate, funnel, eligibility, check, renewal, subsidy or publicity", "op",
                       "request");
  }
  return json::serialize(out);
}

}  // namespace cadrekit::village

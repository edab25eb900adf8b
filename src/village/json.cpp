// JSON requests and responses of the village module (the C ABI's form; docs/village.md).
#include <algorithm>
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

// Requests are read with the core's JSON reader (src/core/shared/core/json_read.hpp): errors name
// the member and the record (village or principal), never the value.
using json_read::Fields;

json::object parse_request(std::string_view text) { return json_read::parse_object(text, "request", 16); }

/// One element of a list of the request: an object, "must be an object" naming `record` otherwise.
Fields item(const json::value &v, const std::string &record) { return Fields(v, "item", {}, record); }

int year_of(const Fields &o) {
  const auto y = o.integer("year");
  if (y < 1900 || y > 9998) throw InvalidInput("year must be 1900 .. 9998", "year", o.record());
  return static_cast<int>(y);
}

Rational score_value(const json::object &o, const std::string &record) {
  const auto *v = json_read::member(o, "score");
  if (v && v->is_string()) return parse_decimal(v->as_string(), "score");
  if (v && v->is_int64()) return Rational(v->as_int64());
  throw InvalidInput("must be an exact decimal string (\"91.5\") or an integer", "score", record);
}

json::value explanation_value(const Explanation &ex) { return json::parse(ex.to_json()); }

json::array actions_array(std::span<const Action> actions) {
  json::array a;
  for (const auto &x : actions) a.push_back(json::object{{"kind", x.kind}, {"due", to_iso(x.due)}});
  return a;
}

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
    o["team_grade"] = team_grade_code(l.team_grade);
    o["team_grade_zh"] = team_grade_zh(l.team_grade);
    o["team_grade_en"] = team_grade_en(l.team_grade);
    o["grade"] = grade_code(l.grade);
    o["grade_zh"] = grade_zh(l.grade);
    o["grade_en"] = grade_en(l.grade);
    o["actions"] = actions_array(l.actions);
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
    o["team_grade"] = team_grade_code(v.team_grade);
    o["team_grade_zh"] = team_grade_zh(v.team_grade);
    o["team_grade_en"] = team_grade_en(v.team_grade);
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

std::vector<Term> terms_of(const Fields &req) {
  std::vector<Term> terms;
  const auto *tv = req.array_or_none("terms");
  if (!tv) return terms;
  std::size_t i = 0;
  for (const auto &x : *tv) {
    const Fields o = item(x, "terms[" + std::to_string(i++) + "]");
    o.only({"cadre_id", "village_id", "served_from", "served_to"});
    terms.push_back({o.text("cadre_id"), o.text_or("village_id"), o.date("served_from"), o.date_or_none("served_to")});
  }
  return terms;
}

}  // namespace

std::string pay_sheet_json(std::string_view request, const Policy &policy) {
  const json::object request_object = parse_request(request);
  const Fields req(request_object, {}, "request");
  req.only({"year", "villages", "principals", "scores", "graded_on", "explain", "holders", "terms", "keep"});
  const int year = year_of(req);
  // The caller's own members of the principals, copied to each of their lines unchanged (null
  // where a principal lacks one), after "actions"; not a name a line has already.
  std::vector<std::string> keep;
  for (std::string &k : req.texts("keep")) {
    static constexpr std::string_view kLine[] = {
        "cadre_id", "village_id", "township", "post", "units", "units_of_year", "base", "performance",
        "public_institution", "total", "team_grade", "team_grade_zh", "team_grade_en", "grade", "grade_zh",
        "grade_en", "actions", "explanation"};
    if (std::find(keep.begin(), keep.end(), k) != keep.end()) continue;
    if (std::find(std::begin(kLine), std::end(kLine), k) != std::end(kLine))
      throw InvalidInput("a line member of that name exists already: it cannot be kept", "keep", "request");
    keep.push_back(std::move(k));
  }
  std::vector<Village> villages;
  std::vector<Principal> principals;
  std::vector<Score> scores;
  {
    std::size_t i = 0;
    for (const auto &x : req.array("villages")) {
      const Fields o = item(x, "villages[" + std::to_string(i++) + "]");
      o.only({"village_id", "name", "township", "population"});
      villages.push_back({o.text("village_id"), o.text_or("name"), o.text("township"), o.integer("population")});
    }
  }
  {
    std::size_t i = 0;
    for (const auto &x : req.array("principals")) {
      const std::string rec = "principals[" + std::to_string(i++) + "]";
      const Fields o = item(x, rec);
      std::vector<std::string_view> known{"cadre_id", "name", "village_id", "post", "served_from", "served_to"};
      known.insert(known.end(), keep.begin(), keep.end());
      o.only(known);
      Principal p;
      p.cadre_id = o.text("cadre_id");
      p.name = o.text_or("name");
      p.village_id = o.text("village_id");
      p.post = parse_post(o.text("post"), rec);
      p.served_from = o.date("served_from");
      p.served_to = o.date_or_none("served_to");
      principals.push_back(std::move(p));
    }
  }
  if (const auto *sv = req.array_or_none("scores")) {
    std::size_t i = 0;
    for (const auto &x : *sv) {
      const std::string rec = "scores[" + std::to_string(i++) + "]";
      const Fields o = item(x, rec);
      o.only({"village_id", "period", "score"});
      scores.push_back({o.text("village_id"), o.text("period"), score_value(o.object(), rec)});
    }
  }
  PaySheetOptions opt;
  opt.graded_on = req.date_or_none("graded_on");
  opt.explain = req.boolean_or("explain", opt.explain);
  // holders: a number (holders known by number only: the budget adds their pay) or the cadre
  // ids of the selected principals (their lines get the public-institution pay).
  std::int64_t holders = -1;
  if (const auto *h = req.find("holders")) {
    if (h->is_array()) {
      opt.holders = req.texts("holders");
      holders = 0;
    } else {
      holders = req.integer("holders");
      if (holders < 0) throw InvalidInput("must not be negative", "holders", "request");
    }
  }
  const std::vector<Term> terms = terms_of(req);
  const PaySheet s = pay_sheet(villages, principals, scores, year, policy, opt);

  json::object out = sheet_object(s, policy);
  if (!keep.empty()) {
    const json::array &given = req.array("principals");
    json::array &lines = out["lines"].as_array();
    for (std::size_t k = 0; k < lines.size(); ++k) {
      json::object &o = lines[k].as_object();
      const json::object &p = given[s.lines[k].principal].as_object();
      std::optional<json::value> ex;
      if (auto *e = o.if_contains("explanation")) {  // the last member: erasing it keeps the order
        ex = std::move(*e);
        o.erase("explanation");
      }
      for (const std::string &k : keep) {
        const json::value *v = p.if_contains(k);
        o[k] = v ? *v : json::value(nullptr);
      }
      if (ex) o["explanation"] = std::move(*ex);
    }
  }
  if (holders >= 0 || !terms.empty()) {
    const auto subs = subsidies(terms, year, policy);
    out["budget"] = budget_json(budget(s, holders < 0 ? 0 : holders, subs, policy));
  }
  return json::serialize(out);
}

std::string budget_what_if_json(std::string_view request, const Policy &a, const Policy &b) {
  json::object req = parse_request(request);
  req["explain"] = false;
  if (!json_read::member(req, "holders")) req["holders"] = 0;
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
  const json::object request_object = parse_request(request);
  const Fields req(request_object, {}, "request");
  const std::string op = req.text("op");
  if (op == "quota") req.only({"op", "n_villages", "year"});
  else if (op == "allocate") req.only({"op", "villages_per_township", "quota", "year"});
  else if (op == "funnel") req.only({"op", "places", "year"});
  else if (op == "eligibility") req.only({"op", "as_of", "applicants"});
  else if (op == "check")
    req.only({"op", "year", "places", "eligible", "initial", "prospective", "formal", "selected",
              "eligible_publicised_on", "initial_on", "selected_publicised_on", "certified_on"});
  else if (op == "renewal") req.only({"op", "year", "holders"});
  else if (op == "publicity") req.only({"op", "year", "starts"});
  else if (op == "subsidy") req.only({"op", "year", "terms"});
  json::object out;
  out["op"] = op;
  if (op == "quota") {
    Explanation ex("selection quota");
    out["quota"] = selection_quota(req.integer("n_villages"), year_of(req), policy, &ex);
    out["explanation"] = explanation_value(ex);
  } else if (op == "allocate") {
    const auto *pv = req.find("villages_per_township");
    if (!pv || !pv->is_object()) throw InvalidInput("must be an object", "villages_per_township", "request");
    std::map<std::string, std::int64_t> per;
    for (const auto &[k, v] : pv->as_object()) {
      if (!v.is_int64()) throw InvalidInput("must be an integer", "villages_per_township", std::string(k));
      per[std::string(k)] = v.as_int64();
    }
    std::optional<std::int64_t> quota;
    if (req.find("quota")) quota = req.integer("quota");
    // the policy's values in force on 1 January of `year`; with a quota and no year, the
    // latest dated value of village.selection.allocation
    int year = 0;
    if (req.find("year") || !quota)
      year = year_of(req);
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
    const Funnel f = funnel(req.integer("places"), year_of(req), policy);
    out["places"] = f.places;
    out["initial"] = f.initial;
    out["prospective"] = f.prospective;
    out["formal"] = f.formal;
  } else if (op == "eligibility") {
    const Date as_of = req.date("as_of");
    json::array res;
    std::size_t i = 0;
    for (const auto &x : req.array("applicants")) {
      const Fields o = item(x, "applicants[" + std::to_string(i++) + "]");
      o.only({"cadre_id", "post", "in_post_since", "birth_date", "grades"});
      Applicant a;
      a.cadre_id = o.text("cadre_id");
      const Fields of_cadre(o.object(), {}, a.cadre_id);
      const std::string post = o.text_or("post");
      if (!post.empty()) a.post = parse_post(post, a.cadre_id);
      a.in_post_since = of_cadre.date("in_post_since");
      a.birth_date = of_cadre.date("birth_date");
      if (const auto *g = o.find("grades")) {
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
    L.places = req.integer("places");
    L.eligible = req.texts("eligible");
    L.initial = req.texts("initial");
    L.prospective = req.texts("prospective");
    L.formal = req.texts("formal");
    L.selected = req.texts("selected");
    L.eligible_publicised_on = req.date_or_none("eligible_publicised_on");
    L.initial_on = req.date_or_none("initial_on");
    L.selected_publicised_on = req.date_or_none("selected_publicised_on");
    L.certified_on = req.date_or_none("certified_on");
    const auto probs = check_lists(L, year_of(req), policy, WorkCalendar::china());
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
    for (const auto &x : req.array("holders")) {
      const Fields o = item(x, "holders[" + std::to_string(i++) + "]");
      o.only({"cadre_id", "in_post", "grade", "term_from"});
      Holder h;
      h.cadre_id = o.text("cadre_id");
      h.in_post = Fields(o.object(), {}, h.cadre_id).boolean_or("in_post", h.in_post);
      const std::string g = o.text_or("grade");
      if (!g.empty()) h.grade = parse_grade(g, h.cadre_id);
      if (const auto *tf = o.find("term_from")) {
        const auto y = json_read::integer(*tf, "term_from", h.cadre_id);
        if (y < 1900 || y > 9998) throw InvalidInput("term_from must be a year 1900 .. 9998", "term_from", h.cadre_id);
        h.term_from = static_cast<int>(y);
      }
      hs.push_back(std::move(h));
    }
    json::array rs;
    for (const auto &r : renewals(hs, year_of(req), policy))
      rs.push_back(json::object{{"cadre_id", r.cadre_id},
                                {"renewed", r.renewed},
                                {"reason", r.reason},
                                {"term_ends", r.term_ends},
                                {"explanation", explanation_value(r.explanation)}});
    out["renewals"] = std::move(rs);
  } else if (op == "publicity") {
    const int year = year_of(req);
    std::optional<std::array<Date, 4>> starts;
    if (const auto *sv = req.find("starts")) {
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
    for (const auto &s : subsidies(terms_of(req), year_of(req), policy))
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

std::string actions_json(std::span<const Action> actions) { return json::serialize(actions_array(actions)); }

}  // namespace cadrekit::village

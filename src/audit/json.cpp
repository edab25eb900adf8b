// JSON request/response forms of the audit module (docs/audit.md).
#include <algorithm>
#include <boost/json.hpp>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/json_read.hpp"

namespace cadrekit::audit {

namespace json = boost::json;

namespace {

// Requests are read with the core's JSON reader (src/core/shared/core/json_read.hpp): errors name
// the field and the record (the unit, audit or fund), never the value.
using json_read::Fields;

json::object parse_request(std::string_view text) { return json_read::parse_object(text, "request", 16); }

/// Element i of a list of the request: an object, "must be an object" naming `record` otherwise.
Fields item(const json::array &a, std::size_t i, const std::string &record) {
  return Fields(a[i], "item", {}, record);
}

std::int32_t year_of(const json::value &v, std::string_view field, const std::string &record) {
  std::int64_t y = json_read::integer(v, std::string(field), record);
  if (y < 1900 || y > 9999) throw InvalidInput("year must be within 1900…9999", std::string(field), record);
  return static_cast<std::int32_t>(y);
}

Level level_of(const json::value &v, std::string_view field, const std::string &record) {
  if (v.is_int64() || v.is_uint64()) {
    std::int64_t l = json_read::integer(v, std::string(field), record);
    if (l >= 1 && l <= 3) return static_cast<Level>(l);
    throw InvalidInput(vocabulary::code_expectation(vocabulary::audit_levels()), std::string(field), record);
  }
  if (v.is_string()) {
    try {
      return parse_level(v.as_string(), field);
    } catch (const InvalidInput &e) {
      throw InvalidInput(e.message(), std::string(field), record);
    }
  }
  throw InvalidInput(vocabulary::code_expectation(vocabulary::audit_levels()), std::string(field), record);
}

Money money_of(const json::value &v, std::string_view field, const std::string &record) {
  try {
    if (v.is_string()) return Money::parse(v.as_string(), field);
    if (v.is_int64() || v.is_uint64()) return Money::from_yuan(json_read::integer(v, std::string(field), record));
  } catch (const InvalidInput &e) {
    throw InvalidInput(e.message(), std::string(field), record, e.code());
  }
  throw InvalidInput("must be a string of yuan or a whole number of yuan", std::string(field), record);
}

std::int32_t factor_of(const json::value &v, std::string_view field, const std::string &record) {
  if (v.is_bool()) return v.as_bool() ? 1 : 0;
  // a string in the vocabulary's spellings ("2", "是"); the profile's scale is checked by tier().
  // A blank one ("", spaces) is a missing value, 0, as a table's empty cell is (docs/input.md).
  if (json_read::blank_string(v)) return 0;
  if (v.is_string()) return vocabulary::parse_level(v.get_string(), 127, field, record);
  std::int64_t x = json_read::integer(v, std::string(field), record);
  if (x < 0 || x > 127) throw InvalidInput("expected " + vocabulary::level_expectation(127), std::string(field), record);
  return static_cast<std::int32_t>(x);
}

/// The members a unit object may have: `extra` and a unit's name, budget and factors. Any other
/// member is refused ("did you mean"): a misspelt factor would otherwise count as 0.
void only_unit_members(const Fields &u, std::initializer_list<std::string_view> extra,
                       std::span<const std::string> keep = {}) {
  std::vector<std::string_view> known(extra);
  known.insert(known.end(), keep.begin(), keep.end());
  known.insert(known.end(), {"name", "budget"});
  known.insert(known.end(), factor_names().begin(), factor_names().end());
  u.only(known);
}

/// A unit's budget, name and factors (not its id) from a JSON object.
Unit unit_of(const Fields &u) {
  const std::string &rec = u.record();
  Unit unit;
  unit.name = u.text_or("name");
  unit.budget = money_of(u.need("budget"), "budget", rec);
  for (std::size_t f = 0; f < factor_count; ++f)
    if (const json::value *v = u.find(factor_names()[f]))
      unit.factors[f] = factor_of(*v, factor_names()[f], rec);
  return unit;
}

Finding finding_of(const json::value &v, std::string_view field, const std::string &record) {
  try {
    return parse_finding(json_read::text(v, std::string(field), record), field);
  } catch (const InvalidInput &e) {
    throw InvalidInput(e.message(), std::string(field), record);
  }
}

json::value level_json(Level l) {
  if (l == Level::special) return json::value("special");
  return json::value(static_cast<std::int64_t>(l));
}

json::value explanation_json(const Explanation &ex) { return json::parse(ex.to_json()); }

PlanRequest plan_request(const Fields &o, bool with_capacity) {
  PlanRequest r;
  r.first_year = year_of(o.need("first_year"), "first_year", "request");
  r.last_year = year_of(o.need("last_year"), "last_year", "request");
  if (with_capacity) {
    r.capacity = o.integer("capacity");
    const json::value *s = o.find("seed");
    if (s) {
      if (s->is_uint64()) r.seed = s->as_uint64();
      else if (s->is_int64() && s->as_int64() >= 0) r.seed = static_cast<std::uint64_t>(s->as_int64());
      else throw InvalidInput("seed must be an integer within 0…2^64−1", "seed", "request");
    }
  }
  const json::array &units = o.array("units");
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::string rec = "units[" + std::to_string(i) + "]";
    const Fields u = item(units, i, rec);
    u.only({"unit_id", "level", "special_due_year"});
    PlanUnit pu;
    pu.unit_id = u.text("unit_id");
    pu.level = level_of(u.need("level"), "level", rec);
    if (const json::value *due = u.find("special_due_year"))
      pu.special_due_year = year_of(*due, "special_due_year", rec);
    r.units.push_back(std::move(pu));
  }
  const json::array &audits = o.array_or_empty("audits");
  for (std::size_t i = 0; i < audits.size(); ++i) {
    std::string rec = "audits[" + std::to_string(i) + "]";
    const Fields a = item(audits, i, rec);
    a.only({"unit_id", "date", "kind"});
    PastAudit pa;
    pa.unit_id = a.text("unit_id");
    pa.date = a.date("date");
    if (const json::value *k = a.find("kind")) {
      try {
        pa.kind = parse_audit_kind(json_read::text(*k, "kind", rec));
      } catch (const InvalidInput &e) {
        throw InvalidInput(e.message(), "kind", rec);
      }
    }
    r.audits.push_back(std::move(pa));
  }
  const json::array &funds = o.array_or_empty("funds");
  for (std::size_t i = 0; i < funds.size(); ++i) {
    std::string rec = "funds[" + std::to_string(i) + "]";
    const Fields f = item(funds, i, rec);
    f.only({"unit_id", "date", "amount", "completed", "finding"});
    FundEvent fe;
    fe.unit_id = f.text("unit_id");
    fe.received = f.date("date");
    fe.amount = money_of(f.need("amount"), "amount", rec);
    if (const json::value *c = f.find("completed")) fe.completed = json_read::date(*c, "completed", rec);
    if (const json::value *x = f.find("finding")) fe.finding = finding_of(*x, "finding", rec);
    r.funds.push_back(std::move(fe));
  }
  const json::array &reviews = o.array_or_empty("reviews");
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    std::string rec = "reviews[" + std::to_string(i) + "]";
    const Fields v = item(reviews, i, rec);
    v.only({"unit_id", "year", "level"});
    LevelReview lr;
    lr.unit_id = v.text("unit_id");
    lr.year = year_of(v.need("year"), "year", rec);
    lr.level = level_of(v.need("level"), "level", rec);
    r.reviews.push_back(std::move(lr));
  }
  const json::array &terms = o.array_or_empty("terms");
  for (std::size_t i = 0; i < terms.size(); ++i) {
    std::string rec = "terms[" + std::to_string(i) + "]";
    const Fields t = item(terms, i, rec);
    t.only({"unit_id", "leader_id", "start", "planned_end"});
    Term tm;
    tm.unit_id = t.text("unit_id");
    if (const json::value *l = t.find("leader_id")) tm.leader_id = json_read::text(*l, "leader_id", rec);
    tm.start = t.date("start");
    if (const json::value *e = t.find("planned_end")) tm.planned_end = json_read::date(*e, "planned_end", rec);
    r.terms.push_back(std::move(tm));
  }
  return r;
}

json::array findings_json(const std::vector<AuditFinding> &fs) {
  json::array refs;
  for (const AuditFinding &f : fs) {
    json::object x;
    x["unit_id"] = f.unit_id;
    x["date"] = to_iso(f.date);
    x["kind"] = audit_kind_name(f.kind);
    x["finding"] = finding_name(f.finding);
    refs.push_back(std::move(x));
  }
  return refs;
}

json::array breaches_json(const std::vector<Breach> &bs) {
  json::array a;
  for (const Breach &b : bs) {
    json::object o;
    o["rule"] = b.rule;
    o["year"] = b.year;
    o["unit_id"] = b.unit_id;
    o["message"] = b.message;
    a.push_back(std::move(o));
  }
  return a;
}

}  // namespace

std::string tier_json(std::string_view request, const Policy &policy) {
  const json::object request_object = parse_request(request);
  const Fields o(request_object, {}, "request");
  o.only({"as_of", "explain", "keep", "units"});
  Date as_of = o.date("as_of");
  const bool explain = o.boolean_or("explain", true);
  // The caller's own members copied to each result unchanged (null where a unit lacks one); a
  // name the result has already cannot be kept (`name` is kept anyway).
  std::vector<std::string> keep;
  for (std::string &k : o.texts("keep")) {
    static constexpr std::string_view kResult[] = {"unit_id", "level", "band", "band_points", "factor_points",
                                                   "score", "parts", "explanation"};
    if (k == "name" || std::find(keep.begin(), keep.end(), k) != keep.end()) continue;
    if (std::find(std::begin(kResult), std::end(kResult), k) != std::end(kResult))
      throw InvalidInput("a result member of that name exists already: it cannot be kept", "keep", "request");
    keep.push_back(std::move(k));
  }
  const json::array &units = o.array("units");
  std::vector<Unit> us;
  us.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::string rec = "units[" + std::to_string(i) + "]";
    const Fields u = item(units, i, rec);
    only_unit_members(u, {"unit_id"}, keep);
    Unit unit = unit_of(u);
    unit.unit_id = u.text("unit_id");
    // an empty cell is a missing value (docs/input.md), as the command line reads a unit's id
    if (vocabulary::blank(unit.unit_id)) throw InvalidInput("unit_id is empty", "unit_id", rec);
    us.push_back(std::move(unit));
  }
  std::vector<TierResult> rs = tier(std::span<const Unit>(us), as_of, policy);
  json::array results;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const TierResult &r = rs[i];
    json::object x;
    x["unit_id"] = r.unit_id;
    if (!us[i].name.empty()) x["name"] = us[i].name;  // passed through, as the CLI and Python do
    x["level"] = level_json(r.level);
    x["band"] = band_name(r.band);
    x["band_points"] = r.band_points;
    x["factor_points"] = r.score - r.band_points;  // as the command line's column
    x["score"] = r.score;
    json::array parts;
    for (const FactorPart &p : r.parts) {
      json::object po;
      po["factor"] = factor_name(p.factor);
      po["value"] = p.value;
      po["weight"] = p.weight;
      po["points"] = p.points;
      parts.push_back(std::move(po));
    }
    x["parts"] = std::move(parts);
    const json::object &given = units[i].as_object();
    for (const std::string &k : keep) {
      const json::value *v = given.if_contains(k);
      x[k] = v ? *v : json::value(nullptr);
    }
    if (explain) x["explanation"] = explanation_json(r.explanation);
    results.push_back(std::move(x));
  }
  json::object out;
  out["results"] = std::move(results);
  return json::serialize(out);
}

std::string special_funds_json(std::string_view request, const Policy &policy) {
  const json::object request_object = parse_request(request);
  const Fields o(request_object, {}, "request");
  o.only({"as_of", "current_level", "amount"});
  Date as_of = o.date("as_of");
  Level cur = level_of(o.need("current_level"), "current_level", "request");
  Money amount = money_of(o.need("amount"), "amount", "request");
  SpecialFundsResult r = special_funds_level(cur, amount, as_of, policy);
  json::object out;
  out["previous_level"] = level_json(r.previous_level);
  out["new_level"] = level_json(r.new_level);
  out["band"] = funds_band_name(r.band);
  out["tracking"] = r.tracking;
  out["budget_final_accounts_audit"] = r.budget_final_accounts_audit;
  out["audit_on_completion"] = r.audit_on_completion;
  if (r.audit_within_years) out["audit_within_years"] = *r.audit_within_years;
  else out["audit_within_years"] = nullptr;
  out["explanation"] = explanation_json(r.explanation);
  return json::serialize(out);
}

std::string tier_history_json(std::string_view request, const Policy &policy) {
  const json::object request_object = parse_request(request);
  const Fields o(request_object, {}, "request");
  o.only({"unit_id", "explain", "events", "level_on"});
  std::string unit_id = o.text("unit_id");
  const bool explain = o.boolean_or("explain", false);
  const json::array &events = o.array("events");
  const json::array &level_on = o.array_or_empty("level_on");
  std::vector<Date> on;
  for (std::size_t i = 0; i < level_on.size(); ++i)
    on.push_back(json_read::date(level_on[i], "level_on", "level_on[" + std::to_string(i) + "]"));
  TierHistory h(unit_id);
  json::array results;
  for (std::size_t i = 0; i < events.size(); ++i) {
    std::string rec = "events[" + std::to_string(i) + "]";
    const Fields e = item(events, i, rec);
    std::string kind = e.text("event");
    if (kind == "start" || kind == "review") {
      if (e.find("level")) e.only({"event", "date", "year", "level"});
      else only_unit_members(e, {"event", "date", "year"});
    } else if (kind == "special_funds") {
      e.only({"event", "date", "amount", "fund_id"});
    } else if (kind == "completion") {
      e.only({"event", "date", "finding", "fund_id"});
    }
    json::object x;
    x["event"] = kind;
    try {
      if (kind == "start" || kind == "review") {
        const bool given = e.find("level") != nullptr;
        Unit unit;
        if (!given) {
          unit = unit_of(e);
          unit.unit_id = unit_id;
        }
        if (kind == "start") {
          Date d = e.date("date");
          if (given) {
            h.start(level_of(*e.find("level"), "level", rec), d);
          } else {
            TierResult r = h.start(unit, d, policy);
            x["score"] = r.score;
            if (explain) x["explanation"] = explanation_json(r.explanation);
          }
        } else {
          std::int32_t y = year_of(e.need("year"), "year", rec);
          if (given) {
            h.annual_review(level_of(*e.find("level"), "level", rec), y, policy);
          } else {
            TierResult r = h.annual_review(unit, y, policy);
            x["score"] = r.score;
            if (explain) x["explanation"] = explanation_json(r.explanation);
          }
        }
      } else if (kind == "special_funds") {
        Date d = e.date("date");
        Money amount = money_of(e.need("amount"), "amount", rec);
        const std::string fund_id = e.text_or("fund_id");
        SpecialFundsResult r = h.receive_special_funds(amount, d, policy, fund_id);
        x["fund_id"] = h.open_funds().back().fund_id;
        x["band"] = funds_band_name(r.band);
        x["tracking"] = r.tracking;
        x["budget_final_accounts_audit"] = r.budget_final_accounts_audit;
        x["audit_on_completion"] = r.audit_on_completion;
        if (r.audit_within_years) x["audit_within_years"] = *r.audit_within_years;
        else x["audit_within_years"] = nullptr;
        if (explain) x["explanation"] = explanation_json(r.explanation);
      } else if (kind == "completion") {
        Date d = e.date("date");
        h.complete_special_funds(d, finding_of(e.need("finding"), "finding", rec), e.text_or("fund_id"));
      } else {
        throw InvalidInput("event must be start, review, special_funds or completion", "event",
                           rec);
      }
    } catch (const StateError &err) {
      throw StateError(err.message(), err.field(), rec);
    } catch (const InvalidInput &err) {
      if (err.record() == rec) throw;
      throw InvalidInput(err.message(), err.field(), rec, err.code());
    }
    const TierChange &c = h.changes().back();
    x["effective"] = to_iso(c.effective);
    x["level"] = level_json(c.level);
    results.push_back(std::move(x));
  }
  json::object out;
  out["unit_id"] = unit_id;
  json::array changes;
  for (const TierChange &c : h.changes()) {
    json::object x;
    x["effective"] = to_iso(c.effective);
    x["level"] = level_json(c.level);
    x["kind"] = change_kind_name(c.kind);
    x["note"] = c.note;
    changes.push_back(std::move(x));
  }
  out["changes"] = std::move(changes);
  out["referrals"] = findings_json(h.referrals());
  out["special_funds_open"] = h.special_funds_open();
  json::array open_ids;
  for (const auto &f : h.open_funds()) open_ids.emplace_back(f.fund_id);
  out["open_funds"] = std::move(open_ids);
  out["events"] = std::move(results);
  json::array levels;
  for (std::size_t i = 0; i < on.size(); ++i) {
    json::object x;
    x["date"] = to_iso(on[i]);
    try {
      x["level"] = level_json(h.level_on(on[i]));
    } catch (const StateError &err) {
      throw StateError(err.what(), "level_on", "level_on[" + std::to_string(i) + "]");
    }
    levels.push_back(std::move(x));
  }
  out["levels_on"] = std::move(levels);
  return json::serialize(out);
}

std::string plan_json(std::string_view request, const Policy &policy) {
  const json::object request_object = parse_request(request);
  const Fields o(request_object, {}, "request");
  o.only({"first_year", "last_year", "capacity", "seed", "units", "audits", "funds", "reviews", "terms"});
  PlanRequest r = plan_request(o, true);
  Plan p = plan(r, policy);
  json::object out;
  out["feasible"] = p.feasible;
  out["capacity"] = p.capacity;
  out["capacity_used"] = p.capacity_used;
  out["min_capacity"] = p.min_capacity;
  out["lower_bound"] = p.lower_bound;
  out["min_capacity_proven"] = p.min_capacity_proven;
  out["lower_bound_year"] = p.lower_bound_year;
  out["seed"] = p.seed;
  json::array audits;
  for (const PlannedAudit &a : p.audits) {
    json::object x;
    x["year"] = a.year;
    x["unit_id"] = a.unit_id;
    x["kind"] = audit_kind_name(a.kind);
    x["reason"] = a.reason;
    x["leader_id"] = a.leader_id;
    audits.push_back(std::move(x));
  }
  out["audits"] = std::move(audits);
  out["shortfall"] = breaches_json(p.shortfall);
  out["referrals"] = findings_json(p.referrals);
  out["explanation"] = explanation_json(p.explanation);
  return json::serialize(out);
}

std::string verify_json(std::string_view request, const Policy &policy) {
  const json::object request_object = parse_request(request);
  const Fields o(request_object, {}, "request");
  o.only({"first_year", "last_year", "units", "audits", "funds", "reviews", "terms", "plan"});
  PlanRequest r = plan_request(o, false);
  const json::array &plan_items = o.array("plan");
  std::vector<PlannedAudit> pl;
  pl.reserve(plan_items.size());
  for (std::size_t i = 0; i < plan_items.size(); ++i) {
    std::string rec = "plan[" + std::to_string(i) + "]";
    const Fields a = item(plan_items, i, rec);
    a.only({"year", "unit_id", "kind"});
    PlannedAudit x;
    std::int64_t y = a.integer("year");
    if (y < INT32_MIN / 2 || y > INT32_MAX / 2) throw InvalidInput("year is out of range", "year", rec);
    x.year = static_cast<std::int32_t>(y);
    x.unit_id = a.text("unit_id");
    if (const json::value *k = a.find("kind")) {
      try {
        x.kind = parse_audit_kind(json_read::text(*k, "kind", rec));
      } catch (const InvalidInput &e) {
        throw InvalidInput(e.message(), "kind", rec);
      }
    }
    pl.push_back(std::move(x));
  }
  json::object out;
  out["breaches"] = breaches_json(verify_plan(pl, r, policy));
  return json::serialize(out);
}

}  // namespace cadrekit::audit

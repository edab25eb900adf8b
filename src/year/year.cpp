// The whole year of a county through the modules' public entry points, and the comparison of
// two runs (docs/year.md). Each module is reached through its public header only.
#include "cadrekit/year.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/person_json.hpp"
#include "cadrekit/disclosure.hpp"
#include "cadrekit/talent.hpp"
#include "cadrekit/village.hpp"
#include "core/json_read.hpp"

namespace cadrekit::embedded {
#define CADREKIT_SAMPLE(sym)                                                          \
  extern const unsigned char sym[];                                                   \
  extern const std::size_t sym##_size;                                                \
  inline std::string sym##_text() { return {reinterpret_cast<const char *>(sym), sym##_size}; }
CADREKIT_SAMPLE(sample_county_json)
CADREKIT_SAMPLE(sample_audit_tier_json)
CADREKIT_SAMPLE(sample_audit_plan_json)
CADREKIT_SAMPLE(sample_village_pay_json)
CADREKIT_SAMPLE(sample_disclosure_records_json)
CADREKIT_SAMPLE(sample_disclosure_rounds_json)
CADREKIT_SAMPLE(sample_assessment_screen_json)
CADREKIT_SAMPLE(sample_assessment_cases_json)
CADREKIT_SAMPLE(sample_cadres_json)
#undef CADREKIT_SAMPLE
}  // namespace cadrekit::embedded

namespace cadrekit::year {

namespace json = boost::json;
namespace fs = std::filesystem;

Data Data::sample() {
  namespace e = embedded;
  return Data{e::sample_county_json_text(),           e::sample_audit_tier_json_text(),
              e::sample_audit_plan_json_text(),       e::sample_village_pay_json_text(),
              e::sample_disclosure_records_json_text(), e::sample_disclosure_rounds_json_text(),
              e::sample_assessment_screen_json_text(), e::sample_assessment_cases_json_text(),
              e::sample_cadres_json_text()};
}

Data Data::load(const std::string &dir) {
  constexpr std::uintmax_t kMax = 64u * 1024u * 1024u;
  Data d;
  std::string *slot[] = {&d.county,          &d.audit_tier,         &d.audit_plan,
                         &d.village_pay,     &d.disclosure_records, &d.disclosure_rounds,
                         &d.assessment_screen, &d.assessment_cases, &d.cadres};
  for (std::size_t i = 0; i < data_files.size(); ++i) {
    const fs::path p = fs::path(dir) / std::string(data_files[i]);
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (ec) throw InvalidInput("the county's file is missing or unreadable", "data", p.string());
    if (size > kMax) throw InvalidInput("the county's file is larger than 64 MiB", "data", p.string());
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in) throw InvalidInput("the county's file cannot be read", "data", p.string());
    *slot[i] = ss.str();
  }
  return d;
}

namespace {

json::value parse(std::string_view text, std::string_view what) {
  try {
    return json_read::parse(text, what, 64);
  } catch (const InvalidInput &e) {
    throw InvalidInput(e.message(), e.field().empty() || e.field() == what ? std::string("data") : e.field(), std::string(what));
  }
}

json::object object_of(std::string_view text, std::string_view what) {
  json::value v = parse(text, what);
  if (!v.is_object()) throw InvalidInput("must hold a JSON object", "data", std::string(what));
  return std::move(v.get_object());
}

json::array array_of(std::string_view text, std::string_view what) {
  json::value v = parse(text, what);
  if (!v.is_array()) throw InvalidInput("must hold a JSON array", "data", std::string(what));
  return std::move(v.get_array());
}

/// Runs a module's JSON entry point; an error names the county's file it came from.
template <class F>
json::value call(std::string_view file, F &&f) {
  try {
    return parse(f(), file);
  } catch (const InvalidInput &e) {
    throw InvalidInput(e.message(), e.field(), std::string(file) + (e.record().empty() ? "" : ": " + e.record()),
                       e.code());
  }
}

std::string s(const json::value &v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return {};
  return json::serialize(v);
}

const json::value &at(const json::object &o, std::string_view key, std::string_view file) {
  const json::value *v = json_read::member(o, key);
  if (!v) throw InvalidInput("member is missing", std::string(key), std::string(file));
  return *v;
}

std::int64_t int_at(const json::object &o, std::string_view key, std::string_view file) {
  return json_read::integer(at(o, key, file), std::string(key), std::string(file));
}

/// `text` (an ISO date) moved by `years` (29 February → 28 February in a common year).
std::string shifted(const json::value &v, int years, std::string_view field, std::string_view file) {
  const Date d = parse_iso_date(json_read::text(v, std::string(field), std::string(file)), field);
  if (years == 0) return to_iso(d);
  const int y = static_cast<int>(d.year()) + years;
  if (y < 1900 || y > 9998) throw InvalidInput("year out of range", "year");
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y), d.month());
  return to_iso(make_date(y, d.month(), std::min<int>(d.day(), last)));
}

json::value ex_value(const Explanation &ex) { return json::parse(ex.to_json()); }

// ---------------------------------------------------------------------------------------------
// Assumed parameters that decided a result
// ---------------------------------------------------------------------------------------------

struct AssumedUse {
  std::string value, effective_from, clause;
  std::map<std::string, std::int64_t> by_module;
  std::int64_t total = 0;
};

void scan(const json::value &v, const std::string &module, std::map<std::string, AssumedUse> &out) {
  if (v.is_array()) {
    for (const auto &x : v.as_array()) scan(x, module, out);
    return;
  }
  if (!v.is_object()) return;
  const auto &o = v.as_object();
  if (const auto *sc = o.if_contains("schema"); sc && sc->is_string() && sc->as_string() == explanation_schema) {
    std::set<std::string> seen;
    if (const auto *ps = o.if_contains("parameters"); ps && ps->is_array())
      for (const auto &p : ps->as_array()) {
        const auto &po = p.as_object();
        if (!po.at("assumed").as_bool()) continue;
        const std::string name = s(po.at("name"));
        if (!seen.insert(name).second) continue;
        AssumedUse &u = out[name];
        u.value = s(po.at("value"));
        u.effective_from = s(po.at("effective_from"));
        u.clause = s(po.at("clause"));
        ++u.by_module[module];
        ++u.total;
      }
    return;
  }
  for (const auto &kv : o) scan(kv.value(), module, out);
}

json::array assumed_list(const json::object &result, const Policy &policy) {
  std::map<std::string, AssumedUse> uses;
  for (const char *m : {"village", "budget", "audit", "disclosure", "assessment", "talent"})
    if (const auto *v = result.if_contains(m)) scan(*v, m, uses);
  std::vector<std::pair<std::string, AssumedUse>> rows(uses.begin(), uses.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
    return a.second.total != b.second.total ? a.second.total > b.second.total : a.first < b.first;
  });
  json::array out;
  for (const auto &[name, u] : rows) {
    const ParamInfo &info = policy.info(name);
    json::object mods;
    for (const auto &[m, n] : u.by_module) mods[m] = n;
    out.push_back(json::object{{"name", name},
                               {"type", param_type_name(info.type)},
                               {"value", u.value},
                               {"unit", info.unit},
                               {"effective_from", u.effective_from},
                               {"clause", u.clause},
                               {"label_zh", info.label_zh},
                               {"label_en", info.label_en},
                               {"decisions", u.total},
                               {"modules", std::move(mods)}});
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The source's figures beside the county's
// ---------------------------------------------------------------------------------------------

json::object figure(const char *id, const char *clause, const char *zh, const char *en, json::value source,
                    json::value county, const char *kind, const char *note_en) {
  return json::object{{"id", id},         {"clause", clause}, {"label_zh", zh},   {"label_en", en},
                      {"source", source}, {"county", county}, {"kind", kind},     {"note_en", note_en}};
}

}  // namespace

std::string run_json(const Data &data, const Policy &policy, std::optional<int> year_opt) {
  const json::object county = object_of(data.county, "county.json");
  const int data_year = static_cast<int>(int_at(county, "year", "county.json"));
  const int year = year_opt.value_or(data_year);
  if (year < 1900 || year > 9998) throw InvalidInput("year must be 1900 .. 9998", "year");
  const int shift = year - data_year;
  const std::string as_of_text = shifted(at(county, "as_of", "county.json"), shift, "as_of", "county.json");
  const Date as_of = parse_iso_date(as_of_text, "as_of");
  const auto cal = WorkCalendar::china();

  json::object out;
  out["schema"] = "cadrekit.year/1";
  out["policy"] = policy.name();
  json::array lineage;
  for (const auto &l : policy.lineage()) lineage.emplace_back(l);
  out["lineage"] = std::move(lineage);
  out["year"] = year;
  out["as_of"] = as_of_text;
  out["county"] = county;

  // ---- audit: tiering, special funds, the plan over the tiering's levels -------------------
  json::object audit_out;
  json::object tier_req = object_of(data.audit_tier, "audit_tier.json");
  tier_req["as_of"] = shifted(at(tier_req, "as_of", "audit_tier.json"), shift, "as_of", "audit_tier.json");
  tier_req["explain"] = true;
  const json::value tiers =
      call("audit_tier.json", [&] { return audit::tier_json(json::serialize(tier_req), policy); });
  audit_out["as_of"] = tier_req["as_of"];
  audit_out["tiers"] = tiers;
  std::map<std::string, std::string> level_of;
  for (const auto &r : tiers.at("results").as_array()) level_of[s(r.at("unit_id"))] = s(r.at("level"));
  json::object plan_req = object_of(data.audit_plan, "audit_plan.json");
  plan_req["first_year"] = int_at(plan_req, "first_year", "audit_plan.json") + shift;
  plan_req["last_year"] = int_at(plan_req, "last_year", "audit_plan.json") + shift;
  json::array units;
  for (const auto &r : tiers.at("results").as_array())
    units.push_back(json::object{{"unit_id", r.at("unit_id")}, {"level", r.at("level")}});
  plan_req["units"] = std::move(units);
  // Special funds received in the year: the level each implies from the unit's tier (HOLINGOL.3).
  json::array funds_out;
  std::set<std::string> retiered;
  if (auto *f = plan_req.if_contains("funds"); f && f->is_array()) {
    for (auto &x : f->as_array()) {
      auto &fo = x.as_object();
      fo["date"] = shifted(at(fo, "date", "audit_plan.json"), shift, "date", "audit_plan.json");
      if (const auto *c = json_read::member(fo, "completed"))
        fo["completed"] = shifted(*c, shift, "completed", "audit_plan.json");
      const std::string unit = s(at(fo, "unit_id", "audit_plan.json"));
      const Date received = parse_iso_date(s(fo["date"]), "date");
      if (static_cast<int>(received.year()) != year || !level_of.count(unit)) continue;
      const audit::SpecialFundsResult r = audit::special_funds_level(
          audit::parse_level(level_of[unit]), Money::parse(s(at(fo, "amount", "audit_plan.json")), "amount"), received,
          policy);
      if (r.new_level != r.previous_level) retiered.insert(unit);
      funds_out.push_back(json::object{{"unit_id", unit},
                                       {"date", fo["date"]},
                                       {"amount", fo["amount"]},
                                       {"previous_level", audit::level_name(r.previous_level)},
                                       {"new_level", audit::level_name(r.new_level)},
                                       {"band", audit::funds_band_name(r.band)},
                                       {"explanation", ex_value(r.explanation)}});
    }
  }
  audit_out["special_funds"] = std::move(funds_out);
  audit_out["plan_request"] = plan_req;
  audit_out["plan"] = call("audit_plan.json", [&] { return audit::plan_json(json::serialize(plan_req), policy); });
  out["audit"] = std::move(audit_out);

  // ---- village: the pay sheet (with the holders and the budget), the selection ---------------
  json::object village_out;
  json::object pay_req = object_of(data.village_pay, "village_pay.json");
  pay_req["year"] = year;
  pay_req["explain"] = true;
  if (!json_read::member(pay_req, "holders")) pay_req["holders"] = 0;
  json::value pay = call("village_pay.json", [&] { return village::pay_sheet_json(json::serialize(pay_req), policy); });
  const std::int64_t n_villages = static_cast<std::int64_t>(at(pay_req, "villages", "village_pay.json").as_array().size());
  Explanation quota_ex("selection quota");
  const std::int64_t quota = village::selection_quota(n_villages, year, policy, &quota_ex);
  std::map<std::string, std::int64_t> per;
  for (const auto &v : pay_req["villages"].as_array()) ++per[s(v.at("township"))];
  const village::QuotaAllocation alloc = village::allocate_selection(per, year, policy, quota);
  Explanation funnel_ex("selection funnel");
  const village::Funnel fn = village::funnel(quota, year, policy, &funnel_ex);
  json::object alloc_o;
  for (const auto &[t, n] : alloc.per_township) alloc_o[t] = n;
  village_out["quota"] = json::object{{"quota", quota}, {"n_villages", n_villages}, {"explanation", ex_value(quota_ex)}};
  village_out["allocation"] =
      json::object{{"method", alloc.method}, {"allocation", std::move(alloc_o)}, {"explanation", ex_value(alloc.explanation)}};
  village_out["funnel"] = json::object{{"places", fn.places},
                                       {"initial", fn.initial},
                                       {"prospective", fn.prospective},
                                       {"formal", fn.formal},
                                       {"explanation", ex_value(funnel_ex)}};
  json::value budget = pay.as_object().contains("budget") ? pay.as_object()["budget"] : json::value(nullptr);
  pay.as_object().erase("budget");
  village_out["pay"] = std::move(pay);
  // Subsidies after leaving (JARUD.3) of the terms given.
  {
    json::object sub_req{{"op", "subsidy"}, {"year", year}};
    if (const auto *t = json_read::member(pay_req, "terms")) sub_req["terms"] = *t;
    else sub_req["terms"] = json::array();
    village_out["subsidies"] =
        call("village_pay.json", [&] { return village::selection_json(json::serialize(sub_req), policy); }).at("statuses");
  }
  village_out["holders"] = pay_req["holders"];
  out["village"] = std::move(village_out);
  out["budget"] = std::move(budget);

  // ---- disclosure: every record validated, both rounds planned on the calendar --------------
  {
    const json::array records = array_of(data.disclosure_records, "disclosure_records.json");
    std::map<std::string, json::array> problems;
    for (const auto &r : records) {
      const std::string id = r.is_object() && r.as_object().contains("id") ? s(r.at("id")) : std::string();
      problems[id] = call("disclosure_records.json", [&] {
                       return disclosure::validate_response_json(json::serialize(r), policy);
                     }).as_array();
    }
    json::array disc;
    for (const auto &c : array_of(data.disclosure_rounds, "disclosure_rounds.json")) {
      const auto &co = json_read::as_object(c, "candidate", "disclosure_rounds.json");
      json::object o;
      const std::string rid = s(at(co, "record_id", "disclosure_rounds.json"));
      o["record_id"] = rid;
      o["problems"] = problems[rid];
      json::array rounds;
      for (const auto &req : json_read::as_array(at(co, "requests", "disclosure_rounds.json"), "requests", rid)) {
        const auto &ro = json_read::as_object(req, "requests", rid);
        const int round = static_cast<int>(int_at(ro, "round", "disclosure_rounds.json"));
        const Rank rank = parse_rank(s(at(ro, "rank", "disclosure_rounds.json")), "rank");
        const Date posted = parse_iso_date(s(at(ro, "posted", "disclosure_rounds.json")), "posted");
        Explanation ex("disclosure " + rid + " round " + std::to_string(round));
        const disclosure::RoundPlan p = disclosure::plan_round(round, rank, posted, cal, policy, &ex);
        json::array venues;
        for (const auto &v : p.venues) venues.emplace_back(v);
        o["rank"] = rank_name(rank);
        rounds.push_back(json::object{{"round", p.round},
                                      {"rank", rank_name(p.rank)},
                                      {"posted", to_iso(p.posted)},
                                      {"venues", std::move(venues)},
                                      {"first_day", to_iso(p.window.first)},
                                      {"last_day", to_iso(p.window.last)},
                                      {"working_days", p.working_days},
                                      {"explanation", ex_value(ex)}});
      }
      o["rounds"] = std::move(rounds);
      disc.push_back(std::move(o));
    }
    out["disclosure"] = std::move(disc);
  }

  // ---- assessment: red lines, the disposal cases and their follow-up ------------------------
  json::object screen_req = object_of(data.assessment_screen, "assessment_screen.json");
  screen_req["as_of"] = shifted(at(screen_req, "as_of", "assessment_screen.json"), shift, "as_of", "assessment_screen.json");
  screen_req["explain"] = true;
  {
    json::object a;
    a["screen"] =
        call("assessment_screen.json", [&] { return assessment::screen_json(json::serialize(screen_req), policy); });
    a["rules"] = call("assessment_screen.json", [&] { return assessment::rules_json(policy, as_of); });
    json::array cases;
    for (const auto &c : array_of(data.assessment_cases, "assessment_cases.json")) {
      const auto &co = json_read::as_object(c, "case", "assessment_cases.json");
      std::optional<std::string> case_json;
      for (const auto &act : json_read::as_array(at(co, "actions", "assessment_cases.json"), "actions",
                                                 "assessment_cases.json")) {
        try {
          std::string next = case_json ? assessment::disposal_apply_json(std::string_view(*case_json), json::serialize(act))
                                       : assessment::disposal_apply_json(std::nullopt, json::serialize(act));
          case_json = std::move(next);
        } catch (const InvalidInput &e) {
          throw InvalidInput(e.message(), e.field(), "assessment_cases.json" + (e.record().empty() ? "" : ": " + e.record()),
                             e.code());
        }
      }
      if (!case_json) throw InvalidInput("a case has no actions", "actions", "assessment_cases.json");
      json::object o;
      o["case"] = parse(*case_json, "assessment_cases.json");
      json::array schedule;
      json::value fu_ex = nullptr;
      if (const auto *f = json_read::member(co, "follow_up")) {
        const auto &fo = json_read::as_object(*f, "follow_up", "assessment_cases.json");
        Explanation ex("follow-up of case " + s(o["case"].at("case_id")));
        const Date dec = parse_iso_date(s(at(fo, "decision_date", "assessment_cases.json")), "decision_date");
        const Date until = parse_iso_date(s(at(fo, "until", "assessment_cases.json")), "until");
        for (const auto &x : assessment::follow_up_schedule(dec, until, policy, &ex))
          schedule.push_back(json::object{{"date", to_iso(x.date)}, {"kind", assessment::follow_up_kind_name(x.kind)}});
        fu_ex = ex_value(ex);
      }
      o["schedule"] = std::move(schedule);
      o["explanation"] = std::move(fu_ex);
      cases.push_back(std::move(o));
    }
    a["cases"] = std::move(cases);
    out["assessment"] = std::move(a);
  }

  // ---- talent: the pools and each unit's team, with the screening as supervision ------------
  {
    json::object t;
    json::array pool_cadres, members;
    std::int64_t n = 0, women = 0, minority = 0, non_party = 0;
    for (const auto &c : array_of(data.cadres, "cadres.json")) {
      json::object p = json_read::as_object(c, "cadre", "cadres.json");
      const json::value team = p.contains("team") ? p["team"] : json::value(nullptr);
      json::object cand = p;
      cand.erase("team");
      p.erase("team");
      p.erase("civil_servant");
      p.erase("selected_graduate");
      Person person;
      try {
        person = person_from_json(json::serialize(p));
      } catch (const InvalidInput &e) {
        throw InvalidInput(e.message(), e.field(), "cadres.json: cadres[" + std::to_string(n) + "]", e.code());
      }
      const json::value summary = parse(person_summary_json(person, as_of), "cadres.json");
      ++n;
      women += summary.at("is_woman").as_bool();
      minority += summary.at("is_ethnic_minority").as_bool();
      non_party += summary.at("is_non_party").as_bool();
      pool_cadres.push_back(std::move(cand));
      if (!team.is_null())
        members.push_back(json::object{{"team_id", team},
                                       {"cadre_id", p.at("id")},
                                       {"sex", p.at("sex")},
                                       {"birth_date", p.at("birth_date")},
                                       {"ethnicity", p.at("ethnicity")},
                                       {"political_status", p.at("political_status")}});
    }
    auto with_supervision = [&](json::object req) {
      if (const auto *r = screen_req.if_contains("records")) req["assessments"] = *r;
      if (const auto *f = screen_req.if_contains("findings")) req["findings"] = *f;
      req["explain"] = true;
      return json::serialize(req);
    };
    t["cadres"] = json::object{{"cadres", n}, {"women", women}, {"minority", minority}, {"non_party", non_party}};
    t["pools"] = call("cadres.json", [&] {
      return talent::pools_json(with_supervision(json::object{{"as_of", as_of_text}, {"cadres", pool_cadres}}), policy);
    });
    // A county's year lists every candidate of a gap (its own pools, a few hundred cadres), not
    // the first kCandidatesListed: the year's tables are its whole record.
    const auto every_candidate = static_cast<std::int64_t>(pool_cadres.size());
    t["teams"] = call("cadres.json", [&] {
      return talent::team_structure_json(with_supervision(json::object{{"as_of", as_of_text},
                                                                       {"members", members},
                                                                       {"candidates", pool_cadres},
                                                                       {"max_candidates", every_candidate}}),
                                         policy);
    });
    out["talent"] = std::move(t);
  }

  // ---- the source's figures beside the county's --------------------------------------------
  {
    std::map<std::string, std::int64_t> lv;
    for (const auto &r : out["audit"].at("tiers").at("results").as_array()) ++lv[s(r.at("level"))];
    std::map<std::string, std::int64_t> pool;
    for (const auto &z : out["talent"].at("pools").at("sizes").as_array()) pool[s(z.at("pool"))] = z.at("members").as_int64();
    std::int64_t decided = 0, round1 = 0, round2 = 0;
    for (const auto &c : out["assessment"].at("cases").as_array())
      for (const auto &e : c.at("case").at("events").as_array())
        decided += s(e.at("stage")) == "decision";
    for (const auto &c : out["disclosure"].as_array())
      for (const auto &r : c.at("rounds").as_array()) (r.at("round").as_int64() == 1 ? round1 : round2) += 1;
    const json::value &holders = out["village"].at("holders");
    const std::int64_t n_holders =
        holders.is_array() ? static_cast<std::int64_t>(holders.as_array().size()) : json_read::integer(holders, "holders");
    json::array figs;
    figs.push_back(figure("audit.units", "HOLINGOL.1", "科级单位数", "section-level units", 67,
                          static_cast<std::int64_t>(out["audit"].at("tiers").at("results").as_array().size()), "input",
                          "the county's units (audit_tier.json)"));
    figs.push_back(figure("audit.levels", "HOLINGOL.1", "一级 / 二级 / 三级审计责任主体", "units at level 1 / 2 / 3", "20 / 28 / 19",
                          json::string(std::to_string(lv["1"]) + " / " + std::to_string(lv["2"]) + " / " + std::to_string(lv["3"])),
                          "result", "tiered by the rules from the units' budgets and factors"));
    figs.push_back(figure("audit.retiered", "HOLINGOL.3", "当年动态调整审计级别的单位", "units re-tiered in the year", 3,
                          static_cast<std::int64_t>(retiered.size()), "result",
                          "special funds received in the year (audit_plan.json) that change a unit's level"));
    figs.push_back(figure("village.villages", "JARUD.2", "嘎查村数", "villages", 206,
                          n_villages, "input", "the county's villages (village_pay.json)"));
    figs.push_back(figure("village.quota", "JARUD.2", "每年选聘名额（不低于5%）", "yearly selection places (at least 5 %)",
                          "≥ 5 % (11 of 206)", quota, "result", "⌈5 % × villages⌉"));
    figs.push_back(figure("village.holders", "JARUD.2", "享受事业单位工资待遇的嘎查村书记（主任）", "village heads with public-institution pay",
                          42, n_holders, "input", "holders named on the pay sheet (village_pay.json)"));
    figs.push_back(figure("talent.echelon1", "HURE.1", "第一梯队", "first echelon", 68, pool["echelon1"], "result",
                          "young section-level cadres by the rules, from cadres.json"));
    figs.push_back(figure("talent.echelon2", "HURE.1", "第二梯队", "second echelon", 110, pool["echelon2"], "result",
                          "civil servants under 35 and excellent selected graduates, not in the first echelon"));
    figs.push_back(figure("talent.nvshaofei", "HURE.1", "“女少非”干部", "女少非 cadres", 50, pool["nvshaofei"], "result",
                          "women, minority and non-party cadres with strong results in the last two years"));
    figs.push_back(figure("assessment.red_lines", "HORQIN.3", "触及红线（定量标准）", "red lines crossed", nullptr,
                          static_cast<std::int64_t>(out["assessment"].at("screen").at("hits").as_array().size()), "result",
                          "the source gives no count of red lines; it reports 23 cadres disposed of"));
    figs.push_back(figure("assessment.disposed", "HORQIN", "处置调整的不胜任现职干部", "unfit cadres disposed of", 23, decided,
                          "input", "decisions of the county's disposal cases (assessment_cases.json)"));
    figs.push_back(figure("disclosure.round1", "KAILU.4", "第一次公开的考察对象（2015年以来）", "candidates disclosed in round 1 (since 2015)",
                          135, round1, "input", "the county's candidates (disclosure_rounds.json)"));
    figs.push_back(figure("disclosure.round2", "KAILU.4", "第二次公开的拟任人选（2015年以来）", "nominees disclosed in round 2 (since 2015)",
                          78, round2, "input", "the county's nominees (disclosure_rounds.json)"));
    out["figures"] = std::move(figs);
  }
  out["assumed"] = assumed_list(out, policy);
  return json::serialize(out);
}

// =============================================================================================
// Comparing two runs
// =============================================================================================

namespace {

const json::value kNull;

const json::value &get(const json::value &v, std::initializer_list<std::string_view> path) {
  const json::value *cur = &v;
  for (auto k : path) {
    if (!cur->is_object()) return kNull;
    const auto *n = cur->as_object().if_contains(k);
    if (!n) return kNull;
    cur = n;
  }
  return *cur;
}

const json::array &arr(const json::value &v) {
  static const json::array empty;
  return v.is_array() ? v.as_array() : empty;
}

/// One decision: its fields to compare and its explanation.
struct Decision {
  json::object fields;
  json::value explanation;
};
using Decisions = std::map<std::string, Decision>;

void picked(const json::value &o, std::initializer_list<std::string_view> keys, json::object &into) {
  for (auto k : keys) into[k] = get(o, {k});
}

/// Entries for every id whose fields differ (or that exists on one side only).
void differences(const char *decision, const Decisions &a, const Decisions &b, json::array &out) {
  std::set<std::string> ids;
  for (const auto &kv : a) ids.insert(kv.first);
  for (const auto &kv : b) ids.insert(kv.first);
  for (const auto &id : ids) {
    auto ia = a.find(id), ib = b.find(id);
    const json::value fa = ia == a.end() ? json::value(nullptr) : json::value(ia->second.fields);
    const json::value fb = ib == b.end() ? json::value(nullptr) : json::value(ib->second.fields);
    if (fa == fb) continue;
    out.push_back(json::object{{"decision", decision},
                               {"id", id},
                               {"a", fa},
                               {"b", fb},
                               {"explanation_a", ia == a.end() ? json::value(nullptr) : ia->second.explanation},
                               {"explanation_b", ib == b.end() ? json::value(nullptr) : ib->second.explanation}});
  }
}

void village_decisions(const json::value &r, Decisions &lines, Decisions &villages, Decisions &selection) {
  std::map<std::string, json::value> first_ex;
  for (const auto &l : arr(get(r, {"village", "pay", "lines"}))) {
    Decision d;
    picked(l, {"base", "performance", "public_institution", "total", "grade", "actions"}, d.fields);
    d.explanation = get(l, {"explanation"});
    const std::string vid = s(get(l, {"village_id"}));
    first_ex.emplace(vid, d.explanation);
    lines[s(get(l, {"cadre_id"})) + "@" + vid] = std::move(d);
  }
  for (const auto &v : arr(get(r, {"village", "pay", "villages"}))) {
    Decision d;
    picked(v, {"team_grade", "rank", "composite"}, d.fields);
    const std::string vid = s(get(v, {"village_id"}));
    d.explanation = first_ex.count(vid) ? first_ex[vid] : json::value(nullptr);
    villages[vid] = std::move(d);
  }
  {
    Decision d;
    picked(get(r, {"village", "quota"}), {"quota"}, d.fields);
    d.explanation = get(r, {"village", "quota", "explanation"});
    selection["quota"] = std::move(d);
  }
  {
    Decision d;
    picked(get(r, {"village", "funnel"}), {"initial", "prospective", "formal"}, d.fields);
    d.explanation = get(r, {"village", "funnel", "explanation"});
    selection["funnel"] = std::move(d);
  }
  const json::value &al = get(r, {"village", "allocation", "allocation"});
  if (al.is_object())
    for (const auto &kv : al.as_object()) {
      Decision d;
      d.fields["places"] = kv.value();
      d.explanation = get(r, {"village", "allocation", "explanation"});
      selection["places/" + std::string(kv.key())] = std::move(d);
    }
  for (const auto &st : arr(get(r, {"village", "subsidies"}))) {
    Decision d;
    picked(st, {"eligible", "amount", "service"}, d.fields);
    d.explanation = get(st, {"explanation"});
    selection["subsidy/" + s(get(st, {"cadre_id"}))] = std::move(d);
  }
}

void budget_decisions(const json::value &r, Decisions &out) {
  const json::value &b = get(r, {"budget"});
  for (const char *k : {"base", "performance", "public_institution", "subsidies", "total"}) {
    if (get(b, {k}).is_null()) continue;
    Decision d;
    d.fields["amount"] = get(b, {k});
    d.explanation = get(b, {"explanation"});
    out[k] = std::move(d);
  }
}

void audit_decisions(const json::value &r, Decisions &tiers, Decisions &funds, Decisions &audits, Decisions &plan) {
  for (const auto &t : arr(get(r, {"audit", "tiers", "results"}))) {
    Decision d;
    picked(t, {"level", "score", "band"}, d.fields);
    d.explanation = get(t, {"explanation"});
    tiers[s(get(t, {"unit_id"}))] = std::move(d);
  }
  for (const auto &f : arr(get(r, {"audit", "special_funds"}))) {
    Decision d;
    picked(f, {"previous_level", "new_level", "band"}, d.fields);
    d.explanation = get(f, {"explanation"});
    funds[s(get(f, {"unit_id"})) + "@" + s(get(f, {"date"}))] = std::move(d);
  }
  const json::value &pex = get(r, {"audit", "plan", "explanation"});
  for (const auto &a : arr(get(r, {"audit", "plan", "audits"}))) {
    const std::string id = s(get(a, {"unit_id"})) + "/" + s(get(a, {"year"}));
    Decision &d = audits[id];
    json::array kinds = d.fields.contains("kinds") ? d.fields["kinds"].as_array() : json::array();
    kinds.push_back(get(a, {"kind"}));
    d.fields["kinds"] = std::move(kinds);
    d.explanation = pex;
  }
  Decision d;
  picked(get(r, {"audit", "plan"}), {"feasible", "min_capacity", "capacity_used"}, d.fields);
  d.explanation = pex;
  plan["plan"] = std::move(d);
}

void disclosure_decisions(const json::value &r, Decisions &rounds, Decisions &records) {
  for (const auto &c : arr(get(r, {"disclosure"}))) {
    const std::string rid = s(get(c, {"record_id"}));
    Decision v;
    v.fields["problems"] = get(c, {"problems"});
    records[rid] = std::move(v);
    for (const auto &x : arr(get(c, {"rounds"}))) {
      Decision d;
      picked(x, {"venues", "first_day", "last_day", "working_days"}, d.fields);
      d.explanation = get(x, {"explanation"});
      rounds[rid + "/round" + s(get(x, {"round"}))] = std::move(d);
    }
  }
}

void assessment_decisions(const json::value &r, Decisions &hits, Decisions &follow) {
  for (const auto &h : arr(get(r, {"assessment", "screen", "hits"}))) {
    Decision d;
    picked(h, {"suggestion", "periods"}, d.fields);
    d.explanation = get(h, {"explanation"});
    hits[s(get(h, {"cadre_id"})) + "/" + s(get(h, {"rule_id"}))] = std::move(d);
  }
  for (const auto &c : arr(get(r, {"assessment", "cases"}))) {
    Decision d;
    d.fields["schedule"] = get(c, {"schedule"});
    d.explanation = get(c, {"explanation"});
    follow[s(get(c, {"case", "case_id"}))] = std::move(d);
  }
}

void talent_decisions(const json::value &r, Decisions &pools, Decisions &sizes, Decisions &teams) {
  for (const auto &[key, status] : {std::pair{"members", "member"}, {"near_misses", "near_miss"}, {"excluded", "excluded"}})
    for (const auto &e : arr(get(r, {"talent", "pools", key}))) {
      const std::string id = s(get(e, {"cadre_id"})) + "/" + s(get(e, {"pool"}));
      Decision &d = pools[id];
      std::string st = status;
      if (!get(e, {"kind"}).is_null() && !s(get(e, {"kind"})).empty()) st += ":" + s(get(e, {"kind"}));
      json::array all = d.fields.contains("status") ? d.fields["status"].as_array() : json::array();
      all.emplace_back(st);
      d.fields["status"] = std::move(all);
      if (d.explanation.is_null()) d.explanation = get(e, {"explanation"});
    }
  for (const auto &z : arr(get(r, {"talent", "pools", "sizes"}))) {
    Decision d;
    d.fields["members"] = get(z, {"members"});
    sizes[s(get(z, {"pool"}))] = std::move(d);
  }
  for (const auto &t : arr(get(r, {"talent", "teams", "teams"}))) {
    Decision d;
    json::array gaps;
    for (const auto &g : arr(get(t, {"gaps"}))) {
      json::array eligible;
      for (const auto &c : arr(get(g, {"candidates"})))
        if (get(c, {"eligible"}).is_bool() && get(c, {"eligible"}).as_bool()) eligible.push_back(get(c, {"cadre_id"}));
      gaps.push_back(json::object{{"criterion", get(g, {"criterion"})}, {"eligible", std::move(eligible)}});
    }
    d.fields["gaps"] = std::move(gaps);
    d.explanation = get(t, {"explanation"});
    teams[s(get(t, {"team_id"}))] = std::move(d);
  }
}

json::value side(const json::value &r) {
  return json::object{{"policy", get(r, {"policy"})}, {"year", get(r, {"year"})}, {"lineage", get(r, {"lineage"})}};
}

/// The cadre id of a talent or assessment decision id ("K001/echelon1", "K001/annual_bottom").
std::string cadre_of(const std::string &id) { return id.substr(0, id.find('/')); }

}  // namespace

std::string compare_json(std::string_view a_text, std::string_view b_text) {
  const json::value a = json_read::parse(a_text, "a", 64), b = json_read::parse(b_text, "b", 64);
  for (const json::value *r : {&a, &b})
    if (s(get(*r, {"schema"})) != "cadrekit.year/1")
      throw InvalidInput("not a year result (schema cadrekit.year/1)", "schema", r == &a ? "a" : "b");
  json::object out;
  out["schema"] = "cadrekit.year.compare/1";
  out["a"] = side(a);
  out["b"] = side(b);

  json::array village, budget, audit, disclosure, assessment, talent;
  {
    Decisions la, va, sa, lb, vb, sb;
    village_decisions(a, la, va, sa);
    village_decisions(b, lb, vb, sb);
    differences("village_grade", va, vb, village);
    differences("pay_line", la, lb, village);
    differences("selection", sa, sb, village);
  }
  {
    Decisions ba, bb;
    budget_decisions(a, ba);
    budget_decisions(b, bb);
    differences("budget", ba, bb, budget);
    for (auto &e : budget) {
      auto &o = e.as_object();
      const auto &x = o["a"], &y = o["b"];
      if (x.is_object() && y.is_object())
        o["difference"] = (Money::parse(s(y.at("amount"))) - Money::parse(s(x.at("amount")))).to_decimal_string();
    }
  }
  {
    Decisions ta, fa, aa, pa, tb, fb, ab, pb;
    audit_decisions(a, ta, fa, aa, pa);
    audit_decisions(b, tb, fb, ab, pb);
    differences("tier", ta, tb, audit);
    differences("special_funds", fa, fb, audit);
    differences("planned_audit", aa, ab, audit);
    differences("plan", pa, pb, audit);
  }
  {
    Decisions ra, ca, rb, cb;
    disclosure_decisions(a, ra, ca);
    disclosure_decisions(b, rb, cb);
    differences("round", ra, rb, disclosure);
    differences("record", ca, cb, disclosure);
  }
  {
    Decisions ha, fa, hb, fb;
    assessment_decisions(a, ha, fa);
    assessment_decisions(b, hb, fb);
    differences("red_line", ha, hb, assessment);
    differences("follow_up", fa, fb, assessment);
  }
  {
    Decisions pa, za, ta, pb, zb, tb;
    talent_decisions(a, pa, za, ta);
    talent_decisions(b, pb, zb, tb);
    differences("pool", pa, pb, talent);
    differences("pool_size", za, zb, talent);
    differences("team", ta, tb, talent);
  }

  // What moves downstream: a red line → the cadre's pools → the teams the cadre may fill
  // (promotion); a tier → that unit's planned audits; a village's grade → its pay lines → the
  // budget.
  json::array downstream;
  {
    std::map<std::string, std::vector<std::string>> pools_of, teams_of;
    for (const auto &e : talent) {
      const std::string dec = s(e.at("decision")), id = s(e.at("id"));
      if (dec == "pool") pools_of[cadre_of(id)].push_back(id);
      if (dec == "team")
        for (const char *sd : {"a", "b"})
          for (const auto &g : arr(get(e, {sd, "gaps"})))
            for (const auto &c : arr(get(g, {"eligible"}))) {
              auto &v = teams_of[s(c)];
              if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
            }
    }
    std::set<std::string> done;
    for (const auto &e : assessment) {
      if (s(e.at("decision")) != "red_line") continue;
      const std::string cadre = cadre_of(s(e.at("id")));
      if (!done.insert(cadre).second) continue;
      json::array to;
      for (const auto &p : pools_of[cadre]) to.push_back(json::object{{"module", "talent"}, {"decision", "pool"}, {"id", p}});
      for (const auto &t : teams_of[cadre]) to.push_back(json::object{{"module", "talent"}, {"decision", "team"}, {"id", t}});
      downstream.push_back(json::object{{"from", json::object{{"module", "assessment"}, {"decision", "red_line"}, {"cadre_id", cadre}}},
                                        {"to", std::move(to)}});
    }
    std::map<std::string, json::array> audits_of;
    for (const auto &e : audit)
      if (s(e.at("decision")) == "planned_audit") {
        const std::string id = s(e.at("id"));
        audits_of[id.substr(0, id.find('/'))].push_back(
            json::object{{"module", "audit"}, {"decision", "planned_audit"}, {"id", id}});
      }
    for (const auto &e : audit)
      if (s(e.at("decision")) == "tier" || s(e.at("decision")) == "special_funds") {
        const std::string id = s(e.at("id")), unit = id.substr(0, id.find('@'));
        downstream.push_back(json::object{{"from", json::object{{"module", "audit"}, {"decision", e.at("decision")}, {"id", id}}},
                                          {"to", audits_of[unit]}});
      }
    std::map<std::string, json::array> lines_of;
    for (const auto &e : village)
      if (s(e.at("decision")) == "pay_line") {
        const std::string id = s(e.at("id"));
        lines_of[id.substr(id.find('@') + 1)].push_back(json::object{{"module", "village"}, {"decision", "pay_line"}, {"id", id}});
      }
    // pay lines → the budget's amounts
    {
      json::array ids, to;
      for (const auto &e : village)
        if (s(e.at("decision")) == "pay_line") ids.push_back(e.at("id"));
      for (const auto &e : budget) to.push_back(json::object{{"module", "budget"}, {"decision", "budget"}, {"id", e.at("id")}});
      if (!ids.empty() && !to.empty())
        downstream.push_back(json::object{
            {"from", json::object{{"module", "village"}, {"decision", "pay_line"}, {"ids", std::move(ids)}}},
            {"to", std::move(to)}});
    }
    for (const auto &e : village)
      if (s(e.at("decision")) == "village_grade") {
        json::array to = lines_of[s(e.at("id"))];
        if (!budget.empty()) to.push_back(json::object{{"module", "budget"}, {"decision", "budget"}, {"id", "total"}});
        downstream.push_back(json::object{
            {"from", json::object{{"module", "village"}, {"decision", "village_grade"}, {"id", e.at("id")}}}, {"to", std::move(to)}});
      }
  }

  out["village"] = std::move(village);
  out["budget"] = std::move(budget);
  out["audit"] = std::move(audit);
  out["disclosure"] = std::move(disclosure);
  out["assessment"] = std::move(assessment);
  out["talent"] = std::move(talent);
  out["downstream"] = std::move(downstream);
  out["assumed"] = json::object{{"a", get(a, {"assumed"})}, {"b", get(b, {"assumed"})}};
  return json::serialize(out);
}

}  // namespace cadrekit::year

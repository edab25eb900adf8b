// JSON forms of the talent module (docs/talent.md): used by the C ABI, Python and the fuzz target.
#include <set>
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/number.hpp"
#include "cadrekit/core/person_json.hpp"
#include "cadrekit/talent.hpp"
#include "core/json_read.hpp"

namespace cadrekit::talent {

namespace json = boost::json;
using json_read::Fields;
using json_read::in_record;

namespace {

Cadre cadre_of(const json::value &v, const std::string &rec) {
  return in_record(rec, [&] {
    json::object o = json_read::as_object(v, "cadre");
    const Fields f(o);
    Cadre c;
    c.civil_servant = f.boolean_or("civil_servant");
    c.selected_graduate = f.boolean_or("selected_graduate");
    c.rank_since = f.date_or_none("rank_since");
    o.erase("civil_servant");
    o.erase("selected_graduate");
    o.erase("rank_since");
    if (auto it = o.find("cadre_id"); it != o.end()) {
      if (o.contains("id")) throw InvalidInput("give id or cadre_id, not both", "cadre_id");
      json::value idv = it->value();
      o.erase("cadre_id");
      o["id"] = std::move(idv);
    }
    c.person = person_from_json(json::serialize(o));
    return c;
  });
}

struct Inputs {
  std::vector<Cadre> cadres;
  std::vector<assessment::Record> records;
  std::vector<assessment::Finding> findings;
  std::vector<assessment::DisposalCase> cases;
  Supervision sup() const { return {records, findings, cases}; }
};

void read_supervision(const Fields &o, Inputs &in) {
  if (const auto *a = o.array_or_none("assessments"))
    for (const auto &r : *a) {
      const std::string rec = "assessments[" + std::to_string(in.records.size()) + "]";
      in.records.push_back(assessment::record_from_json(json::serialize(r), rec));
    }
  if (const auto *a = o.array_or_none("findings"))
    for (const auto &f : *a) {
      const std::string rec = "findings[" + std::to_string(in.findings.size()) + "]";
      in.findings.push_back(assessment::finding_from_json(json::serialize(f), rec));
    }
  if (const auto *a = o.array_or_none("disposal_cases"))
    for (const auto &c : *a) {
      const std::string rec = "disposal_cases[" + std::to_string(in.cases.size()) + "]";
      in.cases.push_back(in_record(rec, [&] { return assessment::DisposalCase::from_json(json::serialize(c)); }));
    }
}

void read_cadres(const Fields &o, std::string_view key, Inputs &in) {
  if (const auto *a = o.array_or_none(key))
    for (const auto &c : *a)
      in.cadres.push_back(cadre_of(c, std::string(key) + "[" + std::to_string(in.cadres.size()) + "]"));
}

json::array reasons_json(const std::vector<Reason> &rs) {
  json::array a;
  for (const auto &r : rs) a.emplace_back(json::object{{"code", r.code}, {"zh", r.zh}, {"en", r.en}});
  return a;
}

/// Appends "explanation" (canonical JSON) to a serialised object.
std::string with_explanation(const json::object &x, const Explanation *ex) {
  std::string s = json::serialize(x);
  if (ex) {
    s.pop_back();
    s += ",\"explanation\":" + ex->to_json() + "}";
  }
  return s;
}

std::string entries_json(const std::vector<PoolEntry> &es, bool explain, bool near) {
  std::string out = "[";
  for (std::size_t i = 0; i < es.size(); ++i) {
    const auto &e = es[i];
    json::object x;
    x["cadre_id"] = e.cadre_id;
    x["pool"] = pool_name(e.pool);
    if (near || !e.kind.empty()) x["kind"] = e.kind;
    if (near) x["date"] = e.date ? json::value(to_iso(*e.date)) : json::value(nullptr);
    x["reasons"] = reasons_json(e.reasons);
    if (i) out += ',';
    out += with_explanation(x, explain ? &e.explanation : nullptr);
  }
  return out + "]";
}


}  // namespace

std::string pools_json(std::string_view request, const Policy &policy) {
  const json::value v = json_read::parse(request, "request");
  const Fields o(v, "request");
  o.only({"as_of", "cadres", "assessments", "findings", "disposal_cases", "explain"});
  const Date as_of = o.date("as_of");
  const bool explain = o.boolean_or("explain");
  Inputs in;
  read_cadres(o, "cadres", in);
  read_supervision(o, in);
  const Pools ps = pools(in.cadres, in.sup(), as_of, policy, explain);
  std::string out = "{\"as_of\":\"" + to_iso(ps.as_of) + "\",\"members\":" + entries_json(ps.members, explain, false);
  out += ",\"near_misses\":" + entries_json(ps.near_misses, explain, true);
  out += ",\"excluded\":" + entries_json(ps.excluded, explain, false);
  json::array sizes;
  for (const auto &s : ps.sizes)
    sizes.emplace_back(json::object{{"pool", pool_name(s.pool)}, {"members", s.members}, {"target", s.target}});
  out += ",\"sizes\":" + json::serialize(sizes) + "}";
  return out;
}

std::string pool_changes_json(std::string_view request, const Policy &policy) {
  const json::value v = json_read::parse(request, "request");
  const Fields o(v, "request");
  o.only({"from", "to", "cadres", "assessments", "findings", "disposal_cases"});
  const Date from = o.date("from"), to = o.date("to");
  Inputs in;
  read_cadres(o, "cadres", in);
  read_supervision(o, in);
  json::array a;
  for (const auto &c : pool_changes(in.cadres, in.sup(), from, to, policy))
    a.emplace_back(json::object{{"cadre_id", c.cadre_id},
                                {"pool", pool_name(c.pool)},
                                {"change", c.entered ? "entered" : "left"},
                                {"reasons", reasons_json(c.reasons)}});
  json::object r;
  r["from"] = to_iso(from);
  r["to"] = to_iso(to);
  r["changes"] = std::move(a);
  return json::serialize(r);
}

std::string team_structure_json(std::string_view request, const Policy &policy) {
  const json::value v = json_read::parse(request, "request");
  const Fields o(v, "request");
  o.only({"as_of", "members", "candidates", "max_candidates", "assessments", "findings", "disposal_cases",
          "explain"});
  const Date as_of = o.date("as_of");
  const bool explain = o.boolean_or("explain");
  const std::int64_t max_candidates = o.integer_or("max_candidates", kCandidatesListed);
  std::vector<TeamMember> members;
  if (const auto *a = o.array_or_none("members"))
    for (const auto &m : *a) {
      const std::string rec = "members[" + std::to_string(members.size()) + "]";
      members.push_back(in_record(rec, [&] {
        const Fields mo(m, "member");
        mo.only({"team_id", "cadre_id", "sex", "birth_date", "ethnicity", "political_status"});
        TeamMember t;
        t.team_id = mo.text("team_id");
        t.cadre_id = mo.text("cadre_id");
        t.sex = parse_sex(mo.text("sex"), "sex");
        t.birth_date = mo.date("birth_date");
        t.ethnicity = ethnic_group(mo.text("ethnicity"), "ethnicity").code;
        t.political_status = political_status(mo.text("political_status"), "political_status").code;
        return t;
      }));
    }
  Inputs in;
  read_cadres(o, "candidates", in);
  read_supervision(o, in);
  const auto teams = team_structure(members, as_of, policy, in.cadres, in.sup(), explain, max_candidates);
  std::string out = "{\"as_of\":\"" + to_iso(as_of) + "\",\"teams\":[";
  for (std::size_t i = 0; i < teams.size(); ++i) {
    const auto &t = teams[i];
    json::object x;
    x["team_id"] = t.team_id;
    x["size"] = t.size;
    json::object shares, targets;
    for (int c = 0; c < criterion_count; ++c) {
      const char *nm = criterion_name(static_cast<Criterion>(c));
      x[nm] = t.counts[c];
      shares[nm] = t.size ? to_exact_string(Rational(t.counts[c], t.size)) : "0";
      targets[nm] = t.targets[c];
    }
    x["shares"] = std::move(shares);
    x["targets"] = std::move(targets);
    json::array gaps;
    for (const auto &g : t.gaps) {
      json::array cands;
      for (const auto &k : g.candidates) {
        json::array pls;
        for (auto p : k.pools) pls.emplace_back(pool_name(p));
        cands.emplace_back(json::object{{"cadre_id", k.cadre_id},
                                        {"pools", std::move(pls)},
                                        {"eligible", k.eligible},
                                        {"reasons", reasons_json(k.reasons)}});
      }
      gaps.emplace_back(json::object{{"criterion", criterion_name(g.criterion)},
                                     {"have", g.have},
                                     {"target", g.target},
                                     {"missing", g.missing},
                                     {"candidates", std::move(cands)},
                                     {"candidate_count", g.candidate_count},
                                     {"eligible_count", g.eligible_count}});
    }
    x["gaps"] = std::move(gaps);
    out += (i ? "," : "") + with_explanation(x, explain ? &t.explanation : nullptr);
  }
  return out + "]}";
}

namespace {

GrowthFile growth_of(const json::value &v, const std::string &rec) {
  return in_record(rec, [&] {
    const Fields o(v, "growth_file");
    o.only({"cadre_id", "rank", "rank_since", "postings", "trainings", "results"});
    GrowthFile g;
    g.cadre_id = o.text("cadre_id");
    if (o.find("rank")) g.rank = parse_rank(o.text("rank"), "rank");
    g.rank_since = o.date_or_none("rank_since");
    if (const auto *a = o.array_or_none("postings"))
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = "postings[" + std::to_string(i) + "].";
        const Fields po((*a)[i], p, p);
        po.only({"kind", "from", "until", "unit", "sector", "grassroots", "principal", "level", "area", "households"});
        Posting x;
        x.kind = parse_posting_kind(po.text_or("kind", "post"), p + "kind");
        x.from = po.date("from");
        x.until = po.date_or_none("until");
        x.unit = po.text_or("unit");
        x.sector = po.text_or("sector");
        x.grassroots = po.boolean_or("grassroots");
        x.principal = po.boolean_or("principal");
        x.level = po.text_or("level");
        x.area = po.text_or("area");
        x.households = po.integer_or("households", 0);
        g.postings.push_back(std::move(x));
      }
    if (const auto *a = o.array_or_none("trainings"))
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = "trainings[" + std::to_string(i) + "].";
        const Fields to((*a)[i], p, p);
        to.only({"topic", "from", "until"});
        g.trainings.push_back({to.text_or("topic"), to.date("from"), to.date_or_none("until")});
      }
    if (const auto *a = o.array_or_none("results"))
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = "results[" + std::to_string(i) + "].";
        const Fields ro((*a)[i], p, p);
        ro.only({"year", "rating"});
        const auto y = ro.integer("year");
        if (y < 1900 || y > 9999) throw InvalidInput("year out of range", p + "year");
        g.results.push_back({static_cast<int>(y), assessment::parse_rating(ro.text_or("rating"), p + "rating")});
      }
    validate(g);
    return g;
  });
}

json::object figures_json(const GrowthFigures &f) {
  json::object x;
  x["grassroots_days"] = f.grassroots_days;
  x["grassroots_years"] = f.grassroots_years;
  x["distinct_sectors"] = f.distinct_sectors;
  x["secondments_upward"] = f.secondments_upward;
  x["principal_posts"] = f.principal_posts;
  x["years_at_rank"] = f.years_at_rank ? json::value(*f.years_at_rank) : json::value(nullptr);
  x["days_at_rank"] = f.days_at_rank;
  return x;
}

}  // namespace

std::string gaps_json(std::string_view request, const Policy &policy) {
  const json::value v = json_read::parse(request, "request");
  const Fields o(v, "request");
  o.only({"as_of", "growth_file"});
  const Date as_of = o.date("as_of");
  const GrowthFile g = growth_of(o.need("growth_file"), "growth_file");
  Explanation ex;
  const auto gaps = career_gaps(g, as_of, policy, &ex);
  json::object x;
  x["cadre_id"] = g.cadre_id;
  x["figures"] = figures_json(growth_figures(g, as_of));
  json::array a;
  for (const auto &cg : gaps)
    a.emplace_back(json::object{{"gap", gap_kind_name(cg.gap)},
                                {"posting", cg.posting},
                                {"value", cg.value},
                                {"threshold", cg.threshold},
                                {"parameter", cg.parameter},
                                {"reason", json::object{{"code", cg.reason.code}, {"zh", cg.reason.zh}, {"en", cg.reason.en}}}});
  x["gaps"] = std::move(a);
  return with_explanation(x, &ex);
}

std::string postings_json(std::string_view request, const Policy &policy) {
  const json::value v = json_read::parse(request, "request");
  const Fields o(v, "request");
  o.only({"as_of", "growth_files", "places"});
  const Date as_of = o.date("as_of");
  std::vector<GrowthFile> files;
  if (const auto *a = o.array_or_none("growth_files"))
    for (const auto &g : *a) files.push_back(growth_of(g, "growth_files[" + std::to_string(files.size()) + "]"));
  std::vector<Places> places;
  if (const auto *p = o.find("places")) {
    const auto &po = json_read::as_object(*p, "places");
    for (const auto &kv : po) {
      const std::string f = "places." + json_read::display_key(kv.key());
      if (!kv.value().is_int64()) throw InvalidInput("expected a whole number", f);
      places.push_back({std::string(kv.key()), kv.value().get_int64()});
    }
  }
  json::array a;
  for (const auto &p : propose_postings(files, places, as_of, policy))
    a.emplace_back(json::object{{"cadre_id", p.cadre_id},
                                {"posting", p.posting},
                                {"gap", gap_kind_name(p.gap)},
                                {"placed", p.placed},
                                {"order", p.order},
                                {"reason", json::object{{"code", p.reason.code}, {"zh", p.reason.zh}, {"en", p.reason.en}}}});
  json::object r;
  r["proposals"] = std::move(a);
  return json::serialize(r);
}

}  // namespace cadrekit::talent

// cadrekit demo's year through a county workspace (ledger.hpp): every decision of the demo and
// every step after it (data/sample/ledger.json) recorded day by day in <out>/county.ck.db, then
// the ledger read back as of each month's end.
#include <unistd.h>

#include <algorithm>
#include <map>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/village.hpp"
#include "cadrekit/workspace.hpp"
#include "ledger.hpp"

namespace cadrekit::cli {

namespace json = boost::json;
namespace ws = cadrekit::workspace;

namespace {

std::string text(const json::value &v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_null()) return {};
  return json::serialize(v);
}

json::value parse(std::string_view t, const char *what) {
  boost::system::error_code ec;
  json::value v = json::parse(t, ec);
  if (ec) throw InvalidInput("embedded sample data is not valid JSON", what);
  return v;
}

/// A table of flat objects as import() takes it: the union of the members, text cells.
ws::ImportTable table_of(const std::string &kind, const json::array &rows, std::optional<Date> as_of) {
  ws::ImportTable t;
  t.kind = kind;
  t.source = "data/sample (" + kind + ")";
  t.as_of = as_of;
  for (const auto &r : rows)
    for (const auto &[k, v] : r.as_object())
      if (std::find(t.columns.begin(), t.columns.end(), k) == t.columns.end()) t.columns.emplace_back(k);
  for (const auto &r : rows) {
    std::vector<std::string> cells;
    for (const auto &c : t.columns) {
      const json::value *v = r.as_object().if_contains(c);
      cells.push_back(v ? text(*v) : "");
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

ws::Action action(ws::CaseKind kind, std::string id, std::string op, Date date, json::object members,
                  const json::value *explanation = nullptr) {
  ws::Action a;
  a.kind = kind;
  a.case_id = std::move(id);
  a.op = std::move(op);
  a.date = date;
  a.members = json::serialize(members);
  if (explanation && !explanation->is_null()) a.explanation = json::serialize(*explanation);
  return a;
}

std::string month_of(Date d) { return to_iso(d).substr(0, 7); }

}  // namespace

json::object run_ledger(const DemoData &d, const std::string &file, std::string_view policy_yaml,
                        std::string_view records_json, std::string_view rounds_json, std::string_view cases_json,
                        std::string_view ledger_json, CsvTables &tables) {
  for (const char *suffix : {"", "-wal", "-shm"}) ::unlink((file + suffix).c_str());  // the folder's files are replaced
  const json::object ledger = parse(ledger_json, "ledger.json").as_object();
  const Date as_of = parse_iso_date(text(ledger.at("as_of")), "as_of");
  const json::array records = parse(records_json, "disclosure_records.json").as_array();
  std::vector<ws::Action> all;

  // Audit: each unit's tiering starts its history; the plan of 2017–2021 is drawn.
  for (const auto &r : d.tiers.at("results").as_array())
    all.push_back(action(ws::CaseKind::tier, text(r.at("unit_id")), "tiered", d.tier_as_of,
                         {{"level", text(r.at("level"))}}, r.as_object().if_contains("explanation")));
  {
    const auto first = d.plan_request.at("first_year").as_int64(), last = d.plan_request.at("last_year").as_int64();
    json::array audits;
    for (const auto &a : d.plan.at("audits").as_array()) audits.push_back(a);
    all.push_back(action(ws::CaseKind::audit_plan, std::to_string(first) + "-" + std::to_string(last), "drawn",
                         make_date(static_cast<int>(first), 1, 1),
                         {{"first_year", first}, {"last_year", last}, {"capacity", d.plan.at("capacity")},
                          {"seed", text(d.plan.at("seed"))}, {"feasible", d.plan.at("feasible")},
                          {"min_capacity", d.plan.at("min_capacity")}, {"audits", std::move(audits)}},
                         d.plan.if_contains("explanation")));
  }
  // Village: the quarters' results publicised (the library's default dates), the year's sheet,
  // the selection quota.
  const int year = static_cast<int>(d.pay_request.at("year").as_int64());
  const auto windows = village::quarterly_publicity_windows(year, d.policy);
  for (int q = 0; q < 4; ++q)
    all.push_back(action(ws::CaseKind::village_pay, std::to_string(year), "published", windows[static_cast<std::size_t>(q)].first,
                         {{"quarter", q + 1}}));
  {
    json::array lines;
    std::vector<std::pair<std::string, std::string>> explanations;
    for (const auto &l : d.pay.at("lines").as_array()) {
      lines.push_back(json::object{{"cadre_id", l.at("cadre_id")}, {"village_id", l.at("village_id")},
                                   {"township", l.at("township")}, {"grade", l.at("grade")},
                                   {"total", l.at("total")}, {"actions", l.at("actions")}});
      if (const auto *ex = l.as_object().if_contains("explanation"))
        explanations.emplace_back(text(l.at("cadre_id")) + "@" + text(l.at("village_id")), json::serialize(*ex));
    }
    ws::Action a = action(ws::CaseKind::village_pay, std::to_string(year), "computed", make_date(year, 12, 31),
                          {{"year", year}, {"lines", std::move(lines)}, {"banner", d.pay.at("banner")}});
    a.explanations = std::move(explanations);
    all.push_back(std::move(a));
    json::array funnels{json::object{{"township", ""}, {"places", d.funnel.at("places")}, {"initial", d.funnel.at("initial")},
                                     {"prospective", d.funnel.at("prospective")}, {"formal", d.funnel.at("formal")}}};
    all.push_back(action(ws::CaseKind::selection, std::to_string(year), "quota", d.as_of,
                         {{"year", year}, {"quota", d.quota.at("quota")}, {"method", d.allocation.at("method")},
                          {"allocation", d.allocation.at("allocation")}, {"funnels", std::move(funnels)}},
                         d.quota.if_contains("explanation")));
  }
  // Disclosure: each candidate's case opened on the form's date, both rounds posted.
  std::map<std::string, Date> form_date;
  for (const auto &r : records) form_date[text(r.at("id"))] = parse_iso_date(text(r.at("reference_date")));
  const json::value rounds = parse(rounds_json, "disclosure_rounds.json");
  for (const auto &c : rounds.as_array()) {
    const std::string id = text(c.at("record_id"));
    all.push_back(action(ws::CaseKind::disclosure, id, "open", form_date.at(id), {{"actor", "组织部"}}));
    for (const auto &r : c.at("requests").as_array())
      all.push_back(action(ws::CaseKind::disclosure, id, "post_round", parse_iso_date(text(r.at("posted"))),
                           {{"round", r.at("round")}, {"actor", "组织部"}}));
  }
  // Assessment: the disposal cases' steps (the case is opened on its first step's date).
  const json::value cases = parse(cases_json, "assessment_cases.json");
  for (const auto &c : cases.as_array()) {
    const std::string id = text(c.at("case_id"));
    const auto &steps = c.at("actions").as_array();
    Date opened;
    for (const auto &s : steps)
      if (const auto *dt = s.as_object().if_contains("date")) {
        opened = parse_iso_date(text(*dt));
        break;
      }
    for (const auto &s : steps) {
      json::object m = s.as_object();
      const std::string op = text(m.at("op"));
      const Date when = m.contains("date") ? parse_iso_date(text(m.at("date"))) : opened;
      for (const char *k : {"op", "date", "case_id"}) m.erase(k);
      all.push_back(action(ws::CaseKind::disposal, id, op, when, std::move(m)));
    }
  }
  // What the offices recorded after the decisions (data/sample/ledger.json).
  std::size_t i = 0;
  for (const auto &a : ledger.at("actions").as_array())
    all.push_back(ws::action_from_json(json::serialize(a), "ledger.json[" + std::to_string(i++) + "]"));

  // Recorded day by day: one command per day, stamped that evening.
  std::stable_sort(all.begin(), all.end(), [](const ws::Action &a, const ws::Action &b) { return a.date < b.date; });
  const Date first_day = all.front().date;
  auto stamp = [](Date day) { return ws::Stamp{"cadrekit demo", to_iso(day) + "T18:00:00Z"}; };
  ws::Workspace w = ws::Workspace::create(file, stamp(first_day), text(d.county.at("name_zh")),
                                          policy_yaml.empty() ? d.policy.name() : std::string(), policy_yaml);
  w.import_table(table_of("units", d.tier_request.at("units").as_array(), d.tier_as_of), stamp(first_day));
  w.import_table(table_of("villages", d.pay_request.at("villages").as_array(), std::nullopt), stamp(first_day));
  w.import_table(table_of("principals", d.pay_request.at("principals").as_array(), std::nullopt), stamp(first_day));
  {
    ws::ImportTable t;
    t.kind = "disclosure_records";
    t.source = "data/sample/disclosure_records.json";
    t.columns = {"id", "record"};
    for (const auto &r : records) t.rows.push_back({text(r.at("id")), json::serialize(r)});
    w.import_table(t, stamp(first_day));
  }
  for (std::size_t b = 0; b < all.size();) {
    std::size_t e = b;
    while (e < all.size() && all[e].date == all[b].date) ++e;
    w.apply(std::span(all).subspan(b, e - b), stamp(all[b].date), "cadrekit demo");
    b = e;
  }

  // The ledger read back: open cases by kind and stage at each month's end, then as of the date.
  json::array months;
  std::vector<std::vector<std::string>> month_rows{{"month", "case_kind", "stage", "open_cases"}};
  for (Date m(first_day.year(), first_day.month(), 1); m <= as_of; m = m + boost::gregorian::months(1)) {
    const Date end = std::min(m.end_of_month(), as_of);
    std::map<std::string, std::map<std::string, std::int64_t>> open;
    for (const auto &s : w.status(end))
      if (s.open) ++open[ws::case_kind_name(s.kind)][s.stage];
    json::object o;
    for (const auto &[k, stages] : open) {
      json::object x;
      for (const auto &[st, n] : stages) {
        x[st] = n;
        month_rows.push_back({month_of(m), k, st, std::to_string(n)});
      }
      o[k] = std::move(x);
    }
    months.push_back(json::object{{"month", month_of(m)}, {"open", std::move(o)}});
  }
  json::array status, due;
  std::vector<std::vector<std::string>> status_rows{
      {"case_kind", "case_id", "subject", "stage", "open", "first", "last", "events", "detail"}};
  std::int64_t events = 0;
  for (const auto &s : w.status(as_of)) {
    events += s.events;
    status.push_back(json::object{{"case_kind", ws::case_kind_name(s.kind)}, {"case_id", s.case_id},
                                  {"subject", s.subject}, {"stage", s.stage}, {"open", s.open},
                                  {"first", to_iso(s.first)}, {"last", to_iso(s.last)}, {"events", s.events},
                                  {"detail", s.detail}});
    status_rows.push_back({ws::case_kind_name(s.kind), s.case_id, s.subject, s.stage, s.open ? "true" : "false",
                           to_iso(s.first), to_iso(s.last), std::to_string(s.events), s.detail});
  }
  std::vector<std::vector<std::string>> due_rows{{"case_kind", "case_id", "subject", "what", "due", "state", "detail"}};
  for (const auto &x : w.due(as_of)) {
    const std::string when = x.due ? to_iso(*x.due) : "";
    due.push_back(json::object{{"case_kind", ws::case_kind_name(x.kind)}, {"case_id", x.case_id},
                               {"subject", x.subject}, {"what", x.what}, {"due", when}, {"state", x.state},
                               {"detail", x.detail}});
    due_rows.push_back({ws::case_kind_name(x.kind), x.case_id, x.subject, x.what, when, x.state, x.detail});
  }
  if (const auto problems = w.check(); !problems.empty())
    throw Error(ErrorCode::internal, "the demo's workspace does not check: " + problems.front().message);
  tables.emplace_back("ledger_months.csv", std::move(month_rows));
  tables.emplace_back("ledger_status.csv", std::move(status_rows));
  tables.emplace_back("ledger_due.csv", std::move(due_rows));
  return json::object{{"file", "county.ck.db"}, {"as_of", to_iso(as_of)}, {"schema", ws::schema_version},
                      {"cases", status.size()}, {"events", events}, {"months", std::move(months)},
                      {"status", std::move(status)}, {"due", std::move(due)}};
}

}  // namespace cadrekit::cli

// cadrekit demo [--out DIR] [--data DIR] [--year Y]: the whole year of a county (the sample
// county of data/sample, embedded in the library, by default) run by the library
// (year::run_json). Writes each module's results as CSV and JSON, summary.json and report.html.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <ostream>
#include <string_view>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/person_json.hpp"
#include "cadrekit/disclosure.hpp"
#include "cadrekit/talent.hpp"
#include "cadrekit/village.hpp"
#include "cadrekit/year.hpp"
#include "commands.hpp"
#include "ledger.hpp"
#include "report.hpp"
#include "table.hpp"
#include "xlsx_write.hpp"

namespace cadrekit::embedded {
// The steps after the decisions of the sample county (data/sample/ledger.json), embedded so the
// demo needs no files at run time.
extern const unsigned char sample_ledger_json[];
extern const std::size_t sample_ledger_json_size;
}  // namespace cadrekit::embedded

namespace cadrekit::cli {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

/// Appends `item` to the list `out`, after `sep` unless the list is empty. (Written as appends:
/// `sep + std::string&&` trips a false -Wrestrict in GCC 12 at -O3, GCC bug 105329.)
void append_item(std::string &out, std::string_view sep, std::string_view item) {
  if (!out.empty()) out += sep;
  out += item;
}

json::value parse(std::string_view text, const char *what) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) throw InvalidInput("embedded sample data is not valid JSON", what);
  return v;
}

std::string s(const json::value &v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return {};
  return json::serialize(v);
}

class Writer {
 public:
  explicit Writer(fs::path dir) : dir_(std::move(dir)) {}
  void file(const std::string &name, std::string_view text) {
    std::ofstream out(dir_ / name, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw InvalidInput("cannot write the output file", "--out", (dir_ / name).string());
    written.push_back(name);
  }
  void json_file(const std::string &name, const json::value &v) { file(name, json::serialize(v) + "\n"); }
  /// rows: header first. `kinds`, one letter a column (t text, n number, m money in yuan, d ISO
  /// date), types the cells of the module's workbook (with `books`).
  void csv(const std::string &name, const std::vector<std::vector<std::string>> &rows, std::string_view kinds = {}) {
    if (books && !rows.empty()) add_sheet(name, rows, kinds);
    std::string out;
    for (const auto &r : rows) {
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i) out += ',';
        out += csv_field(r[i]);
      }
      out += "\r\n";
    }
    file(name, out);
  }
  std::vector<std::string> written;
  /// With --format xlsx: each module's tables ("audit_tiers.csv" → module audit, sheet audit_tiers).
  bool books = false;
  std::map<std::string, std::vector<std::pair<std::string, OutTable>>> tables;

 private:
  void add_sheet(const std::string &name, const std::vector<std::vector<std::string>> &rows, std::string_view kinds) {
    const std::string stem = name.substr(0, name.rfind('.'));
    const std::string module = stem.substr(0, stem.find('_'));
    if (module != "audit" && module != "village" && module != "disclosure" && module != "assessment" && module != "talent")
      return;
    OutTable t{rows.front(), {}};
    for (std::size_t r = 1; r < rows.size(); ++r) {
      std::vector<Cell> row;
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const std::string &v = rows[r][c];
        const char k = c < kinds.size() ? kinds[c] : 't';
        if (v.empty()) row.emplace_back();
        else if (k == 'n') row.push_back(Cell::num_text(v));
        else if (k == 'm') row.push_back(Cell::money(Money::parse(v, t.columns.at(c))));
        else if (k == 'd') row.push_back(Cell::date(parse_iso_date(v, t.columns.at(c))));
        else row.emplace_back(v);
      }
      t.rows.push_back(std::move(row));
    }
    tables[module].emplace_back(stem, std::move(t));
  }
  fs::path dir_;
};

/// The parameters each module's results depend on, as the report names them.
std::vector<ParamUsed> module_parameters(const DemoData &d, const std::string &module) {
  std::vector<ParamUsed> out;
  auto add = [&out](std::vector<ParamUsed> more) {
    for (auto &u : more) out.push_back(std::move(u));
  };
  if (module == "audit") {
    add(audit::tier_parameters(d.policy, d.tier_as_of));
    add(audit::plan_parameters(d.policy, d.tier_as_of));
  } else if (module == "village") {
    const int year = static_cast<int>(d.county.at("year").to_number<std::int64_t>());
    add(village::pay_parameters(d.policy, year));
    add(village::selection_parameters(d.policy, year));
  } else if (module == "disclosure") {
    for (const auto &c : d.disclosure)
      for (const auto &r : c.at("rounds").as_array())
        add(disclosure::round_parameters(static_cast<int>(r.at("round").to_number<std::int64_t>()),
                                         parse_rank(s(c.at("rank"))), d.policy, parse_iso_date(s(r.at("posted")))));
  } else if (module == "assessment") {
    add(assessment::red_line_parameters(d.policy, d.as_of));
    add(assessment::follow_up_parameters(d.policy, d.as_of));
  } else if (module == "talent") {
    add(talent::pool_parameters(d.policy, d.as_of));
    add(talent::team_parameters(d.policy, d.as_of));
  }
  return out;
}

/// The year of the county in `data` run by the library (year::run_json), in the form the
/// report and the CSV files read.
DemoData run_year(const year::Data &data, const Policy &policy, std::optional<int> y) {
  json::object r = parse(year::run_json(data, policy, y), "year").as_object();
  DemoData d;
  d.policy = policy;
  d.county = r["county"].as_object();
  d.county["year"] = r["year"];
  d.as_of = parse_iso_date(s(r["as_of"]), "as_of");
  json::object &audit = r["audit"].as_object();
  d.tier_request = parse(data.audit_tier, "audit_tier.json").as_object();
  d.tier_as_of = parse_iso_date(s(audit["as_of"]), "as_of");
  d.tiers = audit["tiers"].as_object();
  d.plan_request = audit["plan_request"].as_object();
  d.plan = audit["plan"].as_object();
  json::object &village = r["village"].as_object();
  d.pay_request = parse(data.village_pay, "village_pay.json").as_object();
  d.pay = village["pay"].as_object();
  if (r["budget"].is_object()) d.pay["budget"] = r["budget"];
  d.quota = village["quota"].as_object();
  d.allocation = village["allocation"].as_object();
  d.funnel = village["funnel"].as_object();
  d.disclosure = r["disclosure"].as_array();
  json::object &a = r["assessment"].as_object();
  d.screen = a["screen"].as_object();
  d.rules = a["rules"].as_object();
  d.cases = a["cases"].as_array();
  json::object &t = r["talent"].as_object();
  const json::object &counts = t["cadres"].as_object();
  d.cadres = static_cast<std::size_t>(counts.at("cadres").as_int64());
  d.women = static_cast<std::size_t>(counts.at("women").as_int64());
  d.minority = static_cast<std::size_t>(counts.at("minority").as_int64());
  d.non_party = static_cast<std::size_t>(counts.at("non_party").as_int64());
  d.pools = t["pools"].as_object();
  d.teams = t["teams"].as_object();
  d.figures = r["figures"].as_array();
  d.assumed = r["assumed"].as_array();
  return d;
}

void write_outputs(const DemoData &d, Writer &w) {
  // audit
  std::map<std::string, const json::object *> unit_in;
  for (const auto &u : d.tier_request.at("units").as_array()) unit_in[s(u.at("unit_id"))] = &u.as_object();
  std::vector<std::vector<std::string>> rows{{"unit_id", "name", "budget", "band", "band_points", "score", "level"}};
  for (const auto &r : d.tiers.at("results").as_array()) {
    const auto &u = *unit_in.at(s(r.at("unit_id")));
    rows.push_back({s(r.at("unit_id")), s(u.at("name")), s(u.at("budget")), s(r.at("band")),
                    s(r.at("band_points")), s(r.at("score")), s(r.at("level"))});
  }
  w.csv("audit_tiers.csv", rows, "ttmtnnt");
  w.json_file("audit_tiers.json", d.tiers);
  rows = {{"year", "unit_id", "kind", "leader_id", "reason"}};
  for (const auto &a : d.plan.at("audits").as_array())
    rows.push_back({s(a.at("year")), s(a.at("unit_id")), s(a.at("kind")), s(a.at("leader_id")), s(a.at("reason"))});
  w.csv("audit_plan.csv", rows, "ntttt");
  w.json_file("audit_plan.json", d.plan);

  // village
  rows = {{"cadre_id", "village_id", "township", "post", "units", "base", "performance", "public_institution", "total",
           "team_grade", "grade", "actions"}};
  for (const auto &l : d.pay.at("lines").as_array()) {
    std::string acts;
    for (const auto &a : l.at("actions").as_array()) acts += (acts.empty() ? "" : "; ") + s(a.at("kind")) + " " + s(a.at("due"));
    rows.push_back({s(l.at("cadre_id")), s(l.at("village_id")), s(l.at("township")), s(l.at("post")),
                    s(l.at("units")), s(l.at("base")), s(l.at("performance")), s(l.at("public_institution")),
                    s(l.at("total")), s(l.at("team_grade")), s(l.at("grade")), acts});
  }
  w.csv("village_pay.csv", rows, "ttttnmmmmttt");
  rows = {{"village_id", "township", "composite", "rank", "team_grade"}};
  for (const auto &v : d.pay.at("villages").as_array())
    rows.push_back({s(v.at("village_id")), s(v.at("township")), s(v.at("composite")), s(v.at("rank")),
                    s(v.at("team_grade"))});
  w.csv("village_villages.csv", rows, "ttnnt");
  rows = {{"township", "villages", "principals", "base", "performance", "public_institution", "total",
           "selection_places"}};
  const auto &alloc = d.allocation.at("allocation").as_object();
  for (const auto &t : d.pay.at("townships").as_array())
    rows.push_back({s(t.at("township")), s(t.at("villages")), s(t.at("principals")), s(t.at("base")),
                    s(t.at("performance")), s(t.at("public_institution")), s(t.at("total")),
                    alloc.contains(s(t.at("township"))) ? s(alloc.at(s(t.at("township")))) : "0"});
  w.csv("village_townships.csv", rows, "tnnmmmmn");
  w.json_file("village_pay.json", d.pay);
  w.json_file("village_selection.json",
              json::object{{"quota", d.quota}, {"allocation", d.allocation}, {"funnel", d.funnel}});

  // disclosure
  rows = {{"record_id", "rank", "problems", "round", "posted", "first_day", "last_day", "working_days", "venues"}};
  for (const auto &c : d.disclosure) {
    for (const auto &r : c.at("rounds").as_array()) {
      std::string venues;
      for (const auto &v : r.at("venues").as_array()) append_item(venues, "|", s(v));
      rows.push_back({s(c.at("record_id")), s(c.at("rank")), std::to_string(c.at("problems").as_array().size()),
                      s(r.at("round")), s(r.at("posted")), s(r.at("first_day")), s(r.at("last_day")),
                      s(r.at("working_days")), venues});
    }
  }
  w.csv("disclosure_rounds.csv", rows, "ttnndddnt");
  w.json_file("disclosure.json", d.disclosure);

  // assessment
  rows = {{"cadre_id", "rule_id", "clause", "suggestion", "periods"}};
  for (const auto &h : d.screen.at("hits").as_array()) {
    std::string ps;
    for (const auto &p : h.at("periods").as_array()) ps += (ps.empty() ? "" : "|") + s(p);
    rows.push_back({s(h.at("cadre_id")), s(h.at("rule_id")), s(h.at("clause")), s(h.at("suggestion")), ps});
  }
  w.csv("assessment_red_lines.csv", rows, "ttttt");
  w.json_file("assessment_red_lines.json", d.screen);
  rows = {{"case_id", "cadre_id", "stage", "method", "decided", "grounds"}};
  std::vector<std::vector<std::string>> due{{"case_id", "cadre_id", "due", "kind"}};
  for (const auto &c : d.cases) {
    const auto &k = c.at("case").as_object();
    std::string method, decided, grounds;
    for (const auto &e : k.at("events").as_array())
      if (s(e.at("stage")) == "decision") {
        method = s(e.at("method"));
        decided = s(e.at("date"));
        for (const auto &g : e.at("grounds").as_array()) append_item(grounds, "|", s(g));
      }
    rows.push_back({s(k.at("case_id")), s(k.at("cadre_id")), s(k.at("stage")), method, decided, grounds});
    for (const auto &x : c.at("schedule").as_array())
      due.push_back({s(k.at("case_id")), s(k.at("cadre_id")), s(x.at("date")), s(x.at("kind"))});
  }
  w.csv("assessment_cases.csv", rows, "ttttdt");
  w.csv("assessment_follow_ups.csv", due, "ttdt");
  w.json_file("assessment_cases.json", d.cases);

  // talent
  rows = {{"cadre_id", "pool", "status", "kind", "date", "reasons"}};
  auto reasons = [](const json::value &e) {
    std::string r;
    for (const auto &x : e.at("reasons").as_array()) r += (r.empty() ? "" : "; ") + s(x.at("zh"));
    return r;
  };
  for (const auto &[key, status] : {std::pair{"members", "member"}, {"near_misses", "near_miss"}, {"excluded", "excluded"}})
    for (const auto &e : d.pools.at(key).as_array()) {
      const auto *kind = e.as_object().if_contains("kind");
      const auto *date = e.as_object().if_contains("date");
      rows.push_back({s(e.at("cadre_id")), s(e.at("pool")), status, kind ? s(*kind) : "", date ? s(*date) : "",
                      reasons(e)});
    }
  w.csv("talent_pools.csv", rows, "ttttdt");
  w.json_file("talent_pools.json", d.pools);
  rows = {{"team_id", "size", "young", "women", "minority", "non_party", "gaps", "eligible_candidates"}};
  for (const auto &t : d.teams.at("teams").as_array()) {
    std::string gaps, cands;
    for (const auto &g : t.at("gaps").as_array()) {
      gaps += (gaps.empty() ? "" : ";") + s(g.at("criterion"));
      std::string e;
      for (const auto &c : g.at("candidates").as_array())
        if (c.at("eligible").as_bool()) append_item(e, ",", s(c.at("cadre_id")));
      if (!e.empty()) cands += (cands.empty() ? "" : ";") + s(g.at("criterion")) + ":" + e;
    }
    rows.push_back({s(t.at("team_id")), s(t.at("size")), s(t.at("young")), s(t.at("women")), s(t.at("minority")),
                    s(t.at("non_party")), gaps, cands});
  }
  w.csv("talent_teams.csv", rows, "tnnnnntt");
  w.json_file("talent_teams.json", d.teams);
}

json::object summary(const DemoData &d) {
  std::map<std::string, std::int64_t> tiers;
  for (const auto &r : d.tiers.at("results").as_array()) ++tiers[s(r.at("level"))];
  json::object t;
  for (const auto &[k, v] : tiers) t[k] = v;
  std::size_t valid = 0;
  for (const auto &c : d.disclosure) valid += c.at("problems").as_array().empty();
  json::object out{
      {"county", d.county.at("name_zh")},
      {"units", d.tiers.at("results").as_array().size()},
      {"tiers", std::move(t)},
      {"plan_feasible", d.plan.at("feasible")},
      {"plan_audits", d.plan.at("audits").as_array().size()},
      {"plan_min_capacity", d.plan.at("min_capacity")},
      {"villages", d.pay.at("villages").as_array().size()},
      {"principals_paid", d.pay.at("lines").as_array().size()},
      {"pay_total", d.pay.at("banner").at("total")},
      {"selection_quota", d.quota.at("quota")},
      {"disclosure_candidates", d.disclosure.size()},
      {"disclosure_records_valid", valid},
      {"red_lines_fired", d.screen.at("hits").as_array().size()},
      {"disposal_cases", d.cases.size()},
      {"cadres", d.cadres},
      {"pool_members", d.pools.at("members").as_array().size()},
      {"pool_sizes",
       [&] {
         json::object z;
         for (const auto &x : d.pools.at("sizes").as_array()) z[s(x.at("pool"))] = x.at("members");
         return z;
       }()},
      {"assumed_parameters", d.assumed.size()},
      {"teams", d.teams.at("teams").as_array().size()},
  };
  if (!d.ledger.empty()) {
    std::int64_t overdue = 0;
    for (const auto &x : d.ledger.at("due").as_array()) overdue += x.at("state") == "overdue";
    out["ledger_cases"] = d.ledger.at("cases");
    out["ledger_events"] = d.ledger.at("events");
    out["ledger_overdue"] = overdue;
  }
  return out;
}

}  // namespace

void add_demo_command(CLI::App &app, Common &common, Action &action) {
  auto out_dir = std::make_shared<std::string>("out");
  auto *demo = app.add_subcommand("demo", "the whole year of the sample county, as CSV/JSON and report.html");
  demo->add_option("--out", *out_dir, "output folder (created; files in it are replaced)")
      ->capture_default_str();
  auto io = std::make_shared<IoOptions>();
  demo->add_option("--format", io->format, "csv (default), or xlsx: also one workbook per module (audit.xlsx, …)")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  demo->add_option("--lang", io->lang, "the workbooks' headers and notes: zh or en")->check(CLI::IsMember({"zh", "en"}));
  add_policy_options(demo, common);
  auto data_dir = std::make_shared<std::string>();
  auto year_opt = std::make_shared<int>(0);
  demo->add_option("--data", *data_dir, "the county's files (as data/sample; default: the sample county)");
  demo->add_option("--year", *year_opt, "the year to run (default: the county's year)");
  demo->callback([&action, &common, out_dir, data_dir, year_opt, io] {
    action = [&common, out_dir, data_dir, year_opt, io](std::ostream &out) {
      const Policy policy = load_policy(common);
      std::error_code ec;
      fs::create_directories(*out_dir, ec);
      if (ec) throw InvalidInput("cannot create the output folder", "--out", *out_dir);
      const year::Data data = data_dir->empty() ? year::Data::sample() : year::Data::load(*data_dir);
      DemoData d = run_year(data, policy, *year_opt ? std::optional<int>(*year_opt) : std::nullopt);
      Writer w{fs::path(*out_dir)};
      w.books = io->format == "xlsx";
      // The year through a county workspace (out/county.ck.db): the report's ledger. The steps
      // after the decisions are dated, so they are recorded in the county's own year only: the
      // sample's (embedded), or a --data folder's ledger.json when it has one.
      std::string ledger_text;
      if (*year_opt == 0 && data_dir->empty()) {
        ledger_text.assign(reinterpret_cast<const char *>(embedded::sample_ledger_json), embedded::sample_ledger_json_size);
      } else if (*year_opt == 0 && fs::is_regular_file(fs::path(*data_dir) / "ledger.json")) {
        ledger_text = read_bytes((fs::path(*data_dir) / "ledger.json").string());
      }
      CsvTables ledger_tables;
      if (!ledger_text.empty())
        d.ledger = run_ledger(d, (fs::path(*out_dir) / "county.ck.db").string(),
                              common.policy_file.empty() ? std::string() : read_bytes(common.policy_file),
                              data.disclosure_records, data.disclosure_rounds, data.assessment_cases, ledger_text,
                              ledger_tables);
      if (!d.ledger.empty()) w.written.push_back("county.ck.db");
      for (const auto &[name, rows] : ledger_tables) w.csv(name, rows);
      write_outputs(d, w);
      for (const auto &[module, sheets] : w.tables) {  // one workbook per module, beside the report
        IoOptions bio = *io;
        note_run(bio, common, &policy, d.as_of, module_parameters(d, module));
        std::vector<XlsxSheet> xs;
        for (const auto &[name, t] : sheets) xs.push_back({name, &t});
        std::ostringstream bytes;
        write_xlsx(bytes, xs, bio);
        w.file(module + ".xlsx", bytes.view());
      }
      const json::object sum = summary(d);
      w.json_file("summary.json", sum);
      w.file("report.html", render_report(d));
      out << "cadrekit demo: " << s(d.county.at("name_en")) << ", " << s(d.county.at("year")) << " — "
          << w.written.size() << " files in " << *out_dir << "\n";
      for (const auto &[k, v] : sum) out << "  " << std::string(k) << ": " << s(v) << "\n";
      out << "  report: " << (fs::path(*out_dir) / "report.html").string() << "\n";
    };
  });
}

}  // namespace cadrekit::cli

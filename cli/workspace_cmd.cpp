// cadrekit workspace init|import|apply|record|status|due|history|export|check FILE …: the county's
// year in one SQLite file (docs/workspace.md). Every write is one transaction: a command that
// fails writes nothing. Listings mask ID numbers; `export --reveal-id-numbers` shows them.
#include <boost/json.hpp>

#include <iostream>
#include <map>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/workspace.hpp"
#include "commands.hpp"
#include "table.hpp"
#include "workspace_hooks.hpp"

namespace cadrekit::cli {

namespace json = boost::json;
namespace ws = cadrekit::workspace;

ws::Stamp stamp_of(const WorkspaceTarget &t);  // workspace_hooks.cpp

namespace {

struct WsOpts {
  WorkspaceTarget target;  // file, by, recorded-at, busy timeout
  IoOptions io;
  std::string county, kind, table, actions, case_id, op, date, what;
  std::vector<std::string> sets;
  bool all = false, counts = false, reveal = false;
  int within = 0;
};

void add_file(CLI::App *cmd, WsOpts &o) {
  cmd->add_option("FILE", o.target.file, "the workspace file (county.ck.db)")->required();
  cmd->add_option("--busy-timeout", o.target.busy_timeout_ms,
                  "ms a write waits for another process's write (default 5000; then exit 75)");
}

void add_stamp(CLI::App *cmd, WsOpts &o) {
  cmd->add_option("--by", o.target.by, "who records it (default: the login name)");
  cmd->add_option("--recorded-at", o.target.recorded_at,
                  "UTC time of the record, YYYY-MM-DDTHH:MM:SSZ (default: the system clock)");
}

ws::Workspace open_ws(const WsOpts &o) { return ws::Workspace::open(o.target.file, {o.target.busy_timeout_ms}); }

/// Reads a table for import/apply: any bad row stops the command (nothing is written). A nested
/// JSON value is kept in any column: the workspace types each member (a list, an object) itself.
Table read_all(const std::string &file, const IoOptions &io) {
  Reporter rep(true);
  return read_table(file, io, rep, {.every = true, .named = {}});
}

/// Disclosure records (nested JSON, as `disclosure validate` reads them): one record per file
/// or an array of records, as a table of id and record.
ws::ImportTable read_records(const std::string &file, const IoOptions &io) {
  const std::string name = file == "-" ? "<stdin>" : file;
  const std::string text = decode_text(read_bytes(file), io.encoding, name);
  boost::system::error_code ec;
  json::parse_options opt;
  opt.max_depth = 64;
  json::value v = json::parse(text, ec, {}, opt);
  if (ec) throw InvalidInput("not valid JSON", "json", name);
  ws::ImportTable t;
  t.kind = "disclosure_records";
  t.source = name;
  t.columns = {"id", "record"};
  std::vector<const json::value *> recs;
  if (v.is_array())
    for (const auto &x : v.get_array()) recs.push_back(&x);
  else
    recs.push_back(&v);
  std::size_t i = 0;
  for (const json::value *r : recs) {
    const std::string where = v.is_array() ? name + "[" + std::to_string(i) + "]" : name;
    ++i;
    if (!r->is_object()) throw InvalidInput("expected a record object", "json", where);
    const json::value *id = r->get_object().if_contains("id");
    if (!id || !id->is_string() || id->get_string().empty()) throw InvalidInput("missing", "id", where);
    t.rows.push_back({std::string(id->get_string()), json::serialize(*r)});
    t.row_labels.push_back(where);
  }
  return t;
}

Cell explanation_json_cell(const std::string &ex, const IoOptions &io) {
  if (ex.empty()) return Cell();
  return explanation_cell(Explanation::from_json(ex), io);
}

OutTable out_of(const ws::TableData &d) {
  OutTable t{d.columns, {}};
  for (const auto &r : d.rows) t.rows.emplace_back(r.begin(), r.end());
  return t;
}

}  // namespace

void add_workspace_commands(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<WsOpts>();
  auto *grp = app.add_subcommand("workspace", "the county's year in one SQLite file: cases, ledgers, results");
  grp->require_subcommand(1);

  auto *init = grp->add_subcommand("init", "create a workspace file (readable by its owner only)");
  add_file(init, *o);
  add_stamp(init, *o);
  init->add_option("--county", o->county, "the county's name, kept in the file");
  init->add_option("--policy", c.policy_file,
                   "profile file kept in the workspace (it may extend an embedded profile; default: tongliao-2016)");
  init->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      std::string name = "tongliao-2016", yaml;
      if (!c.policy_file.empty()) {
        yaml = read_bytes(c.policy_file);
        name = Policy::loads(yaml, c.policy_file).name();
      }
      ws::Workspace w = ws::Workspace::create(o->target.file, stamp_of(o->target), o->county, name, yaml,
                                              {o->target.busy_timeout_ms});
      out << "cadrekit workspace: created " << w.path() << " (schema " << ws::schema_version << ", policy "
          << w.policy().name() << ")\n";
    };
  });

  auto *imp = grp->add_subcommand("import", "import a table as the CLI reads it (one transaction)");
  add_file(imp, *o);
  imp->add_option("KIND", o->kind, "units, villages, principals, scores, cadres, disclosure_records, … (docs/workspace.md)")
      ->required();
  imp->add_option("TABLE", o->table, "CSV or JSON table (disclosure_records: JSON records)")->required();
  imp->add_option("--as-of", c.as_of, "the date the table describes (kept with it)");
  add_stamp(imp, *o);
  add_io_options(imp, o->io);
  imp->remove_option(imp->get_option("--output"));  // it reads a table and writes none
  imp->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      ws::ImportTable t;
      if (o->kind == "disclosure_records") {
        t = read_records(o->table, o->io);
      } else {
        Table in = read_all(o->table, o->io);
        t.kind = o->kind;
        t.source = in.file;
        t.columns = in.header;
        std::vector<std::string_view> cells;
        for (std::size_t k = 0; k < in.size(); ++k) {
          in.cells(k, cells);
          t.rows.emplace_back(cells.begin(), cells.end());
          t.row_labels.push_back(in.where(k));
        }
      }
      if (!c.as_of.empty()) t.as_of = option_date(c.as_of, "--as-of");
      ws::Workspace w = open_ws(*o);
      const std::size_t n = w.import_table(t, stamp_of(o->target));
      out << "cadrekit workspace: imported " << n << " rows of " << t.kind << "\n";
    };
  });

  auto *app_cmd = grp->add_subcommand("apply", "record a table of case steps, all or none (docs/workspace.md: ops)");
  add_file(app_cmd, *o);
  app_cmd->add_option("ACTIONS", o->actions, "table: case_kind, case_id, op, date and the op's members")->required();
  add_stamp(app_cmd, *o);
  add_io_options(app_cmd, o->io);
  app_cmd->remove_option(app_cmd->get_option("--output"));  // it reads a table and writes none
  app_cmd->callback([&action, o] {
    action = [o](std::ostream &out) {
      Table in = read_all(o->actions, o->io);
      std::vector<ws::Action> actions;
      std::vector<std::string> where;
      std::vector<std::string_view> row;
      for (std::size_t k = 0; k < in.size(); ++k) {
        in.cells(k, row);
        std::vector<std::pair<std::string, std::string>> cells;
        for (std::size_t i = 0; i < in.header.size(); ++i) cells.emplace_back(in.header[i], row[i]);
        actions.push_back(ws::action_from_cells(cells, in.where(k)));
        where.push_back(in.where(k));
      }
      ws::Workspace w = open_ws(*o);
      const std::size_t n = w.apply(actions, stamp_of(o->target), "apply", where);
      out << "cadrekit workspace: recorded " << n << " events\n";
    };
  });

  auto *rec = grp->add_subcommand("record", "record one case step: KIND CASE OP --date DATE [NAME=VALUE …]");
  add_file(rec, *o);
  rec->add_option("KIND", o->kind, "disposal, disclosure, tier, audit_plan, village_pay, selection")->required();
  rec->add_option("CASE", o->case_id, "the case id")->required();
  rec->add_option("OP", o->op, "the op (docs/workspace.md)")->required();
  rec->add_option("MEMBERS", o->sets, "the op's members as NAME=VALUE (lists a;b)");
  rec->add_option("--date", o->date, "effective date (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  add_stamp(rec, *o);
  rec->callback([&action, o] {
    action = [o](std::ostream &out) {
      std::vector<std::pair<std::string, std::string>> cells{
          {"case_kind", o->kind}, {"case_id", o->case_id}, {"op", o->op}, {"date", to_iso(option_date(o->date, "--date"))}};
      for (const auto &s : o->sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0) throw InvalidInput("expected NAME=VALUE", "MEMBERS");
        cells.emplace_back(s.substr(0, eq), s.substr(eq + 1));
      }
      const ws::Action a = ws::action_from_cells(cells, "command line");
      ws::Workspace w = open_ws(*o);
      w.apply(std::span(&a, 1), stamp_of(o->target), "record", std::vector<std::string>{"command line"});
      out << "cadrekit workspace: recorded " << o->op << " on " << o->kind << " " << o->case_id << "\n";
    };
  });

  auto *st = grp->add_subcommand("status", "open cases by stage as of a date");
  add_file(st, *o);
  st->add_option("--as-of", c.as_of, "date (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  st->add_flag("--all", o->all, "closed cases too");
  st->add_flag("--counts", o->counts, "one row per kind and stage: how many cases");
  add_io_options(st, o->io);
  st->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const ws::Workspace w = open_ws(*o);
      const auto cases = w.status(as_of_date(c));
      note_run(o->io, c, nullptr, as_of_date(c));
      OutTable t;
      if (o->counts) {
        t.columns = {"case_kind", "stage", "open", "cases"};
        std::map<std::tuple<int, std::string, bool>, std::int64_t> n;
        for (const auto &s : cases)
          if (s.open || o->all) ++n[{static_cast<int>(s.kind), s.stage, s.open}];
        for (const auto &[k, v] : n)
          t.rows.push_back({ws::case_kind_name(static_cast<ws::CaseKind>(std::get<0>(k))), std::get<1>(k),
                            Cell::boolean(std::get<2>(k)), Cell::num(v)});
      } else {
        t.columns = {"case_kind", "case_id", "subject", "stage", "open", "first", "last", "events", "detail"};
        for (const auto &s : cases)
          if (s.open || o->all)
            t.rows.push_back({ws::case_kind_name(s.kind), s.case_id, s.subject, s.stage, Cell::boolean(s.open),
                              Cell::date(s.first), Cell::date(s.last), Cell::num(s.events), s.detail});
      }
      write_table(out, t, o->io);
    };
  });

  auto *du = grp->add_subcommand("due", "follow-ups, windows, audits and renewals due or overdue");
  add_file(du, *o);
  du->add_option("--as-of", c.as_of, "date (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  du->add_option("--within", o->within, "also what falls due within this many days after (default 0)");
  add_io_options(du, o->io);
  du->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const ws::Workspace w = open_ws(*o);
      OutTable t{{"case_kind", "case_id", "subject", "what", "due", "state", "detail"}, {}};
      note_run(o->io, c, nullptr, as_of_date(c));
      for (const auto &d : w.due(as_of_date(c), o->within))
        t.rows.push_back({ws::case_kind_name(d.kind), d.case_id, d.subject, d.what,
                          Cell::optional_date(d.due), d.state, d.detail});
      write_table(out, t, o->io);
    };
  });

  auto *hi = grp->add_subcommand("history", "the event log of one case");
  add_file(hi, *o);
  hi->add_option("CASE", o->case_id, "the case id")->required();
  hi->add_option("--kind", o->kind, "the case kind, when the id names cases of several kinds");
  add_io_options(hi, o->io);
  add_explain_options(hi, o->io);
  hi->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const ws::Workspace w = open_ws(*o);
      std::optional<ws::CaseKind> kind;
      if (!o->kind.empty()) kind = ws::parse_case_kind(o->kind, "--kind");
      OutTable t{{"case_kind", "case_id", "seq", "op", "effective", "recorded_at", "recorded_by", "command", "members"}, {}};
      note_run(o->io, c, nullptr, std::nullopt);
      if (o->io.explain) t.columns.push_back("explanation");
      for (const auto &h : w.history(o->case_id, kind)) {
        std::vector<Cell> row{ws::case_kind_name(h.kind), h.case_id, Cell::num(h.seq), h.op, Cell::date(h.effective),
                              h.recorded_at, h.recorded_by, h.command, Cell::json(h.members)};
        if (o->io.explain) row.push_back(explanation_json_cell(h.explanation, o->io));
        t.rows.push_back(std::move(row));
      }
      write_table(out, t, o->io);
    };
  });

  auto *ex = grp->add_subcommand("export", "the raw log or a table: events | imports | table KIND");
  add_file(ex, *o);
  ex->add_option("WHAT", o->what, "events, imports or table")->required()->check(CLI::IsMember({"events", "imports", "table"}));
  ex->add_option("KIND", o->kind, "with `table`: the table kind");
  ex->add_flag("--reveal-id-numbers", o->reveal, "show ID numbers as stored (masked by default)");
  add_io_options(ex, o->io);
  ex->callback([&action, &c, o] {
    if (o->what == "table" && o->kind.empty()) throw CLI::ValidationError("workspace export", "`table` needs the KIND");
    action = [&c, o](std::ostream &out) {
      const ws::Workspace w = open_ws(*o);
      note_run(o->io, c, nullptr, std::nullopt);
      if (o->what == "events") write_table(out, out_of(w.events(o->reveal)), o->io);
      else if (o->what == "imports") write_table(out, out_of(w.imports()), o->io);
      else write_table(out, out_of(w.table(o->kind, o->reveal)), o->io);
    };
  });

  auto *ck = grp->add_subcommand("check", "SQLite's integrity check and every case's log replayed (exit 1 if any problem)");
  add_file(ck, *o);
  ck->callback([&action, o] {
    action = [o](std::ostream &out) {
      const ws::Workspace w = open_ws(*o);
      const auto problems = w.check();
      for (const auto &p : problems) out << p.where << "\t" << p.message << "\n";
      if (!problems.empty()) {
        out.flush();
        std::exit(1);
      }
      out << "ok\n";
    };
  });
}

}  // namespace cadrekit::cli

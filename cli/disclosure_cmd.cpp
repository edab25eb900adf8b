// cadrekit disclosure validate RECORDS…        every problem of each record (exit 1 if any)
// cadrekit disclosure plan CANDIDATES           venues and window of each round to post
// cadrekit disclosure notice RECORDS… --round N [--posted DATE]   the notice of each record
// Disclosure records are nested (matters, family, history): JSON only (docs/disclosure.md), one
// record per file or a JSON array of records. The candidates of `plan` are a flat table.
#include <boost/json.hpp>
#include <algorithm>
#include <array>
#include <iostream>
#include <set>
#include <utility>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/disclosure.hpp"
#include "commands.hpp"
#include "core/json_read.hpp"
#include "table.hpp"
#include "workspace_hooks.hpp"

namespace cadrekit::cli {

namespace {

namespace json = boost::json;
using namespace cadrekit::disclosure;

struct DisclosureOpts {
  IoOptions io;
  std::vector<std::string> files;
  std::string candidates;
  int round = 1;
  std::string posted;
  WorkspaceTarget ws;
};

/// The record JSON texts of a file: the file itself, or each element of a top-level array.
/// `where` gets "file" or "file[i]".
std::vector<std::pair<std::string, std::string>> record_texts(const std::string &file, const IoOptions &io) {
  const std::string name = file == "-" ? "<stdin>" : file;
  std::string text = decode_text(read_bytes(file), io.encoding, name);
  // (a duplicate member or a NUL anywhere: the text as one, which the record reader refuses,
  // naming the member; each element re-written alone would have lost one of two members)
  json_read::Parsed parsed = json_read::parse_checked(text);
  json::value &v = parsed.value;
  if (!parsed.ec && !parsed.found && v.is_array()) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0;
    for (const auto &x : v.get_array()) out.emplace_back(name + "[" + std::to_string(i++) + "]", json::serialize(x));
    return out;
  }
  return {{name, std::move(text)}};
}

}  // namespace

void add_disclosure_commands(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<DisclosureOpts>();
  auto *grp = app.add_subcommand("disclosure", "disclosure of personal matters of leaders to be promoted (KAILU)");
  grp->require_subcommand(1);

  auto *val = grp->add_subcommand("validate", "every problem of each disclosure record (JSON); exit 1 if any");
  val->add_option("RECORDS", o->files, "record JSON files (a record, or an array of records)")->required();
  add_policy_options(val, c);
  add_io_options(val, o->io);
  val->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = load_policy(c);
      Reporter rep(o->io.strict);
      note_run(o->io, c, &policy, std::nullopt);
      OutTable t{{"record", "path", "code", "message"}, {}};
      std::size_t bad = 0;
      for (const auto &f : o->files) {
        for (const auto &[where, text] : record_texts(f, o->io)) {
          const auto problems = validate_json(text, policy);
          if (!problems.empty()) ++bad;
          for (const auto &p : problems) t.rows.push_back({where, p.path, p.code, p.message});
        }
      }
      write_table(out, t, o->io);
      rep.finish(out);
      if (bad) {
        out.flush();
        std::exit(1);
      }
    };
  });

  auto *pl = grp->add_subcommand("plan", "venues and window of each round to post");
  pl->add_option("CANDIDATES", o->candidates, "candidates: id, round, rank (fu_ke|zheng_ke), posted (date)")->required();
  add_policy_options(pl, c);
  add_io_options(pl, o->io);
  add_explain_options(pl, o->io);
  add_workspace_options(pl, o->ws);
  pl->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = policy_for(c, o->ws);
      const WorkCalendar cal = WorkCalendar::china();
      Reporter rep(o->io.strict);
      Table in = read_table(o->candidates, o->io, rep);
      in.require({"id", "round", "rank", "posted"});
      std::vector<std::string> columns{"id",        "round",    "rank",         "posted", "venues", "venues_zh",
                                       "venues_en", "first_day", "last_day", "working_days"};
      if (o->io.explain) columns.push_back("explanation");
      // Each row's plan, kept small until every row has been read (nothing is written when one
      // is refused under --strict), then written a row at a time: its id as its row of the
      // table, its dates as day numbers, its venues as the number of their list among the few
      // distinct ones (a cell object for each of a million rows' ten cells held most of a GiB,
      // and a RoundPlan and a copy of the id a row 90 MB).
      struct Planned {  // 28 bytes
        std::uint32_t row;
        std::uint32_t venues;
        std::int32_t posted, first, last, working_days;
        std::uint8_t round, rank;
      };
      if (in.size() > UINT32_MAX) throw InvalidInput("more rows than a plan can hold", "id", in.file);
      std::vector<Planned> planned;
      planned.reserve(in.size());
      std::vector<std::vector<std::string>> venue_lists;
      std::vector<Cell> explanations;  // with --explain, one a row
      std::vector<PostedRound> posted;
      std::vector<ParamUsed> params;  // of every round and rank planned
      // A round and rank name the same parameters on every row, and note_run keeps the first of
      // each name: they are read on the first row of each round and rank (they were read, and
      // kept, for every row: 10^6 rows held two million copies).
      std::set<std::pair<std::int64_t, Rank>> noted;
      std::size_t next_row = 0;
      for_each_row(in, rep, [&](const RowView &r) {
        const std::size_t this_row = next_row++;
        const std::string id = r.req("id");
        const std::int64_t round = r.integer("round");
        if (round != 1 && round != 2) throw InvalidInput("round must be 1 or 2", "round", id);
        Explanation ex("disclosure round " + std::to_string(round));
        RoundPlan p = plan_round(static_cast<int>(round), parse_rank(r.req("rank"), "rank"), r.date("posted"), cal,
                                 policy, o->io.explain ? &ex : nullptr);
        if (noted.insert({p.round, p.rank}).second)
          for (ParamUsed &u : round_parameters(p.round, p.rank, policy, p.posted)) params.push_back(std::move(u));
        auto list = std::find(venue_lists.begin(), venue_lists.end(), p.venues);
        if (list == venue_lists.end()) list = venue_lists.insert(list, std::move(p.venues));
        p.venues.clear();
        if (o->io.explain) explanations.push_back(explanation_cell(ex, o->io));
        // With --workspace each row is a round posted on the record's case (actor: the row's, or --by).
        if (o->ws) posted.push_back({id, p.round, p.posted, r.opt("actor").empty() ? o->ws.by : r.opt("actor")});
        planned.push_back({static_cast<std::uint32_t>(this_row), static_cast<std::uint32_t>(list - venue_lists.begin()),
                           to_days(p.posted), to_days(p.window.first), to_days(p.window.last), p.working_days,
                           static_cast<std::uint8_t>(p.round), static_cast<std::uint8_t>(p.rank)});
      });
      if (o->ws) {
        require_no_rejected_rows(rep.errors());
        record_rounds(o->ws, posted);
      }
      note_run(o->io, c, &policy, std::nullopt, std::move(params));
      // each list's three cells, joined once
      std::vector<std::array<std::string, 3>> venue_cells;
      for (const auto &list : venue_lists) {
        std::array<std::string, 3> v;
        for (const auto &venue : list) {
          v[0] += (v[0].empty() ? "" : ";") + venue;
          v[1] += (v[1].empty() ? "" : "；") + venue_name_zh(venue);
          v[2] += (v[2].empty() ? "" : "; ") + venue_name_en(venue);
        }
        venue_cells.push_back(std::move(v));
      }
      TableWriter w(out, columns, o->io);
      const std::size_t id_col = *in.column("id");  // required
      std::vector<std::string_view> cells;
      for (std::size_t i = 0; i < planned.size(); ++i) {
        const Planned &x = planned[i];
        const auto &v = venue_cells[x.venues];
        in.cells(x.row, cells);
        std::vector<Cell> row{std::string(trimmed(cells[id_col])), Cell::num(x.round),
                              rank_name(static_cast<Rank>(x.rank)), Cell::date(from_days(x.posted)), v[0], v[1], v[2],
                              Cell::date(from_days(x.first)), Cell::date(from_days(x.last)), Cell::num(x.working_days)};
        if (o->io.explain) row.push_back(std::move(explanations[i]));
        w.row(row);
      }
      w.finish();
      rep.finish(out);
    };
  });

  auto *no = grp->add_subcommand("notice", "the notice of each record for a round (whitelisted fields only)");
  no->add_option("RECORDS", o->files, "record JSON files (a record, or an array of records)")->required();
  no->add_option("--round", o->round, "1 or 2")->check(CLI::IsMember({1, 2}));
  no->add_option("--posted", o->posted, "posting date: the text then states the venues and the window");
  add_policy_options(no, c);
  add_io_options(no, o->io);
  add_explain_options(no, o->io);
  no->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = load_policy(c);
      const WorkCalendar cal = WorkCalendar::china();
      std::optional<Date> posted;
      if (!o->posted.empty()) posted = option_date(o->posted, "--posted");
      Reporter rep(o->io.strict);
      OutTable t{{"record", "id", "round", "field_names", "fields", "text"}, {}};
      std::vector<ParamUsed> params;  // with --posted: the round's, for each rank
      if (o->io.explain) t.columns.push_back("explanation");
      for (const auto &f : o->files) {
        for (const auto &[where, text] : record_texts(f, o->io)) {
          try {
            const Record rec = record_from_json(text);
            std::optional<RoundPlan> plan;
            if (posted) {
              plan = plan_round(o->round, rec.proposed_rank, *posted, cal, policy);
              for (ParamUsed &u : round_parameters(o->round, rec.proposed_rank, policy, *posted)) params.push_back(std::move(u));
            }
            Explanation ex("disclosure notice");
            const Notice n = notice(rec, o->round, policy, plan, o->io.explain ? &ex : nullptr);
            std::string names;
            for (const auto &x : n.field_names) names += (names.empty() ? "" : ";") + x;
            std::vector<Cell> row{where, rec.id, Cell::num(n.round), names, Cell::json(n.fields_json), n.text};
            if (o->io.explain) row.push_back(explanation_cell(ex, o->io));
            t.rows.push_back(std::move(row));
          } catch (const Error &e) {
            rep.row_error(where, e);
          }
        }
      }
      note_run(o->io, c, &policy, posted, std::move(params));
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

}  // namespace cadrekit::cli

// cadrekit village pay --villages F --principals F --scores F --year Y [--show lines|villages|
//   townships|budget] [--holders N] [--terms F] [--graded-on DATE]          (JARUD.1, .3, .4)
// cadrekit village select VILLAGES --year Y                quota, allocation, funnel (JARUD.2)
// cadrekit village select --applicants F --as-of DATE      eligibility of applicants (JARUD.2)
// Columns: docs/cli.md.
#include <algorithm>
#include <boost/json.hpp>
#include <iostream>
#include <map>
#include <set>

#include "cadrekit/core/number.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "cadrekit/village.hpp"
#include "commands.hpp"
#include "compare.hpp"
#include "core/json_read.hpp"
#include "table.hpp"
#include "workspace_hooks.hpp"

namespace cadrekit::cli {

namespace {

using namespace cadrekit::village;

struct VillageOpts {
  IoOptions io;
  std::string villages, principals, scores, terms, applicants;
  int year = 0;
  std::string graded_on;
  std::int64_t holders = 0;
  std::string show = "lines";
  WorkspaceTarget ws;
};

bool is_period(const std::string &p) {
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  if (p.size() != 4 && p.size() != 6) return false;
  for (int i = 0; i < 4; ++i)
    if (!digit(p[static_cast<std::size_t>(i)])) return false;
  return p.size() == 4 || (p[4] == 'Q' && p[5] >= '1' && p[5] <= '4');
}

Rational score_of(const std::string &text, const std::string &field) {
  Rational s = parse_decimal(text, field);
  if (s < Rational(0) || s > Rational(1000000)) throw InvalidInput("score must be within 0…1,000,000", field);
  return s;
}

// The villages of --villages. The pay sheet bands each village by its population, so there it
// is required, as the C and Python sheets require it (an empty cell was read as 0, the smallest
// band); the selection quota counts villages and reads none.
std::vector<Village> read_villages(const VillageOpts &o, Reporter &rep, bool need_population) {
  Table t = read_table(o.villages, o.io, rep);
  if (need_population)
    t.require({"village_id", "township", "population"});
  else
    t.require({"village_id", "township"});
  std::vector<Village> out;
  std::set<std::string> seen;
  for_each_row(t, rep, [&](const RowView &r) {
    Village v{r.req("village_id"), r.opt("name"), r.req("township"),
              need_population ? r.integer("population") : r.opt_integer("population").value_or(0)};
    if (v.population < 0) throw InvalidInput("population must not be negative", "population", v.village_id);
    if (!seen.insert(v.village_id).second) throw InvalidInput("a village listed twice", "village_id", v.village_id);
    out.push_back(std::move(v));
  });
  return out;
}

// The pay sheet's lines, as the library's JSON lines and Python's records and frame have them:
// codes in team_grade and grade, their labels in *_zh and *_en.
const std::vector<std::string> kLineColumns{
    "cadre_id", "village_id", "township", "post", "units", "units_of_year", "base", "performance",
    "public_institution", "total", "team_grade", "team_grade_zh", "team_grade_en", "grade", "grade_zh", "grade_en",
    "actions"};

struct PayInput {
  std::vector<Village> villages;
  std::vector<Principal> principals;
  std::vector<std::string> keep;               ///< --keep: the principals' columns kept
  std::vector<std::vector<std::string>> kept;  ///< per principal read, its cells of `keep`
  std::vector<Score> scores;
  std::vector<Term> terms;
};

PayInput read_pay_input(const VillageOpts &o, Reporter &rep) {
  PayInput in;
  in.villages = read_villages(o, rep, true);
  std::set<std::string> ids;
  for (const auto &v : in.villages) ids.insert(v.village_id);
  // in the library's words (village::pay_sheet), naming the row as every row's error does
  auto known = [&](const std::string &id, const char *unknown) {
    if (!ids.count(id)) throw InvalidInput(unknown, "village_id");
  };
  Table p = read_table(o.principals, o.io, rep);
  p.require({"cadre_id", "village_id", "post", "served_from"});
  in.keep = kept_columns(p, o.io, kLineColumns);
  for_each_row(p, rep, [&](const RowView &r) {
    Principal x;
    x.cadre_id = r.req("cadre_id");
    x.name = r.opt("name");
    x.village_id = r.req("village_id");
    known(x.village_id, "principal of an unknown village");
    x.post = parse_post(r.req("post"), x.cadre_id);
    x.served_from = r.date("served_from");
    x.served_to = r.opt_date("served_to");
    if (x.served_to && *x.served_to < x.served_from)
      throw InvalidInput("served_to is before served_from", "served_to", x.cadre_id);
    in.principals.push_back(std::move(x));
    std::vector<std::string> cells;
    for (const auto &k : in.keep) cells.push_back(r.opt(k));
    in.kept.push_back(std::move(cells));
  });
  if (!o.scores.empty()) {
    Table s = read_table(o.scores, o.io, rep);
    std::set<std::pair<std::string, std::string>> seen;
    auto add = [&](const std::string &village, const std::string &text_period, const std::string &text, const std::string &field) {
      const std::string period = vocabulary::parse_period(text_period, "period", village).code();
      if (!seen.insert({village, period}).second) throw InvalidInput("a score given twice", field, village);
      in.scores.push_back({village, period, score_of(text, field)});
    };
    if (s.column("period")) {  // long form: village_id, period, score
      s.require({"village_id", "score"});
      for_each_row(s, rep, [&](const RowView &r) {
        std::string v = r.req("village_id");
        known(v, "score of an unknown village");
        add(v, r.req("period"), r.req("score"), "score");
      });
    } else {  // wide form: village_id, q1, q2, q3, q4, annual (of --year)
      s.require({"village_id", "q1", "q2", "q3", "q4", "annual"});
      for_each_row(s, rep, [&](const RowView &r) {
        std::string v = r.req("village_id");
        known(v, "score of an unknown village");
        const std::string y = std::to_string(o.year);
        for (const char *q : {"q1", "q2", "q3", "q4"})
          if (!r.opt(q).empty()) add(v, y + "Q" + std::string(1, q[1]), r.opt(q), q);
        if (!r.opt("annual").empty()) add(v, y, r.opt("annual"), "annual");
      });
    }
  }
  if (!o.terms.empty()) {
    Table t = read_table(o.terms, o.io, rep);
    t.require({"cadre_id", "served_from"});
    for_each_row(t, rep, [&](const RowView &r) {
      in.terms.push_back({r.req("cadre_id"), r.opt("village_id"), r.date("served_from"), r.opt_date("served_to")});
    });
  }
  return in;
}

// The actions cell: `kind:due;…` in a CSV or a workbook; in JSON the library's array
// [{"kind","due"}], as the JSON call and Python's records have it.
Cell actions_cell(const std::vector<village::Action> &acts, const IoOptions &io) {
  if (io.format != "json") return Cell(village::actions_text(acts));
  return Cell::json(village::actions_json(acts));
}

}  // namespace

void add_village_commands(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<VillageOpts>();
  auto *grp = app.add_subcommand("village", "village cadre pay and selection (JARUD)");
  grp->require_subcommand(1);

  auto *pay = grp->add_subcommand("pay", "the year's pay sheet of the village principals");
  pay->add_option("--villages", o->villages, "villages: village_id, name, township, population")->required();
  pay->add_option("--principals", o->principals, "principals: cadre_id, name, village_id, post, served_from, served_to")->required();
  pay->add_option("--scores", o->scores, "scores: village_id, period, score — or village_id, q1, q2, q3, q4, annual");
  pay->add_option("--terms", o->terms, "all principal terms for the subsidy after leaving (budget)");
  pay->add_option("--holders", o->holders, "village heads with public-institution pay (budget)");
  pay->add_option("--year", o->year, "the pay year")->required();
  pay->add_option("--graded-on", o->graded_on, "date the grades are fixed (default 31 Dec of the year)");
  pay->add_option("--show", o->show, "lines (default), villages, townships or budget")
      ->check(CLI::IsMember({"lines", "villages", "townships", "budget"}));
  add_policy_options(pay, c);
  add_io_options(pay, o->io);
  add_explain_options(pay, o->io);
  add_keep_option(pay, o->io, "--principals (with --show lines)");
  add_workspace_options(pay, o->ws);
  pay->callback([&action, &c, o] {
    if (!o->io.keep.empty() && o->show != "lines")
      throw CLI::ValidationError("village pay", "--keep copies principals' columns to their lines: it needs --show lines");
    action = [&c, o](std::ostream &out) {
      const Policy policy = policy_for(c, o->ws);
      Reporter rep(o->io.strict);
      const PayInput in = read_pay_input(*o, rep);
      PaySheetOptions opt;
      opt.explain = o->io.explain || o->ws;  // a workspace keeps each line's explanation
      if (!o->graded_on.empty()) opt.graded_on = option_date(o->graded_on, "--graded-on");
      const PaySheet s = pay_sheet(in.villages, in.principals, in.scores, o->year, policy, opt);
      if (!s.lines.empty() &&
          std::all_of(s.lines.begin(), s.lines.end(), [](const auto &l) { return l.grade == Grade::not_graded; }))
        rep.incomplete(o->scores.empty()
                           ? "no --scores: no principal is graded, so the sheet has no performance pay (exit 8)"
                           : "no principal's village has a score for --year: no principal is graded, so the sheet "
                             "has no performance pay (exit 8)");
      note_run(o->io, c, &policy, opt.graded_on.value_or(make_date(o->year, 12, 31, "--year")), pay_parameters(policy, o->year));
      if (o->ws) {
        require_no_rejected_rows(rep.errors());
        record_pay(o->ws, s, opt.graded_on.value_or(make_date(o->year, 12, 31, "--year")));
      }
      OutTable t;
      if (o->show == "villages") {
        t.columns = {"village_id", "township", "composite", "rank", "graded_in_township", "team_grade", "team_grade_zh", "team_grade_en", "missing"};
        for (const auto &v : s.villages)
          t.rows.push_back({std::string(v.village_id), std::string(v.township), v.composite ? Cell::num_text(to_exact_string(*v.composite)) : Cell(),
                            Cell::num(v.rank), Cell::num(v.graded_in_township), team_grade_code(v.team_grade),
                            team_grade_zh(v.team_grade), team_grade_en(v.team_grade), v.missing});
      } else if (o->show == "townships") {
        t.columns = {"township", "villages", "principals", "base", "performance", "total"};
        auto row = [&](const Totals &x) {
          t.rows.push_back({x.township, Cell::num(x.villages), Cell::num(x.principals), Cell::money(x.base),
                            Cell::money(x.performance), Cell::money(x.total)});
        };
        for (const auto &x : s.townships) row(x);
        row(s.banner);
      } else if (o->show == "budget") {
        const auto subs = subsidies(in.terms, o->year, policy);
        const Budget b = budget(s, o->holders, subs, policy);
        t.columns = {"year", "policy", "base", "performance", "public_institution", "subsidies", "total"};
        t.rows.push_back({Cell::num(b.year), b.policy, Cell::money(b.base), Cell::money(b.performance),
                          Cell::money(b.public_institution), Cell::money(b.subsidies), Cell::money(b.total)});
      } else {
        t.columns = kLineColumns;
        t.columns.insert(t.columns.end(), in.keep.begin(), in.keep.end());  // the caller's, before the explanation
        if (o->io.explain) t.columns.push_back("explanation");
        for (const auto &l : s.lines) {
          std::vector<Cell> row{std::string(l.cadre_id), std::string(l.village_id), std::string(l.township), post_code(l.post), Cell::num(l.months),
                                Cell::num(l.period_units), Cell::money(l.base), Cell::money(l.performance),
                                Cell::money(l.public_institution), Cell::money(l.total), team_grade_code(l.team_grade),
                                team_grade_zh(l.team_grade), team_grade_en(l.team_grade), grade_code(l.grade),
                                grade_zh(l.grade), grade_en(l.grade), actions_cell(l.actions, o->io)};
          for (const auto &cell : in.kept[l.principal]) row.push_back(cell);
          if (o->io.explain) row.push_back(l.explanation ? explanation_cell(*l.explanation, o->io) : Cell());
          t.rows.push_back(std::move(row));
        }
      }
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });

  auto *sel = grp->add_subcommand("select", "public-institution pay selection: quota and allocation, or eligibility");
  sel->add_option("VILLAGES", o->villages, "villages: village_id, township (gives the quota per township)");
  sel->add_option("--year", o->year, "the selection year (quota)");
  sel->add_option("--applicants", o->applicants,
                  "applicants: cadre_id, post, in_post_since, birth_date, grades (\"2015:excellent;2016:basic\") "
                  "or columns grade_YYYY");
  sel->add_option("--as-of", c.as_of, "date of the eligibility check (with --applicants)");
  add_policy_options(sel, c);
  add_io_options(sel, o->io);
  add_explain_options(sel, o->io);
  add_workspace_options(sel, o->ws);
  sel->callback([&action, &c, o] {
    if (o->villages.empty() == o->applicants.empty())
      throw CLI::ValidationError("village select", "give either VILLAGES (with --year) or --applicants (with --as-of)");
    if (!o->villages.empty() && o->year == 0) throw CLI::ValidationError("village select", "VILLAGES needs --year");
    action = [&c, o](std::ostream &out) {
      const Policy policy = policy_for(c, o->ws);
      Reporter rep(o->io.strict);
      OutTable t;
      if (!o->villages.empty()) {
        const auto villages = read_villages(*o, rep, false);
        std::map<std::string, std::int64_t> per;
        for (const auto &v : villages) ++per[v.township];
        Explanation ex("selection quota");
        const std::int64_t quota = selection_quota(static_cast<std::int64_t>(villages.size()), o->year, policy, &ex);
        note_run(o->io, c, &policy, std::nullopt, selection_parameters(policy, o->year));
        t.columns = {"township", "villages", "places", "initial", "prospective", "formal"};
        if (o->io.explain) t.columns.push_back("explanation");
        Funnel total{};
        QuotaAllocation decided{"township", quota, allocate_quota(per, quota), ex};
        std::vector<std::pair<std::string, Funnel>> funnels;
        for (const auto &[town, places] : decided.per_township) {
          const Funnel f = funnel(places, o->year, policy);
          funnels.emplace_back(town, f);
          total.initial += f.initial;
          total.prospective += f.prospective;
          total.formal += f.formal;
          std::vector<Cell> row{town, Cell::num(per[town]), Cell::num(places), Cell::num(f.initial),
                                Cell::num(f.prospective), Cell::num(f.formal)};
          if (o->io.explain) row.push_back(Cell());
          t.rows.push_back(std::move(row));
        }
        std::vector<Cell> row{"", Cell::num(static_cast<std::int64_t>(villages.size())), Cell::num(quota),
                              Cell::num(total.initial), Cell::num(total.prospective), Cell::num(total.formal)};
        if (o->io.explain) row.push_back(explanation_cell(ex, o->io));
        t.rows.push_back(std::move(row));
        if (o->ws) {
          require_no_rejected_rows(rep.errors());
          record_quota(o->ws, o->year, decided, funnels, as_of_date(c));
        }
      } else {
        const Date as_of = as_of_date(c);
        note_run(o->io, c, &policy, as_of, selection_parameters(policy, as_of.year()));
        // grades: {"2015": "excellent", …}
        Table a = read_table(o->applicants, o->io, rep, {.every = false, .named = {"grades"}});
        a.require({"cadre_id", "in_post_since", "birth_date"});
        t.columns = {"cadre_id", "eligible", "failed"};
        if (o->io.explain) t.columns.push_back("explanation");
        std::vector<Eligibility> decided;
        for_each_row(a, rep, [&](const RowView &r) {
          Applicant x;
          x.cadre_id = r.req("cadre_id");
          if (!r.opt("post").empty()) x.post = parse_post(r.opt("post"), x.cadre_id);
          x.in_post_since = r.date("in_post_since");
          x.birth_date = r.date("birth_date");
          std::string grades = r.opt("grades");
          if (!grades.empty() && grades.front() == '{') {  // JSON input: {"2015": "excellent", …}
            const json_read::Parsed parsed = json_read::parse_checked(grades);  // a year twice is refused
            if (parsed.found) throw InvalidInput(parsed.found.message, "grades", x.cadre_id);
            const boost::json::value &g = parsed.value;
            if (parsed.ec || !g.is_object())
              throw InvalidInput("expected an object year -> grade", "grades", x.cadre_id);
            grades.clear();
            for (const auto &[y, gv] : g.get_object()) {
              if (!gv.is_string()) throw InvalidInput("expected an object year -> grade", "grades", x.cadre_id);
              grades += std::string(y) + ":" + std::string(gv.get_string()) + ";";
            }
          }
          std::size_t pos = 0;
          while (pos < grades.size()) {
            std::size_t end = grades.find(';', pos);
            if (end == std::string::npos) end = grades.size();
            const std::string item = grades.substr(pos, end - pos);
            pos = end + 1;
            if (item.empty()) continue;
            const auto colon = item.find(':');
            const std::string y = colon == std::string::npos ? "" : item.substr(0, colon);
            if (!is_period(y) || y.size() != 4) throw InvalidInput("expected YEAR:grade;YEAR:grade", "grades", x.cadre_id);
            x.grades[std::stoi(y)] = parse_grade(item.substr(colon + 1), x.cadre_id);
          }
          for (const auto &h : a.header)
            if (h.size() == 10 && h.rfind("grade_", 0) == 0 && is_period(h.substr(6)) && !r.opt(h).empty())
              x.grades[std::stoi(h.substr(6))] = parse_grade(r.opt(h), x.cadre_id);
          const Eligibility e = eligibility(x, as_of, policy);
          std::string failed;
          for (const auto &f : e.failed) failed += (failed.empty() ? "" : ";") + f;
          std::vector<Cell> row{e.cadre_id, Cell::boolean(e.eligible), failed};
          if (o->io.explain) row.push_back(explanation_cell(e.explanation, o->io));
          t.rows.push_back(std::move(row));
          if (o->ws) decided.push_back(e);
        });
        if (o->ws) {
          require_no_rejected_rows(rep.errors());
          record_eligibility(o->ws, decided, as_of);
        }
      }
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

void add_village_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action) {
  auto o = std::make_shared<VillageOpts>();
  auto *grp = cmp->add_subcommand("village", "village cadre pay under two profiles");
  grp->require_subcommand(1);
  auto *pay = grp->add_subcommand("pay", "pay lines whose grade or total differ, and the budget difference");
  pay->add_option("--villages", o->villages, "villages: village_id, name, township, population")->required();
  pay->add_option("--principals", o->principals, "principals: cadre_id, name, village_id, post, served_from, served_to")->required();
  pay->add_option("--scores", o->scores, "scores: village_id, period, score — or village_id, q1, q2, q3, q4, annual");
  pay->add_option("--terms", o->terms, "all principal terms for the subsidy after leaving (budget)");
  pay->add_option("--holders", o->holders, "village heads with public-institution pay (budget)");
  pay->add_option("--year", o->year, "the pay year")->required();
  pay->add_option("--graded-on", o->graded_on, "date the grades are fixed (default 31 Dec of the year)");
  add_io_options(pay, ctx->io);
  pay->callback([&action, &c, ctx, o] {
    action = [&c, ctx, o](std::ostream &out) {
      const auto [pa, pb] = load_policies(*ctx);
      o->io = ctx->io;
      Reporter rep(o->io.strict);
      const PayInput in = read_pay_input(*o, rep);
      PaySheetOptions opt;
      if (!o->graded_on.empty()) opt.graded_on = option_date(o->graded_on, "--graded-on");
      const PaySheet sa = pay_sheet(in.villages, in.principals, in.scores, o->year, pa, opt);
      const PaySheet sb = pay_sheet(in.villages, in.principals, in.scores, o->year, pb, opt);
      note_compare(o->io, c, *ctx, pa, pb, opt.graded_on.value_or(make_date(o->year, 12, 31, "--year")),
                   pay_parameters(pa, o->year), pay_parameters(pb, o->year));
      OutTable t = compare_table();
      for (std::size_t i = 0; i < sa.lines.size() && i < sb.lines.size(); ++i) {
        const PayLine &a = sa.lines[i], &b = sb.lines[i];
        if (a.grade == b.grade && a.total == b.total && a.base == b.base) continue;
        add_compare_row(t, *ctx, "pay", std::string(a.cadre_id) + "@" + std::string(a.village_id), "grade total",
                        std::string(grade_zh(a.grade)) + " " + a.total.to_decimal_string(),
                        std::string(grade_zh(b.grade)) + " " + b.total.to_decimal_string(),
                        (b.total - a.total).to_decimal_string(), a.explanation, b.explanation);
      }
      const Budget ba = budget(sa, o->holders, subsidies(in.terms, o->year, pa), pa);
      const Budget bb = budget(sb, o->holders, subsidies(in.terms, o->year, pb), pb);
      const std::pair<const char *, Money Budget::*> items[] = {{"base", &Budget::base},
                                                                {"performance", &Budget::performance},
                                                                {"public_institution", &Budget::public_institution},
                                                                {"subsidies", &Budget::subsidies},
                                                                {"total", &Budget::total}};
      for (const auto &[name, m] : items)
        add_compare_row(t, *ctx, "budget", std::to_string(o->year), name, (ba.*m).to_decimal_string(),
                        (bb.*m).to_decimal_string(), (bb.*m - ba.*m).to_decimal_string(), nullptr, nullptr);
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

}  // namespace cadrekit::cli

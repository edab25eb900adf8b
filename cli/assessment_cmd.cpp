// cadrekit assessment screen RECORDS [--findings FILE] --as-of DATE: every red line that fires
// for every cadre (HORQIN.4; the rules are the policy's assessment.rule.* parameters).
// Columns: docs/cli.md.
#include <iostream>
#include <set>
#include <tuple>

#include "cadrekit/assessment.hpp"
#include <map>

#include "commands.hpp"
#include "compare.hpp"
#include "screen_input.hpp"
#include "table.hpp"

namespace cadrekit::cli {

namespace {

using namespace cadrekit::assessment;

struct ScreenOpts {
  IoOptions io;
  std::string records, findings;
};

std::int32_t int32_cell(const RowView &r, std::string_view name) {
  const std::int64_t v = r.opt_integer(name).value_or(0);
  if (v < 0 || v > INT32_MAX) throw InvalidInput("out of range", std::string(name));
  return static_cast<std::int32_t>(v);
}

}  // namespace

ScreenInput read_screen_input(const std::string &records, const std::string &findings, const IoOptions &io,
                              Reporter &rep, const std::vector<std::vector<Standard>> &catalogues) {
  ScreenInput in;
  Table t = read_table(records, io, rep);
  t.require({"cadre_id", "kind", "period"});
  std::set<std::tuple<std::string, int, std::int32_t>> seen;
  for_each_row(t, rep, [&](const RowView &r) {
    Record x;
    x.cadre_id = r.req("cadre_id");
    x.unit_id = r.opt("unit_id");
    if (!r.opt("domain").empty()) x.domain = parse_domain(r.opt("domain"), "domain");
    x.kind = parse_kind(r.req("kind"), "kind");
    x.period = parse_period(r.req("period"), "period");
    x.score = r.opt("score");
    x.rank = int32_cell(r, "rank");
    x.group_size = int32_cell(r, "group_size");
    x.rating = parse_rating(r.opt("rating"), "rating");
    // `method`, the library's name (C JSON, Python); `methods`, the command line's former one.
    const char *column = t.column("method") || !t.column("methods") ? "method" : "methods";
    const std::string methods = r.opt(column);
    std::size_t pos = 0;
    while (pos < methods.size()) {
      std::size_t end = methods.find(';', pos);
      if (end == std::string::npos) end = methods.size();
      if (end > pos) x.methods |= parse_method(methods.substr(pos, end - pos), column);
      pos = end + 1;
    }
    validate(x, x.cadre_id);
    if (!seen.insert({x.cadre_id, static_cast<int>(x.kind), x.period}).second)
      throw InvalidInput("a second record of the same cadre, kind and period", "period", x.cadre_id);
    in.records.push_back(std::move(x));
    in.record_where.push_back(r.where());
  });
  if (!findings.empty()) {
    Table f = read_table(findings, io, rep);
    f.require({"id", "date"});
    f.leave_aside({"facts"});  // not needed by the rules, and never echoed
    for_each_row(f, rep, [&](const RowView &r) {
      Finding x;
      x.id = r.req("id");
      x.cadre_id = r.opt("cadre_id");
      x.unit_id = r.opt("unit_id");
      x.date = r.date("date");
      if (!r.opt("source").empty()) x.source = parse_finding_source(r.opt("source"), "source");
      x.standard = r.opt("standard");
      x.aspect = parse_aspect(r.opt("aspect"), "aspect");
      x.classification = parse_finding_class(r.opt("classification"), "classification");
      if (!r.opt("severity").empty()) x.severity = parse_severity(r.opt("severity"), "severity");
      validate(x, x.id);
      for (const auto &catalogue : catalogues) standard_of(x, catalogue, x.id);
      in.findings.push_back(std::move(x));
      in.finding_where.push_back(r.where());
    });
  }
  return in;
}

namespace {

std::string joined(const std::vector<std::string> &v) {
  std::string s;
  for (const auto &x : v) s += (s.empty() ? "" : ";") + x;
  return s;
}

}  // namespace

void add_assessment_commands(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<ScreenOpts>();
  auto *grp = app.add_subcommand("assessment", "cadre assessment: red lines (HORQIN)");
  grp->require_subcommand(1);
  auto *scr = grp->add_subcommand("screen", "every red line that fires for every cadre");
  scr->add_option("RECORDS", o->records,
                  "assessment records: cadre_id, unit_id, domain, kind, period, score, rank, group_size, rating, methods")
      ->required();
  scr->add_option("--findings", o->findings,
                  "findings: id, cadre_id, unit_id, date, source, standard, aspect, classification, severity");
  scr->add_option("--as-of", c.as_of, "date of the screening (ISO)")->required();
  add_policy_options(scr, c);
  add_io_options(scr, o->io);
  add_explain_options(scr, o->io);
  scr->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = load_policy(c);
      const Date as_of = as_of_date(c);
      rules(policy, as_of);  // a malformed rule is one policy error up front
      note_run(o->io, c, &policy, as_of, red_line_parameters(policy, as_of));
      Reporter rep(o->io.strict);
      const ScreenInput in = read_screen_input(o->records, o->findings, o->io, rep, {standards(policy, as_of)});
      const auto hits = screen(in.records, in.findings, as_of, policy);
      OutTable t{{"cadre_id", "rule_id", "clause", "suggestion", "periods", "findings", "rows"}, {}};
      if (o->io.explain) t.columns.push_back("explanation");
      for (const auto &h : hits) {
        std::vector<std::string> rows;
        // Hit::records indexes the records for assessment rules and the findings for finding rules.
        const auto &where = h.findings.empty() ? in.record_where : in.finding_where;
        for (auto i : h.records) rows.push_back(where.at(i));
        std::vector<Cell> row{h.cadre_id, h.rule_id, h.clause, h.suggestion, joined(h.periods),
                              joined(h.findings), joined(rows)};
        if (o->io.explain) row.push_back(explanation_cell(h.explanation, o->io));
        t.rows.push_back(std::move(row));
      }
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

void add_assessment_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action) {
  auto o = std::make_shared<ScreenOpts>();
  auto *grp = cmp->add_subcommand("assessment", "red lines under two profiles");
  grp->require_subcommand(1);
  auto *scr = grp->add_subcommand("screen", "red lines that fire under one profile only, or on other periods");
  scr->add_option("RECORDS", o->records, "assessment records (as `assessment screen`)")->required();
  scr->add_option("--findings", o->findings, "findings (as `assessment screen`)");
  scr->add_option("--as-of", c.as_of, "date of the screening (ISO)")->required();
  add_io_options(scr, ctx->io);
  scr->callback([&action, &c, ctx, o] {
    action = [&c, ctx, o](std::ostream &out) {
      const auto [pa, pb] = load_policies(*ctx);
      const Date as_of = as_of_date(c);
      o->io = ctx->io;
      Reporter rep(o->io.strict);
      const ScreenInput in =
          read_screen_input(o->records, o->findings, o->io, rep, {standards(pa, as_of), standards(pb, as_of)});
      const auto ha = screen(in.records, in.findings, as_of, pa);
      const auto hb = screen(in.records, in.findings, as_of, pb);
      note_compare(o->io, c, *ctx, pa, pb, as_of, red_line_parameters(pa, as_of), red_line_parameters(pb, as_of));
      std::map<std::pair<std::string, std::string>, std::pair<const Hit *, const Hit *>> m;
      for (const auto &h : ha) m[{h.cadre_id, h.rule_id}].first = &h;
      for (const auto &h : hb) m[{h.cadre_id, h.rule_id}].second = &h;
      OutTable t = compare_table();
      auto text = [](const Hit *h) {
        if (!h) return std::string("-");
        std::string p = joined(h->periods);
        if (!h->findings.empty()) p += (p.empty() ? "" : " ") + joined(h->findings);
        return "fires " + p;
      };
      for (const auto &[key, pair] : m) {
        const std::string sa = text(pair.first), sb = text(pair.second);
        if (sa == sb) continue;
        add_compare_row(t, *ctx, "red_line", key.first, key.second, sa, sb, "",
                        pair.first ? &pair.first->explanation : nullptr, pair.second ? &pair.second->explanation : nullptr);
      }
      add_compare_row(t, *ctx, "red_line", "", "hits", std::to_string(ha.size()), std::to_string(hb.size()),
                      std::to_string(static_cast<std::int64_t>(hb.size()) - static_cast<std::int64_t>(ha.size())),
                      nullptr, nullptr);
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

}  // namespace cadrekit::cli

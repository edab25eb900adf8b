// cadrekit talent pools CADRES --as-of DATE [--assessments F] [--findings F]
//     every cadre's standing in the three pools (HURE.1): members, near misses, excluded
// cadrekit talent teams MEMBERS --as-of DATE [--candidates CADRES] [--assessments F] [--findings F]
//     each leadership team's structure against the policy's targets, its gaps and (with
//     --candidates) the pool members who would fill each gap (HURE.5)
// Columns: docs/cli.md. Supervision (a red line from the assessment records and findings, an
// open disposal case) excludes pool candidates as anywhere else in the library.

#include <iostream>
#include <map>
#include <set>
#include <unordered_set>

#include "core/person_detail.hpp"
#include "cadrekit/talent.hpp"
#include "commands.hpp"
#include "compare.hpp"
#include "screen_input.hpp"
#include "table.hpp"

namespace cadrekit::cli {

namespace {

using namespace cadrekit::talent;

struct TalentOpts {
  IoOptions io;
  std::string input;  ///< CADRES (pools) or MEMBERS (teams)
  std::string candidates, assessments, findings;
};

std::vector<Cadre> read_cadres(const std::string &file, const IoOptions &io, Reporter &rep) {
  std::vector<Cadre> out;
  Table t = read_table(file, io, rep);
  if (!t.column("id") && !t.column("cadre_id")) t.require({"cadre_id"});
  t.require({"sex", "birth_date", "ethnicity", "political_status"});
  std::unordered_set<std::string> seen;
  seen.reserve(t.size());
  out.reserve(t.size());  // one allocation, not a copy at each doubling (a table's rows are known)
  for_each_row(t, rep, [&](const RowView &r) {
    // The person members a cadres table may carry (docs/person.md), read as the JSON record's
    // are; `cadre_id` is taken for `id`.
    const std::string id = r.opt("cadre_id").empty() ? r.req("id") : r.opt("cadre_id");
    const std::string birth = r.date_text("birth_date"), party = r.date_text("party_joined"),
                      work = r.date_text("work_started");
    Cadre c;
    c.person = detail::person_from_cells({.id = id, .name = {}, .sex = r.view("sex"), .birth_date = birth,
                                  .ethnicity = r.view("ethnicity"), .political_status = r.view("political_status"),
                                  .party_joined = party, .work_started = work, .education = r.view("education"),
                                  .rank = r.view("rank"), .unit = r.view("unit")});
    c.civil_servant = r.boolean("civil_servant", false);
    c.selected_graduate = r.boolean("selected_graduate", false);
    c.rank_since = r.opt_date("rank_since");
    if (!seen.insert(id).second) throw InvalidInput("a second row of the same cadre", "cadre_id", id);
    out.push_back(std::move(c));
  });
  return out;
}

std::string reasons_text(const std::vector<Reason> &rs, const IoOptions &io) {
  std::string s;
  for (const auto &r : rs) s += (s.empty() ? "" : "; ") + (io.lang == "en" ? r.en : r.zh);
  return s;
}

struct Supervised {
  ScreenInput in;
  Supervision sup() const { return {in.records, in.findings, {}}; }
};

// `policies`: the profiles the command screens under; a finding naming a standard not in force
// under one of them is a bad row of the findings file.
Supervised read_supervision(const TalentOpts &o, Reporter &rep, std::initializer_list<const Policy *> policies,
                            Date as_of) {
  Supervised s;
  std::vector<std::vector<assessment::Standard>> catalogues;
  if (!o.findings.empty())
    for (const Policy *p : policies) catalogues.push_back(assessment::standards(*p, as_of));
  if (!o.assessments.empty()) s.in = read_screen_input(o.assessments, o.findings, o.io, rep, catalogues);
  else if (!o.findings.empty()) throw InvalidInput("--findings needs --assessments", "--findings");
  return s;
}

void add_supervision_options(CLI::App *cmd, TalentOpts &o) {
  cmd->add_option("--assessments", o.assessments,
                   "assessment records (as `assessment screen`): annual results, red lines");
  cmd->add_option("--findings", o.findings, "findings (as `assessment screen`)");
}

}  // namespace

void add_talent_commands(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<TalentOpts>();
  auto *grp = app.add_subcommand("talent", "pools of young, women, minority and non-party cadres; team structure (HURE)");
  grp->require_subcommand(1);

  auto *pl = grp->add_subcommand("pools", "each cadre's standing in the pools: member, near miss, excluded");
  pl->add_option("CADRES", o->input,
                 "cadres: cadre_id, sex, birth_date, ethnicity, political_status, party_joined, work_started, "
                 "rank, rank_since, civil_servant, selected_graduate")
      ->required();
  pl->add_option("--as-of", c.as_of, "date of membership (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  add_policy_options(pl, c);
  add_supervision_options(pl, *o);
  add_io_options(pl, o->io);
  add_explain_options(pl, o->io);
  pl->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = load_policy(c);
      const Date as_of = as_of_date(c);
      Reporter rep(o->io.strict);
      const auto cadres = read_cadres(o->input, o->io, rep);
      const Supervised s = read_supervision(*o, rep, {&policy}, as_of);
      const Pools p = pools(cadres, s.sup(), as_of, policy, o->io.explain);
      note_run(o->io, c, &policy, as_of, pool_parameters(policy, as_of));
      OutTable t{{"cadre_id", "pool", "status", "kind", "date", "reasons"}, {}};
      if (o->io.explain) t.columns.push_back("explanation");
      auto add = [&](const PoolEntry &e, const char *status) {
        std::vector<Cell> row{e.cadre_id, pool_name(e.pool), status, e.kind, Cell::optional_date(e.date),
                              reasons_text(e.reasons, o->io)};
        if (o->io.explain) row.push_back(explanation_cell(e.explanation, o->io));
        t.rows.push_back(std::move(row));
      };
      for (const auto &e : p.members) add(e, "member");
      for (const auto &e : p.near_misses) add(e, "near_miss");
      for (const auto &e : p.excluded) add(e, "excluded");
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });

  auto *tm = grp->add_subcommand("teams", "each team's structure, its gaps and who could fill them");
  tm->add_option("MEMBERS", o->input, "team members: team_id, cadre_id, sex, birth_date, ethnicity, political_status")
      ->required();
  tm->add_option("--as-of", c.as_of, "date of the structure (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  tm->add_option("--candidates", o->candidates, "cadres of the pools (as `talent pools`): candidates for the gaps");
  add_policy_options(tm, c);
  add_supervision_options(tm, *o);
  add_io_options(tm, o->io);
  add_explain_options(tm, o->io);
  tm->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = load_policy(c);
      const Date as_of = as_of_date(c);
      Reporter rep(o->io.strict);
      std::vector<TeamMember> members;
      Table t = read_table(o->input, o->io, rep);
      t.require({"team_id", "cadre_id", "sex", "birth_date", "ethnicity", "political_status"});
      members.reserve(t.size());
      for_each_row(t, rep, [&](const RowView &r) {
        // The person reader checks the codes and dates exactly as for any cadre record.
        const std::string id = r.req("cadre_id"), birth = r.date_text("birth_date");
        const Person p = detail::person_from_cells({.id = id, .name = {}, .sex = r.view("sex"), .birth_date = birth,
                                            .ethnicity = r.view("ethnicity"),
                                            .political_status = r.view("political_status"), .party_joined = {},
                                            .work_started = {}, .education = {}, .rank = {}, .unit = {}});
        members.push_back({r.req("team_id"), p.id, p.sex, p.birth_date, p.ethnicity, p.political_status});
      });
      std::vector<Cadre> cands;
      if (!o->candidates.empty()) cands = read_cadres(o->candidates, o->io, rep);
      const Supervised s = read_supervision(*o, rep, {&policy}, as_of);
      const auto teams = team_structure(members, as_of, policy, cands, s.sup(), o->io.explain);
      note_run(o->io, c, &policy, as_of, team_parameters(policy, as_of));
      OutTable out_t{{"team_id", "size", "young", "women", "minority", "non_party", "gaps", "candidates"}, {}};
      if (o->io.explain) out_t.columns.push_back("explanation");
      for (const auto &ts : teams) {
        std::string gaps, who;
        for (const auto &g : ts.gaps) {
          gaps += (gaps.empty() ? "" : ";") + std::string(criterion_name(g.criterion));
          std::string eligible;
          for (const auto &cand : g.candidates)
            if (cand.eligible) eligible += (eligible.empty() ? "" : ",") + cand.cadre_id;
          if (!eligible.empty()) who += (who.empty() ? "" : ";") + std::string(criterion_name(g.criterion)) + ":" + eligible;
        }
        std::vector<Cell> row{ts.team_id,          Cell::num(ts.size),     Cell::num(ts.counts[0]),
                              Cell::num(ts.counts[1]), Cell::num(ts.counts[2]), Cell::num(ts.counts[3]),
                              gaps,                who};
        if (o->io.explain) row.push_back(explanation_cell(ts.explanation, o->io));
        out_t.rows.push_back(std::move(row));
      }
      write_table(out, out_t, o->io);
      rep.finish(out);
    };
  });
}

void add_talent_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action) {
  auto o = std::make_shared<TalentOpts>();
  auto *grp = cmp->add_subcommand("talent", "pool membership under two profiles");
  grp->require_subcommand(1);
  auto *pl = grp->add_subcommand("pools", "every cadre whose standing in a pool differs, and the pools' sizes");
  pl->add_option("CADRES", o->input, "cadres (as `talent pools`)")->required();
  pl->add_option("--as-of", c.as_of, "date of membership (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  add_supervision_options(pl, *o);
  add_io_options(pl, ctx->io);
  pl->callback([&action, &c, ctx, o] {
    action = [&c, ctx, o](std::ostream &out) {
      const auto [pa, pb] = load_policies(*ctx);
      const Date as_of = as_of_date(c);
      o->io = ctx->io;
      Reporter rep(o->io.strict);
      const auto cadres = read_cadres(o->input, o->io, rep);
      const Supervised s = read_supervision(*o, rep, {&pa, &pb}, as_of);
      const Pools a = pools(cadres, s.sup(), as_of, pa, true);
      const Pools b = pools(cadres, s.sup(), as_of, pb, true);
      note_compare(o->io, c, *ctx, pa, pb, as_of, pool_parameters(pa, as_of), pool_parameters(pb, as_of));
      // (cadre, pool) -> the entry under each profile: member / near_miss (kind) / excluded (kind).
      using Key = std::pair<std::string, std::string>;
      std::map<Key, std::pair<const PoolEntry *, std::string>> ma, mb;
      auto index = [](const Pools &p, auto &m) {
        for (const auto &e : p.members) m[{e.cadre_id, pool_name(e.pool)}] = {&e, "member"};
        for (const auto &e : p.near_misses)
          if (!m.count({e.cadre_id, pool_name(e.pool)})) m[{e.cadre_id, pool_name(e.pool)}] = {&e, "near_miss:" + e.kind};
        for (const auto &e : p.excluded) m[{e.cadre_id, pool_name(e.pool)}] = {&e, "excluded:" + e.kind};
      };
      index(a, ma);
      index(b, mb);
      std::set<Key> keys;
      for (const auto &[k, v] : ma) keys.insert(k);
      for (const auto &[k, v] : mb) keys.insert(k);
      OutTable t = compare_table();
      for (const auto &k : keys) {
        const auto ia = ma.find(k), ib = mb.find(k);
        const std::string sa = ia == ma.end() ? "-" : ia->second.second, sb = ib == mb.end() ? "-" : ib->second.second;
        if (sa == sb) continue;
        add_compare_row(t, *ctx, "pool", k.first, k.second, sa, sb, "",
                        ia == ma.end() ? nullptr : &ia->second.first->explanation,
                        ib == mb.end() ? nullptr : &ib->second.first->explanation);
      }
      for (std::size_t i = 0; i < a.sizes.size() && i < b.sizes.size(); ++i)
        if (a.sizes[i].members != b.sizes[i].members || a.sizes[i].target != b.sizes[i].target)
          add_compare_row(t, *ctx, "pool", "", std::string(pool_name(a.sizes[i].pool)) + " members/size",
                          std::to_string(a.sizes[i].members) + "/" + std::to_string(a.sizes[i].target),
                          std::to_string(b.sizes[i].members) + "/" + std::to_string(b.sizes[i].target),
                          std::to_string(b.sizes[i].members - a.sizes[i].members), nullptr, nullptr);
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

}  // namespace cadrekit::cli

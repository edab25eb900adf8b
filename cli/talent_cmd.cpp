// cadrekit talent pools CADRES --as-of DATE [--assessments F] [--findings F]
//     every cadre's standing in the three pools (HURE.1): members, near misses, excluded
// cadrekit talent teams MEMBERS --as-of DATE [--candidates CADRES [--max-candidates N]]
//     [--assessments F] [--findings F]
//     each leadership team's structure against the policy's targets, its gaps and (with
//     --candidates) the eligible pool members who would fill each gap, the first N by id (HURE.5)
// Columns: docs/cli.md. Supervision (a red line from the assessment records and findings, an
// open disposal case) excludes pool candidates as anywhere else in the library.

#include <algorithm>
#include <array>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "core/person_detail.hpp"
#include "core/text.hpp"
#include "cadrekit/core/vocabulary.hpp"
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
  std::int64_t max_candidates = kCandidatesListed;
};

// A cadres table's row as a cadre: the person members a cadres table may carry (docs/person.md),
// read as the JSON record's are; `cadre_id` is taken for `id`.
Cadre cadre_of(const RowView &r) {
  const std::string id = r.opt("cadre_id").empty() ? r.req("id") : r.opt("cadre_id");
  const std::string birth = r.date_text("birth_date"), party = r.date_text("party_joined"),
                    work = r.date_text("work_started");
  Cadre c;
  c.person = detail::person_from_cells({.id = id, .name = {}, .sex = r.view("sex"), .birth_date = birth,
                                        .ethnicity = r.view("ethnicity"),
                                        .political_status = r.view("political_status"), .party_joined = party,
                                        .work_started = work, .education = r.view("education"),
                                        .rank = r.view("rank"), .unit = r.view("unit")});
  c.civil_servant = r.boolean("civil_servant", false);
  c.selected_graduate = r.boolean("selected_graduate", false);
  c.rank_since = r.opt_date("rank_since");
  return c;
}

// The cadre of row `row` of `t`, a row cadre_of has read before (so it reads it again without
// an error).
Cadre cadre_at(const Table &t, std::size_t row) {
  std::vector<std::string_view> cells;
  return cadre_of(RowView(t, row, cells));
}

void require_cadre_columns(const Table &t) {
  if (!t.column("id") && !t.column("cadre_id")) t.require({"cadre_id"});
  t.require({"sex", "birth_date", "ethnicity", "political_status"});
}

// Calls `f(cadre, row)` for each row of a cadres table that is a cadre (a bad row, or a second
// row of the same cadre, is reported and left out).
// Returns the ids of the cadres read, numbered in the order read.
template <class F>
TextIndex for_each_cadre(const Table &t, Reporter &rep, F &&f) {
  TextIndex seen(t.size());
  std::size_t next = 0;
  for_each_row(t, rep, [&](const RowView &r) {
    const std::size_t row = next++;
    Cadre c = cadre_of(r);
    const std::string_view id = r.view("cadre_id").empty() ? r.view("id") : r.view("cadre_id");
    if (!seen.insert(id, "cadre_id").second)
      throw InvalidInput("a second row of the same cadre", "cadre_id", c.person.id);
    f(std::move(c), row);
  });
  return seen;
}

std::vector<Cadre> read_cadres(const std::string &file, const IoOptions &io, Reporter &rep) {
  std::vector<Cadre> out;
  const Table t = read_table(file, io, rep);
  require_cadre_columns(t);
  out.reserve(t.size());  // one allocation, not a copy at each doubling (a table's rows are known)
  for_each_cadre(t, rep, [&](Cadre &&c, std::size_t) { out.push_back(std::move(c)); });
  return out;
}

// A code of the person record ("01", "13", or "" for a status not known) as its number, 0 for
// none; the person reader gives no other text (InvalidInput, a bug, if it did: no code is guessed).
std::uint8_t code_number(const std::string &code, const char *field) {
  if (code.empty()) return 0;
  if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' || code == "00")
    throw InvalidInput("not a two-digit code", field);
  return static_cast<std::uint8_t>((code[0] - '0') * 10 + (code[1] - '0'));
}

std::string reasons_text(const std::vector<Reason> &rs, const IoOptions &io) {
  std::string s;
  for (const auto &r : rs) s += (s.empty() ? "" : "; ") + (io.lang == "en" ? r.en : r.zh);
  return s;
}

// The statuses of `talent pools`' output, in its order: a Pools' lists and their names.
constexpr std::array<std::pair<std::vector<PoolEntry> Pools::*, const char *>, 3> kStatuses{
    {{&Pools::members, "member"}, {&Pools::near_misses, "near_miss"}, {&Pools::excluded, "excluded"}}};

// `talent pools`' output: an entry a row, written as it comes.
class PoolWriter {
 public:
  PoolWriter(std::ostream &out, const IoOptions &io) : io_(io), w_(out, columns(io), io) {}
  void add(const PoolEntry &e, const char *status) {
    std::vector<Cell> row{e.cadre_id, pool_name(e.pool), status, e.kind, Cell::optional_date(e.date),
                          reasons_text(e.reasons, io_)};
    if (io_.explain) row.push_back(explanation_cell(e.explanation, io_));
    w_.row(row);
  }
  void add(const Pools &p) {
    for (const auto &[list, status] : kStatuses)
      for (const auto &e : p.*list) add(e, status);
  }
  void finish() { w_.finish(); }
  bool explain() const { return io_.explain; }

 private:
  static std::vector<std::string> columns(const IoOptions &io) {
    std::vector<std::string> c{"cadre_id", "pool", "status", "kind", "date", "reasons"};
    if (io.explain) c.push_back("explanation");
    return c;
  }
  const IoOptions &io_;
  TableWriter w_;
};

struct Supervised {
  ScreenInput in;
  Supervision sup() const { return {in.records, in.findings, {}}; }
};

// The catalogues a finding's standard must be in: the standards in force under each of
// `policies`, the profiles the command screens under (a finding naming a standard not in force
// under one of them is a bad row of the findings file). Whether there is supervision to read:
// InvalidInput for findings without records.
bool supervision_catalogues(const TalentOpts &o, std::initializer_list<const Policy *> policies, Date as_of,
                            std::vector<std::vector<assessment::Standard>> &catalogues) {
  if (o.assessments.empty() && !o.findings.empty()) throw InvalidInput("--findings needs --assessments", "--findings");
  if (!o.findings.empty())
    for (const Policy *p : policies) catalogues.push_back(assessment::standards(*p, as_of));
  return !o.assessments.empty();
}

Supervised read_supervision(const TalentOpts &o, Reporter &rep, std::initializer_list<const Policy *> policies,
                            Date as_of) {
  Supervised s;
  std::vector<std::vector<assessment::Standard>> catalogues;
  if (supervision_catalogues(o, policies, as_of, catalogues))
    s.in = read_screen_input(o.assessments, o.findings, o.io, rep, catalogues);
  return s;
}

// A cadres table's accepted rows (a bad row, or a second row of a cadre, reported) as the
// columns of the pools kernel, and the rows they are.
struct CadreColumns {
  std::vector<std::uint32_t> rows;
  std::vector<std::int32_t> birth;
  std::vector<std::uint8_t> sex, ethnicity, political_status, rank, civil_servant, selected_graduate;
  PoolColumns columns(std::span<const std::uint8_t> red_line) const {
    return {birth, sex, ethnicity, political_status, rank, civil_servant, selected_graduate, red_line};
  }
};

// Reads `t` into `out`; returns the cadres' ids, numbered as the columns' rows.
TextIndex read_cadre_columns(const Table &t, Reporter &rep, CadreColumns &out) {
  for (auto *v : {&out.sex, &out.ethnicity, &out.political_status, &out.rank, &out.civil_servant,
                  &out.selected_graduate})
    v->reserve(t.size());
  out.rows.reserve(t.size());
  out.birth.reserve(t.size());
  if (t.size() >= static_cast<std::size_t>(INT32_MAX))
    throw InvalidInput("more rows than the pools can hold", "cadre_id", t.file);
  return for_each_cadre(t, rep, [&](Cadre &&c, std::size_t row) {
    const Person &p = c.person;
    out.rows.push_back(static_cast<std::uint32_t>(row));
    out.birth.push_back(to_days(p.birth_date));
    out.sex.push_back(static_cast<std::uint8_t>(p.sex));
    out.ethnicity.push_back(code_number(p.ethnicity, "ethnicity"));
    out.political_status.push_back(code_number(p.political_status, "political_status"));
    out.rank.push_back(static_cast<std::uint8_t>(p.rank));
    out.civil_servant.push_back(c.civil_servant ? 1 : 0);
    out.selected_graduate.push_back(c.selected_graduate ? 1 : 0);
  });
}

// The cadres of a candidates table that a team's gap can list, without supervision: those with
// an entry in a pool (a member, or excluded), as the pools kernel decides; the others are read
// and reported as read_cadres() reads them, and never held. A cadre's standing depends on that
// cadre alone, so team_structure() decides the same for them as for the whole table. When the
// kernel refuses the table, every cadre, for team_structure() to refuse in its own words.
std::vector<Cadre> read_pool_candidates(const std::string &file, const IoOptions &io, Reporter &rep, Date as_of,
                                        const Policy &policy) {
  const Table t = read_table(file, io, rep);
  require_cadre_columns(t);
  CadreColumns cc;
  (void)read_cadre_columns(t, rep, cc);
  const std::size_t n = cc.rows.size();
  std::vector<std::uint8_t> member(n), near_miss(n), excluded(n);
  std::vector<std::int32_t> age(n);
  bool all = false;
  try {
    pools_columns(cc.columns({}), {}, as_of, policy, {member, near_miss, excluded, age});
  } catch (const InvalidInput &) {
    all = true;
  }
  std::vector<Cadre> out;
  for (std::size_t i = 0; i < n; ++i)
    if (all || member[i] || excluded[i]) out.push_back(cadre_at(t, cc.rows[i]));
  return out;
}

// `talent pools` by the pools kernel (pools_columns): every row read as read_cadres reads it,
// kept as the kernel's columns. The kernel says which cadres have an entry of each status in each
// pool (one cadre in seven or so); those are read again and decided by pools() with the words of
// their reasons — for each status and pool in the output's order, in chunks in cadre id order,
// so that neither they nor their entries are all held at once. A cadre's standing depends on
// that cadre alone (its own records, and the findings that concern it or the unit of its latest
// record), so the entries are the whole table's pools()'s. With supervision (`o`'s --assessments
// and --findings, read after the cadres as the rows path reads them, the records kept as their
// table's rows), the annual records give the kernel its ratings, and the red lines are screened
// a group of cadres at a time, each group with its own cadres' records and the findings that
// concern them, as a chunk is then decided. When the kernel or the screening refuses the tables,
// pools() decides the whole of them, and refuses them, or not, in its own words.
void pools_by_kernel(const Table &t, Reporter &rep, Date as_of, const Policy &policy, PoolWriter &w,
                     const TalentOpts &o) {
  CadreColumns cc;
  TextIndex index = read_cadre_columns(t, rep, cc);
  const std::vector<std::uint32_t> &rows = cc.rows;
  const bool explain = w.explain();
  const std::size_t n = rows.size();
  // Supervision, read after the cadres as the rows path reads it. The records are held as their
  // table's rows and read again a group of cadres at a time; as each is first read, its cadre
  // (-1: not a cadre of the table) and its annual rating, as pools() reads them, are noted.
  std::vector<std::int32_t> cadre_of_record, r_cadre, r_year;
  std::vector<std::uint8_t> r_rating, red_line;
  const auto note = [&](const assessment::Record &r) {
    const auto k = static_cast<std::int32_t>(index.find(r.cadre_id));  // (n < INT32_MAX)
    cadre_of_record.push_back(k);
    if (k >= 0 && r.kind == assessment::Kind::annual && r.period % 100 == 0) {
      r_cadre.push_back(k);
      r_year.push_back(r.period / 100);
      r_rating.push_back(static_cast<std::uint8_t>(r.rating));
    }
  };
  RecordRows records;
  ScreenInput found;  // the findings
  std::vector<std::vector<assessment::Standard>> catalogues;
  if (supervision_catalogues(o, {&policy}, as_of, catalogues)) {
    records = read_record_rows(o.assessments, o.io, rep, note);
    if (!o.findings.empty()) read_findings(o.findings, o.io, rep, catalogues, found);
  }
  const auto all_rows = [&] {
    std::vector<Cadre> all;
    all.reserve(n);
    for (const std::uint32_t row : rows) all.push_back(cadre_at(t, row));
    std::vector<assessment::Record> all_records;
    all_records.reserve(records.size());
    for (std::size_t k = 0; k < records.size(); ++k) all_records.push_back(records.record(k));
    w.add(pools(all, {all_records, found.findings, {}}, as_of, policy, explain));
  };
  // Each cadre's records (their numbers among the records, fewer than 2^32: read_record_rows).
  const bool supervised = records.size() > 0 || !found.findings.empty();
  GroupedRows of_cadre;
  if (supervised)
    of_cadre = group_rows(cadre_of_record.size(), n, [&](std::size_t i) { return cadre_of_record[i]; });
  const std::vector<std::uint32_t> &rec_start = of_cadre.start, &rec_at = of_cadre.rows;
  // A group of cadres with their supervision: their records, and the findings that concern them
  // (by their cadre, or by a unit their records name, as the screening gives a unit's findings).
  std::vector<assessment::Record> chunk_records;
  std::vector<assessment::Finding> chunk_findings;
  std::vector<std::string_view> chunk_cadres, chunk_units;
  const auto add_supervision = [&](std::size_t i, std::string_view id) {
    if (!supervised) return;
    for (std::uint32_t j = rec_start[i]; j < rec_start[i + 1]; ++j) chunk_records.push_back(records.record(rec_at[j]));
    chunk_cadres.push_back(id);
  };
  const ConcernedFindings concern(found.findings);
  std::vector<std::uint32_t> finding_at;
  const auto findings_of_chunk = [&] {
    if (concern.empty()) return;
    for (const auto &r : chunk_records) chunk_units.push_back(r.unit_id);  // (the records are all added)
    concern.of(chunk_cadres, chunk_units, finding_at);
    for (const std::uint32_t f : finding_at) chunk_findings.push_back(found.findings[f]);
  };
  const auto clear_supervision = [&] {
    chunk_records.clear();
    chunk_findings.clear();
    chunk_cadres.clear();
    chunk_units.clear();
  };
  constexpr std::size_t kChunk = 4096;
  // The red lines, screened a group of cadres at a time, so that their hits (with their
  // explanations) are never all held.
  if (supervised) {
    red_line.assign(n, 0);
    try {
      for (std::size_t from = 0; from < n; from += kChunk) {
        for (std::size_t i = from; i < std::min(n, from + kChunk); ++i) add_supervision(i, index[i]);
        findings_of_chunk();
        for (const auto &h : assessment::screen(chunk_records, chunk_findings, as_of, policy, false))
          if (const std::int64_t k = index.find(h.cadre_id); k >= 0) red_line[static_cast<std::size_t>(k)] = 1;
        clear_supervision();
      }
    } catch (const Error &) {  // (the rows path, which reads the profile in its own order, says why)
      all_rows();
      return;
    }
  }
  // each accepted row's id (the index that found them, and a second row of a cadre, given up)
  const std::vector<std::string_view> ids = std::move(index).take_texts();
  std::vector<std::uint8_t> member(n), near_miss(n), excluded(n);
  std::vector<std::int32_t> age(n);
  try {
    pools_columns(cc.columns(red_line), {r_cadre, r_year, r_rating}, as_of, policy,
                  {member, near_miss, excluded, age});
  } catch (const InvalidInput &) {
    all_rows();
    return;
  }
  const std::array<const std::vector<std::uint8_t> *, 3> masks{&member, &near_miss, &excluded};
  std::vector<std::size_t> listed;  // the rows of one status and pool, then in cadre id order
  std::vector<Cadre> chunk;
  for (std::size_t s = 0; s < kStatuses.size(); ++s) {
    // (named, not bound: a lambda may not capture a structured binding before Clang 16)
    const auto list = kStatuses[s].first;
    const char *const status = kStatuses[s].second;
    for (int pool = 0; pool < pool_count; ++pool) {
      const auto flush = [&] {
        findings_of_chunk();
        const Pools p = pools(chunk, {chunk_records, chunk_findings, {}}, as_of, policy, explain);
        for (const PoolEntry &e : p.*list)
          if (e.pool == static_cast<Pool>(pool)) w.add(e, status);
        chunk.clear();
        clear_supervision();
      };
      listed.clear();
      for (std::size_t i = 0; i < n; ++i)
        if (((*masks[s])[i] >> pool) & 1u) listed.push_back(i);
      for (const std::size_t k :
           text_util::order_by_text(listed.size(), [&](std::size_t k) { return ids[listed[k]]; })) {
        const std::size_t i = listed[k];
        chunk.push_back(cadre_at(t, rows[i]));
        add_supervision(i, ids[i]);
        if (chunk.size() == kChunk) flush();
      }
      if (!chunk.empty()) flush();
    }
  }
}

void add_supervision_options(CLI::App *cmd, TalentOpts &o) {
  cmd->add_option("--assessments", o.assessments,
                   "assessment records (as `assessment screen`): annual results, red lines");
  cmd->add_option("--findings", o.findings, "findings (as `assessment screen`)");
}

// The members of a teams table, as the kernel reads them: each row read as the rows path reads
// it (the person reader checks its codes and dates), kept as columns — its team as the number of
// the team in order of first appearance, its codes as numbers — with its ids as views into the
// table.
struct TeamTable {
  std::vector<std::string_view> teams;  ///< each team's id, in order of first appearance
  std::vector<std::string_view> cadre;  ///< per member
  std::vector<std::int32_t> team, birth;
  std::vector<std::uint8_t> sex, ethnicity, political_status;  ///< codes (0: none, an unknown status)

  /// The members as the rows path takes them.
  std::vector<TeamMember> records() const {
    std::vector<TeamMember> out;
    out.reserve(cadre.size());
    const auto code = [](std::uint8_t v) {
      return v == 0 ? std::string() : std::string{char('0' + v / 10), char('0' + v % 10)};
    };
    for (std::size_t i = 0; i < cadre.size(); ++i)
      out.push_back({std::string(teams[static_cast<std::size_t>(team[i])]), std::string(cadre[i]),
                     static_cast<Sex>(sex[i]), from_days(birth[i]), code(ethnicity[i]), code(political_status[i])});
    return out;
  }

  struct Counts {
    std::vector<std::int32_t> size, young, women, minority, non_party;
    std::vector<std::uint8_t> gaps;
  };
  /// Each team's counts and gaps by team_structure_batch; empty when the rows path would refuse
  /// the members as a whole (an id blank but for other spaces, a cadre twice on a team, a code or
  /// a date the kernel does not take), which it then does in its own words.
  std::optional<Counts> by_kernel(Date as_of, const Policy &policy) const {
    const std::size_t n = cadre.size(), nt = teams.size();
    for (const std::string_view id : teams)
      if (vocabulary::blank(id)) return std::nullopt;
    for (const std::string_view id : cadre)
      if (vocabulary::blank(id)) return std::nullopt;
    // a cadre twice on a team: the members grouped by team (a counting sort), each team's ids
    // sorted and compared with the next
    std::vector<std::size_t> start(nt + 1, 0), by(n);
    for (std::size_t i = 0; i < n; ++i) ++start[static_cast<std::size_t>(team[i]) + 1];
    for (std::size_t k = 0; k < nt; ++k) start[k + 1] += start[k];
    {
      std::vector<std::size_t> at(start.begin(), start.end() - 1);
      for (std::size_t i = 0; i < n; ++i) by[at[static_cast<std::size_t>(team[i])]++] = i;
    }
    std::vector<std::string_view> ids;
    for (std::size_t k = 0; k < nt; ++k) {
      ids.clear();
      for (std::size_t j = start[k]; j < start[k + 1]; ++j) ids.push_back(cadre[by[j]]);
      std::sort(ids.begin(), ids.end());
      if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) return std::nullopt;
    }
    Counts c;
    for (auto *v : {&c.size, &c.young, &c.women, &c.minority, &c.non_party}) v->assign(nt, 0);
    c.gaps.assign(nt, 0);
    try {
      team_structure_batch({team, sex, birth, ethnicity, political_status}, nt, as_of, policy,
                           {c.size, c.young, c.women, c.minority, c.non_party, c.gaps});
    } catch (const InvalidInput &) {
      return std::nullopt;
    }
    return c;
  }
};

TeamTable read_team_members(const Table &t, Reporter &rep) {
  TeamTable m;
  m.cadre.reserve(t.size());
  m.team.reserve(t.size());
  m.birth.reserve(t.size());
  m.sex.reserve(t.size());
  m.ethnicity.reserve(t.size());
  m.political_status.reserve(t.size());
  TextIndex team_number;
  for_each_row(t, rep, [&](const RowView &r) {
    // The person reader checks the codes and dates exactly as for any cadre record.
    const std::string id = r.req("cadre_id"), birth = r.date_text("birth_date");
    const Person p = detail::person_from_cells({.id = id, .name = {}, .sex = r.view("sex"), .birth_date = birth,
                                                .ethnicity = r.view("ethnicity"),
                                                .political_status = r.view("political_status"), .party_joined = {},
                                                .work_started = {}, .education = {}, .rank = {}, .unit = {}});
    const std::string_view team = r.view("team_id");
    if (team.empty()) throw InvalidInput("missing", "team_id");
    const auto [number, fresh] = team_number.insert(team, "team_id");
    if (number >= static_cast<std::uint32_t>(INT32_MAX)) throw InvalidInput("too many teams", "team_id");
    if (fresh) m.teams.push_back(team);
    m.cadre.push_back(r.view("cadre_id"));
    m.team.push_back(static_cast<std::int32_t>(number));
    m.birth.push_back(to_days(p.birth_date));
    m.sex.push_back(static_cast<std::uint8_t>(p.sex));
    m.ethnicity.push_back(code_number(p.ethnicity, "ethnicity"));
    m.political_status.push_back(code_number(p.political_status, "political_status"));
  });
  return m;
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
      note_run(o->io, c, &policy, as_of, pool_parameters(policy, as_of));
      if (!o->io.row_path) {
        const Table t = read_table(o->input, o->io, rep);
        require_cadre_columns(t);
        PoolWriter w(out, o->io);
        pools_by_kernel(t, rep, as_of, policy, w, *o);
        w.finish();
        rep.finish(out);
        return;
      }
      const auto cadres = read_cadres(o->input, o->io, rep);
      const Supervised s = read_supervision(*o, rep, {&policy}, as_of);
      const Pools p = pools(cadres, s.sup(), as_of, policy, o->io.explain);
      PoolWriter w(out, o->io);
      w.add(p);
      w.finish();
      rep.finish(out);
    };
  });

  auto *tm = grp->add_subcommand("teams", "each team's structure, its gaps and who could fill them");
  tm->add_option("MEMBERS", o->input, "team members: team_id, cadre_id, sex, birth_date, ethnicity, political_status")
      ->required();
  tm->add_option("--as-of", c.as_of, "date of the structure (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  tm->add_option("--candidates", o->candidates, "cadres of the pools (as `talent pools`): candidates for the gaps");
  tm->add_option("--max-candidates", o->max_candidates,
                 "eligible candidates written per gap, the first by id (default " +
                     std::to_string(kCandidatesListed) + "; a warning counts the gaps cut)")
      ->check(CLI::NonNegativeNumber);
  add_policy_options(tm, c);
  add_supervision_options(tm, *o);
  add_io_options(tm, o->io);
  add_explain_options(tm, o->io);
  tm->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = load_policy(c);
      const Date as_of = as_of_date(c);
      Reporter rep(o->io.strict);
      Table t = read_table(o->input, o->io, rep);
      t.require({"team_id", "cadre_id", "sex", "birth_date", "ethnicity", "political_status"});
      const TeamTable m = read_team_members(t, rep);
      std::vector<Cadre> cands;
      // Supervision (a rating, a red line) can put a cadre in a pool: the kernel does not filter
      // the candidates then, nor on the row path, which holds them all.
      if (!o->candidates.empty())
        cands = o->assessments.empty() && o->findings.empty() && !o->io.row_path
                    ? read_pool_candidates(o->candidates, o->io, rep, as_of, policy)
                    : read_cadres(o->candidates, o->io, rep);
      const Supervised s = read_supervision(*o, rep, {&policy}, as_of);
      note_run(o->io, c, &policy, as_of, team_parameters(policy, as_of));
      OutTable out_t{{"team_id", "size", "young", "women", "minority", "non_party", "gaps", "candidates"}, {}};
      if (o->io.explain) out_t.columns.push_back("explanation");
      // Without candidates or explanations, the counts and gaps come from the kernel; the rows
      // path runs when it is asked for more, or to refuse the members as a whole in its words.
      if (cands.empty() && !o->io.explain && !o->io.row_path) {
        if (const auto k = m.by_kernel(as_of, policy)) {
          TableWriter w(out, out_t.columns, o->io);
          std::vector<Cell> row(out_t.columns.size(), Cell(""));
          for (std::size_t i = 0; i < m.teams.size(); ++i) {
            std::string gaps;
            for (int g = 0; g < criterion_count; ++g)
              if ((k->gaps[i] >> g) & 1u) gaps += (gaps.empty() ? "" : ";") + std::string(criterion_name(Criterion(g)));
            row[0].text.assign(m.teams[i]);
            row[1] = Cell::num(k->size[i]);
            row[2] = Cell::num(k->young[i]);
            row[3] = Cell::num(k->women[i]);
            row[4] = Cell::num(k->minority[i]);
            row[5] = Cell::num(k->non_party[i]);
            row[6].text = std::move(gaps);
            w.row(row);
          }
          w.finish();
          rep.finish(out);
          return;
        }
      }
      const std::vector<TeamMember> members = m.records();
      const auto teams = team_structure(members, as_of, policy, cands, s.sup(), o->io.explain, o->max_candidates);
      std::size_t cut = 0;  // gaps with more eligible candidates than written
      for (const auto &ts : teams) {
        std::string gaps, who;
        for (const auto &g : ts.gaps) {
          gaps += (gaps.empty() ? "" : ";") + std::string(criterion_name(g.criterion));
          std::string eligible;
          std::int64_t written = 0;
          for (const auto &cand : g.candidates) {
            if (!cand.eligible) continue;
            eligible += (eligible.empty() ? "" : ",") + cand.cadre_id;
            ++written;
          }
          cut += written < g.eligible_count;
          if (!eligible.empty()) who += (who.empty() ? "" : ";") + std::string(criterion_name(g.criterion)) + ":" + eligible;
        }
        std::vector<Cell> row{ts.team_id,          Cell::num(ts.size),     Cell::num(ts.counts[0]),
                              Cell::num(ts.counts[1]), Cell::num(ts.counts[2]), Cell::num(ts.counts[3]),
                              gaps,                who};
        if (o->io.explain) row.push_back(explanation_cell(ts.explanation, o->io));
        out_t.rows.push_back(std::move(row));
      }
      write_table(out, out_t, o->io);
      if (cut)
        Reporter::warn(std::to_string(cut) + " gap(s) have more eligible candidates than --max-candidates " +
                       std::to_string(o->max_candidates) + " lets the column list; each lists the first by id");
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

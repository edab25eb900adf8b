// HURE.5: the structure of leadership teams (young, women, minority, non-party) against the
// policy's targets, the gaps, and candidates from the pools to fill them; the columnar kernel.
#include <algorithm>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/id_index.hpp"
#include "detail.hpp"

namespace cadrekit::talent {

const char *criterion_name(Criterion c) noexcept {
  switch (c) {
    case Criterion::young: return "young";
    case Criterion::women: return "women";
    case Criterion::minority: return "minority";
    case Criterion::non_party: return "non_party";
  }
  return "?";
}

namespace {

const char *criterion_zh(Criterion c) {
  switch (c) {
    case Criterion::young: return "年轻干部";
    case Criterion::women: return "女干部";
    case Criterion::minority: return "少数民族干部";
    case Criterion::non_party: return "党外干部";
  }
  return "?";
}

struct TeamParams {
  std::int64_t young_max_age = 0;
  std::int64_t min[criterion_count] = {0, 0, 0, 0};
  Explanation used;
};

TeamParams load_team(const Policy &p, Date d) {
  TeamParams t;
  t.young_max_age = p.integer("talent.team.young_max_age", d, &t.used);
  t.min[0] = p.integer("talent.team.min_young", d, &t.used);
  t.min[1] = p.integer("talent.team.min_women", d, &t.used);
  t.min[2] = p.integer("talent.team.min_minority", d, &t.used);
  t.min[3] = p.integer("talent.team.min_non_party", d, &t.used);
  (void)p.text("talent.age.counting", d, &t.used);
  if (t.young_max_age < 0 || t.young_max_age > 150)
    throw PolicyError("talent.team.young_max_age must be 0 .. 150", "talent.team.young_max_age");
  for (auto m : t.min)
    if (m < 0) throw PolicyError("talent.team.min_* must not be negative", "talent.team.min_young");
  return t;
}

bool non_party_code(const std::string &c) { return c != "01" && c != "02"; }

std::string n(std::int64_t v) { return std::to_string(v); }

}  // namespace

std::vector<ParamUsed> team_parameters(const Policy &policy, Date as_of) {
  return load_team(policy, as_of).used.parameters;  // exactly what the structure reads, in order
}

std::vector<TeamStructure> team_structure(std::span<const TeamMember> members, Date as_of,
                                          const Policy &policy, std::span<const Cadre> candidates,
                                          const Supervision &sup, bool explain) {
  return team_structure(members, as_of, policy, candidates, sup, explain, kCandidatesListed);
}

namespace {

/// A pool member as any gap would judge them, once for all the teams: a gap's list is then the
/// first few of those with the attribute, not the whole pool per team. The words of the reasons
/// are written only for the candidates some gap lists.
struct Cand {
  const Cadre *cadre;
  std::vector<Pool> pools;
  const std::vector<Reason> *excluded = nullptr;  ///< what excludes them (the pools' entry), if anything
  int age = 0;
  bool has[criterion_count] = {false, false, false, false};
  bool eligible = false;
  enum class Years : std::uint8_t { no_rule, unknown, known } years = Years::no_rule;
  int have = 0;              ///< whole years at the current rank (known)
  std::int64_t need = 0;     ///< promotion.min_years_at_rank.<step> (known)
  std::string years_param;   ///< that parameter's name (known)
  std::optional<Candidate> listed;  ///< as a gap lists them, once one does
};

/// Eligibility as of `as_of`: nothing excludes them, and their years at the current rank reach
/// promotion.min_years_at_rank.<step>.
void judge(Cand &cd, Date as_of, const Policy &policy) {
  const Person &p = cd.cadre->person;
  const std::string yp = assessment::min_years_at_rank_param(policy, p.rank);
  const auto since = detail::rank_since_of(*cd.cadre);
  if (yp.empty()) {
    cd.years = Cand::Years::no_rule;
  } else if (!since || *since > as_of) {
    cd.years = Cand::Years::unknown;
  } else {
    cd.years = Cand::Years::known;
    cd.years_param = yp;
    cd.need = policy.integer(yp, as_of);
    cd.have = whole_years_between(*since, as_of);
  }
  cd.eligible = (!cd.excluded || cd.excluded->empty()) && cd.years == Cand::Years::known && cd.have >= cd.need;
}

/// The candidate as a gap lists them, with the reasons in words: in the pools, what excludes
/// them, and their years at the current rank.
const Candidate &listed(Cand &cd) {
  if (cd.listed) return *cd.listed;
  const Person &p = cd.cadre->person;
  Candidate k{p.id, cd.pools, cd.eligible, {}};
  std::string pools_zh, pools_en;
  for (auto pl : cd.pools) {
    pools_zh += (pools_zh.empty() ? "" : "、") + std::string(pool_name_zh(pl));
    pools_en += (pools_en.empty() ? "" : ", ") + std::string(pool_name(pl));
  }
  k.reasons.push_back({"pool", "在" + pools_zh + "中", "in the pool(s) " + pools_en});
  if (cd.excluded) k.reasons.insert(k.reasons.end(), cd.excluded->begin(), cd.excluded->end());
  const std::string have = n(cd.have), need = n(cd.need);
  switch (cd.years) {
    case Cand::Years::no_rule:
      k.reasons.push_back({"years_at_rank", std::string("政策未规定") + rank_name_zh(p.rank) + "晋升的任职年限",
                           std::string("the policy has no minimum years for a step up from ") + rank_name(p.rank)});
      break;
    case Cand::Years::unknown:
      k.reasons.push_back({"years_at_rank", "现职级任职时间不明", "the date at the current rank is not known"});
      break;
    case Cand::Years::known:
      if (cd.have >= cd.need)
        k.reasons.push_back({"years_at_rank", "现职级任职" + have + "年，达到" + need + "年",
                             have + " year(s) at the current rank, at least " + need});
      else
        k.reasons.push_back({"years_at_rank", "现职级任职" + have + "年，不足" + need + "年（必要台阶）",
                             have + " year(s) at the current rank, fewer than " + need + " (necessary steps)"});
      break;
  }
  return cd.listed.emplace(std::move(k));
}

}  // namespace

std::vector<TeamStructure> team_structure(std::span<const TeamMember> members, Date as_of,
                                          const Policy &policy, std::span<const Cadre> candidates,
                                          const Supervision &sup, bool explain,
                                          std::int64_t max_candidates) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  if (max_candidates < 0) throw InvalidInput("must not be negative", "max_candidates");
  const TeamParams tp = load_team(policy, as_of);
  std::vector<TeamStructure> teams;
  text_util::TextIndex index(members.size() / 4);  // team ids, numbered as the teams (views of members')
  // The members in order of (team id, cadre id), each team's together and by id: the first row
  // whose pair an earlier row has is a cadre twice on a team, and a team's ids are searched there.
  if (members.size() >= UINT32_MAX) throw InvalidInput("more members than a team structure can hold", "members");
  std::vector<std::uint32_t> by_pair(members.size());
  for (std::size_t i = 0; i < by_pair.size(); ++i) by_pair[i] = static_cast<std::uint32_t>(i);
  const auto pair_of = [&](std::uint32_t i) { return std::tie(members[i].team_id, members[i].cadre_id); };
  std::sort(by_pair.begin(), by_pair.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto x = pair_of(a), y = pair_of(b);
    return x != y ? x < y : a < b;
  });
  std::size_t twice = members.size();
  for (std::size_t k = 1; k < by_pair.size(); ++k)
    if (pair_of(by_pair[k]) == pair_of(by_pair[k - 1])) twice = std::min<std::size_t>(twice, by_pair[k]);
  // talent.age.counting, read once for the call (a member's age is counted as age_on counts it)
  const bool year_difference = !members.empty() && detail::by_year_difference(policy, as_of, nullptr);
  for (std::size_t i = 0; i < members.size(); ++i) {
    const TeamMember &m = members[i];
    const auto rec = [i] { return "members[" + std::to_string(i) + "]"; };
    if (vocabulary::blank(m.team_id)) throw InvalidInput("team_id is empty", "team_id", rec());
    if (vocabulary::blank(m.cadre_id)) throw InvalidInput("cadre_id is empty", "cadre_id", rec());
    const auto [team, fresh] = index.insert(m.team_id, "team_id");
    if (fresh) {
      TeamStructure t;
      t.team_id = m.team_id;
      for (int c = 0; c < criterion_count; ++c) t.targets[c] = tp.min[c];
      teams.push_back(std::move(t));
    }
    if (i == twice) throw InvalidInput("the cadre is twice on the team", "cadre_id", rec());
    if (m.sex != Sex::male && m.sex != Sex::female) throw InvalidInput("unknown sex", "sex", rec());
    std::string eth, pol;
    int age = 0;
    try {
      eth = ethnic_group(m.ethnicity).code;
      pol = political_status(m.political_status).code;
      age = detail::age_counted(m.birth_date, as_of, year_difference);
    } catch (const InvalidInput &e) {
      throw InvalidInput(e.message(), e.field(), rec());
    }
    TeamStructure &t = teams[team];
    ++t.size;
    if (age <= tp.young_max_age) ++t.counts[0];
    if (m.sex == Sex::female) ++t.counts[1];
    if (eth != "01") ++t.counts[2];
    if (non_party_code(pol)) ++t.counts[3];
  }

  // Where each team's members begin in by_pair, and whether `id` is one of them.
  std::vector<std::uint32_t> team_first(teams.size());
  for (std::size_t k = 0; k < by_pair.size(); ++k)
    if (k == 0 || members[by_pair[k]].team_id != members[by_pair[k - 1]].team_id)
      team_first[static_cast<std::size_t>(index.find(members[by_pair[k]].team_id))] = static_cast<std::uint32_t>(k);
  const auto team_ids = [&](std::size_t ti) {
    const auto from = by_pair.begin() + team_first[ti];
    return std::span<const std::uint32_t>(from, from + teams[ti].size);
  };
  const auto on_team = [&](std::size_t ti, const std::string &id) {
    const auto ids = team_ids(ti);
    const auto below = [&](std::uint32_t row, const std::string &v) { return members[row].cadre_id < v; };
    const auto it = std::lower_bound(ids.begin(), ids.end(), id, below);
    return it != ids.end() && members[*it].cadre_id == id;
  };

  // Candidates: members (or excluded members) of any pool as of the date, judged once.
  std::vector<Cand> cands;
  // The candidates' ids (views of theirs, numbered as given: pools() refuses an id given twice)
  // and each one's place in cands, -1 for none.
  text_util::TextIndex cand_ids(candidates.size());
  std::vector<std::int32_t> cand_at;
  const auto cand_of = [&](std::string_view id) -> std::int64_t {
    const std::int64_t k = cand_ids.find(id);
    return k < 0 ? -1 : cand_at[static_cast<std::size_t>(k)];
  };
  Pools ps;  // the candidates' standing, whose reasons of exclusion the candidates point to
  if (!candidates.empty()) {
    ps = pools(candidates, sup, as_of, policy);
    if (candidates.size() >= static_cast<std::size_t>(INT32_MAX))
      throw InvalidInput("more candidates than a team structure can hold", "candidates");
    for (const auto &c : candidates) cand_ids.insert(c.person.id, "candidates");
    cand_at.assign(candidates.size(), -1);
    auto take = [&](const PoolEntry &e, bool excluded) {
      const std::int64_t found = cand_ids.find(e.cadre_id);
      if (found < 0) throw std::logic_error("team_structure: a pool entry of no candidate");
      const auto k = static_cast<std::size_t>(found);
      if (cand_at[k] < 0) {
        cand_at[k] = static_cast<std::int32_t>(cands.size());
        Cand c;
        c.cadre = &candidates[k];
        c.age = age_on(c.cadre->person.birth_date, as_of, policy);
        cands.push_back(std::move(c));
      }
      Cand &c = cands[static_cast<std::size_t>(cand_at[k])];
      if (std::find(c.pools.begin(), c.pools.end(), e.pool) == c.pools.end()) c.pools.push_back(e.pool);
      if (excluded && (!c.excluded || c.excluded->empty())) c.excluded = &e.reasons;
    };
    for (const auto &e : ps.members) take(e, false);
    for (const auto &e : ps.excluded)
      if (e.kind != "in_echelon1") take(e, true);  // in the first echelon: a member there
  }
  // Per criterion, the candidates with the attribute in the order a gap lists them.
  std::vector<std::uint32_t> order[criterion_count];
  for (std::size_t i = 0; i < cands.size(); ++i) {
    Cand &cd = cands[i];
    const Person &p = cd.cadre->person;
    cd.has[0] = cd.age <= tp.young_max_age;
    cd.has[1] = is_woman(p);
    cd.has[2] = is_ethnic_minority(p);
    cd.has[3] = is_non_party(p);
    if (std::find(std::begin(cd.has), std::end(cd.has), true) == std::end(cd.has)) continue;  // in no gap's list
    judge(cd, as_of, policy);
    for (int c = 0; c < criterion_count; ++c)
      if (cd.has[c]) order[c].push_back(static_cast<std::uint32_t>(i));
  }
  std::int64_t eligible_with[criterion_count] = {0, 0, 0, 0};
  for (int c = 0; c < criterion_count; ++c) {
    std::sort(order[c].begin(), order[c].end(), [&](std::uint32_t a, std::uint32_t b) {
      const Cand &x = cands[a], &y = cands[b];
      if (x.eligible != y.eligible) return x.eligible;
      return x.cadre->person.id < y.cadre->person.id;
    });
    for (auto i : order[c]) eligible_with[c] += cands[i].eligible;
  }

  std::vector<std::uint32_t> chosen;  // a gap's candidates, as indexes of cands
  for (std::size_t ti = 0; ti < teams.size(); ++ti) {
    TeamStructure &t = teams[ti];
    if (explain) {
      t.explanation = Explanation("team " + t.team_id);
      for (const auto &p : tp.used.parameters) t.explanation.add_parameter(p);
      t.explanation.add_input("size", n(t.size));
    }
    for (int c = 0; c < criterion_count; ++c) {
      const Criterion cr = static_cast<Criterion>(c);
      if (explain) t.explanation.add_input(criterion_name(cr), n(t.counts[c]));
      if (t.counts[c] >= t.targets[c]) continue;
      Gap g{cr, t.counts[c], t.targets[c], t.targets[c] - t.counts[c], {}, 0, 0};
      if (explain)
        t.explanation.add_rule({std::string("talent.team.gap.") + criterion_name(cr), "HURE.5",
                                std::string(criterion_zh(cr)) + n(t.counts[c]) + "名，少于" + n(t.targets[c]) + "名",
                                n(t.counts[c]) + " " + criterion_name(cr) + " member(s), fewer than " + n(t.targets[c])});
      if (!cands.empty()) {
        // Everyone with the attribute but the team's own members; the list is the first of them.
        g.candidate_count = static_cast<std::int64_t>(order[c].size());
        g.eligible_count = eligible_with[c];
        for (const std::uint32_t row : team_ids(ti)) {
          const std::int64_t k = cand_of(members[row].cadre_id);
          if (k < 0 || !cands[static_cast<std::size_t>(k)].has[c]) continue;
          --g.candidate_count;
          g.eligible_count -= cands[static_cast<std::size_t>(k)].eligible;
        }
        chosen.clear();
        for (std::size_t j = 0; j < order[c].size() && static_cast<std::int64_t>(chosen.size()) < max_candidates; ++j)
          if (!on_team(ti, cands[order[c][j]].cadre->person.id)) chosen.push_back(order[c][j]);
        for (auto i : chosen) g.candidates.push_back(listed(cands[i]));
        if (explain) {  // the years' parameters of the candidates listed, in the pools' order
          std::sort(chosen.begin(), chosen.end());
          for (auto i : chosen)
            if (!cands[i].years_param.empty()) (void)policy.integer(cands[i].years_param, as_of, &t.explanation);
        }
      }
      t.gaps.push_back(std::move(g));
    }
    if (explain && t.gaps.empty())
      t.explanation.add_rule({"talent.team.no_gap", "HURE.5", "班子结构达到各项目标", "the team meets every structure target"});
    if (explain && !t.gaps.empty()) {
      // A team with gaps: what decided are the targets missed; a target met is detail (its
      // minimum and count, and for the young the age limit and how age is counted).
      static constexpr std::string_view kMin[criterion_count] = {
          "talent.team.min_young", "talent.team.min_women", "talent.team.min_minority", "talent.team.min_non_party"};
      for (int c = 0; c < criterion_count; ++c) {
        const Criterion cr = static_cast<Criterion>(c);
        if (std::any_of(t.gaps.begin(), t.gaps.end(), [&](const Gap &g) { return g.criterion == cr; })) continue;
        t.explanation.mark_parameter_detail(kMin[c]);
        for (InputUsed &in : t.explanation.inputs)
          if (in.name == criterion_name(cr)) in.detail = true;
        if (cr == Criterion::young) {
          t.explanation.mark_parameter_detail("talent.team.young_max_age");
          t.explanation.mark_parameter_detail("talent.age.counting");
        }
      }
    }
  }
  return teams;
}

// ------------------------------------------------------------------------------------------
// Columnar kernel
// ------------------------------------------------------------------------------------------

namespace {
/// The latest birth day (days since 1970) of someone counted older than `max_age` on as_of:
/// young iff birth > this.
std::int32_t young_threshold(Date as_of, std::int64_t max_age, const Policy &policy) {
  const int y = static_cast<int>(as_of.year()) - static_cast<int>(max_age) - 1;
  if (y < 1401) return to_days(min_date()) - 1;
  Date guess = make_date(y, as_of.month(), std::min<int>(as_of.day(), 28)) + boost::gregorian::days(5);
  if (guess > as_of) guess = as_of;
  Date d = guess;
  while (d < as_of && age_on(d + boost::gregorian::days(1), as_of, policy) > max_age) d += boost::gregorian::days(1);
  while (age_on(d, as_of, policy) <= max_age) d -= boost::gregorian::days(1);
  return to_days(d);
}
}  // namespace

void team_structure_batch(const TeamColumns &in, std::size_t n_teams, Date as_of, const Policy &policy,
                          TeamOut out) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  const std::size_t n = in.team.size();
  auto need = [](std::size_t got, std::size_t want, const char *col) {
    if (got != want)
      throw InvalidInput("column has " + std::to_string(got) + " rows, expected " + std::to_string(want), col);
  };
  need(in.sex.size(), n, "sex");
  need(in.birth_date.size(), n, "birth_date");
  need(in.ethnicity.size(), n, "ethnicity");
  need(in.political_status.size(), n, "political_status");
  need(out.size.size(), n_teams, "size");
  need(out.young.size(), n_teams, "young");
  need(out.women.size(), n_teams, "women");
  need(out.minority.size(), n_teams, "minority");
  need(out.non_party.size(), n_teams, "non_party");
  need(out.gaps.size(), n_teams, "gaps");
  const TeamParams tp = load_team(policy, as_of);
  const std::int32_t today = to_days(as_of);
  const std::int32_t young_after = young_threshold(as_of, tp.young_max_age, policy);
  const std::int32_t earliest = to_days(min_date());
  // Check every row first: nothing is written on bad input.
  for (std::size_t i = 0; i < n; ++i) {
    auto bad = [&](const char *msg, const char *col) {
      throw InvalidInput(msg, col, "row " + std::to_string(i + 1));
    };
    if (in.team[i] < 0 || static_cast<std::size_t>(in.team[i]) >= n_teams) bad("team index out of range", "team");
    if (in.sex[i] != 1 && in.sex[i] != 2) bad("sex must be 1 or 2", "sex");
    if (in.birth_date[i] > today) bad("birth date after the as-of date", "birth_date");
    if (in.birth_date[i] < earliest) bad("birth date out of range", "birth_date");
    if (in.ethnicity[i] < 1 || in.ethnicity[i] > 56) bad("ethnicity must be a GB 3304 code 1..56", "ethnicity");
    if (in.political_status[i] < 1 || in.political_status[i] > 13)
      bad("political_status must be a GB/T 4762 code 1..13", "political_status");
  }
  // One pass over the members into one packed counter per team: the team index is random
  // (members in any order), so each member costs one cache line here, not one in each of five
  // output columns — at 10^6 teams the five columns are 20 MB of scattered writes.
  struct Counts {
    std::int32_t size, young, women, minority, non_party;
  };
  std::vector<Counts> c(n_teams, Counts{0, 0, 0, 0, 0});
  for (std::size_t i = 0; i < n; ++i) {
    Counts &k = c[static_cast<std::size_t>(in.team[i])];
    k.size += 1;
    k.young += in.birth_date[i] > young_after;
    k.women += in.sex[i] == 2;
    k.minority += in.ethnicity[i] != 1;
    k.non_party += in.political_status[i] > 2;
  }
  for (std::size_t t = 0; t < n_teams; ++t) {
    const Counts &k = c[t];
    out.size[t] = k.size;
    out.young[t] = k.young;
    out.women[t] = k.women;
    out.minority[t] = k.minority;
    out.non_party[t] = k.non_party;
    std::uint8_t g = 0;
    if (k.young < tp.min[0]) g |= 1;
    if (k.women < tp.min[1]) g |= 2;
    if (k.minority < tp.min[2]) g |= 4;
    if (k.non_party < tp.min[3]) g |= 8;
    out.gaps[t] = g;
  }
}

}  // namespace cadrekit::talent

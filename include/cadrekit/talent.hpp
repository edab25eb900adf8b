// HURE (库伦旗): pools of young, women, ethnic-minority and non-party (女少非) cadres, the
// structure of leadership teams, one growth file per person and the postings that fill its
// gaps. Rule catalog HURE.1–HURE.5; docs/talent.md.
//
// Every criterion is a `talent.*` (or `promotion.*`) parameter of the policy; every function
// takes its as-of date; every decision carries its reasons (zh/en) and, on request, an
// Explanation. Supervision applies to pool members as to anyone (HURE.5): a red line of the
// assessment module or an open disposal case excludes a cadre, with the reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::talent {

// ------------------------------------------------------------------------------------------
// Age as the policy counts it
// ------------------------------------------------------------------------------------------

/// Age of someone born on `birth` as of `as_of` as the policy counts it
/// (`talent.age.counting`: "whole_years" = 周岁, the birthday itself counts, an anniversary on
/// 29 February falls on 1 March in common years; "year_difference" = as_of's year minus the
/// birth year). InvalidInput naming "birth_date" when as_of is before birth.
int age_on(Date birth, Date as_of, const Policy &policy, Explanation *ex = nullptr);
/// The first day on which the policy (in force on `as_of`) counts the person as `age` years old.
Date date_of_age(Date birth, int age, const Policy &policy, Date as_of);

// ------------------------------------------------------------------------------------------
// Pools (HURE.1)
// ------------------------------------------------------------------------------------------

/// The three pools. Values are stable (C ABI).
enum class Pool : std::uint8_t {
  echelon1 = 0,   ///< 第一梯队: young section-level leaders
  echelon2 = 1,   ///< 第二梯队: civil servants under the age limit and selected graduates
  nvshaofei = 2,  ///< “女少非”: women, minority and non-party cadres with strong results
};
inline constexpr int pool_count = 3;
Pool parse_pool(std::string_view text, std::string_view field = "pool");
const char *pool_name(Pool p) noexcept;
const char *pool_name_zh(Pool p) noexcept;

/// A cadre considered for the pools: the core record plus what the pools need.
struct Cadre {
  Person person;
  bool civil_servant = false;      ///< 公务员
  bool selected_graduate = false;  ///< 选调生
  /// At the current rank since; empty = the earliest start of the current posts at person.rank.
  std::optional<Date> rank_since;
};

/// One reason: a stable code, Chinese and English text (ids and numbers, never personal values).
struct Reason {
  std::string code;
  std::string zh;
  std::string en;
  friend bool operator==(const Reason &, const Reason &) = default;
};

/// A cadre's standing in one pool.
struct PoolEntry {
  std::string cadre_id;
  Pool pool = Pool::echelon1;
  std::vector<Reason> reasons;  ///< member: every criterion met; otherwise what is missing
  /// near misses: "ages_out" (a member who leaves within talent.near_miss.months) or
  /// "misses_one" (not a member only because of one near criterion); excluded: "red_line" /
  /// "open_disposal_case", or "in_echelon1" (meets the second echelon's criteria but belongs
  /// to the first: the echelons do not overlap); members: empty.
  std::string kind;
  std::optional<Date> date;     ///< ages_out: the day the member leaves
  Explanation explanation;      ///< when asked for
};

struct PoolSize {
  Pool pool = Pool::echelon1;
  std::int64_t members = 0;
  std::int64_t target = 0;  ///< talent.<pool>.size
};

/// What the pools are decided on besides the cadres.
struct Supervision {
  std::span<const assessment::Record> assessments;  ///< annual results (and anything screen() reads)
  std::span<const assessment::Finding> findings;
  std::span<const assessment::DisposalCase> disposal_cases;
};

struct Pools {
  Date as_of;
  std::vector<PoolEntry> members;      ///< by pool, then cadre id
  std::vector<PoolEntry> near_misses;  ///< by pool, then cadre id
  std::vector<PoolEntry> excluded;     ///< meet every criterion but are excluded (red line, open case, in echelon 1)
  std::vector<PoolSize> sizes;         ///< one per pool
};

/// Whether a disposal case is open on `as_of` (its log read up to that day; a case with no
/// event yet counts as open).
bool open_on(const assessment::DisposalCase &c, Date as_of);

/// Pool membership as of a date. InvalidInput naming the field and record ("cadres[2]") for
/// bad input and duplicate cadre ids.
Pools pools(std::span<const Cadre> cadres, const Supervision &sup, Date as_of, const Policy &policy,
            bool explain = false);

/// Columnar input of the pools kernel: one row per cadre, codes as numbers.
struct PoolColumns {
  std::span<const std::int32_t> birth_date;         ///< days since 1970-01-01
  std::span<const std::uint8_t> sex;                ///< 1 male, 2 female (GB/T 2261.1)
  std::span<const std::uint8_t> ethnicity;          ///< GB 3304 code 1..56 (1 = 汉族)
  std::span<const std::uint8_t> political_status;   ///< GB/T 4762 code 1..13 (0 = unknown: an error, as in pools())
  std::span<const std::uint8_t> rank;               ///< Rank 0..6
  std::span<const std::uint8_t> civil_servant;      ///< 0 / 1
  std::span<const std::uint8_t> selected_graduate;  ///< 0 / 1
  /// 1 = a red line or an open disposal case excludes the cadre (as pools() finds from its
  /// Supervision), 0 = none; empty = none for every row.
  std::span<const std::uint8_t> supervised;
};
/// Annual ratings for the pools kernel: one row per cadre and year, in any order (the annual
/// records of pools()' assessments).
struct RatingColumns {
  std::span<const std::int32_t> cadre;   ///< row of PoolColumns; -1 = not one of the cadres (not read)
  std::span<const std::int32_t> year;
  std::span<const std::uint8_t> rating;  ///< assessment::Rating 0..9
};
/// Per-cadre outputs of the pools kernel, each of size n (the caller's memory). Bit p of a mask
/// is Pool p: `member` — in members; `near_miss` — in near_misses ("ages_out" for a member,
/// "misses_one" otherwise); `excluded` — in excluded (supervised, or echelon2 "in_echelon1").
struct PoolOut {
  std::span<std::uint8_t> member;
  std::span<std::uint8_t> near_miss;
  std::span<std::uint8_t> excluded;
  std::span<std::int32_t> age;  ///< age on as_of as talent.age.counting counts it
};
/// The pools kernel over columns: the decisions of pools() for every row (its members,
/// near misses and exclusions as bit masks), no allocation per row but one byte per cadre and
/// year of the 女少非 window. Every row of both tables is checked first; InvalidInput naming the
/// column ("ratings.year" for the second table) and "row N" leaves the outputs unwritten. Two
/// ratings of one cadre for one year of the window are an error; ratings of other years are
/// not read.
void pools_columns(const PoolColumns &in, const RatingColumns &ratings, Date as_of, const Policy &policy,
                   PoolOut out);

/// One change of membership between two dates.
struct PoolChange {
  std::string cadre_id;
  Pool pool = Pool::echelon1;
  bool entered = false;         ///< true: entered; false: left
  std::vector<Reason> reasons;  ///< entered: why a member at `to`; left: what is missing at `to`
};
/// Who entered and who left each pool between `from` and `to` (from < to), and why.
std::vector<PoolChange> pool_changes(std::span<const Cadre> cadres, const Supervision &sup,
                                     Date from, Date to, const Policy &policy);

// ------------------------------------------------------------------------------------------
// Team structure (HURE.5)
// ------------------------------------------------------------------------------------------

/// The four structure criteria, in this order everywhere; bit i of a gap mask = criterion i.
enum class Criterion : std::uint8_t { young = 0, women = 1, minority = 2, non_party = 3 };
inline constexpr int criterion_count = 4;
const char *criterion_name(Criterion c) noexcept;

struct TeamMember {
  std::string team_id;
  std::string cadre_id;
  Sex sex = Sex::male;
  Date birth_date;
  std::string ethnicity = "01";
  std::string political_status = "13";
};

/// A candidate from the pools for one gap.
struct Candidate {
  std::string cadre_id;
  std::vector<Pool> pools;
  bool eligible = false;
  std::vector<Reason> reasons;  ///< eligible: why; otherwise what excludes (years at rank, red line, open case)
};

struct Gap {
  Criterion criterion = Criterion::young;
  std::int64_t have = 0;
  std::int64_t target = 0;
  std::int64_t missing = 0;
  /// The first `max_candidates` of those who would fill the gap: eligible first, then by id.
  std::vector<Candidate> candidates;
  std::int64_t candidate_count = 0;  ///< everyone who would fill it, listed or not
  std::int64_t eligible_count = 0;   ///< of those, the eligible
};

struct TeamStructure {
  std::string team_id;
  std::int64_t size = 0;
  std::int64_t counts[criterion_count] = {0, 0, 0, 0};   ///< young, women, minority, non_party
  std::int64_t targets[criterion_count] = {0, 0, 0, 0};  ///< talent.team.min_*
  std::vector<Gap> gaps;
  Explanation explanation;
};

/// How many candidates a gap lists unless the caller says otherwise. Every gap would otherwise
/// list every pool member with the attribute, so that the output grew as teams × candidates.
inline constexpr std::int64_t kCandidatesListed = 20;

/// Counts, targets and gaps of every team (teams in order of first appearance). When
/// `candidates` is not empty, each gap lists the pool members who would fill it: members of a
/// pool as of as_of with the attribute, not already on the team, eligible when their years at
/// rank reach promotion.min_years_at_rank.<step> and no red line or open case excludes them.
/// A gap lists at most `max_candidates` of them (eligible first, then by id; 0 lists none) and
/// counts them all (`candidate_count`, `eligible_count`). A negative `max_candidates` is
/// InvalidInput naming it.
std::vector<TeamStructure> team_structure(std::span<const TeamMember> members, Date as_of,
                                          const Policy &policy, std::span<const Cadre> candidates,
                                          const Supervision &sup, bool explain,
                                          std::int64_t max_candidates);
/// The same, listing at most kCandidatesListed candidates a gap.
std::vector<TeamStructure> team_structure(std::span<const TeamMember> members, Date as_of,
                                          const Policy &policy,
                                          std::span<const Cadre> candidates = {},
                                          const Supervision &sup = {}, bool explain = false);

/// The policy parameters the pools depend on (ages, ranks, results, sizes, near misses), in
/// force on `as_of`: every parameter an entry's explanation can name.
std::vector<ParamUsed> pool_parameters(const Policy &policy, Date as_of);
/// The policy parameters the team structure depends on (the young age and the minimum counts).
std::vector<ParamUsed> team_parameters(const Policy &policy, Date as_of);

/// Columnar input of the batch path: one row per member.
struct TeamColumns {
  std::span<const std::int32_t> team;              ///< team index 0 .. n_teams-1 (any order)
  std::span<const std::uint8_t> sex;               ///< 1 male, 2 female (GB/T 2261.1)
  std::span<const std::int32_t> birth_date;        ///< days since 1970-01-01
  std::span<const std::uint8_t> ethnicity;         ///< GB 3304 code 1..56 (1 = 汉族)
  std::span<const std::uint8_t> political_status;  ///< GB/T 4762 code 1..13
};
/// Per-team outputs, each of size n_teams (the caller's memory).
struct TeamOut {
  std::span<std::int32_t> size;
  std::span<std::int32_t> young;
  std::span<std::int32_t> women;
  std::span<std::int32_t> minority;
  std::span<std::int32_t> non_party;
  std::span<std::uint8_t> gaps;  ///< bit i set = criterion i below its target
};
/// The team-structure kernel over columns; no allocation per row. Every row is checked first;
/// InvalidInput naming the column and "row N" leaves the outputs unwritten.
void team_structure_batch(const TeamColumns &in, std::size_t n_teams, Date as_of,
                          const Policy &policy, TeamOut out);

// ------------------------------------------------------------------------------------------
// Growth file, gaps and postings (HURE.1–HURE.4)
// ------------------------------------------------------------------------------------------

/// Kinds of experience in a growth file.
enum class PostingKind : std::uint8_t {
  post = 0,              ///< an ordinary post
  village_residency = 1, ///< 驻村
  secondment = 2,        ///< 挂职 to region or city departments (upward)
  frontline = 3,         ///< 基层一线: one area and a few households
  exchange = 4,          ///< 交流 across departments, sectors, areas
};
PostingKind parse_posting_kind(std::string_view text, std::string_view field = "kind");
const char *posting_kind_name(PostingKind k) noexcept;

struct Posting {
  PostingKind kind = PostingKind::post;
  Date from;
  std::optional<Date> until;     ///< exclusive; empty = ongoing
  std::string unit;
  std::string sector;            ///< department / sector / area, for distinct sectors
  bool grassroots = false;       ///< at township, village or community level (village residency and frontline always are)
  bool principal = false;        ///< 党政正职 / 一把手
  std::string level;             ///< secondment: "region" | "city" | ...
  std::string area;              ///< frontline: the area covered
  std::int64_t households = 0;   ///< frontline: households helped
};

struct Training {
  std::string topic;  ///< e.g. "bilingual" (蒙汉双语)
  Date from;
  std::optional<Date> until;
};

struct AnnualResult {
  int year = 0;
  assessment::Rating rating = assessment::Rating::none;
};

/// 一人一档: the growth file of one cadre.
struct GrowthFile {
  std::string cadre_id;
  Rank rank = Rank::keyuan;
  std::optional<Date> rank_since;
  std::vector<Posting> postings;
  std::vector<Training> trainings;
  std::vector<AnnualResult> results;
};
/// InvalidInput naming the field ("postings[2].until") and the cadre id.
void validate(const GrowthFile &g);

struct GrowthFigures {
  std::int64_t grassroots_days = 0;
  int grassroots_years = 0;        ///< whole years of the days at grassroots (365-day years)
  int distinct_sectors = 0;
  int secondments_upward = 0;
  int principal_posts = 0;
  std::optional<int> years_at_rank;  ///< empty when rank_since is unknown
  std::int64_t days_at_rank = 0;
};
GrowthFigures growth_figures(const GrowthFile &g, Date as_of);

/// The gaps of HURE.2–HURE.4.
enum class GapKind : std::uint8_t {
  no_grassroots = 0,      ///< → village_residency
  narrow_view = 1,        ///< → secondment (upward)
  single_track = 2,       ///< → exchange
  no_principal_post = 3,  ///< → hard_post
};
inline constexpr int gap_kind_count = 4;
const char *gap_kind_name(GapKind k) noexcept;
/// "village_residency" | "secondment" | "exchange" | "hard_post".
const char *posting_for(GapKind k) noexcept;

struct CareerGap {
  GapKind gap = GapKind::no_grassroots;
  std::string posting;    ///< posting_for(gap)
  std::int64_t value = 0;     ///< the cadre's figure
  std::int64_t threshold = 0; ///< the policy's threshold (a gap when value < threshold)
  std::string parameter;      ///< the policy parameter of the threshold
  Reason reason;
};
std::vector<CareerGap> career_gaps(const GrowthFile &g, Date as_of, const Policy &policy,
                                   Explanation *ex = nullptr);

/// Places available per posting ("village_residency" → 378).
struct Places {
  std::string posting;
  std::int64_t places = 0;
};
struct Proposal {
  std::string cadre_id;
  std::string posting;
  GapKind gap = GapKind::no_grassroots;
  bool placed = false;     ///< false: waiting, no place left
  std::int64_t order = 0;  ///< 1-based position in the posting's queue
  Reason reason;
};
/// A proposed set of postings for a pool: for each posting with places, the cadres with its gap
/// queued by the size of the gap (largest first: fewest grassroots days, fewest sectors …),
/// ties by cadre id; the first `places` are placed, the rest wait. A posting without places
/// given places nobody.
std::vector<Proposal> propose_postings(std::span<const GrowthFile> files, std::span<const Places> places,
                                       Date as_of, const Policy &policy);

// ------------------------------------------------------------------------------------------
// JSON forms (docs/talent.md), shared by the C ABI and the Python module
// ------------------------------------------------------------------------------------------

/// {"as_of", "cadres":[{"id"|"cadre_id","sex","birth_date","ethnicity","political_status","rank",
/// "rank_since","civil_servant","selected_graduate", other person members}], "assessments":[...],
/// "findings":[...], "disposal_cases":[case JSON...], "explain":false}
/// -> {"as_of","members":[{"cadre_id","pool","reasons":[{"code","zh","en"}]}],"near_misses":[...
/// "kind","date"],"excluded":[...],"sizes":[{"pool","members","target"}]}.
std::string pools_json(std::string_view request_json, const Policy &policy);
/// {"from","to", as pools_json otherwise} -> {"changes":[{"cadre_id","pool","change","reasons"}]}.
std::string pool_changes_json(std::string_view request_json, const Policy &policy);
/// {"as_of","members":[{"team_id","cadre_id","sex","birth_date","ethnicity","political_status"}],
/// "candidates":[cadres as in pools_json],"assessments","findings","disposal_cases","explain"}
/// -> {"teams":[{"team_id","size","young","women","minority","non_party","shares":{...},
/// "targets":{...},"gaps":[{"criterion","have","target","missing","candidates":[...],
/// "candidate_count","eligible_count"}]}]}; the request's "max_candidates" (default
/// kCandidatesListed) bounds each gap's list.
std::string team_structure_json(std::string_view request_json, const Policy &policy);
/// {"as_of","growth_file":{...}} -> {"cadre_id","figures":{...},"gaps":[{"gap","posting",
/// "value","threshold","parameter","reason"}],"explanation"}.
std::string gaps_json(std::string_view request_json, const Policy &policy);
/// {"as_of","growth_files":[...],"places":{"village_residency":378,...}} -> {"proposals":[...]}.
std::string postings_json(std::string_view request_json, const Policy &policy);

}  // namespace cadrekit::talent

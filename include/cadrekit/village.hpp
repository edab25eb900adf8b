// Village cadre pay and incentives (JARUD, 扎鲁特旗): structured pay of the principals of the
// village committees (基础工资 + 绩效工资), grading of village teams within each township,
// selection of village heads for public-institution pay, the subsidy after leaving, and the
// yearly budget. Every number is a parameter `village.*` of the policy; every rule is stated
// in docs/village.md. Nothing reads the clock: every call takes its year or as-of date.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/number.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::village {

// ---------------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------------

/// The post of a principal (两委正职). `both` is 一肩挑: secretary and director in one person.
enum class Post : std::uint8_t { secretary = 0, director = 1, both = 2 };

/// A village team's grade within its township. `not_graded`: the village lacks scores.
enum class TeamGrade : std::uint8_t { outstanding = 0, good = 1, ordinary = 2, not_graded = 3 };

/// A principal's grade, mapped 1:1 from the team grade (source: 班子等次与正职等次相对应).
enum class Grade : std::uint8_t { excellent = 0, basic = 1, unqualified = 2, not_graded = 3 };

const char *post_code(Post p) noexcept;            ///< "secretary" | "director" | "both"
Post parse_post(std::string_view code, std::string_view record = {});  ///< InvalidInput if unknown
const char *team_grade_code(TeamGrade g) noexcept;  ///< "outstanding" | "good" | "ordinary" | "not_graded"
const char *team_grade_zh(TeamGrade g) noexcept;    ///< 实绩突出 | 比较突出 | 一般 | 未评定
const char *team_grade_en(TeamGrade g) noexcept;    ///< "Outstanding" | "Good" | "Ordinary" | "Not graded"
const char *grade_code(Grade g) noexcept;           ///< "excellent" | "basic" | "unqualified" | "not_graded"
const char *grade_zh(Grade g) noexcept;             ///< 优秀 | 基本合格 | 不合格 | 未评定
const char *grade_en(Grade g) noexcept;             ///< "Excellent" | "Basically qualified" | "Unqualified" | "Not graded"
/// Accepts the code or the Chinese label; InvalidInput otherwise.
Grade parse_grade(std::string_view text, std::string_view record = {});
/// The source's mapping: 实绩突出 → 优秀, 比较突出 → 基本合格, 一般 → 不合格.
Grade personal_grade(TeamGrade g) noexcept;

/// A village (嘎查村) with its population as of the pay year.
struct Village {
  std::string village_id;
  std::string name;
  std::string township;  ///< 苏木镇
  std::int64_t population = 0;
};

/// A principal's service in one village and post. `served_to` empty: still serving.
struct Principal {
  std::string cadre_id;
  std::string name;
  std::string village_id;
  Post post = Post::secretary;
  Date served_from;
  std::optional<Date> served_to;
};

/// One assessment score of a village: `period` is "2016Q1" … "2016Q4" (quarterly) or
/// "2016" (annual). Exact decimal, at most 4 decimal places, 0 ≤ score ≤ 1,000,000.
struct Score {
  std::string village_id;
  std::string period;
  Rational score;
};

// ---------------------------------------------------------------------------------------------
// Structured pay (JARUD.1)
// ---------------------------------------------------------------------------------------------

/// A follow-up action for a principal graded 不合格.
struct Action {
  std::string_view kind;  ///< "admonishment_talk" (诫勉谈话) | "rectification" (限期整改) (static text)
  Date due;
};

/// Actions as one table cell, `kind:due;…` (`admonishment_talk:2017-01-30;rectification:…`, empty
/// for none): the form of the command line's CSV and workbooks and of Python's DataFrames. The
/// JSON forms keep them as the array of actions_json.
std::string actions_text(std::span<const Action> actions);
/// Actions as the JSON forms write them (a pay line's "actions" in pay_sheet_json and
/// pay_sheet_to_json, the command line's JSON output): `[{"kind":"…","due":"YYYY-MM-DD"},…]`,
/// `[]` for none.
std::string actions_json(std::span<const Action> actions);

struct PaySheetOptions {
  /// The date the year's grades are fixed; actions are due from it, and performance pay goes to
  /// the principals in post on it (village.performance_pay.proration = none). Default: 31 Dec
  /// of the year.
  std::optional<Date> graded_on;
  /// Build an explanation for each line (costly for very large sheets).
  bool explain = true;
  /// Cadre ids of the principals selected for public-institution pay (JARUD.2): each of their
  /// lines gets village.selection.yearly_pay (prorated as the base pay), in addition to the
  /// structured pay or instead of the base pay as village.selection.pay_mode says. InvalidInput
  /// for an id with no line in the year or listed twice.
  std::vector<std::string> holders;
};

namespace detail {
struct SheetData;
}

/// One village of a pay sheet. The string views point into the sheet's storage: valid as long
/// as the PaySheet (or a copy of it) lives.
struct VillageResult {
  std::string_view village_id;
  std::string_view township;
  std::optional<Rational> composite;  ///< empty: scores missing
  int rank = 0;                       ///< competition rank in the township (1 = best); 0 if not graded
  int graded_in_township = 0;         ///< villages graded in the township
  TeamGrade team_grade = TeamGrade::not_graded;
  std::string missing;                ///< the periods missing, e.g. "2016Q3,2016"
};

/// One principal's line of a pay sheet, built on access from the sheet's columns. The string
/// views and `explanation` point into the sheet's storage: valid as long as the PaySheet (or a
/// copy of it) lives.
struct PayLine {
  std::size_t principal = 0;  ///< the position of its principal among the principals given
  std::size_t village = 0;    ///< the position of its village among the villages given
  std::string_view cadre_id;
  std::string_view village_id;
  std::string_view township;
  Post post = Post::secretary;
  int months = 0;           ///< months paid (whole_months); days when proration = days
  int period_units = 12;    ///< 12 (months) or the days of the year
  Money base;
  Money performance;
  Money public_institution;  ///< selected principals only (PaySheetOptions::holders)
  Money total;               ///< base + performance + public_institution
  TeamGrade team_grade = TeamGrade::not_graded;
  Grade grade = Grade::not_graded;
  std::vector<Action> actions;
  Date served_from;
  std::optional<Date> served_to;        ///< empty: still serving
  bool in_post_at_year_end = false;     ///< serving on 31 December of the year
  const Explanation *explanation = nullptr;  ///< null unless options.explain
};

/// A read-only, random-access range over a sheet's lines or villages (elements by value).
template <class T>
class SheetRange {
 public:
  class iterator {
   public:
    using value_type = T;
    using reference = T;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const SheetRange *r, std::size_t i) : r_(r), i_(i) {}
    T operator*() const { return (*r_)[i_]; }
    iterator &operator++() { ++i_; return *this; }
    iterator operator++(int) { iterator t = *this; ++i_; return t; }
    bool operator==(const iterator &o) const { return i_ == o.i_; }
   private:
    const SheetRange *r_ = nullptr;
    std::size_t i_ = 0;
  };
  std::size_t size() const noexcept { return n_; }
  bool empty() const noexcept { return n_ == 0; }
  T operator[](std::size_t i) const;  ///< i < size()
  T at(std::size_t i) const;          ///< std::out_of_range beyond size()
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, n_}; }

 private:
  friend struct detail::SheetData;
  friend class PaySheet;
  std::shared_ptr<const detail::SheetData> d_;
  std::size_t n_ = 0;
};

struct Totals {
  std::string township;  ///< empty for the banner
  std::int64_t villages = 0;
  std::int64_t principals = 0;  ///< pay lines
  Money base;
  Money performance;
  Money public_institution;
  Money total;
};

/// The year's pay sheet. Stored column-wise (no object per line); `lines` and `villages` build
/// a PayLine / VillageResult on access. Copies share the storage (cheap, immutable).
class PaySheet {
 public:
  int year = 0;
  SheetRange<PayLine> lines;          ///< in the order of the principals given
  SheetRange<VillageResult> villages; ///< in the order of the villages given
  std::vector<Totals> townships;      ///< sorted by township name (byte order)
  Totals banner;

 private:
  friend struct detail::SheetData;
};

template <>
PayLine SheetRange<PayLine>::operator[](std::size_t i) const;
template <>
PayLine SheetRange<PayLine>::at(std::size_t i) const;
template <>
VillageResult SheetRange<VillageResult>::operator[](std::size_t i) const;
template <>
VillageResult SheetRange<VillageResult>::at(std::size_t i) const;

/// The year's pay sheet. Principals whose service does not touch the year get no line.
/// InvalidInput (naming the field and record) for unknown villages, duplicate ids, bad periods
/// or scores, served_to before served_from, a negative population, a cadre listed twice in
/// one village with overlapping service (use post "both").
PaySheet pay_sheet(const std::vector<Village> &villages, const std::vector<Principal> &principals,
                   const std::vector<Score> &scores, int year, const Policy &policy,
                   const PaySheetOptions &options = {});

/// The 7-calendar-day publicity window of quarterly results published on `start`.
DateRange publicity_window(Date start, const Policy &policy, Explanation *ex = nullptr);
/// The window of each quarter of `year`, publication on the first day of the next quarter
/// unless `starts` gives the dates (assumed default, docs/village.md).
std::array<DateRange, 4> quarterly_publicity_windows(
    int year, const Policy &policy, const std::optional<std::array<Date, 4>> &starts = {});

// ---------------------------------------------------------------------------------------------
// Public-institution pay selection (JARUD.2)
// ---------------------------------------------------------------------------------------------

/// At least village.selection.min_share_per_year of the villages, exact: 206 → 11, 200 → 10.
std::int64_t selection_quota(std::int64_t n_villages, int year, const Policy &policy,
                             Explanation *ex = nullptr);

/// Largest remainder (Hamilton) allocation of `quota` to townships by their number of
/// villages. Tie-break of equal remainders: more villages first, then township name in byte
/// order. InvalidInput if quota < 0, quota > total villages, or a count < 0.
std::map<std::string, std::int64_t> allocate_quota(
    const std::map<std::string, std::int64_t> &villages_per_township, std::int64_t quota);

/// The year's quota and how it is allocated, by `village.selection.allocation`:
/// "township" (allocate_quota by number of villages) or "banner" (one banner-wide pool).
struct QuotaAllocation {
  std::string method;                                 ///< "township" | "banner"
  std::int64_t quota = 0;
  std::map<std::string, std::int64_t> per_township;  ///< empty when banner-wide
  Explanation explanation;
};
/// `quota` empty: selection_quota of the townships' villages in total.
QuotaAllocation allocate_selection(const std::map<std::string, std::int64_t> &villages_per_township, int year,
                                   const Policy &policy, std::optional<std::int64_t> quota = std::nullopt);

struct Funnel {
  std::int64_t places = 0;
  std::int64_t initial = 0;      ///< 1:3 → 3·places
  std::int64_t prospective = 0;  ///< 1:2 → 2·places
  std::int64_t formal = 0;       ///< ⌈(1 + 20 %)·places⌉
};
Funnel funnel(std::int64_t places, int year, const Policy &policy, Explanation *ex = nullptr);

struct Applicant {
  std::string cadre_id;
  std::optional<Post> post;   ///< current post; empty: not a principal now
  Date in_post_since;         ///< start of the current continuous service as principal
  Date birth_date;
  std::map<int, Grade> grades;  ///< personal grade by year
};
struct Eligibility {
  std::string cadre_id;
  bool eligible = false;
  std::vector<std::string> failed;  ///< rule ids that failed, e.g. "village.selection.max_age"
  Explanation explanation;
};
/// Eligibility on `as_of`: in post as secretary/director/both; ≥ min_years_in_post whole years;
/// age ≤ max_age; no 不合格 in the clean_grade_years years before as_of's year.
Eligibility eligibility(const Applicant &a, Date as_of, const Policy &policy);

/// The lists one township produced for `places` seats, and the dates of each step.
struct TownshipLists {
  std::int64_t places = 0;
  std::vector<std::string> eligible;     ///< publicised list of eligible applicants
  std::optional<Date> eligible_publicised_on;
  std::vector<std::string> initial;      ///< 初步人选
  std::optional<Date> initial_on;        ///< date of the enlarged meeting
  std::vector<std::string> prospective;  ///< 预备人选
  std::vector<std::string> formal;       ///< 正式候选人
  std::vector<std::string> selected;     ///< 拟选聘人选
  std::optional<Date> selected_publicised_on;
  std::optional<Date> certified_on;      ///< certificates issued
};
struct Problem {
  std::string stage;    ///< "eligible" | "initial" | "prospective" | "formal" | "selected"
  std::string code;     ///< "size" | "not_from_previous" | "duplicate" | "publicity" | "missing_date"
  std::string cadre_id; ///< when the problem is one name
  std::string message_en;
  std::string message_zh;
};
/// Everything wrong with the lists (empty: all correct). Sizes must be exactly the funnel's,
/// or the whole previous list when it is shorter; `selected` must have exactly `places`.
std::vector<Problem> check_lists(const TownshipLists &lists, int year, const Policy &policy,
                                 const WorkCalendar &calendar);

struct Renewal {
  std::string cadre_id;
  bool renewed = false;  ///< the treatment goes on into the next year
  /// "renewed" (the term ended and is renewed) | "continues" (the term runs on) |
  /// "unqualified" | "left_post" | "not_graded" (an ending condition of the policy)
  std::string reason;
  int term_ends = 0;     ///< last year of the holder's current term
  Explanation explanation;
};
struct Holder {
  std::string cadre_id;
  bool in_post = true;          ///< still secretary/director at the end of the year
  std::optional<Grade> grade;   ///< the year's personal grade
  /// First year of the holder's current term (selected or last renewed); needed when
  /// village.selection.term_years > 1, else the term is the year itself.
  std::optional<int> term_from;
};
/// 一年一评、一年一聘 at the end of `year`: the treatment ends on any ending condition of the
/// policy in force (village.selection.end.left_post / .unqualified / .not_graded, each
/// assumed); otherwise it is renewed when the holder's term of village.selection.term_years
/// years ends in `year` and continues when it does not. InvalidInput for a holder listed twice,
/// or without term_from when the term is longer than a year.
std::vector<Renewal> renewals(const std::vector<Holder> &holders, int year, const Policy &policy);

// ---------------------------------------------------------------------------------------------
// Subsidy after leaving (JARUD.3)
// ---------------------------------------------------------------------------------------------

struct Term {
  std::string cadre_id;
  std::string village_id;
  Date served_from;
  std::optional<Date> served_to;
};
struct SubsidyStatus {
  std::string cadre_id;
  /// Service as principal up to 31 Dec of the year, by exact dates: the days served (terms
  /// merged where they overlap) counted from the first day (village.subsidy.gaps = join) or the
  /// longest unbroken term (continuous), as whole years, months and days from that day.
  std::int64_t days = 0;     ///< days served that count
  int years = 0, months_part = 0, days_part = 0;
  std::int64_t months = 0;   ///< whole months of that service (12 × years + months_part)
  bool serving = false;      ///< in post on 31 Dec of the year
  bool eligible = false;     ///< not serving, and years ≥ village.subsidy.min_years
  bool newly_eligible = false;  ///< eligible in `year` but not in year − 1
  Money amount;              ///< yearly subsidy when eligible
  Explanation explanation;
};
/// Status of every cadre of `terms` for `year` (sorted by cadre id).
std::vector<SubsidyStatus> subsidies(const std::vector<Term> &terms, int year,
                                     const Policy &policy);

// ---------------------------------------------------------------------------------------------
// Budget (JARUD.4)
// ---------------------------------------------------------------------------------------------

struct Budget {
  int year = 0;
  std::string policy;  ///< profile name
  Money base;
  Money performance;
  /// The sheet's public-institution pay (holders named on it) + holders counted only ×
  /// village.selection.yearly_pay
  Money public_institution;
  Money subsidies;
  Money total;
  Explanation explanation;
};
/// The year's budget from its pay sheet: the sheet's banner totals (its holders' public-
/// institution pay included), `holders` more holders known only by their number (their pay
/// in addition: InvalidInput when village.selection.pay_mode is replace_base, which needs to
/// know whose base pay is replaced), and the subsidies.
Budget budget(const PaySheet &sheet, std::int64_t holders, const std::vector<SubsidyStatus> &subs,
              const Policy &policy);
struct BudgetInput {
  std::vector<Village> villages;
  std::vector<Principal> principals;
  std::vector<Score> scores;
  std::int64_t holders = 0;              ///< holders known by number only
  std::vector<Term> terms;
  std::vector<std::string> holder_ids;   ///< holders by cadre id (PaySheetOptions::holders)
};
/// The budget of `year` under `a` and under `b`, side by side.
std::pair<Budget, Budget> budget_what_if(const BudgetInput &in, int year, const Policy &a,
                                         const Policy &b);

// ---------------------------------------------------------------------------------------------
// The parameters a result depends on (what a report names as its grounds)
// ---------------------------------------------------------------------------------------------

/// The policy parameters a pay sheet of `year` depends on, with the values it uses (in force on
/// 1 January): every parameter a line's explanation can name.
std::vector<ParamUsed> pay_parameters(const Policy &policy, int year);
/// The policy parameters of the selection of `year`: the quota, its allocation and the funnel.
std::vector<ParamUsed> selection_parameters(const Policy &policy, int year);

// ---------------------------------------------------------------------------------------------
// JSON (the C ABI's requests and responses; docs/village.md)
// ---------------------------------------------------------------------------------------------
std::string pay_sheet_json(std::string_view request, const Policy &policy);
/// A pay sheet as the JSON of pay_sheet_json's answer without "budget" (schema
/// cadrekit.village.pay_sheet/1, "policy" = policy.name()): the one rendering of a PaySheet,
/// which the Python binding converts from.
std::string pay_sheet_to_json(const PaySheet &sheet, const Policy &policy);
std::string selection_json(std::string_view request, const Policy &policy);
/// The budget what-if in one call: a pay-sheet request (explain ignored; holders default 0)
/// evaluated under `a` and under `b`: {"schema", "year", "a": budget, "b": budget,
/// "difference": b − a per amount}.
std::string budget_what_if_json(std::string_view request, const Policy &a, const Policy &b);

}  // namespace cadrekit::village

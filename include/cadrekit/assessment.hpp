// HORQIN (科尔沁区): assessment records, red lines, disposal, follow-up and the gates of
// promotion. Rule catalog HORQIN.1–HORQIN.6 (source lines 10–38); docs/assessment.md.
//
// - Red lines are data: every policy parameter named `assessment.rule.<id>` (type text) is one
//   rule in the mini-syntax of docs/assessment.md ("kind=annual; when=bottom; consecutive=2;
//   suggest=any"); `screen` reports every rule that fires (DMN "collect").
// - DisposalCase: the six stages of HORQIN.5 with an append-only log; StateError on a refused move.
// - follow_up_schedule / FollowUpLedger / reappointment_eligibility: HORQIN.6.
// - PromotionCase: the six gates of HORQIN.1 with vetoes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/number.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::disclosure {
class Case;  // cadrekit/disclosure.hpp (KAILU)
}
namespace cadrekit::audit {
struct AuditFinding;  // cadrekit/audit.hpp (HOLINGOL)
}

namespace cadrekit::assessment {

// ------------------------------------------------------------------------------------------
// Assessment records (HORQIN.4)
// ------------------------------------------------------------------------------------------

/// Kind of assessment. The numeric values are stable (C ABI batch columns).
enum class Kind : std::uint8_t {
  annual = 0,         ///< 年度综合考核
  key_work = 1,       ///< 重点工作专项考核
  party_conduct = 2,  ///< 党风廉政建设责任制考核
  review = 3,         ///< 人大、纪委组织的部门述职评议或工作评议
};
inline constexpr int kind_count = 4;
/// "annual"|"key_work"|"party_conduct"|"review" or the Chinese name; InvalidInput naming field.
Kind parse_kind(std::string_view text, std::string_view field = "kind");
const char *kind_name(Kind k) noexcept;
const char *kind_name_zh(Kind k) noexcept;

/// The four domains with their own indicators (苏木镇, 街道, 农牧场, 区直部门).
enum class Domain : std::uint8_t { township = 0, subdistrict = 1, farm = 2, department = 3 };
Domain parse_domain(std::string_view text, std::string_view field = "domain");
const char *domain_name(Domain d) noexcept;

/// A rating. Values are stable (C ABI batch columns); `none` = no rating recorded.
enum class Rating : std::uint8_t {
  none = 0,
  excellent = 1,            ///< 优秀
  competent = 2,            ///< 称职
  basically_competent = 3,  ///< 基本称职
  incompetent = 4,          ///< 不称职
  up_to_standard = 5,       ///< 达标
  not_up_to_standard = 6,   ///< 未达标
  satisfied = 7,            ///< 满意
  basically_satisfied = 8,  ///< 基本满意
  unsatisfied = 9,          ///< 不满意
};
inline constexpr int rating_count = 10;
/// The English code or the Chinese word; "" is `none`. InvalidInput naming field otherwise.
Rating parse_rating(std::string_view text, std::string_view field = "rating");
const char *rating_name(Rating r) noexcept;
const char *rating_name_zh(Rating r) noexcept;

/// The six methods of assessment (bit flags; a record may name several).
enum Method : std::uint8_t {
  method_reports = 1,      ///< 听述职
  method_talks = 2,        ///< 找谈话
  method_rating = 4,       ///< 搞测评
  method_records = 8,      ///< 查资料
  method_site_visits = 16, ///< 看现场
  method_sampling = 32,    ///< 抽样查
};
/// One method by English code ("reports") or Chinese (听述职); InvalidInput naming field.
std::uint8_t parse_method(std::string_view text, std::string_view field = "method");
/// Names of the flags set, in the order above.
std::vector<std::string> method_names(std::uint8_t methods);

/// A period: "2015" (a year) or "2015-2" (the 2nd assessment of its kind in 2015). Encoded as
/// year*100 + n (n = 0 for a year), so periods order as integers.
std::int32_t parse_period(std::string_view text, std::string_view field = "period");
std::string period_text(std::int32_t period);
/// Whether `b` directly follows `a`: 2015 → 2016; 2015-2 → 2015-3 or 2016-1.
bool period_follows(std::int32_t a, std::int32_t b) noexcept;

/// One assessment result of a cadre (or of the unit the cadre leads) for one period.
struct Record {
  std::string cadre_id;
  std::string unit_id;
  Domain domain = Domain::township;
  Kind kind = Kind::annual;
  std::int32_t period = 0;     ///< parse_period
  std::string score;           ///< exact decimal text as given, or empty (not used by the rules)
  std::int32_t rank = 0;       ///< 1 = best; 0 = not ranked. Ties share the best place (1,2,2,4).
  std::int32_t group_size = 0; ///< size of the comparison group; 0 when not ranked
  Rating rating = Rating::none;
  std::uint8_t methods = 0;    ///< Method flags
};
/// Checks one record; InvalidInput naming the field and `record_label`.
void validate(const Record &r, std::string_view record_label);

// ------------------------------------------------------------------------------------------
// Indicators and weights per domain; the methods as a checklist (HORQIN.4)
// ------------------------------------------------------------------------------------------

/// One indicator of a domain and its weight.
struct Indicator {
  std::string id;  ///< e.g. "performance" (工作实绩)
  Rational weight;
  friend bool operator==(const Indicator &, const Indicator &) = default;
};
/// The indicators of a domain: parameter `assessment.indicators.<domain>` (text
/// "id=weight; id=weight…", weights exact decimals or fractions, summing to exactly 1).
/// PolicyError naming the parameter for a malformed list.
std::vector<Indicator> indicators(Domain domain, const Policy &policy, Date as_of,
                                  Explanation *ex = nullptr);
/// Chinese name of a known indicator id (the families of L36), or "" for a county's own.
const char *indicator_name_zh(std::string_view id) noexcept;

struct CompositePart {
  std::string indicator;
  Rational weight, score, part;  ///< part = weight · score
};
struct Composite {
  Domain domain = Domain::township;
  Rational score;  ///< Σ weight · score, exact
  std::vector<CompositePart> parts;  ///< in the policy's indicator order
  Explanation explanation;
};
/// The composite score of a domain's indicators: `scores` maps every indicator id of the
/// domain to its score (exact decimal text). InvalidInput naming `scores.<id>` for a missing,
/// unknown, malformed or negative score (never echoing it).
Composite composite_score(Domain domain, std::span<const std::pair<std::string, std::string>> scores,
                          Date as_of, const Policy &policy);

/// The assessment's methods as a checklist. The source (L18) divides the assessment into 12
/// steps but names none of them; the steps it does name are the six methods (听述职, 找谈话,
/// 搞测评, 查资料, 看现场, 抽样查). Which must be done is `assessment.methods.required`.
struct MethodCheck {
  std::uint8_t method = 0;  ///< one Method flag
  bool required = false;
  bool done = false;
};
struct MethodChecklist {
  std::vector<MethodCheck> items;  ///< the six methods in order
  std::vector<std::string> missing;  ///< required and not done (method codes)
  bool complete = false;
};
MethodChecklist method_checklist(std::uint8_t methods_done, Date as_of, const Policy &policy,
                                 Explanation *ex = nullptr);

// ------------------------------------------------------------------------------------------
// Findings (HORQIN.2 qualitative standards; audit findings of HOLINGOL)
// ------------------------------------------------------------------------------------------

enum class FindingSource : std::uint8_t { qualitative = 0, audit = 1 };
/// The six aspects of the qualitative standards.
enum class Aspect : std::uint8_t {
  none = 0,              ///< not given (audit findings)
  discipline = 1,        ///< 遵规守纪
  political_stance = 2,  ///< 政治立场
  ideals_beliefs = 3,    ///< 理想信念
  ability = 4,           ///< 工作能力
  work_style = 5,        ///< 工作作风
  personal_conduct = 6,  ///< 修身做人
};
/// The distinctions the source requires (将…区分开).
enum class FindingClass : std::uint8_t {
  other = 0,                ///< none of the pairs applies
  muddled_view = 1,         ///< 一时性的模糊认识
  wavering_belief = 2,      ///< 信念动摇
  self_serving_error = 3,   ///< 利己错误
  exploratory_mistake = 4,  ///< 探索性失误: tolerated (容错), never triggers a red line
  lack_of_ability = 5,      ///< 能力不足
  not_acting = 6,           ///< 为官不为
};
enum class Severity : std::uint8_t { minor = 0, moderate = 1, serious = 2, grave = 3 };

FindingSource parse_finding_source(std::string_view text, std::string_view field = "source");
Aspect parse_aspect(std::string_view text, std::string_view field = "aspect");
FindingClass parse_finding_class(std::string_view text, std::string_view field = "classification");
Severity parse_severity(std::string_view text, std::string_view field = "severity");
const char *finding_source_name(FindingSource s) noexcept;
const char *aspect_name(Aspect a) noexcept;
const char *finding_class_name(FindingClass c) noexcept;
const char *severity_name(Severity s) noexcept;

/// A finding against a cadre. Audit findings of the audit module map onto it: unit or leader
/// id, date, severity (source = audit). A finding with an empty cadre_id concerns the unit: it
/// counts for every cadre whose latest record (as of the screening date) names that unit.
struct Finding {
  std::string id;
  std::string cadre_id;
  std::string unit_id;
  Date date;
  FindingSource source = FindingSource::qualitative;
  std::string standard;  ///< id of a catalogue standard (required for qualitative findings)
  Aspect aspect = Aspect::none;  ///< none: the standard's aspect; otherwise must equal it
  FindingClass classification = FindingClass::other;
  Severity severity = Severity::moderate;
  std::string facts;     ///< never copied into messages or explanations
};
void validate(const Finding &f, std::string_view record_label);

/// The documented mapping of the audit module's finding (HOLINGOL.4) onto a Finding:
/// source = audit; cadre_id = leader_id (empty: the finding concerns the unit and counts for
/// the cadres the unit's records name); unit_id, date as given; severity: minor → minor,
/// serious → serious, referred → grave; id = "audit:<unit_id>:<date>:<kind>"; no standard,
/// aspect none, classification other. A clean audit (Finding::none) is no finding: nullopt.
/// InvalidInput (field unit_id / date) for an empty unit id or a missing date.
std::optional<Finding> finding_from_audit(const audit::AuditFinding &a);
/// finding_from_audit over a list, clean audits left out, order kept.
std::vector<Finding> findings_from_audit(std::span<const audit::AuditFinding> audits);

// ------------------------------------------------------------------------------------------
// The catalogue of qualitative standards (HORQIN.2): the policy's `assessment.standard.*`
// ------------------------------------------------------------------------------------------

/// Prefix of the standard parameters. Each `assessment.standard.<id>` (type text) is one
/// standard: its label is the standard's zh/en text, its clause the clause, its value
/// "aspect=<aspect>; suggest=<method|any>", or "withdrawn" (not in the catalogue from that date).
/// The source names 6 aspects and 25 standards but lists none of the 25: the default profile
/// holds one general (assumed) standard per aspect; a county layer adds or withdraws standards.
inline constexpr std::string_view standard_prefix = "assessment.standard.";

struct Standard {
  std::string id;          ///< the parameter name without the prefix ("discipline")
  std::string parameter;   ///< the full parameter name
  Aspect aspect = Aspect::none;
  std::string text_zh, text_en;
  std::string clause;
  std::string suggestion = "any";  ///< a disposal method code or "any"
  bool assumed = false;
  friend bool operator==(const Standard &, const Standard &) = default;
};
/// The catalogue in force on as_of, sorted by id (withdrawn standards left out). PolicyError
/// naming the parameter for a malformed entry (unknown key, aspect `none`, bad method).
std::vector<Standard> standards(const Policy &policy, Date as_of);
/// The standard `id` in the catalogue, or nullptr.
const Standard *find_standard(const std::vector<Standard> &catalogue, std::string_view id) noexcept;
/// The standard a finding names, checked against the catalogue as screen() checks it: nullptr
/// when the finding names none; InvalidInput naming `record` when the standard is not in the
/// catalogue or the finding's aspect differs from the standard's. Lets a caller reject one
/// finding (a row of a file) before screening the rest.
const Standard *standard_of(const Finding &finding, const std::vector<Standard> &catalogue,
                            const std::string &record);

// ------------------------------------------------------------------------------------------
// Red-line rules: the policy's `assessment.rule.*` parameters (docs/assessment.md)
// ------------------------------------------------------------------------------------------

/// Prefix of the rule parameters.
inline constexpr std::string_view rule_prefix = "assessment.rule.";

struct Rule {
  std::string id;         ///< the parameter name without the prefix ("annual_bottom")
  std::string parameter;  ///< the full parameter name
  std::string text;       ///< the rule text in force
  std::string clause;
  std::string label_zh, label_en;
  bool assumed = false;   ///< the text or a number it refers to is assumed
  enum class Target : std::uint8_t { assessment, finding } target = Target::assessment;
  // --- assessment rules
  Kind kind = Kind::annual;
  enum class When : std::uint8_t { bottom, rating } when = When::bottom;
  enum class Bottom : std::uint8_t { places, share } bottom = Bottom::share;
  std::int64_t bottom_places = 0;
  Share bottom_share;
  std::uint16_t ratings = 0;  ///< bit (1 << Rating) for each rating that qualifies
  // --- finding rules
  std::uint8_t sources = 3;   ///< bit (1 << FindingSource)
  std::uint8_t aspects = 0x7f;///< bit (1 << Aspect)
  std::uint8_t classes = 0;   ///< bit (1 << FindingClass); never exploratory_mistake
  Severity min_severity = Severity::minor;
  std::int64_t within_years = 0;  ///< finding rules: findings dated within this many years
  // --- counting
  bool consecutive = true;    ///< consecutive=N, else times=N
  std::int64_t n = 1;
  std::int64_t within = 0;    ///< times=N within=M: among the latest M periods (0 = all)
  bool gap_breaks = true;     ///< consecutive: a missing period breaks the run
  std::string suggestion = "any";  ///< a disposal method code or "any"
  std::vector<ParamUsed> params;   ///< parameters the rule read (for explanations)
};

/// Parses one rule text. Numbers may be literals or `@parameter` references read from
/// `policy` as of `as_of`. PolicyError naming the parameter (field) and the key at fault.
Rule parse_rule(std::string_view parameter, std::string_view text, const Policy &policy,
                Date as_of);
/// Every `assessment.rule.*` parameter in force on as_of, sorted by name.
std::vector<Rule> rules(const Policy &policy, Date as_of);

/// Whether rank `rank` in a group of `size` is near the bottom under `rule` (bottom k places, or
/// bottom ⌈x·n⌉ places). A tie is near the bottom only when its best place (its rank) is.
/// InvalidInput for rank outside 1..size.
bool near_bottom(const Rule &rule, std::int32_t rank, std::int32_t size);

/// One red line that fires for a cadre.
struct Hit {
  std::string cadre_id;
  std::string rule_id;
  std::string clause;
  std::string suggestion;            ///< method code ("demotion") or "any"
  std::vector<std::string> periods;  ///< periods (assessment rules) or dates (finding rules)
  std::vector<std::size_t> records;  ///< indices into the records given
  std::vector<std::string> findings; ///< finding ids (finding rules)
  std::vector<Standard> standards;   ///< per finding: the standard breached (empty id for none)
  Explanation explanation;
};

/// Every red line that fires for every cadre as of `as_of` (DMN collect), ordered by cadre id
/// then rule id. Records with a period after as_of's year and findings after as_of are ignored.
/// InvalidInput naming the field and the record ("records[3]", "findings[0]") for bad input,
/// for two records of the same cadre, kind and period, and for a finding whose standard is not
/// in the catalogue in force on as_of (field `standard`) or whose aspect differs from its
/// standard's (field `aspect`). A finding's aspect, when not given, is its standard's.
std::vector<Hit> screen(std::span<const Record> records, std::span<const Finding> findings,
                        Date as_of, const Policy &policy);

/// Columnar input of the batch path. Records must be grouped by cadre (all rows of one cadre
/// contiguous) with the periods of each kind strictly increasing within the cadre.
struct Columns {
  std::span<const std::int64_t> cadre;       ///< cadre key
  std::span<const std::uint8_t> kind;        ///< Kind
  std::span<const std::int32_t> period;      ///< parse_period encoding
  std::span<const std::int32_t> rank;        ///< 0 = not ranked
  std::span<const std::int32_t> group_size;
  std::span<const std::uint8_t> rating;      ///< Rating
};
/// Columnar findings for the batch path: rows sorted by cadre key (the same keys as
/// Columns::cadre; a cadre may have findings and no records). Findings that concern a unit
/// only must be resolved to its cadres by the caller (screen() does it from the records).
struct FindingColumns {
  std::span<const std::int64_t> cadre;          ///< cadre key
  std::span<const std::int32_t> standard;       ///< index into standards(policy, as_of); -1 = none
  std::span<const std::uint8_t> source;         ///< FindingSource
  std::span<const std::uint8_t> classification; ///< FindingClass
  std::span<const std::uint8_t> severity;       ///< Severity
  std::span<const std::int32_t> date;           ///< days since 1970-01-01
};
struct BatchHit {
  std::int64_t cadre = 0;
  std::uint32_t rule = 0;          ///< index into rules(policy, as_of)
  std::int32_t first_period = 0;   ///< assessment rules: the first and last period that made it
  std::int32_t last_period = 0;    ///< fire; finding rules: the first and last finding date
                                   ///< (days since 1970-01-01)
  std::uint32_t count = 0;         ///< how many qualifying periods (findings)
  friend bool operator==(const BatchHit &, const BatchHit &) = default;
};
/// The assessment rules over columns (finding rules are not evaluated here).
/// No allocation per row. InvalidInput naming the column and row for bad input or order.
std::vector<BatchHit> screen_batch(const Columns &cols, Date as_of, const std::vector<Rule> &rules);
/// Every rule — assessment rules over `cols`, finding rules over `findings` — per cadre in
/// ascending key order, rules in their order; the same answers as screen() for the same data
/// (aspect = the standard's; a qualitative finding needs a standard). `catalogue` is
/// standards(policy, as_of). InvalidInput naming the column ("findings.severity") and row.
std::vector<BatchHit> screen_batch(const Columns &cols, const FindingColumns &findings, Date as_of,
                                   const std::vector<Rule> &rules,
                                   const std::vector<Standard> &catalogue);

// ------------------------------------------------------------------------------------------
// Disposal (HORQIN.5)
// ------------------------------------------------------------------------------------------

enum class Stage : std::uint8_t {
  none = 0,           ///< opened, no stage yet
  motion = 1,         ///< 动议启动
  investigation = 2,  ///< 调查核实
  analysis = 3,       ///< 综合分析
  decision = 4,       ///< 讨论决定
  notification = 5,   ///< 告知谈话
  filing = 6,         ///< 备案跟踪 (final)
  closed_no_action = 7,  ///< ended after investigation (or analysis) with no action (final)
};
Stage parse_stage(std::string_view text, std::string_view field = "stage");
const char *stage_name(Stage s) noexcept;
const char *stage_name_zh(Stage s) noexcept;

/// The six ways of disposal.
enum class DisposalMethod : std::uint8_t {
  dismissal = 0,            ///< 免职
  demotion = 1,             ///< 降职
  transfer = 2,             ///< 交流
  standby = 3,              ///< 待岗
  off_post_training = 4,    ///< 离岗培训
  key_work_supervision = 5, ///< 参与重点工作督导
};
DisposalMethod parse_disposal_method(std::string_view text, std::string_view field = "method");
const char *disposal_method_name(DisposalMethod m) noexcept;
const char *disposal_method_name_zh(DisposalMethod m) noexcept;

struct DisposalEvent {
  Stage stage = Stage::none;
  Date date;
  std::string actor;
  std::string note;
  std::optional<DisposalMethod> method;  ///< decision only
  std::vector<std::string> grounds;      ///< decision only: rule ids / finding ids relied on
  friend bool operator==(const DisposalEvent &, const DisposalEvent &) = default;
};

class DisposalCase {
 public:
  DisposalCase(std::string case_id, std::string cadre_id);

  const std::string &case_id() const noexcept { return case_id_; }
  const std::string &cadre_id() const noexcept { return cadre_id_; }
  Stage stage() const noexcept { return stage_; }
  bool is_open() const noexcept { return stage_ != Stage::filing && stage_ != Stage::closed_no_action; }
  const std::vector<DisposalEvent> &events() const noexcept { return events_; }
  std::optional<DisposalMethod> method() const;
  std::optional<Date> decision_date() const;

  /// Moves to the next stage (motion, investigation, analysis, notification, filing). The
  /// decision stage is entered with decide(). StateError (case unchanged) for a skipped,
  /// repeated or out-of-order stage, a date before the last event, or a closed case;
  /// InvalidInput for an empty actor.
  void advance(Stage stage, Date date, std::string actor, std::string note = {});
  /// 讨论决定: from analysis; grounds must be non-empty.
  void decide(DisposalMethod method, Date date, std::vector<std::string> grounds,
              std::string actor = "committee", std::string note = {});
  /// Ends the case with no action, from investigation or analysis.
  void close_no_action(Date date, std::string actor, std::string note = {});

  /// Canonical JSON; from_json replays the log through the same checks (InvalidInput for a
  /// malformed document, StateError for a log the state machine refuses).
  std::string to_json() const;
  static DisposalCase from_json(std::string_view json);
  friend bool operator==(const DisposalCase &, const DisposalCase &) = default;

 private:
  void append(DisposalEvent ev);
  std::string case_id_, cadre_id_;
  Stage stage_ = Stage::none;
  std::vector<DisposalEvent> events_;
};

// ------------------------------------------------------------------------------------------
// Follow-up (HORQIN.6)
// ------------------------------------------------------------------------------------------

enum class FollowUpKind : std::uint8_t { monthly_talk = 0, quarterly_visit = 1 };
FollowUpKind parse_follow_up_kind(std::string_view text, std::string_view field = "kind");
const char *follow_up_kind_name(FollowUpKind k) noexcept;

struct FollowUpDue {
  Date date;
  FollowUpKind kind;
  friend bool operator==(const FollowUpDue &, const FollowUpDue &) = default;
};
/// `months` months after d, the day clamped to the month's end (Jan 31 + 1 → Feb 28/29).
Date add_months(Date d, std::int64_t months);
/// Due dates after the decision up to `until` (inclusive): a talk every
/// followup.talk_interval_months and a visit every followup.visit_interval_months (values in
/// force on the decision date), each counted from the decision date. Sorted by date, talk first.
std::vector<FollowUpDue> follow_up_schedule(Date decision_date, Date until, const Policy &policy,
                                            Explanation *ex = nullptr);

struct FollowUpHeld {
  Date date;
  FollowUpKind kind;
  std::string actor;
  std::string note;
};
struct FollowUpStatus {
  FollowUpDue due;
  std::optional<Date> held;  ///< the event that fulfils it
  bool overdue = false;
};
/// A due item of kind K is fulfilled by an event of kind K in (previous due of K, due]; the
/// first period starts after the decision date. Overdue: not fulfilled and its due date is
/// before `as_of`. Items due after as_of are not listed.
std::vector<FollowUpStatus> follow_up_ledger(Date decision_date, std::span<const FollowUpHeld> held,
                                             Date as_of, const Policy &policy);

/// Eligibility for reappointment of a cadre moved down (HORQIN.6, L38).
struct Reappointment {
  bool eligible = false;
  bool early = false;              ///< moved for reasons not their own: no waiting period
  Date eligible_from;              ///< end of the waiting period
  Explanation explanation;
};
/// Eligible on as_of when the waiting period (followup.reappointment_wait_months) from the move
/// has passed — waived when `own_reasons` is false — and the latest annual rating since the move
/// is at least followup.reappointment_min_rating. `annual_ratings_since` are the annual ratings
/// after the move, oldest first.
Reappointment reappointment_eligibility(Date moved_on, bool own_reasons,
                                        std::span<const Rating> annual_ratings_since, Date as_of,
                                        const Policy &policy);

// ------------------------------------------------------------------------------------------
// Promotion gates (HORQIN.1)
// ------------------------------------------------------------------------------------------

enum class Gate : std::uint8_t {
  post_quota = 0,      ///< 编制职数
  motion = 1,          ///< 调整动议
  recommendation = 2,  ///< 民主推荐
  inspection = 3,      ///< 组织考察
  deliberation = 4,    ///< 酝酿
  decision = 5,        ///< 讨论决定
};
inline constexpr int gate_count = 6;
Gate parse_gate(std::string_view text, std::string_view field = "gate");
const char *gate_name(Gate g) noexcept;
const char *gate_name_zh(Gate g) noexcept;

/// What the vetoes are decided on.
struct PromotionFacts {
  std::string cadre_id;
  std::string unit_id;
  Rank current_rank = Rank::keyuan;
  Rank target_rank = Rank::fu_ke;
  Date rank_since;                  ///< at the current rank since
  std::optional<Date> work_started;
  bool integrity_problem = false;   ///< 德方面存在问题
  bool poor_reputation = false;     ///< 形象口碑差
  bool open_disposal_case = false;
  bool disclosure_blocked = false;  ///< a disclosure case that cannot proceed (KAILU)
  friend bool operator==(const PromotionFacts &, const PromotionFacts &) = default;
};
/// The policy parameter holding the necessary years at `from` before promotion to `to` (必要台阶):
/// `promotion.min_years_at_rank.<from>_to_<to>` when the policy has it, else the source's named
/// steps `…staff_to_deputy` (科员→副科) and `…deputy_to_principal` (副科→正科) when present;
/// empty when the policy holds no rule for the step. Used by the promotion vetoes and by the
/// talent module's eligible candidates.
std::string min_years_at_rank_param(const Policy &policy, Rank from, Rank to);

struct Veto {
  std::string code;  ///< integrity | reputation | open_disposal | disclosure | years_at_rank | years_of_work
  std::string reason_zh, reason_en;
  std::string clause;
  friend bool operator==(const Veto &, const Veto &) = default;
};
struct GateResult {
  Gate gate;
  Date date;
  bool passed = false;
  std::string actor;
  std::string note;                 ///< the reason when not passed
  std::vector<std::string> vetoes;  ///< veto codes that stopped it
  friend bool operator==(const GateResult &, const GateResult &) = default;
};

class PromotionCase {
 public:
  enum class Status : std::uint8_t { open, promoted, stopped };
  PromotionCase(std::string case_id, PromotionFacts facts);

  const std::string &case_id() const noexcept { return case_id_; }
  const PromotionFacts &facts() const noexcept { return facts_; }
  Status status() const noexcept { return status_; }
  const std::vector<GateResult> &gates() const noexcept { return gates_; }
  /// The next gate to pass; empty when the case is closed.
  std::optional<Gate> next_gate() const;

  /// The vetoes in force as of a date (years from the policy), with explanation if asked.
  /// The disclosure veto: when `disclosure` (the cadre's disclosure case, KAILU) is given, it
  /// applies unless `disclosure->can_proceed(as_of)` is ok, and its reasons are named; the plain
  /// flag `facts().disclosure_blocked` is the simple form without a case and an override that
  /// vetoes whatever the case says (it never lifts a veto of the case).
  std::vector<Veto> vetoes(Date as_of, const Policy &policy, Explanation *ex = nullptr,
                           const disclosure::Case *disclosure = nullptr) const;

  /// 编制职数: passes when filled < approved; otherwise the case stops ("no vacancy").
  void check_post_quota(Date date, std::int64_t approved_posts, std::int64_t filled_posts,
                        std::string actor, const Policy &policy,
                        const disclosure::Case *disclosure = nullptr);
  /// Records the result of the next gate (motion … decision). A passing gate with vetoes in
  /// force (vetoes(date, policy, nullptr, disclosure)) is recorded as stopped by them.
  /// StateError for the wrong gate or a closed case.
  void pass_gate(Gate gate, Date date, std::string actor, const Policy &policy,
                 std::string note = {}, const disclosure::Case *disclosure = nullptr);
  void fail_gate(Gate gate, Date date, std::string actor, std::string reason);

  std::string to_json() const;
  static PromotionCase from_json(std::string_view json);
  friend bool operator==(const PromotionCase &, const PromotionCase &) = default;

 private:
  void expect_gate(Gate gate, Date date) const;
  std::string case_id_;
  PromotionFacts facts_;
  Status status_ = Status::open;
  std::vector<GateResult> gates_;
};
const char *promotion_status_name(PromotionCase::Status s) noexcept;

// ------------------------------------------------------------------------------------------
// JSON forms (docs/assessment.md), shared by the C ABI
// ------------------------------------------------------------------------------------------

/// A record from its JSON object (members as in the Python contract); InvalidInput naming the
/// member and `record_label`.
Record record_from_json(std::string_view json_object, std::string_view record_label);
/// Screening request {"as_of": "2016-12-31", "records": [...], "findings": [...],
/// "audit_findings": [...] (the audit module's form, mapped by finding_from_audit and appended
/// to the findings), "explain": true} -> {"hits": [{"cadre_id", "rule_id", "clause", "suggestion", "periods",
/// "records", "findings", "standards", "explanation"}]} (members in that order; "standards":
/// [{"finding", "standard", "aspect", "text_zh", "text_en", "clause", "suggestion"}] for the
/// findings that name one; explanation only when "explain" is true, the default).
std::string screen_json(std::string_view request_json, const Policy &policy);
/// Audit findings as the audit module writes them — a JSON array of {"unit_id", "leader_id",
/// "date", "kind", "finding"} — mapped by finding_from_audit: a JSON array of findings in the
/// screening request's form. InvalidInput naming the member and "audit_findings[i]".
std::string findings_from_audit_json(std::string_view audit_findings_json);
/// {"domain", "as_of", "scores": {"<indicator>": "90.5" | 90, …}} -> {"domain", "score",
/// "parts": [{"indicator", "name_zh", "weight", "score", "part"}], "explanation"} (exact texts:
/// to_exact_string).
std::string composite_json(std::string_view request_json, const Policy &policy);
/// {"as_of", "methods": ["reports", "看现场", …]} -> {"items": [{"method", "required",
/// "done"}], "missing": [...], "complete"}.
std::string method_checklist_json(std::string_view request_json, const Policy &policy);
/// The catalogue in force as JSON: {"standards": [{"id", "parameter", "aspect", "text_zh",
/// "text_en", "clause", "suggestion", "assumed"}]}.
std::string standards_json(const Policy &policy, Date as_of);
/// The rules in force as JSON: {"rules": [{"index", "id", "parameter", "text", "clause",
/// "label_zh", "label_en", "assumed", "target", "suggestion"}]}.
std::string rules_json(const Policy &policy, Date as_of);

/// JSON forms of the case actions (docs/assessment.md), shared by the C ABI and any JSON client.
/// A disposal action {"op": "open"|"advance"|"decide"|"close_no_action", …} applied to a case
/// given as JSON (none for "open"); returns the new case's JSON. Refused moves throw StateError.
std::string disposal_apply_json(std::optional<std::string_view> case_json,
                                std::string_view action_json);
/// {"decision_date", "until"?, "as_of"?, "held"?} -> {"schedule"?, "ledger"?}.
std::string follow_up_json(std::string_view request_json, const Policy &policy);
/// A promotion action {"op": "open"|"post_quota"|"pass"|"fail"|"vetoes", …} on a case as JSON.
/// "post_quota", "pass" and "vetoes" take an optional "disclosure_case": the cadre's disclosure
/// case (its JSON object, as disclosure::Case::to_json writes it) for the disclosure veto.
std::string promotion_apply_json(std::optional<std::string_view> case_json,
                                 std::string_view action_json, const Policy &policy);

}  // namespace cadrekit::assessment

// Disclosure of the personal matters of newly promoted leaders (KAILU, 开鲁县): the disclosure
// record (三龄两历一身份 + the 9 matters + the signed commitment and the integrity
// self-assessment), its JSON form and validation, the two rounds of notices (venues by rank,
// a window of working days, a notice built only from the round's whitelist of fields), and the
// disclosure case: an append-only event log of postings, complaints, verification, findings,
// outcomes and corrected versions of the record. docs/disclosure.md documents all of it.
//
// Privacy: this module holds assets, income and family. No error message and no explanation
// ever contains a value of the record; a notice can only contain fields the policy's whitelist
// for that round names, through a fixed, non-personal projection of each field.
#pragma once

#include <cstdint>
#include <map>
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
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::disclosure {

/// The JSON schema tags written and accepted.
inline constexpr std::string_view record_schema = "cadrekit.disclosure.record/1";
inline constexpr std::string_view case_schema = "cadrekit.disclosure.case/1";

// ------------------------------------------------------------------------------------------
// The record (KAILU.1)
// ------------------------------------------------------------------------------------------

/// An address, from the widest level to the narrowest. A notice keeps the levels up to the one
/// the policy allows (`disclosure.notice.address_level`) and drops the rest.
struct Address {
  std::string province, city, county, township, street, detail;
  friend bool operator==(const Address &, const Address &) = default;
};
/// Address levels, widest first: "province", "city", "county", "township", "street", "detail".
const std::vector<std::string> &address_levels();

/// A member of the family the matters refer to. `id` is the key items use as their holder
/// ("self" is the candidate and may not be used here).
struct FamilyMember {
  std::string id;
  std::string relation;  ///< "spouse" or "child"
  std::string name;
  std::optional<Date> birth_date;
  bool co_resident = false;  ///< 共同生活的子女 (for children)
  bool dependent = false;    ///< an adult child who cannot live independently (不能独立生活)
  friend bool operator==(const FamilyMember &, const FamilyMember &) = default;
};

/// One line of education history (学历): full-time or in-service.
struct Education {
  std::string mode;    ///< "full_time" or "in_service"
  std::string level;   ///< 学历, e.g. "大学"
  std::string degree;  ///< 学位, may be empty
  std::string school;  ///< school, department and major
  friend bool operator==(const Education &, const Education &) = default;
};

/// One line of work history (经历): from (inclusive), until (exclusive; empty = current), text.
struct WorkEntry {
  Date from;
  std::optional<Date> until;
  std::string text;
  friend bool operator==(const WorkEntry &, const WorkEntry &) = default;
};

/// A generic item of a matter: its members as text, by name (the schema of each matter's items
/// is fixed; see matter_fields()). Dates are ISO text, amounts yuan text, areas decimal text.
using Item = std::map<std::string, std::string>;

/// One of the 9 matters: either explicitly "none" or a list of items. A matter that is neither
/// (none = false and no items) or both is a validation problem.
struct Matter {
  bool none = false;
  std::vector<Item> items;
  friend bool operator==(const Matter &, const Matter &) = default;
};

/// The 9 matters' keys in the order of the source (KAILU.1, items 1–9).
const std::vector<std::string> &matter_keys();
/// The members an item of `matter` may have, required ones first (see docs/disclosure.md).
struct MatterField {
  std::string name;
  bool required = false;
  std::string kind;  ///< "text", "date" (a past date), "date_any" (e.g. an expiry), "money",
                     ///< "area", "holder", "enum:a|b|c", "year", "address"
};
const std::vector<MatterField> &matter_fields(std::string_view matter);

struct Commitment {
  std::string signed_by;  ///< the candidate's name as signed
  std::optional<Date> date;
  friend bool operator==(const Commitment &, const Commitment &) = default;
};

/// The integrity self-assessment (廉洁自律有关规定执行情况自我评价表).
struct SelfAssessment {
  std::optional<Date> date;
  std::string text;
  friend bool operator==(const SelfAssessment &, const SelfAssessment &) = default;
};

/// The disclosure record of one candidate.
struct Record {
  std::string id;           ///< the caller's key of the record (not a citizen ID number)
  int version = 1;          ///< 1, 2, … (a form returned for correction gives a new version)
  Date reference_date;      ///< the date 三龄 are computed as of (填表时间)
  Person person;            ///< the core cadre record (name, sex, birth, party, work, posts…)
  std::string citizen_id;   ///< 18 characters, or empty
  std::string identity;     ///< 身份, e.g. "公务员", "参照公务员法管理", "事业编制"
  std::string current_post; ///< 现任职务
  std::string proposed_post;///< 拟任职务
  Rank proposed_rank = Rank::fu_ke;  ///< the rank of the post to be filled (fu_ke / zheng_ke)
  std::string field_in_charge;       ///< 分管工作领域 (a venue of round 1 for 正科)
  Address residence;
  std::vector<Education> education;
  std::vector<WorkEntry> work_history;
  std::vector<FamilyMember> family;
  std::map<std::string, Matter> matters;  ///< by matter key; all 9 must be present
  std::optional<Commitment> commitment;
  std::optional<SelfAssessment> self_assessment;
  friend bool operator==(const Record &, const Record &) = default;
};

/// One problem of a record: the member path ("matters.real_estate.items[0].area"), a stable
/// code ("amount_not_positive") and a message that never repeats a value of the record.
struct Problem {
  std::string path;
  std::string code;
  std::string message;
  friend bool operator==(const Problem &, const Problem &) = default;
};

/// Every problem of a record's JSON text (structure and rules), in document order; empty when
/// the record is valid. Never throws for bad data (only PolicyError for a bad profile).
std::vector<Problem> validate_json(std::string_view json, const Policy &policy);
/// Every rule problem of a parsed record (dates, amounts, holders, ages, commitment…).
std::vector<Problem> validate(const Record &record, const Policy &policy);

/// Parses a record (structure only: types, members, dates, codes). InvalidInput names the
/// first bad member path and the record's id; the message never repeats a value.
Record record_from_json(std::string_view json);
/// Canonical JSON (members in a fixed order, no white space): byte-identical for equal records.
std::string record_to_json(const Record &record);

/// What read_lrmx read from a `.lrmx` cadre form: the record, what it could read only in part
/// or left out (each warning names the element — "JianLi[3]" for the third line of 简历 — with
/// a stable code and a message that never repeats a value), and the encoding of the bytes.
struct LrmxRead {
  Record record;
  std::vector<Problem> warnings;
  std::string encoding;  ///< "utf-8", "gb18030", "utf-16le", "utf-16be" or "iso-8859-1"
  friend bool operator==(const LrmxRead &, const LrmxRead &) = default;
};

/// Reads the basic information of a record from a `.lrmx` cadre form (干部任免审批表 3.x XML)
/// as other tools and people write it (docs/disclosure.md lists every style): the bytes in
/// UTF-8, GB18030/GBK/GB2312 or UTF-16 (byte-order mark, XML declaration, or GB18030 when
/// undeclared and not UTF-8, with a warning); dates as 1975.03, 1975.3, 197503, 1975-03,
/// 1975年03月, with or without a day, with a note in brackets; 简历 lines "FROM--UNTIL text" with
/// any dash, ~, ～ or 至 between, 至今/今 or nothing for an open end; full-width digits and
/// punctuation; every kind of space inside names and dates; a lower-case x in 身份证号.
/// Fills person (name, sex, birth date from a valid 身份证号 else 出生年月, ethnicity, political
/// status and party joined from 入党时间, work started, education), citizen_id, current and
/// proposed post, education and work history, and reference_date (计算年龄时间, else 填表时间).
/// Month-precision dates become the 1st of the month. The 9 matters, family flags and
/// commitment are not on the form and are left empty.
/// Nothing is guessed: an empty or unreadable 入党时间 leaves the political status unknown ("")
/// with a warning (never 群众); an invalid 身份证号 is kept as given, with a warning, and the
/// birth date comes from 出生年月; an optional date that cannot be read is left empty with a
/// warning; a 简历 line that cannot be read is a warning naming its line.
/// InvalidInput (field = the element, or the XML limit or rule "xml.max_depth", …; record =
/// record_id; never a value) for what the record cannot do without: a name, a sex (or a valid
/// ID number to take it from), a birth date, an ethnic group, a reference date; and for an
/// input that is not a well-formed form within the XML limits (docs/limits.md).
LrmxRead read_lrmx(std::string_view form, std::string_view record_id);

/// The strict reading: read_lrmx's record when the form reads without a warning; otherwise
/// InvalidInput naming the first warning's element (its message and code).
Record record_from_lrmx(std::string_view form, std::string_view record_id);

/// {"record":<record JSON>,"warnings":[{"path","code","message"}…],"encoding":"…"} (what the
/// C and Python readers return).
std::string lrmx_read_to_json(const LrmxRead &read);

/// The `Version` a written form states: the 3.x form version whose element set and order
/// record_to_lrmx follows.
inline constexpr std::string_view lrmx_version = "3.2.1.16";
/// The basic information of a record as a `.lrmx` cadre form: UTF-8 XML with the 34 elements of
/// the form in its order (elements the record does not hold — 籍贯, 奖惩, family, photo… — are
/// written empty). Date style: the form's own, as in the example and its readers —
/// 出生年月/入党时间/参加工作时间 as YYYYMM, 简历 lines "YYYY.MM--YYYY.MM  text" (an open
/// entry "YYYY.MM--" followed by 8 blanks), 计算年龄时间 and 填表时间 as YYYYMMDD (the
/// reference date). Month elements drop the day: the birth date comes back exactly only through
/// 身份证号. A CPC (or probationary) member is written with the YYYYMM of party_joined, anyone
/// else with the short name of their political status, and an unknown status empty.
/// Round trip: record_from_lrmx(record_to_lrmx(x), x.id) equals x on the basic information
/// (name, sex, birth date, ethnicity, political status, party joined, work started, citizen_id,
/// current and proposed post, education, work history, reference date) when x's month-precision
/// dates fall on the 1st of their month (as every imported record's do). A probationary member
/// comes back as a member (the form holds only the date); texts come back trimmed.
/// InvalidInput (naming the member path and the record id, never a value) for what the form
/// cannot hold: a missing name, birth or reference date; an invalid citizen ID; more than one
/// full-time or in-service education line, or one without a level; a control character or line
/// break in a text.
std::string record_to_lrmx(const Record &record);

/// 三龄 of the record's person as of its reference date.
ThreeAges basic_three_ages(const Record &record);

// ------------------------------------------------------------------------------------------
// Rounds and notices (KAILU.2, KAILU.5)
// ------------------------------------------------------------------------------------------

/// Venues and window of a round posted on `posted`.
struct RoundPlan {
  int round = 1;
  Rank rank = Rank::fu_ke;
  Date posted;
  std::vector<std::string> venues;  ///< venue ids ("work_unit", "residence", …)
  DateRange window;                 ///< first and last day, inclusive (working days)
  int working_days = 0;
  friend bool operator==(const RoundPlan &, const RoundPlan &) = default;
};
/// Round 1 or 2 for a post of `rank` (policy `disclosure.roundN.venues.<rank>` and
/// `disclosure.roundN.window_working_days`, as of `posted`). InvalidInput for another round or a
/// rank the policy gives no venues for; CalendarCoverageError from a strict calendar.
RoundPlan plan_round(int round, Rank rank, Date posted, const WorkCalendar &calendar,
                     const Policy &policy, Explanation *ex = nullptr);
/// The policy parameters plan_round(round, rank, …) depends on, in force on `as_of` (the posting
/// date): the round's venues for the rank and its window. InvalidInput for another round,
/// PolicyError when the policy has no venues for the rank.
std::vector<ParamUsed> round_parameters(int round, Rank rank, const Policy &policy, Date as_of);
/// Chinese name of a venue id ("work_unit" -> "所在单位"); the id itself if unknown.
std::string venue_name_zh(std::string_view venue);
/// English name of a venue id ("work_unit" -> "Work unit"), from the same table; the id itself
/// if unknown.
std::string venue_name_en(std::string_view venue);

/// "150502********6440": keeps `head` characters and `tail` characters, masks the rest with '*'.
std::string mask_id(std::string_view id, int head, int tail);
/// The address cut after `level` (one of address_levels()), joined without separators.
std::string cut_address(const Address &a, std::string_view level);

/// A notice: `fields_json` is a JSON object of exactly the whitelisted fields (in whitelist
/// order), `text` the plain Chinese notice ready to post.
struct Notice {
  int round = 1;
  std::vector<std::string> field_names;  ///< the whitelist applied, in order
  std::string fields_json;
  std::string text;
};
/// The notice of a round, built field by field from the round's whitelist
/// (`disclosure.roundN.notice_fields`, as of the record's reference date, or of the plan's
/// posting date when a plan is given). A field not on the whitelist is never read. The record
/// must be valid (InvalidInput naming the first problem's path otherwise). With a plan, the text
/// also states the venues and the window. With `ex`, the parameters read (whitelist, address
/// level, ID mask) and the rule are recorded; inputs are ids and counts only.
Notice notice(const Record &record, int round, const Policy &policy,
              const std::optional<RoundPlan> &plan = std::nullopt, Explanation *ex = nullptr);
/// The names a whitelist may use (see docs/disclosure.md).
const std::vector<std::string> &notice_field_names();

// ------------------------------------------------------------------------------------------
// The disclosure case (KAILU.2–KAILU.4)
// ------------------------------------------------------------------------------------------

/// A case is open until a decision on a complaint cancels it or refers it (KAILU.3).
enum class CaseStatus : std::uint8_t { open, cancelled, referred };
/// Where a complaint stands: received, assigned to the verification team, found, decided.
enum class ComplaintStatus : std::uint8_t { received, assigned, found, decided };
/// The verification team's finding on a complaint (KAILU.3).
enum class Finding : std::uint8_t { unfounded, founded_not_affecting, founded_disqualifying, criminal };
/// The decision on a found complaint (KAILU.3). It follows from the finding: unfounded and
/// founded_not_affecting -> proceed_inform_reporter; founded_disqualifying -> cancel;
/// criminal -> refer.
enum class Outcome : std::uint8_t { proceed_inform_reporter, cancel, refer };

/// The code of each value ("founded_disqualifying"): the words of the JSON form and of every
/// surface.
const char *to_string(CaseStatus s) noexcept;
const char *to_string(ComplaintStatus s) noexcept;
const char *to_string(Finding f) noexcept;
const char *to_string(Outcome o) noexcept;
/// The value a code names; InvalidInput naming `field` ("unknown finding") for any other text.
Finding finding_from_string(std::string_view code, std::string_view field = "finding");
Outcome outcome_from_string(std::string_view code, std::string_view field = "outcome");

/// One entry of the case's append-only log. Members not used by a kind are empty.
struct Event {
  int seq = 0;          ///< 1, 2, … in order
  Date date;
  std::string actor;    ///< who (an official's or office's id)
  std::string kind;     ///< opened, round_posted, complaint_received, assigned, finding,
                        ///< decided, returned_for_correction
  int round = 0;                          ///< round_posted, complaint_received
  std::string complaint;                  ///< complaint id ("C1")
  std::string channel;                    ///< phone | letter | email | visit
  std::string timing;                     ///< within_window | after_window
  std::vector<std::string> venues;        ///< round_posted
  std::optional<DateRange> window;        ///< round_posted
  int working_days = 0;                   ///< round_posted
  std::vector<std::string> departments;   ///< assigned
  std::optional<Finding> finding;         ///< finding
  std::vector<std::string> discrepancies; ///< finding: "matter:kind:class", e.g.
                                          ///< "real_estate:unreported:concealment"
  std::optional<Outcome> outcome;         ///< decided
  int record_version = 0;  ///< opened, returned_for_correction
  std::string note;        ///< free text without personal values (e.g. the reason)
  friend bool operator==(const Event &, const Event &) = default;
};

/// A discrepancy between the form and the verified facts.
struct Discrepancy {
  std::string matter;  ///< a matter key
  std::string kind;    ///< unreported | under_reported | inaccurate
};

/// Classifies each discrepancy omission (漏报) or concealment (瞒报) by the policy: the class of
/// a discrepancy of `kind` is `disclosure.discrepancy.<kind>` as of `as_of` (assumed defaults:
/// unreported -> concealment; under_reported and inaccurate -> omission). Returns
/// "matter:kind:class" per discrepancy, in order. With `ex`: one rule
/// `disclosure.discrepancy.classify` (KAILU.4) per discrepancy, the parameters read (value,
/// effective date, assumed flag, clause), the inputs discrepancies[i].matter / .kind, and the
/// rule `disclosure.discrepancy.accountability` (any concealment entails accountability) or
/// `disclosure.discrepancy.no_concealment`. InvalidInput naming discrepancies[i].matter/.kind
/// for an unknown matter or kind; PolicyError for a class that is neither.
std::vector<std::string> classify_discrepancies(const std::vector<Discrepancy> &discrepancies,
                                                Date as_of, const Policy &policy,
                                                Explanation *ex = nullptr);

/// State of one complaint, derived from the log.
struct Complaint {
  std::string id;
  int round = 0;
  std::string channel;
  Date received;
  std::string timing;
  ComplaintStatus status = ComplaintStatus::received;
  std::vector<std::string> departments;
  std::optional<Finding> finding;  ///< once found
  std::vector<std::string> discrepancies;
  std::optional<Outcome> outcome;  ///< once decided
  bool accountability = false;  ///< some discrepancy is concealment (瞒报)
};

struct ProceedCheck {
  bool ok = false;
  std::vector<std::string> reasons;  ///< codes: "no_round_posted", "window_open",
                                     ///< "complaint_unresolved:C1", "case_cancelled", "case_referred"
};

/// A disclosure case. Every transition appends one event or throws (StateError for a refused
/// transition, InvalidInput for bad arguments) and leaves the case unchanged. Events must be
/// dated no earlier than the previous event.
class Case {
 public:
  /// Opens a case with version 1 of a valid record (InvalidInput otherwise).
  static Case open(Record record, Date date, std::string actor, const Policy &policy);

  const std::string &id() const { return records_.front().id; }
  const std::vector<Event> &events() const { return events_; }
  /// Every version, oldest first; the current is the last.
  const std::vector<Record> &records() const { return records_; }
  const Record &current() const { return records_.at(active_versions_ - 1); }
  const std::vector<RoundPlan> &rounds() const { return rounds_; }
  const std::vector<Complaint> &complaints() const { return complaints_; }
  CaseStatus status() const { return status_; }

  /// Posts round 1 (first) or round 2 (after round 1, when can_proceed on `posted`).
  /// With `ex`, the plan's explanation (plan_round), written only when the round is posted.
  const RoundPlan &post_round(int round, Date posted, std::string actor,
                              const WorkCalendar &calendar, const Policy &policy,
                              Explanation *ex = nullptr);
  /// A complaint about the latest round, received on `date` by `channel`; returns its id.
  std::string receive_complaint(std::string channel, Date date, std::string actor);
  /// Assigns a received complaint to the verification team (departments from the policy's
  /// `disclosure.verification.departments`; at least one).
  void assign(const std::string &complaint, std::vector<std::string> departments, Date date,
              std::string actor, const Policy &policy);
  /// Records the finding of an assigned complaint; each discrepancy is classified omission or
  /// concealment by the policy (classify_discrepancies, as of `date`). With `ex`, the
  /// explanation of the finding — subject "disclosure case <id> complaint <C>", inputs complaint
  /// and finding, the classification's rules and parameters — written only when the finding is
  /// recorded (a refused transition leaves `*ex` untouched).
  void record_finding(const std::string &complaint, Finding finding,
                      const std::vector<Discrepancy> &discrepancies, Date date, std::string actor,
                      const Policy &policy, Explanation *ex = nullptr);
  /// Decides a found complaint. The outcome must follow from the finding (see Outcome); cancel
  /// and refer close the case.
  void decide(const std::string &complaint, Outcome outcome, Date date, std::string actor);
  /// A form found incomplete or inaccurate, returned and filled again: appends `corrected`
  /// (same record id, must be valid) as the next version; older versions are kept.
  void return_for_correction(Record corrected, Date date, std::string actor, std::string note,
                             const Policy &policy);

  /// True only when a round has been posted, its window closed before `as_of`, every complaint
  /// is decided and the case is open; otherwise the reasons.
  ProceedCheck can_proceed(Date as_of) const;

  /// Canonical JSON: {"schema","id","records":[…],"events":[…]}; the state is derived from the
  /// events, so from_json(to_json()) == *this and to_json is byte-identical.
  std::string to_json() const;
  /// Parses and replays the log (InvalidInput for bad JSON, StateError for an impossible log).
  static Case from_json(std::string_view json);

  friend bool operator==(const Case &a, const Case &b) {
    return a.records_ == b.records_ && a.events_ == b.events_;
  }

 private:
  Case() = default;
  void apply(const Event &e);  // checks, then mutates; throws before any change
  void append(Event e);        // strong guarantee: applies to a copy, then swaps

  std::vector<Record> records_;
  std::vector<Event> events_;
  std::vector<RoundPlan> rounds_;
  std::vector<Complaint> complaints_;
  CaseStatus status_ = CaseStatus::open;
  std::size_t active_versions_ = 0;  // versions of records_ the log has opened so far
};

// ------------------------------------------------------------------------------------------
// Figures
// ------------------------------------------------------------------------------------------

/// One row of the yearly report: cases disclosed in a round in a year (of the posting date),
/// and how many of them ended cancelled or referred by a complaint of that round, and complaints.
struct YearCount {
  int year = 0;
  int round = 0;
  int disclosed = 0;
  int complaints = 0;
  int cancelled = 0;
  int referred = 0;
  friend bool operator==(const YearCount &, const YearCount &) = default;
};
/// Rows sorted by year and round.
std::vector<YearCount> yearly_counts(std::span<const Case> cases);

// ------------------------------------------------------------------------------------------
// JSON requests and responses (the form the C ABI and other languages use; docs/disclosure.md)
// ------------------------------------------------------------------------------------------

/// [{"path","code","message"},…] for a record's JSON text (validate_json).
std::string validate_response_json(std::string_view record_json, const Policy &policy);
/// {"round","rank","posted"} -> {"round","rank","posted","venues":[…],"first_day","last_day",
/// "working_days"}.
std::string plan_round_json(std::string_view request_json, const WorkCalendar &calendar,
                            const Policy &policy);
/// {"record":{…},"round":1|2,"posted":"YYYY-MM-DD"(optional)} -> {"round","field_names":[…],
/// "fields":{…},"text"}. With "posted", the text states the venues and the window (calendar).
std::string notice_json(std::string_view request_json, const WorkCalendar &calendar,
                        const Policy &policy);
/// {"record":{…},"date","actor"} -> the case's JSON.
std::string case_open_json(std::string_view request_json, const Policy &policy);
/// One transition on a case's JSON; returns the new case JSON. The action is an object with
/// "action" = post_round {round,date,actor} | receive_complaint {channel,date,actor} |
/// assign {complaint,departments,date,actor} | record_finding {complaint,finding,
/// discrepancies:[{matter,kind}],date,actor} | decide {complaint,outcome,date,actor} |
/// return_for_correction {record,date,actor,note}.
std::string case_apply_json(std::string_view case_json, std::string_view action_json,
                            const WorkCalendar &calendar, const Policy &policy);
/// case_apply_json with the transition's explanation: {"case":{…},"explanation":{…}|null}. The
/// explanation (the core's canonical form "cadrekit.explanation/1") is the classification of a
/// record_finding and the plan of a post_round; null for the other actions.
std::string case_apply_explained_json(std::string_view case_json, std::string_view action_json,
                                      const WorkCalendar &calendar, const Policy &policy);
/// {"ok":bool,"reasons":[…]}.
std::string can_proceed_json(const Case &c, Date as_of);
/// The complaints' state, derived from the log: [{"id","round","channel","received","timing",
/// "status","departments","finding","discrepancies","outcome","accountability"}] ("" for a
/// finding or an outcome not yet recorded).
std::string complaints_json(const Case &c);
/// A JSON array of cases -> [{"year","round","disclosed","complaints","cancelled","referred"}].
std::string yearly_counts_json(std::string_view cases_json);

}  // namespace cadrekit::disclosure

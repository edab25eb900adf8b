// The county workspace (台账): one SQLite file that holds the year's cases, each an append-only
// log of events (what, effective date, recorded at, by whom, the explanation), the tables
// imported into it and the results the module commands record. Current state is never stored:
// it is derived by replaying each case's log through the library's own case types
// (assessment::DisposalCase and the follow-up ledger, disclosure::Case, audit::TierHistory, …),
// so a step the library refuses is refused here too. docs/workspace.md.
//
// A component of its own (target cadrekit_workspace, CMake option CADREKIT_BUILD_WORKSPACE):
// the core library never touches storage, and the C ABI does not have it.
//
// Safety: WAL journal, one transaction per write call (a call that fails writes nothing), a
// schema version with forward migrations and a refusal to open a newer one, the file and its
// -wal/-shm created readable by the owner only. ID numbers are stored as given but never
// appear in a message, and every listing masks them (export only on request).
// Nothing here reads the clock: the caller stamps each write (Stamp) and gives every as-of date.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/disclosure.hpp"
#include "cadrekit/village.hpp"

namespace cadrekit::workspace {

/// The schema version this library writes. Older files are migrated forward when opened; a
/// newer file is refused (WorkspaceError, FileProblem::newer_schema).
inline constexpr int schema_version = 3;

/// The kinds of case a workspace holds, each replayed through the library's own type.
enum class CaseKind : std::uint8_t {
  disposal = 0,     ///< HORQIN.5/.6: assessment::DisposalCase and its follow-up ledger
  disclosure = 1,   ///< KAILU: disclosure::Case (rounds, complaints, findings, outcomes)
  tier = 2,         ///< HOLINGOL.1/.3: audit::TierHistory of one unit
  audit_plan = 3,   ///< HOLINGOL.2: a plan drawn (and revised) and the audits done under it
  village_pay = 4,  ///< JARUD.1: a year's pay sheet, its publicity windows and follow-up actions
  selection = 5,    ///< JARUD.2: a year's selection (quota, eligibility), appointments, renewals
};
inline constexpr int case_kind_count = 6;
/// "disposal", "disclosure", "tier", "audit_plan", "village_pay", "selection".
const char *case_kind_name(CaseKind k) noexcept;
CaseKind parse_case_kind(std::string_view text, std::string_view field = "case_kind");

/// Why a workspace file could not be used.
enum class FileProblem : std::uint8_t {
  busy = 0,           ///< another process is writing and did not finish within the busy timeout
  not_workspace = 1,  ///< not a cadrekit workspace (another SQLite file, or not SQLite at all)
  newer_schema = 2,   ///< written by a newer cadrekit
  damaged = 3,        ///< the database is corrupt
  exists = 4,         ///< create(): the file already exists
  io = 5,             ///< cannot open, read or write the file (missing, permissions, disk full)
};
const char *file_problem_name(FileProblem p) noexcept;  ///< "busy", "not_workspace", …

/// An error about the workspace file itself. Its code is ErrorCode::state for `busy` (try
/// again) and ErrorCode::invalid_input otherwise; the field is the file's label ("FILE").
class WorkspaceError : public Error {
 public:
  WorkspaceError(FileProblem problem, std::string message, std::string record = {});
  FileProblem problem() const noexcept { return problem_; }

 private:
  FileProblem problem_;
};

/// Who recorded a write and when. The workspace never reads the clock: the command line and
/// Python stamp a write with the system's time unless told otherwise.
struct Stamp {
  std::string by;           ///< who recorded it (a login, an office); not empty
  std::string recorded_at;  ///< UTC, "YYYY-MM-DDTHH:MM:SSZ"
};
/// Checks a stamp: InvalidInput naming "by" or "recorded_at".
void validate(const Stamp &stamp);

struct OpenOptions {
  /// How long a write waits for another process's write to finish before it fails with
  /// WorkspaceError (FileProblem::busy). 0: fail at once.
  int busy_timeout_ms = 5000;
};

/// One step recorded on a case: an op of the case's kind with the library's members
/// (docs/workspace.md lists them per kind), its effective date and, when the caller has it,
/// the explanation of the decision (the library's canonical explanation JSON).
struct Action {
  CaseKind kind = CaseKind::disposal;
  std::string case_id;
  std::string op;
  Date date;            ///< effective date
  std::string members;  ///< JSON object of the op's members ("{}" when none)
  std::string explanation;  ///< canonical explanation JSON, or empty
  /// Explanations of the items of a decision (a pay sheet's lines, an applicant), by subject.
  std::vector<std::pair<std::string, std::string>> explanations;
};

/// An action from a JSON object: {"case_kind", "case_id", "op", "date", members…,
/// "explanation"?, "explanations"?}. Member values may be JSON values or text as a table cell
/// holds it (numbers as text, lists as "a;b", objects as JSON text): each op's members are
/// converted to the library's form. A member the op does not take is an InvalidInput naming it,
/// as is any bad value (never repeating it); `record` names the row.
Action action_from_json(std::string_view object_json, std::string_view record);
/// The same from a table row's cells (name, text); empty cells are absent members.
Action action_from_cells(std::span<const std::pair<std::string, std::string>> cells,
                         std::string_view record);
/// The action's JSON object, as action_from_json reads it.
std::string action_to_json(const Action &a);

// ------------------------------------------------------------------------------------------
// What the module commands record (the command line's --workspace, Python's record_*)
// ------------------------------------------------------------------------------------------

/// A unit's tiering: op "tiered" on its tier case — the start of its history, or the
/// re-tiering of the as-of date's year when the history has begun (a TierHistory review).
Action tier_action(const audit::TierResult &result, Date as_of);
/// A plan drawn over first_year…last_year: op "drawn" on case "<first>-<last>" (recorded as
/// "revised" when that plan was drawn before).
Action plan_action(const audit::PlanRequest &request, const audit::Plan &plan, Date effective);
/// A year's pay sheet: op "computed" on case "<year>", effective when the grades are fixed;
/// each line's explanation when the sheet has them.
Action pay_action(const village::PaySheet &sheet, Date graded_on);
/// A year's selection quota and its allocation: op "quota" on case "<year>".
Action quota_action(int year, const village::QuotaAllocation &allocation,
                    const std::vector<std::pair<std::string, village::Funnel>> &funnels,
                    Date effective);
/// The eligibility of applicants: op "eligibility" on case "<year of as_of>".
Action eligibility_action(std::span<const village::Eligibility> results, Date as_of);
/// A disclosure round posted: op "post_round" on the record's case.
Action round_action(const std::string &record_id, int round, Date posted, const std::string &actor);

// ------------------------------------------------------------------------------------------
// Queries
// ------------------------------------------------------------------------------------------

/// A case as of a date: its stage and whether it is still open (docs/workspace.md: stages).
struct CaseStatus {
  CaseKind kind = CaseKind::disposal;
  std::string case_id;
  std::string subject;  ///< the cadre, unit, record or year the case is about
  std::string stage;    ///< "investigation", "round1_window", "level 2", "published", …
  bool open = false;
  Date first;           ///< effective date of its first event
  Date last;            ///< effective date of its latest event (as of the date)
  int events = 0;       ///< events in force as of the date
  std::string detail;   ///< short English note ("method transfer", "complaint C1 pending")
};

/// Something due on a case: a follow-up talk or visit, a window closing, a renewal, …
struct DueItem {
  CaseKind kind = CaseKind::disposal;
  std::string case_id;
  std::string subject;
  std::string what;          ///< monthly_talk, quarterly_visit, round1_window, complaint, …
  std::optional<Date> due;   ///< empty: no deadline (an open complaint)
  std::string state;         ///< "overdue" | "due" | "open" (running, or without deadline)
  std::string detail;
};

/// One event of a case's log, as recorded.
struct HistoryEntry {
  CaseKind kind = CaseKind::disposal;
  std::string case_id;
  int seq = 0;
  std::string op;
  Date effective;
  std::string recorded_at;
  std::string recorded_by;
  std::string command;      ///< the command that recorded it ("apply", "audit tier", …)
  std::string members;      ///< JSON object, ID numbers masked
  std::string explanation;  ///< canonical explanation JSON, or empty
};

/// A table of text cells (exports).
struct TableData {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

/// A table to import, as the command line reads it: column names and text cells. Kinds and
/// their required columns: docs/workspace.md (units, villages, principals, scores, terms,
/// cadres, assessment_records, findings, applicants, disclosure_records).
struct ImportTable {
  std::string kind;
  std::string source;  ///< where it came from ("units.csv"), kept with the import
  std::optional<Date> as_of;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row_labels;  ///< per row, for errors ("units.csv:7"); may be empty
};
/// The table kinds import() takes, sorted.
const std::vector<std::string> &import_kinds();

/// A problem found by Workspace::check().
struct CheckProblem {
  std::string where;    ///< "sqlite" or "<kind> <case_id>"
  std::string message;  ///< never a personal value
};

class Workspace {
 public:
  /// Creates a new workspace file (readable by its owner only) holding `policy`: an embedded
  /// profile by name ("tongliao-2016") when `policy_yaml` is empty, else the profile's YAML
  /// text (it may extend an embedded profile only). WorkspaceError `exists` if the file exists.
  static Workspace create(const std::string &path, const Stamp &stamp, std::string_view county = {},
                          std::string_view policy_name = "tongliao-2016",
                          std::string_view policy_yaml = {}, const OpenOptions &options = {});
  /// Opens an existing workspace, migrating an older schema forward (in one transaction).
  /// WorkspaceError: io (missing file), not_workspace, newer_schema, damaged, busy.
  static Workspace open(const std::string &path, const OpenOptions &options = {});

  Workspace(Workspace &&) noexcept;
  Workspace &operator=(Workspace &&) noexcept;
  ~Workspace();

  const std::string &path() const noexcept;
  /// The policy profile the workspace's cases are decided under.
  const Policy &policy() const noexcept;
  const std::string &county() const noexcept;

  // --- writes: each call is one transaction; on any error nothing is written --------------

  /// Appends the actions, in order, each replayed through its case's library type after the
  /// case's recorded events (a refused step is the library's StateError / InvalidInput, with
  /// the action's record). `command` names what recorded them ("apply", "audit tier").
  /// Returns the number of events appended.
  std::size_t apply(std::span<const Action> actions, const Stamp &stamp,
                    std::string_view command = "apply",
                    std::span<const std::string> records = {});
  /// Imports a table (kept as given; a later import of the same kind supersedes it for
  /// table() but both are kept). Returns the number of rows.
  std::size_t import_table(const ImportTable &table, const Stamp &stamp);

  // --- queries --------------------------------------------------------------------------

  /// Every case as of `as_of` (events effective on or before it), sorted by kind and id.
  std::vector<CaseStatus> status(Date as_of) const;
  /// What is due or overdue on `as_of`, and what falls due within `within_days` after it.
  std::vector<DueItem> due(Date as_of, int within_days = 0) const;
  /// The log of a case. `kind` may be omitted when the id names one case; InvalidInput
  /// (field "CASE") when it names none or several.
  std::vector<HistoryEntry> history(std::string_view case_id,
                                    std::optional<CaseKind> kind = std::nullopt) const;
  /// The latest import of a kind (ID numbers masked unless `reveal`); empty when none.
  TableData table(std::string_view kind, bool reveal = false) const;
  /// Every event of every case with its stamp (ID numbers masked unless `reveal`).
  TableData events(bool reveal = false) const;
  /// Every import: id, kind, source, as_of, rows, recorded_at, recorded_by.
  TableData imports() const;
  /// SQLite's integrity and foreign-key checks, then every case's log replayed through the
  /// library. Empty when all is well.
  std::vector<CheckProblem> check() const;

  struct Impl;

 private:
  explicit Workspace(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Masks an ID number as a public notice would (the policy's disclosure.notice.id_mask_head
/// and _tail, their latest values): "150502********6440".
std::string mask_id_number(std::string_view id, const Policy &policy);
/// `text` with every ID number in it masked (each run of 18 characters that is a valid citizen
/// ID, and in a JSON text every value of a member named citizen_id or id_number).
std::string mask_id_numbers(std::string_view text, const Policy &policy);

}  // namespace cadrekit::workspace

// The workspace file: creation and opening, the writes (each one transaction) and the queries,
// which replay each case's log through its machine (detail.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/utf8.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"
#include "schema.hpp"
#include "sqlite.hpp"

namespace cadrekit::workspace {

namespace json = boost::json;
using detail::Event;
using detail::Machine;

namespace {

/// A table kind import() takes: its required columns (each a list of alternatives) and the
/// column whose values must be unique within one import (empty: none).
struct TableSpec {
  const char *kind;
  std::vector<std::vector<const char *>> required;
  std::vector<const char *> key;  ///< alternatives, first present wins
};

const std::vector<TableSpec> &table_specs() {
  // The columns each module command requires of the same table (docs/cli.md).
  static const std::vector<TableSpec> s = {
      {"applicants", {{"cadre_id"}, {"in_post_since"}, {"birth_date"}}, {"cadre_id"}},
      {"assessment_records", {{"cadre_id"}, {"kind"}, {"period"}}, {}},
      {"audits", {{"unit_id"}, {"date"}}, {}},
      {"cadres", {{"id", "cadre_id"}}, {"id", "cadre_id"}},
      {"candidates", {{"id"}, {"round"}, {"rank"}, {"posted"}}, {}},
      {"disclosure_records", {{"id"}, {"record"}}, {"id"}},
      {"findings", {{"id"}, {"date"}}, {"id"}},
      {"leader_terms", {{"unit_id"}, {"leader_id"}, {"start"}}, {}},
      {"principals", {{"cadre_id"}, {"village_id"}, {"post"}, {"served_from"}}, {}},
      {"scores", {{"village_id"}}, {}},
      {"units", {{"unit_id"}, {"budget"}}, {"unit_id"}},
      {"village_terms", {{"cadre_id"}, {"served_from"}}, {}},
      {"villages", {{"village_id"}, {"township"}}, {"village_id"}},
  };
  return s;
}

const TableSpec *find_table(std::string_view kind) {
  for (const auto &t : table_specs())
    if (kind == t.kind) return &t;
  return nullptr;
}

bool id_column(std::string_view name) {
  return name == "citizen_id" || name == "id_number" || name == "身份证号" || name == "公民身份号码" ||
         name == "身份证号码";
}

std::string mask_cell(std::string_view column, std::string_view cell, const Policy &policy, bool reveal) {
  if (reveal || cell.empty()) return std::string(cell);
  if (id_column(column)) return mask_id_number(cell, policy);
  return mask_id_numbers(cell, policy);
}

/// Removes a file that create() made and could not finish (and its journal files).
void remove_files(const std::string &path) {
  for (const char *suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((path + suffix).c_str());
}

std::string load_meta(const sql::Db &db, std::string_view key) {
  sql::Stmt s(db, "SELECT value FROM meta WHERE key = ?1");
  s.bind(1, key);
  if (!s.step()) throw WorkspaceError(FileProblem::damaged, "the workspace has no " + std::string(key), db.label());
  return s.text(0);
}

Policy policy_of(std::string_view name, std::string_view yaml) {
  return yaml.empty() ? Policy::embedded(name) : Policy::loads(yaml, "the workspace's policy profile");
}

struct Loaded {
  std::unique_ptr<Machine> machine;
  int seq = 0;
  bool exists = false;
  Date first, last;
};

Event event_of(const sql::Stmt &s, int op_col, const std::string &label) {
  Event e;
  e.op = s.text(op_col);
  try {
    e.effective = parse_iso_date(s.text(op_col + 1), "effective");
    e.members = json_read::parse_object(s.text(op_col + 2), "members");
  } catch (const InvalidInput &) {
    throw WorkspaceError(FileProblem::damaged, "an event of the workspace cannot be read", label);
  }
  return e;
}

}  // namespace

const std::vector<std::string> &import_kinds() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> v;
    for (const auto &t : table_specs()) v.emplace_back(t.kind);
    return v;
  }();
  return k;
}

struct Workspace::Impl {
  Impl(const std::string &p, int busy_ms) : path(p), db(p, p, busy_ms) {}
  std::string path;
  sql::Db db;
  std::optional<Policy> policy;
  std::string county;
  WorkCalendar calendar = WorkCalendar::china();

  detail::Context context() const {
    return detail::Context{*policy, calendar,
                           [this](const std::string &id) -> std::optional<std::string> { return disclosure_record(id); }};
  }

  std::optional<std::string> disclosure_record(const std::string &id) const {
    sql::Stmt s(db,
                "SELECT r.cells, i.columns FROM import_rows r JOIN imports i ON i.id = r.import_id "
                "WHERE i.id = (SELECT max(id) FROM imports WHERE kind = 'disclosure_records') AND r.key = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    const json::value cells = json_read::parse(s.text(0), "cells");
    const json::value cols = json_read::parse(s.text(1), "columns");
    const auto &c = cols.as_array();
    for (std::size_t i = 0; i < c.size(); ++i)
      if (c[i].as_string() == "record") return std::string(cells.as_array().at(i).as_string());
    return std::nullopt;
  }

  std::int64_t insert_command(std::string_view command, const Stamp &stamp) {
    sql::Stmt s(db, "INSERT INTO commands(command, recorded_at, recorded_by) VALUES(?1, ?2, ?3)");
    s.bind(1, command).bind(2, stamp.recorded_at).bind(3, stamp.by).run();
    return sqlite3_last_insert_rowid(db.get());
  }

  /// Replays the stored events of a case (those effective on or before `as_of`, when given).
  Loaded load(CaseKind kind, const std::string &id, std::optional<Date> as_of) const {
    Loaded l;
    l.machine = detail::make_machine(kind, id);
    {
      sql::Stmt c(db, "SELECT 1 FROM cases WHERE kind = ?1 AND case_id = ?2");
      c.bind(1, case_kind_name(kind)).bind(2, id);
      l.exists = c.step();
    }
    if (!l.exists) return l;
    sql::Stmt s(db, "SELECT seq, op, effective, members FROM events WHERE kind = ?1 AND case_id = ?2 ORDER BY seq");
    s.bind(1, case_kind_name(kind)).bind(2, id);
    const detail::Context ctx = context();
    while (s.step()) {
      l.seq = static_cast<int>(s.integer(0));
      Event e = event_of(s, 1, db.label());
      if (as_of && e.effective > *as_of) continue;
      replay(*l.machine, e, ctx, kind, id, l.seq);
      if (l.first.is_special() || e.effective < l.first) l.first = e.effective;
      if (l.last.is_special() || e.effective > l.last) l.last = e.effective;
    }
    return l;
  }

  static void replay(Machine &m, Event &e, const detail::Context &ctx, CaseKind kind, const std::string &id, int seq) {
    try {
      m.apply(e, ctx);
    } catch (const Error &err) {
      throw StateError(std::string("the recorded log no longer replays under this cadrekit's rules (event ") +
                           std::to_string(seq) + ": " + err.message() + ")",
                       err.field(), std::string(case_kind_name(kind)) + " " + id);
    }
  }

  /// Every case replayed as of a date, in kind and id order.
  struct Replayed {
    CaseKind kind;
    std::string id;
    Loaded l;
  };
  std::vector<Replayed> replay_all(Date as_of) const {
    std::vector<Replayed> out;
    // The events are chosen by their date in SQL, as text: one whose date is not the ISO text the
    // library writes (a file altered by hand) would be passed over unseen, so it is refused first.
    sql::Stmt bad(db,
                  "SELECT count(*) FROM events WHERE typeof(effective) <> 'text' "
                  "OR effective NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'");
    if (bad.step() && bad.integer(0) > 0)
      throw WorkspaceError(FileProblem::damaged, "an event's date cannot be read; restore the workspace from a copy",
                           db.label());
    sql::Stmt s(db,
                "SELECT kind, case_id, seq, op, effective, members FROM events WHERE effective <= ?1 "
                "ORDER BY kind, case_id, seq");
    s.bind(1, to_iso(as_of));
    const detail::Context ctx = context();
    while (s.step()) {
      const CaseKind kind = parse_case_kind(s.text(0), "kind");
      const std::string id = s.text(1);
      if (out.empty() || out.back().kind != kind || out.back().id != id) {
        Loaded l;
        l.machine = detail::make_machine(kind, id);
        l.exists = true;
        out.push_back({kind, id, std::move(l)});
      }
      Loaded &l = out.back().l;
      Event e = event_of(s, 3, db.label());
      replay(*l.machine, e, ctx, kind, id, static_cast<int>(s.integer(2)));
      if (l.first.is_special() || e.effective < l.first) l.first = e.effective;
      if (l.last.is_special() || e.effective > l.last) l.last = e.effective;
      ++l.seq;
    }
    std::sort(out.begin(), out.end(), [](const Replayed &a, const Replayed &b) {
      return std::pair(static_cast<int>(a.kind), a.id) < std::pair(static_cast<int>(b.kind), b.id);
    });
    return out;
  }

  std::string mask(std::string_view text) const { return mask_id_numbers(text, *policy); }
};

Workspace::Workspace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workspace::Workspace(Workspace &&) noexcept = default;
Workspace &Workspace::operator=(Workspace &&) noexcept = default;
Workspace::~Workspace() = default;

const std::string &Workspace::path() const noexcept { return impl_->path; }
const Policy &Workspace::policy() const noexcept { return *impl_->policy; }
const std::string &Workspace::county() const noexcept { return impl_->county; }

Workspace Workspace::create(const std::string &path, const Stamp &stamp, std::string_view county,
                            std::string_view policy_name, std::string_view policy_yaml, const OpenOptions &options) {
  validate(stamp);
  if (county.size() > 200 || !is_valid_utf8(county)) throw InvalidInput("must be up to 200 bytes of text", "county");
  // The profile is checked before anything is written.
  Policy policy = policy_of(policy_name, policy_yaml);
  // The file is made here, readable by its owner only: SQLite gives its -wal and -shm files
  // the permissions of the database file.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) throw WorkspaceError(FileProblem::exists, "the file exists already: a workspace is created only once", path);
    throw WorkspaceError(FileProblem::io, std::string("cannot create the workspace file (") + std::strerror(errno) + ")", path);
  }
  ::close(fd);
  try {
    auto impl = std::make_unique<Impl>(path, options.busy_timeout_ms);
    schema::create(impl->db);
    sql::Transaction t(impl->db);
    const std::int64_t cmd = impl->insert_command("init", stamp);
    (void)cmd;
    sql::Stmt m(impl->db, "INSERT INTO meta(key, value) VALUES(?1, ?2)");
    const std::pair<const char *, std::string> rows[] = {
        {"county", std::string(county)},
        {"policy_name", policy.name()},
        {"policy_yaml", std::string(policy_yaml)},
        {"created_by_cadrekit_schema", std::to_string(schema_version)}};
    for (const auto &[k, v] : rows) {
      m.reset();
      m.bind(1, k).bind(2, v).run();
    }
    t.commit();
    impl->policy = std::move(policy);
    impl->county = std::string(county);
    return Workspace(std::move(impl));
  } catch (...) {
    remove_files(path);
    throw;
  }
}

Workspace Workspace::open(const std::string &path, const OpenOptions &options) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw WorkspaceError(FileProblem::io, "no workspace file there (create one with `cadrekit workspace init`)", path);
  if (!S_ISREG(st.st_mode)) throw WorkspaceError(FileProblem::io, "not a regular file", path);
  auto impl = std::make_unique<Impl>(path, options.busy_timeout_ms);
  schema::open(impl->db);
  {
    sql::ReadTransaction r(impl->db);
    impl->county = load_meta(impl->db, "county");
    const std::string name = load_meta(impl->db, "policy_name");
    const std::string yaml = load_meta(impl->db, "policy_yaml");
    try {
      impl->policy = policy_of(name, yaml);
    } catch (const PolicyError &e) {
      throw PolicyError(std::string("the workspace's policy profile cannot be loaded: ") + e.message(), e.field(), path);
    }
  }
  return Workspace(std::move(impl));
}

std::size_t Workspace::apply(std::span<const Action> actions, const Stamp &stamp, std::string_view command,
                             std::span<const std::string> records) {
  validate(stamp);
  Impl &d = *impl_;
  sql::Transaction t(d.db);
  const std::int64_t cmd = d.insert_command(command, stamp);
  std::map<std::pair<int, std::string>, Loaded> cache;
  const detail::Context ctx = d.context();
  sql::Stmt add_case(d.db, "INSERT INTO cases(kind, case_id, command_id) VALUES(?1, ?2, ?3)");
  sql::Stmt add_event(d.db,
                      "INSERT INTO events(kind, case_id, seq, op, effective, command_id, members, explanation) "
                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  sql::Stmt add_expl(d.db, "INSERT INTO explanations(event_id, subject, explanation) VALUES(?1, ?2, ?3)");
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const Action &a = actions[i];
    const std::string rec = i < records.size() ? records[i] : "actions[" + std::to_string(i) + "]";
    try {
      detail::validate_case_id(a.case_id, "case_id", rec);
      const detail::OpSpec *spec = detail::find_op(a.kind, a.op);
      if (!spec)
        throw InvalidInput("not an op of " + std::string(case_kind_name(a.kind)) + " cases (" +
                               detail::op_names(a.kind) + ")",
                           "op", rec);
      if (a.date.is_special()) throw InvalidInput("missing", "date", rec);
      Event e{a.op, a.date,
              detail::normalize_members(*spec, json_read::parse_object(a.members.empty() ? "{}" : a.members, "members"),
                                        rec)};
      auto key = std::pair(static_cast<int>(a.kind), a.case_id);
      auto it = cache.find(key);
      if (it == cache.end()) it = cache.emplace(key, d.load(a.kind, a.case_id, std::nullopt)).first;
      Loaded &l = it->second;
      if (!l.exists && !spec->opens)
        throw StateError("no such " + std::string(case_kind_name(a.kind)) + " case yet: its first op opens it (" +
                             detail::op_names(a.kind) + ")",
                         "op", rec);
      std::unique_ptr<Machine> next = l.machine->clone();
      std::string explanation = next->apply(e, ctx);
      if (!a.explanation.empty()) explanation = detail::canonical_explanation(a.explanation, "explanation", rec);
      l.machine = std::move(next);
      if (!l.exists) {
        add_case.reset();
        add_case.bind(1, case_kind_name(a.kind)).bind(2, a.case_id).bind(3, cmd).run();
        l.exists = true;
      }
      add_event.reset();
      add_event.bind(1, case_kind_name(a.kind))
          .bind(2, a.case_id)
          .bind(3, ++l.seq)
          .bind(4, e.op)
          .bind(5, to_iso(e.effective))
          .bind(6, cmd)
          .bind(7, json::serialize(e.members));
      if (explanation.empty()) add_event.bind_null(8);
      else add_event.bind(8, explanation);
      add_event.run();
      const std::int64_t event_id = sqlite3_last_insert_rowid(d.db.get());
      std::set<std::string> subjects;
      for (const auto &[subject, ex] : a.explanations) {
        if (!subjects.insert(subject).second) throw InvalidInput("a subject explained twice", "explanations", rec);
        add_expl.reset();
        add_expl.bind(1, event_id).bind(2, subject).bind(3, detail::canonical_explanation(ex, "explanations", rec)).run();
      }
    } catch (const WorkspaceError &) {
      throw;
    } catch (const Error &err) {
      detail::rethrow_with_record(err, rec);
    }
  }
  t.commit();
  return actions.size();
}

std::size_t Workspace::import_table(const ImportTable &table, const Stamp &stamp) {
  validate(stamp);
  const TableSpec *spec = find_table(table.kind);
  if (!spec) {
    std::string kinds;
    for (const auto &k : import_kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
    throw InvalidInput("not a table kind (" + kinds + ")", "kind");
  }
  const std::string src = table.source.empty() ? table.kind : table.source;
  std::set<std::string> cols;
  for (const auto &c : table.columns) {
    if (c.empty() || !is_valid_utf8(c)) throw InvalidInput("a column without a name", "columns", src);
    if (!cols.insert(c).second) throw InvalidInput("a column given twice", c, src);
  }
  for (const auto &alts : spec->required) {
    bool any = false;
    for (const char *c : alts) any = any || cols.count(c);
    if (!any) throw InvalidInput("a required column is missing", alts.front(), src);
  }
  std::optional<std::size_t> key;
  for (const char *k : spec->key) {
    auto it = std::find(table.columns.begin(), table.columns.end(), k);
    if (it != table.columns.end()) {
      key = static_cast<std::size_t>(it - table.columns.begin());
      break;
    }
  }
  Impl &d = *impl_;
  sql::Transaction t(d.db);
  const std::int64_t cmd = d.insert_command("import " + table.kind, stamp);
  json::array columns;
  for (const auto &c : table.columns) columns.push_back(json::string(c));
  sql::Stmt imp(d.db, "INSERT INTO imports(command_id, kind, source, as_of, columns, row_count) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  imp.bind(1, cmd).bind(2, table.kind).bind(3, src).bind(5, json::serialize(columns)).bind(6, static_cast<std::int64_t>(table.rows.size()));
  if (table.as_of) imp.bind(4, to_iso(*table.as_of));
  else imp.bind_null(4);
  imp.run();
  const std::int64_t import_id = sqlite3_last_insert_rowid(d.db.get());
  sql::Stmt row(d.db, "INSERT INTO import_rows(import_id, row_no, key, cells) VALUES(?1, ?2, ?3, ?4)");
  std::set<std::string> keys;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto &r = table.rows[i];
    const std::string where = i < table.row_labels.size() ? table.row_labels[i] : src + " row " + std::to_string(i + 1);
    if (r.size() != table.columns.size()) throw InvalidInput("the row has another number of cells than the header", "cells", where);
    json::array cells;
    for (const auto &c : r) {
      if (!is_valid_utf8(c)) throw InvalidInput("is not UTF-8 text", "cells", where);
      cells.push_back(json::string(c));
    }
    row.reset();
    row.bind(1, import_id).bind(2, static_cast<std::int64_t>(i + 1)).bind(4, json::serialize(cells));
    if (key) {
      const std::string &k = r[*key];
      if (k.empty()) throw InvalidInput("missing", table.columns[*key], where);
      if (!keys.insert(k).second) throw InvalidInput("a key listed twice", table.columns[*key], where);
      row.bind(3, k);
    } else {
      row.bind_null(3);
    }
    row.run();
  }
  t.commit();
  return table.rows.size();
}

std::vector<CaseStatus> Workspace::status(Date as_of) const {
  sql::ReadTransaction r(impl_->db);
  const detail::Context ctx = impl_->context();
  std::vector<CaseStatus> out;
  for (const auto &c : impl_->replay_all(as_of)) {
    CaseStatus s = c.l.machine->status(as_of, ctx);
    s.subject = impl_->mask(s.subject);  // a county may key its cadres by ID number
    s.detail = impl_->mask(s.detail);
    s.kind = c.kind;
    s.case_id = c.id;
    s.first = c.l.first;
    s.last = c.l.last;
    s.events = c.l.seq;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<DueItem> Workspace::due(Date as_of, int within_days) const {
  if (within_days < 0 || within_days > 3660) throw InvalidInput("must be within 0…3660 days", "within");
  sql::ReadTransaction r(impl_->db);
  const detail::Context ctx = impl_->context();
  const Date until = as_of + boost::gregorian::days(within_days);
  std::vector<DueItem> out;
  for (const auto &c : impl_->replay_all(as_of)) {
    std::vector<DueItem> items;
    c.l.machine->due(as_of, until, ctx, items);
    for (auto &d : items) {
      d.subject = impl_->mask(d.subject);
      d.detail = impl_->mask(d.detail);
      d.kind = c.kind;
      d.case_id = c.id;
      out.push_back(std::move(d));
    }
  }
  auto rank = [](const DueItem &d) { return d.state == "overdue" ? 0 : d.state == "due" ? 1 : 2; };
  std::stable_sort(out.begin(), out.end(), [&](const DueItem &a, const DueItem &b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    if (a.due && *a.due != *b.due) return *a.due < *b.due;
    return std::pair(static_cast<int>(a.kind), a.case_id) < std::pair(static_cast<int>(b.kind), b.case_id);
  });
  return out;
}

std::vector<HistoryEntry> Workspace::history(std::string_view case_id, std::optional<CaseKind> kind) const {
  const Impl &d = *impl_;
  sql::ReadTransaction r(d.db);
  std::vector<CaseKind> kinds;
  {
    sql::Stmt s(d.db, "SELECT kind FROM cases WHERE case_id = ?1 ORDER BY kind");
    s.bind(1, case_id);
    while (s.step()) {
      const CaseKind k = parse_case_kind(s.text(0), "kind");
      if (!kind || *kind == k) kinds.push_back(k);
    }
  }
  if (kinds.empty()) throw InvalidInput("no case with that id in the workspace", "CASE");
  if (kinds.size() > 1) {
    std::string names;
    for (CaseKind k : kinds) names += (names.empty() ? "" : ", ") + std::string(case_kind_name(k));
    throw InvalidInput("the id names cases of several kinds (" + names + "): give the kind", "CASE");
  }
  sql::Stmt s(d.db,
              "SELECT e.seq, e.op, e.effective, c.recorded_at, c.recorded_by, c.command, e.members, e.explanation "
              "FROM events e JOIN commands c ON c.id = e.command_id WHERE e.kind = ?1 AND e.case_id = ?2 ORDER BY e.seq");
  s.bind(1, case_kind_name(kinds.front())).bind(2, case_id);
  std::vector<HistoryEntry> out;
  while (s.step()) {
    HistoryEntry h;
    h.kind = kinds.front();
    h.case_id = std::string(case_id);
    h.seq = static_cast<int>(s.integer(0));
    h.op = s.text(1);
    // The event read as the replay reads one (event_of): a date or JSON altered by hand is a
    // damaged file here too, so that no surface prints or parses it as it is.
    try {
      h.effective = parse_iso_date(s.text(2), "effective");
      (void)json_read::parse_object(s.text(6), "members");
      if (!s.is_null(7)) (void)json_read::parse(s.text(7), "explanation");
    } catch (const InvalidInput &) {
      throw WorkspaceError(FileProblem::damaged, "an event of the workspace cannot be read", d.db.label());
    }
    h.recorded_at = s.text(3);
    h.recorded_by = s.text(4);
    h.command = s.text(5);
    h.members = d.mask(s.text(6));
    h.explanation = s.is_null(7) ? std::string() : s.text(7);
    out.push_back(std::move(h));
  }
  return out;
}

TableData Workspace::table(std::string_view kind, bool reveal) const {
  const Impl &d = *impl_;
  if (!find_table(kind)) throw InvalidInput("not a table kind", "kind");
  sql::ReadTransaction r(d.db);
  TableData out;
  sql::Stmt s(d.db, "SELECT id, columns FROM imports WHERE kind = ?1 ORDER BY id DESC LIMIT 1");
  s.bind(1, kind);
  if (!s.step()) return out;
  const std::int64_t id = s.integer(0);
  // The columns and each row as the import wrote them: arrays of text, a row as long as the
  // columns. Anything else is a file altered by hand.
  auto texts = [&](const std::string &stored, const char *what) {
    json::value v;
    try {
      v = json_read::parse(stored, what);
    } catch (const InvalidInput &) {
      v = nullptr;
    }
    const json::array *a = v.if_array();
    if (a == nullptr || std::any_of(a->begin(), a->end(), [](const json::value &c) { return !c.is_string(); }))
      throw WorkspaceError(FileProblem::damaged, "an imported table of the workspace cannot be read; restore it from a copy",
                           d.db.label());
    return *a;
  };
  for (const auto &c : texts(s.text(1), "columns")) out.columns.emplace_back(c.get_string());
  sql::Stmt rows(d.db, "SELECT cells FROM import_rows WHERE import_id = ?1 ORDER BY row_no");
  rows.bind(1, id);
  while (rows.step()) {
    const json::array cells = texts(rows.text(0), "cells");
    if (cells.size() != out.columns.size())
      throw WorkspaceError(FileProblem::damaged, "a row of an imported table of the workspace has " +
                                                     std::to_string(cells.size()) + " cells for " +
                                                     std::to_string(out.columns.size()) + " columns; restore it from a copy",
                           d.db.label());
    std::vector<std::string> row;
    for (std::size_t i = 0; i < cells.size(); ++i)
      row.push_back(mask_cell(out.columns[i], cells[i].get_string(), *d.policy, reveal));
    out.rows.push_back(std::move(row));
  }
  return out;
}

TableData Workspace::events(bool reveal) const {
  const Impl &d = *impl_;
  sql::ReadTransaction r(d.db);
  TableData out;
  out.columns = {"case_kind", "case_id", "seq", "op", "effective", "recorded_at", "recorded_by", "command",
                 "members", "explanation"};
  sql::Stmt s(d.db,
              "SELECT e.kind, e.case_id, e.seq, e.op, e.effective, c.recorded_at, c.recorded_by, c.command, e.members, "
              "e.explanation FROM events e JOIN commands c ON c.id = e.command_id ORDER BY e.id");
  while (s.step()) {
    std::vector<std::string> row;
    for (int i = 0; i < 10; ++i) row.push_back(s.text(i));
    if (!reveal) row[8] = d.mask(row[8]);
    out.rows.push_back(std::move(row));
  }
  return out;
}

TableData Workspace::imports() const {
  const Impl &d = *impl_;
  sql::ReadTransaction r(d.db);
  TableData out;
  out.columns = {"import", "kind", "source", "as_of", "rows", "recorded_at", "recorded_by"};
  sql::Stmt s(d.db,
              "SELECT i.id, i.kind, i.source, coalesce(i.as_of, ''), i.row_count, c.recorded_at, c.recorded_by "
              "FROM imports i JOIN commands c ON c.id = i.command_id ORDER BY i.id");
  while (s.step()) {
    std::vector<std::string> row;
    for (int i = 0; i < 7; ++i) row.push_back(s.text(i));
    row[2] = d.mask(row[2]);
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::vector<CheckProblem> Workspace::check() const {
  const Impl &d = *impl_;
  std::vector<CheckProblem> out;
  sql::ReadTransaction r(d.db);
  {
    sql::Stmt s(d.db, "PRAGMA integrity_check");
    while (s.step())
      if (s.text(0) != "ok") out.push_back({"sqlite", s.text(0)});
  }
  {
    sql::Stmt s(d.db, "PRAGMA foreign_key_check");
    while (s.step()) out.push_back({"sqlite", "a row of " + s.text(0) + " refers to a missing " + s.text(2)});
  }
  if (!out.empty()) return out;
  // Every case's log: seq 1…n without gaps, and replayed through the library.
  sql::Stmt cases(d.db, "SELECT kind, case_id FROM cases ORDER BY kind, case_id");
  while (cases.step()) {
    const std::string kind_name = cases.text(0), id = cases.text(1);
    // (a kind that is none of the library's is shown as a key may be; the case id is a key, its
    // ID numbers masked as the other queries mask them)
    const std::string where = json_read::display_key(kind_name) + " " + masked_record(d.mask(id));
    try {
      const CaseKind kind = parse_case_kind(kind_name, "kind");
      sql::Stmt n(d.db, "SELECT count(*), coalesce(max(seq), 0) FROM events WHERE kind = ?1 AND case_id = ?2");
      n.bind(1, kind_name).bind(2, id);
      n.step();
      if (n.integer(0) == 0 || n.integer(0) != n.integer(1)) {
        out.push_back({where, "the event log has gaps"});
        continue;
      }
      d.load(kind, id, std::nullopt);
    } catch (const Error &e) {
      out.push_back({where, e.what()});
    }
  }
  return out;
}

}  // namespace cadrekit::workspace

#include "schema.hpp"

#include <string>

namespace cadrekit::workspace::schema {

namespace {

// Each step takes the schema from version i to i + 1 and is never changed once released: a
// change of the schema is a new step. Every table is append-only (triggers refuse UPDATE and
// DELETE): state is derived from the log, never edited in place.
constexpr const char *kSteps[] = {
    // 0 -> 1: the cases and their event logs, and the commands that recorded them.
    R"SQL(
CREATE TABLE meta(
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL);
CREATE TABLE commands(
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL);
CREATE TABLE cases(
  kind TEXT NOT NULL,
  case_id TEXT NOT NULL,
  command_id INTEGER NOT NULL REFERENCES commands(id),
  PRIMARY KEY(kind, case_id));
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  case_id TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK(seq >= 1),
  op TEXT NOT NULL,
  effective TEXT NOT NULL,
  command_id INTEGER NOT NULL REFERENCES commands(id),
  members TEXT NOT NULL,
  explanation TEXT,
  UNIQUE(kind, case_id, seq),
  FOREIGN KEY(kind, case_id) REFERENCES cases(kind, case_id));
CREATE TRIGGER commands_append_only_update BEFORE UPDATE ON commands
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER commands_append_only_delete BEFORE DELETE ON commands
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER cases_append_only_update BEFORE UPDATE ON cases
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER cases_append_only_delete BEFORE DELETE ON cases
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
)SQL",
    // 1 -> 2: tables imported as the command line reads them, one row per input row.
    R"SQL(
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  command_id INTEGER NOT NULL REFERENCES commands(id),
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT,
  columns TEXT NOT NULL,
  row_count INTEGER NOT NULL);
CREATE TABLE import_rows(
  import_id INTEGER NOT NULL REFERENCES imports(id),
  row_no INTEGER NOT NULL,
  key TEXT,
  cells TEXT NOT NULL,
  PRIMARY KEY(import_id, row_no));
CREATE INDEX imports_by_kind ON imports(kind, id);
CREATE TRIGGER imports_append_only_update BEFORE UPDATE ON imports
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER imports_append_only_delete BEFORE DELETE ON imports
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER import_rows_append_only_update BEFORE UPDATE ON import_rows
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER import_rows_append_only_delete BEFORE DELETE ON import_rows
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
)SQL",
    // 2 -> 3: the explanations of the items of a decision (a pay sheet's lines, applicants),
    // and an index for the queries "as of a date".
    R"SQL(
CREATE TABLE explanations(
  event_id INTEGER NOT NULL REFERENCES events(id),
  subject TEXT NOT NULL,
  explanation TEXT NOT NULL,
  PRIMARY KEY(event_id, subject));
CREATE INDEX events_by_effective ON events(effective);
CREATE TRIGGER explanations_append_only_update BEFORE UPDATE ON explanations
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
CREATE TRIGGER explanations_append_only_delete BEFORE DELETE ON explanations
  BEGIN SELECT RAISE(ABORT, 'the workspace is append-only'); END;
)SQL",
};
static_assert(sizeof(kSteps) / sizeof(kSteps[0]) == static_cast<std::size_t>(schema_version),
              "one migration step per schema version");

void set_version(sql::Db &db, int v) { db.exec("PRAGMA user_version = " + std::to_string(v), "migrating"); }

/// Runs the steps from `from` to `to` inside the caller's transaction.
void run_steps(sql::Db &db, int from, int to) {
  for (int v = from; v < to; ++v) db.exec(kSteps[v], "migrating");
  set_version(db, to);
}

/// The file's application id and version, read inside a transaction.
struct Header {
  std::int64_t app = 0, version = 0, tables = 0;
};
Header header(const sql::Db &db) {
  Header h;
  h.app = db.scalar("PRAGMA application_id");
  h.version = db.scalar("PRAGMA user_version");
  h.tables = db.scalar("SELECT count(*) FROM sqlite_master");
  return h;
}

void check_header(const sql::Db &db, const Header &h) {
  if (h.app != application_id) {
    if (h.app == 0 && h.version == 0 && h.tables == 0)
      throw WorkspaceError(FileProblem::not_workspace,
                           "not a cadrekit workspace: the file is empty (create one with `cadrekit workspace init`)",
                           db.label());
    throw WorkspaceError(FileProblem::not_workspace,
                         "not a cadrekit workspace: an SQLite database of another application", db.label());
  }
  if (h.version > schema_version)
    throw WorkspaceError(FileProblem::newer_schema,
                         "the workspace was written by a newer cadrekit (schema version " + std::to_string(h.version) +
                             "; this cadrekit reads versions up to " + std::to_string(schema_version) +
                             "): upgrade cadrekit to use it",
                         db.label());
  if (h.version < 1)
    throw WorkspaceError(FileProblem::damaged, "the workspace has no schema version", db.label());
}

void pragmas(sql::Db &db) {
  db.exec("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cell_size_check = ON;", "opening");
}

void wal(sql::Db &db) {
  // WAL: readers never block the writer and a crash leaves the last committed state.
  // synchronous FULL: a committed command survives a power loss too.
  sql::Stmt s(db, "PRAGMA journal_mode = WAL");
  if (!s.step() || s.text(0) != "wal")
    throw WorkspaceError(FileProblem::io, "the workspace file cannot use a write-ahead log", db.label());
  db.exec("PRAGMA synchronous = FULL", "opening");
}

}  // namespace

void create(sql::Db &db) {
  pragmas(db);
  wal(db);
  sql::Transaction t(db);
  const Header h = header(db);
  if (h.app != 0 || h.version != 0 || h.tables != 0)
    throw WorkspaceError(FileProblem::exists, "the file already holds a database", db.label());
  db.exec("PRAGMA application_id = " + std::to_string(application_id), "creating");
  run_steps(db, 0, schema_version);
  t.commit();
}

void open(sql::Db &db) {
  pragmas(db);
  {
    // Read the header first without the write lock: a file that is not a workspace is refused
    // without ever being written.
    sql::ReadTransaction r(db);
    check_header(db, header(db));
  }
  wal(db);
  if (db.scalar("PRAGMA user_version") == schema_version) return;
  sql::Transaction t(db);
  const Header h = header(db);  // again under the lock: another process may have migrated it
  check_header(db, h);
  if (h.version < schema_version) {
    try {
      run_steps(db, static_cast<int>(h.version), schema_version);
    } catch (const WorkspaceError &) {
      throw;
    } catch (const Error &) {
      // The steps of a released version apply cleanly to a file of that version: a file they do
      // not apply to says it is of a version it is not.
      throw WorkspaceError(FileProblem::damaged,
                           "the workspace's tables do not match its schema version " + std::to_string(h.version),
                           db.label());
    }
  }
  t.commit();
}

void migrate_to(sql::Db &db, int target) {
  pragmas(db);
  sql::Transaction t(db);
  const Header h = header(db);
  if (h.tables == 0 && h.app == 0) db.exec("PRAGMA application_id = " + std::to_string(application_id), "creating");
  if (target < h.version || target > schema_version)
    throw InvalidInput("cannot migrate to that version", "target", db.label());
  run_steps(db, static_cast<int>(h.version), target);
  t.commit();
}

}  // namespace cadrekit::workspace::schema

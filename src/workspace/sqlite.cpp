#include "sqlite.hpp"

#include <climits>
#include <string>

#include "cadrekit/core/utf8.hpp"

namespace cadrekit::workspace::sql {

namespace {

/// The largest text or row SQLite may hold in a workspace: a bound on what a damaged or
/// hostile file can make a reader allocate.
constexpr int kMaxLength = 64 * 1024 * 1024;

}  // namespace

void fail(sqlite3 *db, int rc, std::string_view what, const std::string &label) {
  const int primary = rc & 0xff;
  // sqlite3_errmsg names tables, columns and constraints, never a value: every value is bound.
  const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const std::string doing(what);
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw WorkspaceError(FileProblem::busy,
                           "the workspace is busy: another process is writing to it (" + doing +
                               "; try again, or wait longer with a larger busy timeout)",
                           label);
    case SQLITE_CORRUPT:
      throw WorkspaceError(FileProblem::damaged,
                           "the workspace file is damaged (" + doing + ": " + detail +
                               "); restore it from a copy",
                           label);
    case SQLITE_NOTADB:
      throw WorkspaceError(FileProblem::not_workspace,
                           "not a cadrekit workspace: the file is not an SQLite database (" + doing + ")",
                           label);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
      throw WorkspaceError(FileProblem::io, "cannot use the workspace file (" + doing + ": " + detail + ")", label);
    case SQLITE_TOOBIG:
      throw WorkspaceError(FileProblem::damaged,
                           "a value in the workspace is larger than cadrekit reads (" + doing + ")", label);
    case SQLITE_NOMEM:
      throw Error(ErrorCode::out_of_memory, "out of memory (" + doing + " the workspace)", {}, label);
    case SQLITE_CONSTRAINT:
      // The schema's own guards (append-only triggers, keys): a bug of the caller of this
      // wrapper, or a file altered by hand.
      throw Error(ErrorCode::internal, "the workspace refused a write (" + doing + ": " + detail + ")", {}, label);
    case SQLITE_ERROR:
      // The statements are the library's own: a table or column they cannot find is a file
      // whose tables were altered or removed, not a bug.
      if (detail.rfind("no such table", 0) == 0 || detail.rfind("no such column", 0) == 0)
        throw WorkspaceError(FileProblem::damaged,
                             "the workspace's tables are not those of its schema version (" + doing + ": " + detail +
                                 "); restore it from a copy",
                             label);
      throw Error(ErrorCode::internal, "SQLite error (" + doing + ": " + detail + ")", {}, label);
    default:
      throw Error(ErrorCode::internal, "SQLite error (" + doing + ": " + detail + ")", {}, label);
  }
}

Db::Db(const std::string &path, std::string label, int busy_timeout_ms) : label_(std::move(label)) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX
#ifdef SQLITE_OPEN_NOFOLLOW
                    | SQLITE_OPEN_NOFOLLOW
#endif
      ;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    if ((rc & 0xff) == SQLITE_CANTOPEN)
      throw WorkspaceError(FileProblem::io, "cannot open the workspace file (" + detail + ")", label_);
    sql::fail(nullptr, rc, "opening", label_);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms < 0 ? 0 : busy_timeout_ms);
  sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, kMaxLength);
  sqlite3_limit(db_, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
#ifdef SQLITE_DBCONFIG_DEFENSIVE
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
#endif
#ifdef SQLITE_DBCONFIG_TRUSTED_SCHEMA
  sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
#endif
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::exec(std::string_view sql, std::string_view what) const {
  const std::string s(sql);
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, what);
}

Stmt Db::prepare(std::string_view sql) const { return Stmt(*this, sql); }

std::int64_t Db::scalar(std::string_view sql) const {
  Stmt s(*this, sql);
  if (!s.step()) throw Error(ErrorCode::internal, "no result", {}, label_);
  return s.integer(0);
}

Stmt::Stmt(const Db &db, std::string_view sql) : db_(&db) {
  int rc = sqlite3_prepare_v2(db.get(), sql.data(), static_cast<int>(sql.size()), &st_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "reading");
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt &Stmt::bind(int i, std::string_view text) {
  if (text.size() > static_cast<std::size_t>(kMaxLength))
    throw InvalidInput("a value is too large for the workspace", "value", db_->label());
  int rc = sqlite3_bind_text(st_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_->fail(rc, "writing");
  return *this;
}

Stmt &Stmt::bind(int i, std::int64_t v) {
  int rc = sqlite3_bind_int64(st_, i, v);
  if (rc != SQLITE_OK) db_->fail(rc, "writing");
  return *this;
}

Stmt &Stmt::bind_null(int i) {
  int rc = sqlite3_bind_null(st_, i);
  if (rc != SQLITE_OK) db_->fail(rc, "writing");
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail(rc, sqlite3_stmt_readonly(st_) ? "reading" : "writing");
}

void Stmt::run() {
  while (step()) {
  }
}

void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

bool Stmt::is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

std::int64_t Stmt::integer(int col) const { return sqlite3_column_int64(st_, col); }

std::string Stmt::text(int col) const {
  const unsigned char *p = sqlite3_column_text(st_, col);
  if (!p) return {};
  std::string out(reinterpret_cast<const char *>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)));
  // Every text the library writes is UTF-8; other bytes are a file altered by hand, which no
  // caller could show or write out as text.
  if (!is_valid_utf8(out))
    throw WorkspaceError(FileProblem::damaged, "a text of the workspace is not UTF-8; restore it from a copy",
                         db_->label());
  return out;
}

Transaction::Transaction(Db &db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE", "starting a write");
  open_ = true;
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT", "committing");
  open_ = false;
}

ReadTransaction::ReadTransaction(const Db &db) : db_(db) { db_.exec("BEGIN", "reading"); }

ReadTransaction::~ReadTransaction() { sqlite3_exec(db_.get(), "COMMIT", nullptr, nullptr, nullptr); }

}  // namespace cadrekit::workspace::sql

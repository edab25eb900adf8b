// A thin C++ wrapper over SQLite's C API (private to the workspace): RAII for the connection,
// statements and transactions, and every error turned into a WorkspaceError (the file's state)
// or an internal error — never a message holding a value (every value is a bound parameter).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cadrekit/workspace.hpp"

namespace cadrekit::workspace::sql {

/// Throws the WorkspaceError (or internal Error) for SQLite result code `rc`; `what` says what
/// was being done ("opening", "writing"), `label` names the file.
[[noreturn]] void fail(sqlite3 *db, int rc, std::string_view what, const std::string &label);

class Stmt;

class Db {
 public:
  /// Opens `path` read-write (never creates it). `label` names the file in errors.
  Db(const std::string &path, std::string label, int busy_timeout_ms);
  ~Db();
  Db(const Db &) = delete;
  Db &operator=(const Db &) = delete;

  sqlite3 *get() const noexcept { return db_; }
  const std::string &label() const noexcept { return label_; }
  /// Runs SQL without results (several statements allowed; no parameters).
  void exec(std::string_view sql, std::string_view what = "writing") const;
  Stmt prepare(std::string_view sql) const;
  /// The single integer a query such as "PRAGMA user_version" returns.
  std::int64_t scalar(std::string_view sql) const;
  [[noreturn]] void fail(int rc, std::string_view what) const { sql::fail(db_, rc, what, label_); }

 private:
  sqlite3 *db_ = nullptr;
  std::string label_;
};

class Stmt {
 public:
  Stmt(const Db &db, std::string_view sql);
  ~Stmt();
  Stmt(Stmt &&o) noexcept : db_(o.db_), st_(o.st_) { o.st_ = nullptr; }
  Stmt(const Stmt &) = delete;
  Stmt &operator=(const Stmt &) = delete;
  Stmt &operator=(Stmt &&) = delete;

  Stmt &bind(int i, std::string_view text);
  Stmt &bind(int i, std::int64_t v);
  Stmt &bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt &bind_null(int i);
  /// Steps once: true when a row is available, false when done.
  bool step();
  /// Steps to the end (a statement without results).
  void run();
  void reset();

  bool is_null(int col) const;
  std::int64_t integer(int col) const;
  std::string text(int col) const;

 private:
  const Db *db_;
  sqlite3_stmt *st_ = nullptr;
};

/// BEGIN IMMEDIATE (the write lock at once, waiting up to the busy timeout) … COMMIT; rolled
/// back when destroyed uncommitted (an exception on the way).
class Transaction {
 public:
  explicit Transaction(Db &db);
  ~Transaction();
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;
  void commit();

 private:
  Db &db_;
  bool open_ = false;
};

/// A read transaction (BEGIN DEFERRED … COMMIT): a consistent snapshot for a query.
class ReadTransaction {
 public:
  explicit ReadTransaction(const Db &db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction &) = delete;
  ReadTransaction &operator=(const ReadTransaction &) = delete;

 private:
  const Db &db_;
};

}  // namespace cadrekit::workspace::sql

// kill -9 of `cadrekit workspace import` at random points of a large import, again and again:
// the file must pass SQLite's integrity check, open and replay, and hold all of that import or
// none of it — never a part. Every other kill falls anywhere in the run; the others fall while
// the import writes to the file, before its commit (when its write-ahead log has grown to a
// random part of its size at the commit). Bounded in time: up to 100 kills within a budget of about 30 s.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/workspace.hpp"
#include "workspace/process/process.hpp"
#include "workspace/test_util.hpp"

using namespace cadrekit;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kBaseRows = 100;
// Large enough (about 3 MB) that the import outgrows SQLite's page cache and writes to the log
// before it commits: a kill then falls among frames of an uncommitted transaction.
constexpr int kBigRows = 6000;

void write_cadres(const std::string &file, int n, int offset) {
  std::ofstream out(file);
  out << "id,name,citizen_id,unit,note\n";
  const std::string note(120, 'n');
  for (int i = 0; i < n; ++i) {
    char body[18];
    std::snprintf(body, sizeof body, "150502%04d%02d%02d%03d", 1960 + i % 40, 1 + i % 12, 1 + i % 28, (i + offset) % 1000);
    const std::string id = std::string(body) + citizen_id_check_char(body);
    out << "K" << (offset + i) << ",姓名" << i << "," << id << ",示例旗第" << (i % 67) << "单位,"
        << "谈话记录" << note << note << i << "\n";
  }
}

std::vector<std::string> import_args(const std::string &db, const std::string &table) {
  return {CADREKIT_CLI, "workspace", "import", db, "cadres", table, "--by", "crash-test", "--recorded-at",
          "2017-01-02T03:04:05Z"};
}

struct Counts {
  std::int64_t imports = -1, rows = -1;
  std::string integrity;
};

Counts inspect(const std::string &file) {
  Counts c;
  sqlite3 *db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) return c;
  auto one = [&](const char *sql, std::string *text) -> std::int64_t {
    sqlite3_stmt *st = nullptr;
    std::int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      v = sqlite3_column_int64(st, 0);
      if (text) text->assign(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    }
    sqlite3_finalize(st);
    return v;
  };
  one("PRAGMA integrity_check", &c.integrity);
  c.imports = one("SELECT count(*) FROM imports", nullptr);
  c.rows = one("SELECT count(*) FROM import_rows", nullptr);
  sqlite3_close(db);
  return c;
}

/// The size of the database's write-ahead log (0 when there is none).
std::uintmax_t wal_size(const std::string &db) {
  std::error_code ec;
  const auto n = fs::file_size(db + "-wal", ec);
  return ec ? 0 : n;
}

}  // namespace

TEST(WorkspaceCrash, Kill9DuringALargeImportLeavesAllOrNone) {
  test::TempDir t;
  const std::string base = t.file("base.db"), small = t.file("small.csv"), big = t.file("big.csv");
  write_cadres(small, kBaseRows, 0);
  write_cadres(big, kBigRows, 100000);
  ASSERT_EQ(test::run({CADREKIT_CLI, "workspace", "init", base, "--by", "crash-test", "--recorded-at",
                       "2017-01-01T00:00:00Z"},
                      t.file("init.err")),
            0)
      << test::read_file(t.file("init.err"));
  ASSERT_EQ(test::run(import_args(base, small), t.file("small.err")), 0) << test::read_file(t.file("small.err"));
  ASSERT_FALSE(fs::exists(base + "-wal"));

  // How long a whole import takes here and now, and how far its write-ahead log grows before it
  // commits: half the kills fall anywhere in the run (and a little after), half when the log
  // has reached a random part of that size — among the frames of the uncommitted import.
  const std::string probe = t.file("probe.db");
  fs::copy_file(base, probe);
  const auto t0 = Clock::now();
  std::uintmax_t wal_max = 0;
  {
    test::Child p(import_args(probe, big), t.file("probe.err"));
    while (p.running()) {
      wal_max = std::max(wal_max, wal_size(probe));
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    ASSERT_EQ(p.wait(), 0) << test::read_file(t.file("probe.err"));
  }
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  ASSERT_GT(wal_max, 1024u * 1024u) << "the import should outgrow the page cache and write to the log";
  const Counts all = inspect(probe);
  ASSERT_EQ(all.imports, 2);
  ASSERT_EQ(all.rows, kBaseRows + kBigRows);

  std::mt19937 rng(2016);  // the same kill points every run
  std::uniform_int_distribution<long> delay_us(0, std::max<long>(1000, static_cast<long>(full_ms) * 1300));
  std::uniform_int_distribution<std::uintmax_t> kill_at(wal_max / 20, wal_max - wal_max / 20);
  const auto start = Clock::now();
  int runs = 0, none = 0, whole = 0, finished = 0, mid_write = 0;
  for (; runs < 100; ++runs) {
    if (runs >= 20 && Clock::now() - start > std::chrono::seconds(30)) break;
    const std::string db = t.file("w" + std::to_string(runs) + ".db");
    fs::copy_file(base, db);
    {
      test::Child child(import_args(db, big), t.file("kill.err"));
      if (runs % 2 == 0) {
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
      } else {
        const std::uintmax_t at = kill_at(rng);
        while (child.running() && wal_size(db) < at) std::this_thread::sleep_for(std::chrono::microseconds(20));
      }
      child.kill9();
      finished += child.wait() == 0;
    }
    // Killed while writing: the log holds frames of a transaction that never committed.
    const bool wrote = wal_size(db) > 32;  // more than the log's header
    const Counts c = inspect(db);
    ASSERT_EQ(c.integrity, "ok") << "run " << runs;
    if (c.imports == 1) {
      ++none;
      mid_write += wrote;
      ASSERT_EQ(c.rows, kBaseRows) << "run " << runs << ": a part of the import survived";
    } else {
      ++whole;
      ASSERT_EQ(c.imports, 2) << "run " << runs;
      ASSERT_EQ(c.rows, kBaseRows + kBigRows) << "run " << runs << ": a part of the import survived";
    }
    // The workspace opens, every log replays, the earlier import is intact.
    workspace::Workspace w = workspace::Workspace::open(db);
    ASSERT_TRUE(w.check().empty()) << "run " << runs;
    ASSERT_EQ(w.imports().rows.size(), static_cast<std::size_t>(c.imports));
    fs::remove(db);
    fs::remove(db + "-wal");
    fs::remove(db + "-shm");
  }
  std::printf("kill -9 at random points of a %lld ms import (log %ju bytes at its commit): %d runs, %d left none "
              "of it (%d of them killed while writing), %d all of it (%d had finished)\n",
              static_cast<long long>(full_ms), wal_max, runs, none, mid_write, whole, finished);
  EXPECT_GE(runs, 20);
  EXPECT_EQ(none + whole, runs);
  EXPECT_GT(mid_write, 0) << "no kill fell among the frames of an uncommitted import";
}

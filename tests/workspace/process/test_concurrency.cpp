// Two processes writing to one workspace at once: each waits for the other (busy timeout) or
// fails with a clear "busy" error (exit 75) having written nothing; nothing is ever lost.
// Bounded in time: up to 100 rounds within a budget of about 15 s.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cadrekit/workspace.hpp"
#include "workspace/process/process.hpp"
#include "workspace/test_util.hpp"

using namespace cadrekit;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::int64_t scalar(const std::string &file, const char *sql) {
  sqlite3 *db = nullptr;
  sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt *st = nullptr;
  std::int64_t v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

std::string init(const test::TempDir &t) {
  const std::string db = t.file("county.ck.db");
  EXPECT_EQ(test::run({CADREKIT_CLI, "workspace", "init", db, "--by", "t", "--recorded-at", "2017-01-01T00:00:00Z"},
                      t.file("init.err")),
            0);
  return db;
}

/// The steps of one disposal case up to its decision: 5 events.
void write_actions(const std::string &file, const std::string &case_id) {
  std::ofstream out(file);
  out << "case_kind,case_id,op,date,cadre_id,stage,method,grounds,actor\n"
      << "disposal," << case_id << ",open,2017-01-16,C1,,,,\n"
      << "disposal," << case_id << ",advance,2017-01-16,,motion,,,组织部\n"
      << "disposal," << case_id << ",advance,2017-01-19,,investigation,,,组织部\n"
      << "disposal," << case_id << ",advance,2017-01-26,,analysis,,,组织部\n"
      << "disposal," << case_id << ",decide,2017-02-02,,,transfer,annual_bottom,常委会\n";
}

}  // namespace

TEST(WorkspaceConcurrency, TwoWritersAtOnceLoseNothing) {
  test::TempDir t;
  const std::string db = init(t);
  const std::string table = t.file("cadres.csv");
  {
    std::ofstream out(table);
    out << "id,name\n";
    for (int i = 0; i < 500; ++i) out << "K" << i << ",姓名" << i << "\n";
  }
  const auto start = Clock::now();
  int rounds = 0, applied = 0, imported = 0, busy = 0;
  for (; rounds < 100; ++rounds) {
    if (rounds >= 20 && Clock::now() - start > std::chrono::seconds(15)) break;
    const std::string actions = t.file("a" + std::to_string(rounds) + ".csv");
    write_actions(actions, "D" + std::to_string(rounds));
    test::Child a({CADREKIT_CLI, "workspace", "apply", db, actions, "--by", "a", "--recorded-at", "2017-03-01T00:00:00Z"},
                  t.file("a.err"));
    test::Child b({CADREKIT_CLI, "workspace", "import", db, "cadres", table, "--by", "b", "--recorded-at",
                   "2017-03-01T00:00:00Z"},
                  t.file("b.err"));
    const int ra = a.wait(), rb = b.wait();
    for (const auto &[rc, err] : {std::pair{ra, t.file("a.err")}, std::pair{rb, t.file("b.err")}}) {
      if (rc == 75) {
        ++busy;
        EXPECT_NE(test::read_file(err).find("busy"), std::string::npos) << test::read_file(err);
      } else {
        ASSERT_EQ(rc, 0) << test::read_file(err);
      }
    }
    applied += ra == 0;
    imported += rb == 0;
    ASSERT_EQ(scalar(db, "SELECT count(*) FROM events"), 5 * applied) << "round " << rounds;
    ASSERT_EQ(scalar(db, "SELECT count(*) FROM imports"), imported) << "round " << rounds;
    ASSERT_EQ(scalar(db, "SELECT count(*) FROM import_rows"), 500 * imported) << "round " << rounds;
  }
  std::printf("%d rounds of two writers at once: %d applies and %d imports written, %d busy refusals\n", rounds,
              applied, imported, busy);
  EXPECT_GE(rounds, 20);
  workspace::Workspace w = workspace::Workspace::open(db);
  EXPECT_TRUE(w.check().empty());
  EXPECT_EQ(static_cast<int>(w.status(parse_iso_date("2017-03-01")).size()), applied);
}

TEST(WorkspaceConcurrency, ABusyFileIsAClearErrorOrAWait) {
  test::TempDir t;
  const std::string db = init(t);
  const std::string actions = t.file("a.csv");
  write_actions(actions, "D1");
  sqlite3 *other = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  // Held by another writer: a short timeout gives exit 75 and one clear line; nothing written.
  const int rc = test::run({CADREKIT_CLI, "workspace", "apply", db, actions, "--by", "a", "--busy-timeout", "100"},
                           t.file("busy.err"));
  const std::string err = test::read_file(t.file("busy.err"));
  EXPECT_EQ(rc, 75) << err;
  EXPECT_NE(err.find("cadrekit: state: the workspace is busy"), std::string::npos) << err;
  // A writer with the default timeout waits for the other to finish.
  test::Child waiting({CADREKIT_CLI, "workspace", "apply", db, actions, "--by", "a"}, t.file("wait.err"));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  EXPECT_EQ(waiting.wait(), 0) << test::read_file(t.file("wait.err"));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events"), 5);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM commands"), 2);  // init and the one apply that waited
}

// Tests of the county workspace (include/cadrekit/workspace.hpp): cases replayed through the
// library's own types, all-or-none writes, append-only storage, queries as of a date, the
// schema's migrations and refusals, damaged files, busy writers, and ID numbers that never
// leave the file unmasked.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/workspace.hpp"
#include "workspace/test_util.hpp"

using namespace cadrekit;
using namespace cadrekit::workspace;
namespace json = boost::json;
namespace fs = std::filesystem;
using cadrekit::test::TempDir;

namespace {

Date d(const char *s) { return parse_iso_date(s); }
const Stamp kStamp{"组织部 tester", "2017-03-01T08:00:00Z"};

Action act(CaseKind kind, std::string id, std::string op, const char *date, json::object members = {}) {
  Action a;
  a.kind = kind;
  a.case_id = std::move(id);
  a.op = std::move(op);
  a.date = d(date);
  a.members = json::serialize(members);
  return a;
}

/// The disposal case D1 of cadre C1 decided on 2017-02-02 (HORQIN.5).
std::vector<Action> decided_case() {
  return {act(CaseKind::disposal, "D1", "open", "2017-01-16", {{"cadre_id", "C1"}}),
          act(CaseKind::disposal, "D1", "advance", "2017-01-16", {{"stage", "motion"}, {"actor", "组织部"}}),
          act(CaseKind::disposal, "D1", "advance", "2017-01-19", {{"stage", "investigation"}, {"actor", "组织部"}}),
          act(CaseKind::disposal, "D1", "advance", "2017-01-26", {{"stage", "analysis"}, {"actor", "组织部"}}),
          act(CaseKind::disposal, "D1", "decide", "2017-02-02",
              {{"method", "transfer"}, {"grounds", json::array{"annual_bottom"}}, {"actor", "常委会"}})};
}

std::int64_t count(const std::string &file, const std::string &sql) {
  sqlite3 *db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt *st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::int64_t n = -1;
  if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

/// Runs SQL on the file directly (as a hand or another program would); returns SQLite's code.
int raw_exec(const std::string &file, const std::string &sql) {
  sqlite3 *db = nullptr;
  sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc;
}

std::string first_record() {
  std::ifstream in(std::string(CADREKIT_SOURCE_DIR) + "/data/sample/disclosure_records.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return json::serialize(json::parse(ss.str()).as_array().at(0));
}

template <class F>
std::string message_of(F &&f) {
  try {
    f();
  } catch (const Error &e) {
    return e.what() + std::string(" ") + e.field() + " " + e.record();
  }
  ADD_FAILURE() << "no error";
  return {};
}

}  // namespace

TEST(Workspace, CreatedReadableByItsOwnerOnlyWithItsWalAndShm) {
  TempDir t;
  const std::string f = t.file("county.ck.db");
  const mode_t old = ::umask(0);  // even with a permissive umask
  Workspace w = Workspace::create(f, kStamp, "示例旗");
  w.apply(decided_case(), kStamp);
  ::umask(old);
  for (const std::string suffix : {"", "-wal", "-shm"}) {
    struct stat st {};
    ASSERT_EQ(::stat((f + suffix).c_str(), &st), 0) << suffix;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << suffix;
  }
  EXPECT_EQ(w.county(), "示例旗");
  EXPECT_EQ(w.policy().name(), "tongliao-2016");
  try {
    Workspace::create(f, kStamp);
    FAIL() << "created twice";
  } catch (const WorkspaceError &e) {
    EXPECT_EQ(e.problem(), FileProblem::exists);
  }
}

TEST(Workspace, UsesWalAndTheSchemaVersion) {
  TempDir t;
  const std::string f = t.file("w.db");
  Workspace::create(f, kStamp);
  EXPECT_EQ(count(f, "PRAGMA user_version"), schema_version);
  EXPECT_EQ(count(f, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}

TEST(Workspace, DisposalStagesAreReplayedThroughTheLibrary) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  EXPECT_EQ(w.apply(decided_case(), kStamp), 5u);
  auto st = w.status(d("2017-01-20"));
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].stage, "investigation");
  EXPECT_EQ(st[0].subject, "C1");
  EXPECT_EQ(st[0].events, 3);
  EXPECT_TRUE(st[0].open);
  st = w.status(d("2017-03-01"));
  EXPECT_EQ(st[0].stage, "decision");
  EXPECT_EQ(st[0].detail.rfind("method transfer", 0), 0u) << st[0].detail;
  EXPECT_TRUE(w.status(d("2017-01-01")).empty());  // not yet opened

  // A skipped stage is the library's StateError, naming the action; nothing is written.
  std::vector<Action> bad{act(CaseKind::disposal, "D1", "advance", "2017-02-03", {{"stage", "notification"}, {"actor", "组织部"}}),
                          act(CaseKind::disposal, "D1", "advance", "2017-02-04", {{"stage", "motion"}, {"actor", "组织部"}})};
  try {
    w.apply(bad, kStamp, "apply", std::vector<std::string>{"a.csv:2", "a.csv:3"});
    FAIL() << "a refused move was recorded";
  } catch (const StateError &e) {
    EXPECT_EQ(e.record(), "a.csv:3 (D1)");
  }
  EXPECT_EQ(w.history("D1").size(), 5u);
  EXPECT_EQ(count(w.path(), "SELECT count(*) FROM commands"), 2);  // init + the first apply
}

TEST(Workspace, AFailedCommandWritesNothingAtAll) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  auto actions = decided_case();
  actions.push_back(act(CaseKind::disposal, "D2", "advance", "2017-02-03", {{"stage", "motion"}, {"actor", "x"}}));
  EXPECT_THROW(w.apply(actions, kStamp), StateError);  // D2 was never opened
  EXPECT_EQ(count(w.path(), "SELECT count(*) FROM events"), 0);
  EXPECT_EQ(count(w.path(), "SELECT count(*) FROM cases"), 0);
  EXPECT_TRUE(w.status(d("2018-01-01")).empty());
}

TEST(Workspace, TheLogIsAppendOnly) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  auto a = decided_case();
  a.push_back(act(CaseKind::village_pay, "2016", "published", "2016-04-01", {{"quarter", 1}}));
  a.back().explanations = {{"V1", Explanation("village V1").to_json()}};
  w.apply(a, kStamp);
  w.import_table({"units", "u.csv", std::nullopt, {"unit_id", "budget"}, {{"U1", "1"}}, {}}, kStamp);
  for (const char *sql : {"UPDATE events SET op = 'x'", "DELETE FROM events", "DELETE FROM cases",
                          "UPDATE commands SET recorded_by = 'x'", "DELETE FROM explanations", "DELETE FROM import_rows"})
    EXPECT_NE(raw_exec(w.path(), sql), SQLITE_OK) << sql;
  EXPECT_EQ(count(w.path(), "SELECT count(*) FROM events"), 6);
  EXPECT_EQ(count(w.path(), "SELECT count(*) FROM explanations"), 1);
  EXPECT_EQ(count(w.path(), "SELECT count(*) FROM import_rows"), 1);
}

TEST(Workspace, FollowUpLedgerDueAndOverdue) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  auto a = decided_case();
  a.push_back(act(CaseKind::disposal, "D1", "follow_up", "2017-03-01", {{"kind", "monthly_talk"}, {"actor", "分管领导"}}));
  w.apply(a, kStamp);
  // Talks due 03-02, 04-02, 05-02, visits 05-02 (interval 1 and 3 months from 02-02).
  auto due = w.due(d("2017-05-02"));
  std::vector<std::string> got;
  for (const auto &x : due) got.push_back(x.what + " " + to_iso(*x.due) + " " + x.state);
  EXPECT_EQ(got, (std::vector<std::string>{"monthly_talk 2017-04-02 overdue", "monthly_talk 2017-05-02 due",
                                           "quarterly_visit 2017-05-02 due"}));
  // Within 31 days: the next talk too.
  EXPECT_EQ(w.due(d("2017-05-02"), 31).size(), 4u);
  // Ending the follow-up ends what is due after it.
  const Action end = act(CaseKind::disposal, "D1", "follow_up_end", "2017-04-10", {{"actor", "组织部"}, {"note", "重新任职"}});
  w.apply(std::span(&end, 1), kStamp);
  EXPECT_EQ(w.due(d("2017-05-02")).size(), 1u);
  EXPECT_NE(w.status(d("2017-05-02"))[0].detail.find("follow-up ended 2017-04-10"), std::string::npos);
  // A follow-up before the decision is refused.
  Workspace w2 = Workspace::create(t.file("w2.db"), kStamp);
  auto b = decided_case();
  b.insert(b.begin() + 2, act(CaseKind::disposal, "D1", "follow_up", "2017-01-17", {{"kind", "monthly_talk"}, {"actor", "x"}}));
  EXPECT_THROW(w2.apply(b, kStamp), StateError);
}

TEST(Workspace, DisclosureCaseFromAnImportedRecordWithIdNumbersMasked) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  const std::string rec = first_record();
  const std::string id_number = std::string(json::parse(rec).at("citizen_id").as_string());
  ImportTable tbl{"disclosure_records", "records.json", std::nullopt, {"id", "record"}, {{"SB-2016-001", rec}}, {}};
  EXPECT_EQ(w.import_table(tbl, kStamp), 1u);
  std::vector<Action> a{act(CaseKind::disclosure, "SB-2016-001", "open", "2016-03-10", {{"actor", "组织部"}}),
                        act(CaseKind::disclosure, "SB-2016-001", "post_round", "2016-03-14", {{"round", 1}, {"actor", "组织部"}}),
                        act(CaseKind::disclosure, "SB-2016-001", "receive_complaint", "2016-03-15",
                            {{"channel", "letter"}, {"actor", "组织部"}})};
  w.apply(a, kStamp);
  auto st = w.status(d("2016-03-16"));
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].stage, "complaint");
  auto due = w.due(d("2016-03-16"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].what, "round1_window");
  EXPECT_EQ(due[0].state, "open");
  EXPECT_EQ(due[1].what, "complaint");
  // The round's explanation is the library's (plan_round: KAILU.2).
  const auto h = w.history("SB-2016-001");
  ASSERT_EQ(h.size(), 3u);
  EXPECT_NE(h[1].explanation.find("KAILU"), std::string::npos);
  // The record (copied into the log) is stored as given, shown masked.
  EXPECT_EQ(h[0].members.find(id_number), std::string::npos);
  EXPECT_NE(h[0].members.find(mask_id_number(id_number, w.policy())), std::string::npos);
  const TableData ev = w.events(), raw = w.events(true);
  EXPECT_EQ(ev.rows[0][8].find(id_number), std::string::npos);
  EXPECT_NE(raw.rows[0][8].find(id_number), std::string::npos);
  EXPECT_EQ(w.table("disclosure_records").rows[0][1].find(id_number), std::string::npos);
  EXPECT_NE(w.table("disclosure_records", true).rows[0][1].find(id_number), std::string::npos);
  EXPECT_EQ(count(w.path(), "SELECT count(*) FROM events WHERE instr(members, '" + id_number + "') > 0"), 1);
}

TEST(Workspace, IdNumbersNeverInAMessage) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  const std::string body = "15052619791229065";
  const std::string id = body + citizen_id_check_char(body);
  ASSERT_TRUE(is_valid_citizen_id(id));
  // As a case id (refused: case ids are listed everywhere), as a duplicate key, as a bad member.
  EXPECT_EQ(message_of([&] { w.apply(std::vector{act(CaseKind::disposal, id, "open", "2017-01-01", {{"cadre_id", "C"}})}, kStamp); })
                .find(id),
            std::string::npos);
  ImportTable tbl{"cadres", "c.csv", std::nullopt, {"id", "citizen_id"}, {{id, id}, {id, id}}, {}};
  const std::string m = message_of([&] { w.import_table(tbl, kStamp); });
  EXPECT_EQ(m.find(id), std::string::npos) << m;
  EXPECT_NE(m.find("c.csv row 2"), std::string::npos) << m;
  EXPECT_EQ(message_of([&] { (void)w.history(id); }).find(id), std::string::npos);
  EXPECT_EQ(message_of([&] { w.apply(std::vector{act(CaseKind::disposal, "D9", "open", "2017-01-01", {{"cadre_id", "C"}, {"note", id}})}, kStamp); })
                .find(id),
            std::string::npos);
  // A table with an ID column: exported masked unless revealed.
  ImportTable ok{"cadres", "c.csv", std::nullopt, {"id", "citizen_id", "note"}, {{"K1", id, "see " + id}}, {}};
  w.import_table(ok, kStamp);
  const TableData masked = w.table("cadres");
  EXPECT_EQ(masked.rows[0][1], mask_id_number(id, w.policy()));
  EXPECT_EQ(masked.rows[0][1], "150526********065X");
  EXPECT_EQ(masked.rows[0][2].find(id), std::string::npos);
  EXPECT_EQ(w.table("cadres", true).rows[0][1], id);
}

TEST(Workspace, TierHistoryStartReviewAndSpecialFunds) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  std::vector<Action> a{act(CaseKind::tier, "U1", "tiered", "2017-01-01", {{"level", "2"}}),
                        act(CaseKind::tier, "U1", "tiered", "2018-01-01", {{"level", 3}}),
                        act(CaseKind::tier, "U1", "special_funds", "2018-07-01", {{"amount", "500万"}})};
  w.apply(a, kStamp);
  const auto h = w.history("U1");
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].op, "start");
  EXPECT_EQ(h[1].op, "review");
  EXPECT_NE(h[1].members.find("\"year\":2018"), std::string::npos) << h[1].members;
  EXPECT_NE(h[2].explanation.find("HOLINGOL.3"), std::string::npos);
  EXPECT_EQ(w.status(d("2017-06-01"))[0].stage, "level 2");
  const auto st = w.status(d("2018-08-01"));
  EXPECT_EQ(st[0].stage, "level 2");  // small funds: up one level (HOLINGOL.3)
  EXPECT_TRUE(st[0].open);
  const auto due = w.due(d("2020-07-01"));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].what, "special_funds_audit");
  EXPECT_EQ(to_iso(*due[0].due), "2020-06-30");
  EXPECT_EQ(due[0].state, "overdue");
  // A second start is refused by the history.
  EXPECT_THROW(w.apply(std::vector{act(CaseKind::tier, "U1", "start", "2019-01-01", {{"level", "1"}})}, kStamp), StateError);
}

TEST(Workspace, TwoSpecialFundsOpenAtOnceEachClosesOnItsOwn) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  w.apply(std::vector{act(CaseKind::tier, "U1", "tiered", "2017-01-01", {{"level", "3"}}),
                      act(CaseKind::tier, "U1", "special_funds", "2017-03-01", {{"amount", "500万"}, {"fund_id", "F1"}}),
                      act(CaseKind::tier, "U1", "special_funds", "2017-05-01", {{"amount", "600万"}})},
          kStamp);
  const auto h = w.history("U1");
  ASSERT_EQ(h.size(), 3u);
  EXPECT_NE(h[1].members.find("\"fund_id\":\"F1\""), std::string::npos) << h[1].members;
  // The fund left unnamed keeps the name the library gave it, so that it can be closed.
  const auto at = h[2].members.find("\"fund_id\":\"");
  ASSERT_NE(at, std::string::npos) << h[2].members;
  const std::string second = h[2].members.substr(at + 12, h[2].members.find('"', at + 12) - (at + 12));
  ASSERT_FALSE(second.empty());
  ASSERT_NE(second, "F1");
  auto due = w.due(d("2017-06-01"), 3650);
  ASSERT_EQ(due.size(), 2u);  // one audit due per open fund
  EXPECT_EQ(to_iso(*due[0].due), "2019-02-28");
  EXPECT_EQ(to_iso(*due[1].due), "2019-04-30");
  w.apply(std::vector{act(CaseKind::tier, "U1", "completion", "2017-09-01", {{"finding", "none"}, {"fund_id", "F1"}})},
          kStamp);
  due = w.due(d("2017-10-01"), 3650);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_NE(due[0].detail.find(second), std::string::npos) << due[0].detail;
  EXPECT_TRUE(w.status(d("2017-10-01"))[0].open);
  // With two open, a completion must say which.
  w.apply(std::vector{act(CaseKind::tier, "U1", "special_funds", "2017-11-01", {{"amount", "700万"}, {"fund_id", "F3"}})},
          kStamp);
  EXPECT_THROW(w.apply(std::vector{act(CaseKind::tier, "U1", "completion", "2017-12-01", {{"finding", "none"}})}, kStamp),
               StateError);
}

TEST(Workspace, PlanCompletionsAndDueAudits) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  json::array audits{json::object{{"year", 2017}, {"unit_id", "U1"}, {"kind", "in_term"}},
                     json::object{{"year", 2017}, {"unit_id", "U2"}, {"kind", "in_term"}},
                     json::object{{"year", 2018}, {"unit_id", "U3"}, {"kind", "sample"}}};
  w.apply(std::vector{act(CaseKind::audit_plan, "2017-2018", "drawn", "2017-01-01",
                          {{"first_year", 2017}, {"last_year", 2018}, {"audits", audits}}),
                      act(CaseKind::audit_plan, "2017-2018", "completed", "2017-06-30",
                          {{"unit_id", "U1"}, {"kind", "in_term"}, {"finding", "minor"}})},
          kStamp);
  auto due = w.due(d("2018-01-10"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].subject, "U2");
  EXPECT_EQ(due[0].state, "overdue");
  EXPECT_EQ(due[1].subject, "U3");
  EXPECT_EQ(due[1].state, "due");
  EXPECT_EQ(w.status(d("2018-01-10"))[0].detail, "1 of 3 planned audits done");
  // Drawn again: recorded as a revision.
  w.apply(std::vector{act(CaseKind::audit_plan, "2017-2018", "drawn", "2018-02-01",
                          {{"first_year", 2017}, {"last_year", 2018}, {"audits", json::array{}}})},
          kStamp);
  EXPECT_EQ(w.history("2017-2018").back().op, "revised");
  EXPECT_THROW(w.apply(std::vector{act(CaseKind::audit_plan, "2017-2018", "completed", "2018-03-01",
                                       {{"unit_id", "U1"}, {"kind", "nonsense"}})},
                       kStamp),
               InvalidInput);
}

TEST(Workspace, PaySheetPublicityAndActions) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  json::array lines{json::object{{"cadre_id", "P1"}, {"village_id", "V1"},
                                 {"actions", json::array{json::object{{"kind", "admonishment_talk"}, {"due", "2017-01-31"}}}}},
                    json::object{{"cadre_id", "P2"}, {"village_id", "V2"}, {"actions", json::array{}}}};
  w.apply(std::vector{act(CaseKind::village_pay, "2016", "published", "2016-04-01", {{"quarter", 1}}),
                      act(CaseKind::village_pay, "2016", "computed", "2016-12-31", {{"year", 2016}, {"lines", lines}})},
          kStamp);
  const auto h = w.history("2016");
  EXPECT_NE(h[0].explanation.find("JARUD"), std::string::npos);  // publicity_window's explanation
  auto due = w.due(d("2016-04-03"));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].what, "publicity_window");
  EXPECT_EQ(to_iso(*due[0].due), "2016-04-07");  // 7 calendar days (JARUD.1)
  due = w.due(d("2017-02-01"));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].what, "admonishment_talk");
  EXPECT_EQ(due[0].state, "overdue");
  w.apply(std::vector{act(CaseKind::village_pay, "2016", "action_done", "2017-02-03",
                          {{"cadre_id", "P1"}, {"kind", "admonishment_talk"}, {"actor", "党委书记"}})},
          kStamp);
  EXPECT_TRUE(w.due(d("2017-02-05")).empty());
  EXPECT_THROW(w.apply(std::vector{act(CaseKind::village_pay, "2016", "action_done", "2017-02-04",
                                       {{"cadre_id", "P2"}, {"kind", "rectification"}, {"actor", "x"}})},
                       kStamp),
               StateError);
}

TEST(Workspace, SelectionRenewalsEveryYear) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  json::array apps{json::object{{"cadre_id", "P1"}, {"eligible", true}},
                   json::object{{"cadre_id", "P2"}, {"eligible", false}}};
  w.apply(std::vector{act(CaseKind::selection, "2016", "eligibility", "2016-10-01", {{"applicants", apps}}),
                      act(CaseKind::selection, "2016", "appointed", "2016-12-01", {{"cadre_id", "P1"}, {"actor", "旗委"}})},
          kStamp);
  EXPECT_THROW(w.apply(std::vector{act(CaseKind::selection, "2016", "appointed", "2016-12-02",
                                       {{"cadre_id", "P2"}, {"actor", "旗委"}})},
                       kStamp),
               StateError);  // found not eligible
  auto due = w.due(d("2017-01-05"));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].what, "renewal");
  EXPECT_EQ(to_iso(*due[0].due), "2016-12-31");
  EXPECT_EQ(due[0].state, "overdue");
  // Renewed for 2016 (graded basic), then not for 2017 (graded 不合格: village::renewals).
  w.apply(std::vector{act(CaseKind::selection, "2016", "renewal", "2017-01-06",
                          {{"cadre_id", "P1"}, {"year", 2016}, {"in_post", true}, {"grade", "basic"}})},
          kStamp);
  EXPECT_EQ(to_iso(*w.due(d("2017-06-01"), 365)[0].due), "2017-12-31");
  w.apply(std::vector{act(CaseKind::selection, "2016", "renewal", "2018-01-06",
                          {{"cadre_id", "P1"}, {"year", 2017}, {"in_post", true}, {"grade", "不合格"}})},
          kStamp);
  EXPECT_TRUE(w.due(d("2018-06-01"), 365).empty());
  EXPECT_FALSE(w.status(d("2018-06-01"))[0].open);
}

TEST(Workspace, ActionsFromTableCells) {
  std::vector<std::pair<std::string, std::string>> cells{
      {"case_kind", "disposal"}, {"case_id", "D1"}, {"op", "decide"}, {"date", "2017-02-02"},
      {"method", "transfer"},    {"grounds", "annual_bottom;F1"}, {"actor", "常委会"}, {"stage", ""}, {"kind", ""}};
  const Action a = action_from_cells(cells, "a.csv:5");
  EXPECT_EQ(a.members, R"({"method":"transfer","grounds":["annual_bottom","F1"],"actor":"常委会"})");
  cells.emplace_back("round", "2");  // a member decide does not take
  try {
    action_from_cells(cells, "a.csv:5");
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "round");
    EXPECT_EQ(e.record(), "a.csv:5");
  }
  EXPECT_THROW(action_from_json(R"({"case_kind":"disposal","case_id":"D1","op":"fly","date":"2017-01-01"})", "x"),
               InvalidInput);
  const Action b = action_from_json(
      R"({"case_kind":"disclosure","case_id":"R1","op":"post_round","date":"2016-03-14","round":"1","actor":"组织部"})", "x");
  EXPECT_EQ(b.members, R"({"round":1,"actor":"组织部"})");
  EXPECT_EQ(action_from_json(action_to_json(b), "y").members, b.members);
}

TEST(Workspace, ImportKeepsEveryVersionAndChecksColumns) {
  TempDir t;
  Workspace w = Workspace::create(t.file("w.db"), kStamp);
  EXPECT_THROW(w.import_table({"units", "u.csv", std::nullopt, {"unit_id"}, {{"U1"}}, {}}, kStamp), InvalidInput);
  EXPECT_THROW(w.import_table({"nonsense", "u.csv", std::nullopt, {"unit_id"}, {{"U1"}}, {}}, kStamp), InvalidInput);
  w.import_table({"units", "u.csv", d("2016-12-31"), {"unit_id", "budget"}, {{"U1", "100"}, {"U2", "200"}}, {}}, kStamp);
  w.import_table({"units", "u2.csv", d("2017-12-31"), {"unit_id", "budget"}, {{"U1", "150"}}, {}}, kStamp);
  EXPECT_EQ(w.table("units").rows.size(), 1u);
  EXPECT_EQ(w.imports().rows.size(), 2u);
  EXPECT_EQ(count(w.path(), "SELECT count(*) FROM import_rows"), 3);
}

TEST(Workspace, RefusesANewerSchemaAndLeavesItUntouched) {
  TempDir t;
  const std::string f = t.file("w.db");
  { Workspace::create(f, kStamp); }
  ASSERT_EQ(raw_exec(f, "PRAGMA user_version = " + std::to_string(schema_version + 1)), SQLITE_OK);
  try {
    Workspace::open(f);
    FAIL() << "opened a newer schema";
  } catch (const WorkspaceError &e) {
    EXPECT_EQ(e.problem(), FileProblem::newer_schema);
    EXPECT_NE(std::string(e.what()).find("newer cadrekit"), std::string::npos);
  }
  EXPECT_EQ(count(f, "PRAGMA user_version"), schema_version + 1);
}

TEST(Workspace, RefusesWhatIsNotAWorkspace) {
  TempDir t;
  auto problem = [](const std::string &f) {
    try {
      Workspace::open(f);
    } catch (const WorkspaceError &e) {
      return e.problem();
    }
    return FileProblem::io;  // never: opened
  };
  std::ofstream(t.file("text.db")) << "county,year\n示例旗,2016\n";
  EXPECT_EQ(problem(t.file("text.db")), FileProblem::not_workspace);
  std::ofstream(t.file("empty.db")).close();
  EXPECT_EQ(problem(t.file("empty.db")), FileProblem::not_workspace);
  {  // another application's SQLite database
    sqlite3 *db = nullptr;
    sqlite3_open(t.file("other.db").c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE x(a)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  EXPECT_EQ(problem(t.file("other.db")), FileProblem::not_workspace);
  try {
    Workspace::open(t.file("missing.db"));
    FAIL();
  } catch (const WorkspaceError &e) {
    EXPECT_EQ(e.problem(), FileProblem::io);
  }
}

TEST(Workspace, ADamagedFileIsReportedNotCrashedOn) {
  TempDir t;
  const std::string f = t.file("w.db");
  {
    Workspace w = Workspace::create(f, kStamp);
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < 3000; ++i) rows.push_back({"K" + std::to_string(i), std::string(40, 'x')});
    w.import_table({"cadres", "c.csv", std::nullopt, {"id", "note"}, rows, {}}, kStamp);
    w.apply(decided_case(), kStamp);
  }
  ASSERT_EQ(raw_exec(f, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
  const auto size = fs::file_size(f);
  ASSERT_GT(size, 8u * 4096u);
  // Overwrite pages in the middle and at the end with garbage, several ways.
  for (int round = 0; round < 3; ++round) {
    const std::string g = t.file("g" + std::to_string(round) + ".db");
    fs::copy_file(f, g);
    {
      std::fstream io(g, std::ios::in | std::ios::out | std::ios::binary);
      const std::streamoff at = round == 0 ? 4096 * 2 : round == 1 ? static_cast<std::streamoff>(size / 2) : static_cast<std::streamoff>(size - 4096);
      io.seekp(at);
      for (int i = 0; i < 4096; ++i) io.put(static_cast<char>((i * 131 + round * 17) & 0xff));
    }
    ::chmod(g.c_str(), 0600);
    try {
      Workspace w = Workspace::open(g);
      const auto problems = w.check();
      (void)w.status(d("2018-01-01"));
      (void)w.table("cadres");
      EXPECT_FALSE(problems.empty()) << "damage at round " << round << " went unnoticed";
    } catch (const WorkspaceError &e) {
      EXPECT_TRUE(e.problem() == FileProblem::damaged || e.problem() == FileProblem::not_workspace) << e.what();
    } catch (const Error &e) {
      // A damaged event is reported as such, never a crash.
      EXPECT_NE(std::string(e.what()).size(), 0u);
    }
  }
  // Bytes changed at random anywhere (the header, the schema, the pages): every query either
  // answers or throws cadrekit::Error — never a crash, never a hang.
  std::mt19937 rng(2016);
  for (int round = 0; round < 40; ++round) {
    const std::string g = t.file("r" + std::to_string(round) + ".db");
    fs::copy_file(f, g);
    {
      std::fstream io(g, std::ios::in | std::ios::out | std::ios::binary);
      std::uniform_int_distribution<std::uintmax_t> at(0, size - 1);
      for (int i = 0; i < 1 + round % 8; ++i) {
        io.seekp(static_cast<std::streamoff>(at(rng)));
        io.put(static_cast<char>(rng() & 0xff));
      }
    }
    try {
      Workspace w = Workspace::open(g);
      (void)w.check();
      (void)w.status(d("2018-01-01"));
      (void)w.due(d("2018-01-01"));
      (void)w.history("D1");
      (void)w.events();
      (void)w.table("cadres");
    } catch (const Error &) {
    }
  }
  // A truncated file.
  const std::string h = t.file("half.db");
  fs::copy_file(f, h);
  fs::resize_file(h, size / 3);
  try {
    Workspace w = Workspace::open(h);
    EXPECT_FALSE(w.check().empty());
  } catch (const Error &) {
    SUCCEED();
  }
}

TEST(Workspace, ABusyWriterWaitsOrFailsClearly) {
  TempDir t;
  const std::string f = t.file("w.db");
  { Workspace::create(f, kStamp); }
  sqlite3 *other = nullptr;
  ASSERT_EQ(sqlite3_open(f.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE; INSERT INTO commands(command, recorded_at, recorded_by) "
                                "VALUES('other', '2017-01-01T00:00:00Z', 'x')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  // Another writer holds the lock: without waiting, a clear busy error and nothing written.
  {
    Workspace w = Workspace::open(f, {0});
    try {
      w.apply(decided_case(), kStamp);
      FAIL() << "wrote while another process held the lock";
    } catch (const WorkspaceError &e) {
      EXPECT_EQ(e.problem(), FileProblem::busy);
      EXPECT_EQ(e.code(), ErrorCode::state);
      EXPECT_NE(std::string(e.what()).find("busy"), std::string::npos);
    }
    // Readers are not blocked by the writer (WAL).
    EXPECT_TRUE(w.status(d("2018-01-01")).empty());
  }
  // With a timeout the writer waits for the other to finish, then writes.
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  });
  Workspace w = Workspace::open(f, {10000});
  EXPECT_EQ(w.apply(decided_case(), kStamp), 5u);
  release.join();
  sqlite3_close(other);
  EXPECT_EQ(count(f, "SELECT count(*) FROM commands"), 3);
}

TEST(Workspace, MigratesEachEarlierVersion) {
  for (int v = 1; v < schema_version; ++v) {
    TempDir t;
    const std::string f = t.file("old.db");
    const std::string sql = cadrekit::test::read_file(std::string(CADREKIT_SOURCE_DIR) + "/tests/workspace/fixtures/schema_v" +
                                                      std::to_string(v) + ".sql");
    ASSERT_FALSE(sql.empty()) << "fixture of version " << v;
    {
      std::ofstream(f).close();
      ASSERT_EQ(raw_exec(f, sql), SQLITE_OK) << "fixture of version " << v;
    }
    ASSERT_EQ(count(f, "PRAGMA user_version"), v);
    Workspace w = Workspace::open(f);
    EXPECT_EQ(count(f, "PRAGMA user_version"), schema_version) << v;
    EXPECT_TRUE(w.check().empty()) << v;
    // The fixture's disposal case answers every query after the migration.
    const auto st = w.status(d("2017-03-01"));
    ASSERT_EQ(st.size(), 1u) << v;
    EXPECT_EQ(st[0].stage, "decision");
    EXPECT_FALSE(w.due(d("2017-05-03")).empty());
    EXPECT_EQ(w.history("D1").size(), 5u);
    // And takes new writes of every table the later versions added.
    w.apply(std::vector{act(CaseKind::disposal, "D1", "follow_up", "2017-03-01", {{"kind", "monthly_talk"}, {"actor", "x"}})},
            kStamp);
    w.import_table({"units", "u.csv", std::nullopt, {"unit_id", "budget"}, {{"U1", "1"}}, {}}, kStamp);
    EXPECT_EQ(w.table("units").rows.size(), 1u);
  }
}

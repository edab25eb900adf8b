// HOLINGOL.3: tier histories replayed from events (tier_history_json), the golden cases of
// tests/golden/audit_history_cases.tsv, shared with the C and Python tests.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::audit;
namespace json = boost::json;

namespace {

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

struct Case {
  std::string name, status, request, changes, levels, referrals, open;
};

std::vector<Case> golden() {
  std::ifstream f(CADREKIT_SOURCE_DIR "/tests/golden/audit_history_cases.tsv");
  EXPECT_TRUE(f.good());
  std::vector<Case> out;
  std::string line;
  bool header = false;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    auto c = split(line, '\t');
    EXPECT_EQ(c.size(), 7u) << line;
    if (c.size() != 7) continue;
    out.push_back({c[0], c[1], c[2], c[3], c[4], c[5], c[6]});
  }
  return out;
}

std::string level_text(const json::value &v) {
  return v.is_string() ? std::string(v.as_string()) : std::to_string(v.as_int64());
}

}  // namespace

TEST(AuditHistoryGolden, ReplayedFromEvents) {
  Policy p = Policy::default_profile();
  auto cases = golden();
  ASSERT_GE(cases.size(), 8u);
  for (const Case &c : cases) {
    SCOPED_TRACE(c.name);
    if (c.status != "CK_OK") {
      auto colon = c.status.find(':');
      std::string code = c.status.substr(0, colon), record = c.status.substr(colon + 1);
      try {
        tier_history_json(c.request, p);
        ADD_FAILURE() << "no error";
      } catch (const Error &e) {
        EXPECT_EQ(e.code(), code == "CK_E_STATE" ? ErrorCode::state : ErrorCode::invalid_input);
        EXPECT_EQ(e.record(), record);
      }
      continue;
    }
    json::object r = json::parse(tier_history_json(c.request, p)).as_object();
    const json::array &changes = r.at("changes").as_array();
    auto want = split(c.changes, ';');
    ASSERT_EQ(changes.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      auto w = split(want[i], ' ');
      const json::object &x = changes[i].as_object();
      EXPECT_EQ(x.at("effective").as_string(), w[0]) << i;
      EXPECT_EQ(level_text(x.at("level")), w[1]) << i;
      EXPECT_EQ(x.at("kind").as_string(), w[2]) << i;
    }
    const json::array &levels = r.at("levels_on").as_array();
    auto wl = split(c.levels, ';');
    ASSERT_EQ(levels.size(), wl.size());
    for (std::size_t i = 0; i < wl.size(); ++i) {
      auto eq = wl[i].find('=');
      EXPECT_EQ(levels[i].at("date").as_string(), wl[i].substr(0, eq));
      EXPECT_EQ(level_text(levels[i].at("level")), wl[i].substr(eq + 1)) << wl[i];
    }
    const json::array &refs = r.at("referrals").as_array();
    std::vector<std::string> wr = c.referrals == "-" ? std::vector<std::string>{} : split(c.referrals, ';');
    ASSERT_EQ(refs.size(), wr.size());
    for (std::size_t i = 0; i < wr.size(); ++i) {
      EXPECT_EQ(refs[i].at("date").as_string(), wr[i]);
      EXPECT_EQ(refs[i].at("finding").as_string(), "referred");
    }
    EXPECT_EQ(r.at("special_funds_open").as_bool(), c.open == "true");
  }
}

TEST(AuditHistory, GivenLevelsAndStricterBaseWhileOpen) {
  Policy p = Policy::default_profile();
  TierHistory h("G");
  h.start(Level::level3, make_date(2016, 1, 1));
  EXPECT_THROW(h.start(Level::level2, make_date(2016, 2, 1)), StateError);
  h.receive_special_funds(Money::parse("2千万"), make_date(2016, 3, 1), p);  // 3 → 2
  EXPECT_EQ(h.level_on(make_date(2016, 3, 1)), Level::level2);
  // Base re-graded to 1 while funds are open: the stricter level 1 holds; on a clean
  // completion the unit returns to its base level 1.
  EXPECT_EQ(h.annual_review(Level::level1, 2017, p), Level::level1);
  h.complete_special_funds(make_date(2017, 6, 1), Finding::none);
  EXPECT_EQ(h.level_on(make_date(2017, 6, 1)), Level::level1);
  EXPECT_EQ(h.changes().back().kind, ChangeKind::completion);
  // Explanations on request only.
  std::string with = tier_history_json(
      R"({"unit_id":"E","explain":true,"events":[{"event":"start","date":"2016-01-01","budget":"600万"}]})", p);
  EXPECT_NE(with.find("audit.tier.level"), std::string::npos);
  std::string without = tier_history_json(
      R"({"unit_id":"E","events":[{"event":"start","date":"2016-01-01","budget":"600万"}]})", p);
  EXPECT_EQ(without.find("audit.tier.level"), std::string::npos);
  // A bad member inside an event names the event.
  try {
    tier_history_json(R"({"unit_id":"E","events":[{"event":"start","date":"2016-01-01","budget":"-5"}]})", p);
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.record(), "events[0]");
  }
}

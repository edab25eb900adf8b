// tests/golden/source_readings.tsv through the C++ API: each reading of the source (quoted in
// the table) checked on the JSON the module answers, or on the error it raises. The same table
// runs through the C ABI (tests/capi/test_source_readings.c) and Python
// (python/tests/test_source_readings.py).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/talent.hpp"
#include "cadrekit/village.hpp"
#include "golden_table.hpp"

using namespace cadrekit;

namespace {

const std::string kSource = CADREKIT_SOURCE_DIR;

struct Case {
  std::string name, clause, source, policy, entry, request, status, expect, why;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto &c : ck_test::golden_rows("source_readings.tsv")) {
    EXPECT_EQ(c.size(), 9u) << c[0];
    if (c.size() != 9) continue;
    out.push_back({c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]});
  }
  return out;
}

std::string unescape(const std::string &s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

const char *status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::policy: return "CK_E_POLICY";
    case ErrorCode::invalid_input: return "CK_E_INVALID_INPUT";
    case ErrorCode::state: return "CK_E_STATE";
    default: return "CK_E_OTHER";
  }
}

std::string run(const Case &c) {
  Policy p = Policy::default_profile();
  if (c.policy != "-")
    for (const auto &s : ck_test::split(c.policy, " | ")) p = p.with_setting(s);
  if (c.entry == "policy_lookup") {
    const auto sp = c.request.find(' ');
    return to_json(p.lookup(c.request.substr(0, sp), parse_iso_date(c.request.substr(sp + 1))));
  }
  if (c.entry == "policy_yaml") return Policy::loads(unescape(c.request)).name();
  if (c.entry == "village.pay_sheet") return village::pay_sheet_json(c.request, p);
  if (c.entry == "village.selection") return village::selection_json(c.request, p);
  if (c.entry == "audit.tier") return audit::tier_json(c.request, p);
  if (c.entry == "audit.tier_history") return audit::tier_history_json(c.request, p);
  if (c.entry == "talent.pools") return talent::pools_json(c.request, p);
  if (c.entry == "assessment.follow_up") return assessment::follow_up_json(c.request, p);
  ADD_FAILURE() << "unknown entry " << c.entry;
  return {};
}

void expect_all(const Case &c, const std::string &text) {
  for (const auto &needle : ck_test::split(c.expect, " && ")) {
    if (!needle.empty() && needle[0] == '!')
      EXPECT_EQ(text.find(needle.substr(1)), std::string::npos) << c.name << ": must not hold " << needle;
    else
      EXPECT_NE(text.find(needle), std::string::npos) << c.name << ": " << needle << "\nin: " << text.substr(0, 4000);
  }
}

}  // namespace

TEST(SourceReadings, EveryCaseOfTheTable) {
  const auto all = cases();
  ASSERT_GE(all.size(), 50u);
  for (const auto &c : all) {
    SCOPED_TRACE(c.name + " (" + c.clause + ": " + c.source + ")");
    EXPECT_FALSE(c.source.empty());
    try {
      const std::string out = run(c);
      EXPECT_EQ(c.status, "CK_OK") << c.name;
      expect_all(c, out);
    } catch (const Error &e) {
      EXPECT_EQ(c.status, status_of(e.code())) << c.name << ": " << e.what();
      expect_all(c, e.what());
    }
  }
}

// The codes of the disclosure case's states and outcomes: one string table each, read back exactly.
#include <gtest/gtest.h>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/disclosure.hpp"

using namespace cadrekit;
using namespace cadrekit::disclosure;

TEST(DisclosureCodes, OneStringTablePerStateAndOutcome) {
  for (Finding f : {Finding::unfounded, Finding::founded_not_affecting, Finding::founded_disqualifying,
                    Finding::criminal})
    EXPECT_EQ(finding_from_string(to_string(f)), f);
  for (Outcome o : {Outcome::proceed_inform_reporter, Outcome::cancel, Outcome::refer})
    EXPECT_EQ(outcome_from_string(to_string(o)), o);
  EXPECT_STREQ(to_string(CaseStatus::referred), "referred");
  EXPECT_STREQ(to_string(ComplaintStatus::found), "found");
  try {
    (void)outcome_from_string("accept");
    ADD_FAILURE() << "an unknown outcome was read";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "outcome");
  }
}

// Thread safety (docs/reliability.md): calendars and policies are immutable and shared across
// threads. 8 threads x 10,000 mixed evaluations on shared objects must give exactly the results
// of a single-threaded run. scripts/sanitize runs this under ThreadSanitizer.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "cadrekit.h"
#include "cadrekit/cadrekit.hpp"

using namespace cadrekit;

namespace {

constexpr int kThreads = 8;
constexpr int kPerThread = 10000;

// One evaluation, chosen by i, folded into a number so that runs can be compared.
std::int64_t evaluate(const WorkCalendar &cal, const ck_calendar *ccal, int i) {
  Date d = Date(2008, 1, 1) + boost::gregorian::date_duration((i * 7919) % 6200);
  int n = 1 + (i * 31) % 200;
  switch (i % 5) {
    case 0: return to_days(cal.add_working_days(d, n));
    case 1: return cal.is_working_day(d) ? 1 : 0;
    case 2: {
      auto w = cal.window(d, n % 20 + 1);
      return to_days(w.first) * 100000LL + to_days(w.last);
    }
    case 3: return cal.count_working_days(d, d + boost::gregorian::date_duration(n));
    default: {
      ck_date out = 0;
      int st = ck_calendar_add_working_days(&out, ccal, to_days(d), -n);
      return st == CK_OK ? out : -1000000 - st;
    }
  }
}

}  // namespace

TEST(Concurrency, SharedCalendarGivesTheSingleThreadedResults) {
  // A calendar created inside the threads as well as one shared from outside.
  const WorkCalendar shared = WorkCalendar::china();
  ck_calendar *ccal = nullptr;
  ASSERT_EQ(ck_calendar_china(&ccal, 0), CK_OK);

  std::vector<std::int64_t> expected(kThreads * kPerThread);
  for (int i = 0; i < kThreads * kPerThread; ++i) expected[i] = evaluate(shared, ccal, i);

  std::vector<std::int64_t> got(kThreads * kPerThread, -1);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      WorkCalendar mine = t % 2 == 0 ? shared : WorkCalendar::china();
      for (int k = 0; k < kPerThread; ++k) {
        int i = t * kPerThread + k;
        got[i] = evaluate(mine, ccal, i);
      }
    });
  }
  for (auto &th : threads) th.join();
  ck_calendar_free(ccal);
  EXPECT_EQ(got, expected);
}

TEST(Concurrency, LastErrorIsPerThread) {
  std::vector<std::string> messages(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ck_date out = 0;
      for (int k = 0; k < 1000; ++k) {
        if (t % 2 == 0)
          ck_date_from_ymd(&out, 2015, 2, 29);  // invalid_input
        else
          ck_date_parse_iso(nullptr, "2016-01-01");  // invalid_argument
      }
      messages[t] = std::string(ck_last_error_message()) + "|" + std::to_string(ck_last_error_code());
    });
  }
  for (auto &th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    if (t % 2 == 0)
      EXPECT_NE(messages[t].find("|2"), std::string::npos) << messages[t];
    else
      EXPECT_NE(messages[t].find("|1"), std::string::npos) << messages[t];
  }
}

TEST(Concurrency, JsonIsByteIdenticalWhateverTheThreadCount) {
  // The same decision explained on 8 threads at once, and on this one: the same bytes.
  const Policy policy = Policy::default_profile();
  auto explain = [&](int i) {
    Explanation ex("village V" + std::to_string(i % 7));
    const Date as_of(2016 + i % 3, 9, 22);
    (void)policy.money("village.performance_pay.excellent", as_of, &ex);
    (void)policy.share("audit.level1.min_share_per_year", as_of, &ex);
    (void)policy.integer("disclosure.round1.window_working_days", as_of, &ex);
    ex.add_rule({"example.rule", "JARUD.1", "示例", "example"});
    ex.add_input("population", std::to_string(1000 + i));
    return ex.to_json();
  };
  std::vector<std::string> expected(kThreads * 500), got(kThreads * 500);
  for (int i = 0; i < kThreads * 500; ++i) expected[i] = explain(i);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int k = 500 - 1; k >= 0; --k) got[t * 500 + k] = explain(t * 500 + k);  // other order
    });
  for (auto &th : threads) th.join();
  EXPECT_EQ(got, expected);
}

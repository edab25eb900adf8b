// Thread safety of policies: the embedded profile is parsed once behind a lock on first use,
// and a Policy (C++ or C handle) is immutable and shared. 8 threads race to the first
// default_profile() and then read every parameter many times; the results must be exactly
// those of a single-threaded run. scripts/sanitize runs this under ThreadSanitizer.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "cadrekit.h"
#include "cadrekit/cadrekit.hpp"

using namespace cadrekit;

namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 200;

// Every parameter's lookup on a few dates (C++), and the same through the C ABI, as text.
std::string read_all(const Policy &p, const ck_policy *cp) {
  std::string out;
  for (const auto &name : p.parameter_names()) {
    for (int year : {2014, 2016, 2020}) {
      Date d(year, 6, 1);
      try {
        ParamUsed u = p.lookup(name, d);
        out += name + "=" + u.value + (u.assumed ? "*" : "") + ";";
      } catch (const PolicyError &) {
        out += name + "=!;";
      }
      char *v = nullptr;
      if (ck_policy_value(&v, cp, name.c_str(), to_days(d)) == CK_OK) {
        out += v;
        ck_free(v);
      } else {
        out += "!";
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace

TEST(Concurrency, SharedPolicyGivesTheSingleThreadedResults) {
  std::vector<std::string> first(kThreads);
  {
    // Race to the first parse of the embedded profile.
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] { first[t] = Policy::default_profile().name(); });
    for (auto &th : threads) th.join();
  }
  for (const auto &n : first) EXPECT_EQ(n, "tongliao-2016");

  const Policy shared = Policy::default_profile();
  ck_policy *cp = nullptr;
  ASSERT_EQ(ck_policy_default(&cp), CK_OK);
  const std::string expected = read_all(shared, cp);

  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Policy mine = t % 2 == 0 ? shared : Policy::default_profile();
      for (int r = 0; r < kRounds / 10; ++r)
        if (read_all(mine, cp) != expected) ++mismatches[t];
    });
  }
  for (auto &th : threads) th.join();
  ck_policy_free(cp);
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

// Thread safety of the village module (issue #4): pay sheets, selection and the columnar call on
// shared policies from many threads give byte-identical JSON / columns to a single-threaded run,
// whatever the number of threads and the order of the work. scripts/sanitize runs this under
// ThreadSanitizer.
#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "cadrekit.h"
#include "cadrekit/village.hpp"
#include "village/columns.hpp"

using namespace cadrekit;

namespace {

constexpr int kWork = 600;

// A small banner chosen by i: 2 townships, 6 villages, 10 principals, scores with ties.
std::string request(int i) {
  std::string v, p, s;
  for (int k = 0; k < 6; ++k) {
    const std::string id = "V" + std::to_string(k);
    v += std::string(k ? "," : "") + R"({"village_id":")" + id + R"(","township":"T)" + std::to_string(k % 2) +
         R"(","population":)" + std::to_string(500 + (i * 37 + k * 411) % 2500) + "}";
    for (int q = 0; q < 5; ++q) {
      const int sc = 60 + (i * 13 + k * 7 + q * 3) % 40;
      s += std::string(s.empty() ? "" : ",") + R"({"village_id":")" + id + R"(","period":"2016)" +
           (q < 4 ? "Q" + std::to_string(q + 1) : std::string()) + R"(","score":")" + std::to_string(sc) + "." +
           std::to_string((i + q) % 10) + R"("})";
    }
  }
  for (int c = 0; c < 10; ++c)
    p += std::string(c ? "," : "") + R"({"cadre_id":"C)" + std::to_string(c) + R"(","village_id":"V)" +
         std::to_string(c % 6) + R"(","post":")" + (c < 6 ? "secretary" : "director") + R"(","served_from":"201)" +
         std::to_string(c == 9 ? 6 : 0) + "-0" + std::to_string(1 + (i + c) % 9) + R"(-02"})";
  return R"({"year":2016,"explain":)" + std::string(i % 3 == 0 ? "true" : "false") + R"(,"holders":)" +
         std::to_string(i % 4) + R"(,"villages":[)" + v + R"(],"principals":[)" + p + R"(],"scores":[)" + s + "]}";
}

std::string evaluate(int i, const Policy &a, const Policy &b, const ck_policy *ca) {
  const Policy &pol = (i / 4) % 2 ? b : a;
  switch (i % 4) {
    case 0: return village::pay_sheet_json(request(i), pol);
    case 1: {
      char *out = nullptr;
      const int st = ck_village_pay_sheet_json(&out, ca, request(i).c_str());
      std::string r = st == CK_OK ? std::string(out) : "status " + std::to_string(st);
      ck_free(out);
      return r;
    }
    case 2:
      return village::selection_json(R"({"op":"allocate","year":2016,"villages_per_township":{"A":)" +
                                         std::to_string(10 + i % 50) + R"(,"B":7,"C":)" + std::to_string(i % 13) + "}}",
                                     pol);
    default: {
      std::vector<std::int32_t> town{0, 0, 1}, pv{0, 1, 2, 2}, from(4, 16000 + i % 300), to(4, INT32_MAX);
      std::vector<std::int64_t> pop{800, 1500, 2500}, scores(15), base(4), perf(4), tot(4);
      for (std::size_t k = 0; k < 15; ++k) scores[k] = 700000 + ((i * 7 + static_cast<int>(k)) % 30) * 10000;
      std::vector<std::uint8_t> present{31, 31, 31}, post{0, 1, 0, 1}, vg(3), g(4);
      std::vector<std::int32_t> vr(3), units(4);
      village::pay_columns({town, pop, scores, present, pv, post, from, to}, 2016, pol, {vg, vr, base, perf, tot, g, units});
      std::string r;
      for (std::size_t k = 0; k < 4; ++k)
        r += std::to_string(tot[k]) + "/" + std::to_string(g[k]) + "/" + std::to_string(units[k]) + ";";
      return r;
    }
  }
}

void run(int threads, bool reverse, const std::vector<std::string> &expected, const Policy &a, const Policy &b,
         const ck_policy *ca) {
  std::vector<std::string> got(kWork);
  std::vector<std::thread> ts;
  for (int t = 0; t < threads; ++t)
    ts.emplace_back([&, t] {
      for (int k = 0; k < kWork; ++k) {
        const int i = reverse ? kWork - 1 - k : k;
        if (i % threads == t) got[static_cast<std::size_t>(i)] = evaluate(i, a, b, ca);
      }
    });
  for (auto &th : ts) th.join();
  for (int i = 0; i < kWork; ++i) ASSERT_EQ(got[static_cast<std::size_t>(i)], expected[static_cast<std::size_t>(i)]) << i;
}

}  // namespace

TEST(ConcurrencyVillage, ManyThreadsGiveTheSingleThreadedBytes) {
  const Policy a = Policy::default_profile();
  const Policy b = Policy::loads(
      "profile: cutoff-banner\nextends: tongliao-2016\nparameters:\n  village.grade.method:\n    values:\n"
      "      2016-01-01: cutoff\n  village.selection.allocation:\n    values:\n      2016-01-01: banner\n");
  ck_policy *ca = nullptr;
  ASSERT_EQ(ck_policy_default(&ca), CK_OK);
  std::vector<std::string> expected(kWork);
  for (int i = 0; i < kWork; ++i) expected[static_cast<std::size_t>(i)] = evaluate(i, a, b, ca);
  EXPECT_NE(expected[0].find("\"explanation\""), std::string::npos);
  EXPECT_NE(expected[2].find("\"method\":\"township\""), std::string::npos);
  EXPECT_NE(expected[6].find("\"method\":\"banner\""), std::string::npos);
  for (int threads : {2, 8, 13}) {
    run(threads, false, expected, a, b, ca);
    run(threads, true, expected, a, b, ca);
  }
  ck_policy_free(ca);
}

// One input, one output on every surface, C++ side: tests/golden/same_output.tsv (read too by
// tests/capi/test_same_output.c, python/tests/test_same_output.py and the command line's
// tests/cli/check_same_output.py). Each result row of the library's JSON forms has exactly the
// golden's columns, in its order, with its values and JSON types; the pay sheet's structs give
// the same codes and labels.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/number.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/village.hpp"
#include "golden_table.hpp"

namespace {

namespace json = boost::json;
using namespace cadrekit;

std::string_view sv(const json::value &v) { return v.as_string(); }

struct Row {
  std::string name, call, request, expect;
  std::size_t row = 0;
};

std::vector<Row> golden() {
  std::vector<Row> rows;
  for (const auto &c : ck_test::golden_rows("same_output.tsv")) {
    if (c.size() != 6) throw std::runtime_error("same_output.tsv: a row without 6 columns");
    Row r{c[0], c[1], c[2], c[4]};
    r.row = std::stoul(c[3]);
    rows.push_back(std::move(r));
  }
  return rows;
}

// The expected row: its members joined by " && " read as one JSON object (order kept).
json::object expected(const Row &r) {
  std::string text = "{";
  const auto members = ck_test::split(r.expect, " && ");
  for (std::size_t i = 0; i < members.size(); ++i) text += (i ? "," : "") + members[i];
  return json::parse(text + "}").as_object();
}

// The result row the library's JSON form gives for the golden's request.
json::object answered(const Row &r, const Policy &policy) {
  if (r.call == "village.pay_sheet")
    return json::parse(village::pay_sheet_json(r.request, policy)).at("lines").as_array().at(r.row).as_object();
  if (r.call == "audit.tier")
    return json::parse(audit::tier_json(r.request, policy)).at("results").as_array().at(r.row).as_object();
  throw std::runtime_error("same_output.tsv: unknown call " + r.call);
}

TEST(SameOutput, JsonFormsGiveTheGoldenColumnsValuesAndTypes) {
  const Policy policy = Policy::default_profile();
  const auto rows = golden();
  ASSERT_EQ(rows.size(), 7u);
  for (const Row &r : rows) {
    SCOPED_TRACE(r.name);
    const json::object want = expected(r);
    const json::object got = answered(r, policy);
    std::vector<std::string> got_keys, want_keys;
    for (const auto &kv : got)
      if (kv.key() != "parts") got_keys.emplace_back(kv.key());  // nested: the JSON forms' alone
    for (const auto &kv : want) want_keys.emplace_back(kv.key());
    EXPECT_EQ(got_keys, want_keys);
    for (const auto &kv : want) {
      SCOPED_TRACE(std::string(kv.key()));
      ASSERT_TRUE(got.contains(kv.key()));
      const json::value &g = got.at(kv.key());
      EXPECT_EQ(g.kind() == json::kind::string, kv.value().kind() == json::kind::string);  // "1" is not 1
      EXPECT_EQ(json::serialize(g), json::serialize(kv.value()));
    }
  }
}

TEST(SameOutput, PaySheetStructsGiveTheCodesAndLabelsTheJsonWrites) {
  // the labels are the vocabulary's, the codes the JSON's: one table of grades on every surface
  for (int k = 0; k < 4; ++k) {
    const auto g = static_cast<village::Grade>(k);
    const auto t = static_cast<village::TeamGrade>(k);
    EXPECT_NE(std::string(village::grade_code(g)), village::grade_zh(g));
    EXPECT_NE(std::string(village::grade_en(g)), village::grade_code(g));
    EXPECT_NE(std::string(village::team_grade_en(t)), village::team_grade_zh(t));
    EXPECT_EQ(village::parse_grade(village::grade_code(g)), g);
    EXPECT_EQ(village::parse_grade(village::grade_zh(g)), g);
    EXPECT_EQ(village::parse_grade(village::grade_en(g)), g);
  }
  const Policy policy = Policy::default_profile();
  for (const Row &r : golden()) {
    if (r.call != "village.pay_sheet") continue;
    SCOPED_TRACE(r.name);
    const json::object want = expected(r);
    const json::value req = json::parse(r.request);
    std::vector<village::Village> vs;
    for (const auto &v : req.at("villages").as_array())
      vs.push_back({std::string(sv(v.at("village_id"))), std::string(sv(v.at("name"))),
                    std::string(sv(v.at("township"))), v.at("population").as_int64()});
    std::vector<village::Principal> ps;
    for (const auto &p : req.at("principals").as_array()) {
      village::Principal x;
      x.cadre_id = std::string(sv(p.at("cadre_id")));
      x.village_id = std::string(sv(p.at("village_id")));
      x.post = village::parse_post(sv(p.at("post")));
      x.served_from = parse_iso_date(sv(p.at("served_from")), "served_from");
      ps.push_back(std::move(x));
    }
    std::vector<village::Score> ss;
    for (const auto &s : req.at("scores").as_array())
      ss.push_back({std::string(sv(s.at("village_id"))), std::string(sv(s.at("period"))), parse_decimal(sv(s.at("score")))});
    const village::PaySheet sheet = village::pay_sheet(vs, ps, ss, 2016, policy, {});
    const village::PayLine l = sheet.lines.at(r.row);
    EXPECT_EQ(l.cadre_id, sv(want.at("cadre_id")));
    EXPECT_EQ(l.principal, r.row);  // one principal a line here, in the order given
    EXPECT_EQ(village::grade_code(l.grade), sv(want.at("grade")));
    EXPECT_EQ(village::grade_zh(l.grade), sv(want.at("grade_zh")));
    EXPECT_EQ(village::grade_en(l.grade), sv(want.at("grade_en")));
    EXPECT_EQ(village::team_grade_code(l.team_grade), sv(want.at("team_grade")));
    EXPECT_EQ(village::team_grade_zh(l.team_grade), sv(want.at("team_grade_zh")));
    EXPECT_EQ(village::team_grade_en(l.team_grade), sv(want.at("team_grade_en")));
    EXPECT_EQ(l.total.to_decimal_string(), sv(want.at("total")));
  }
}

TEST(SameOutput, KeptMembersAreCheckedAndCopiedUnchanged) {
  const Policy policy = Policy::default_profile();
  // a kept member of any JSON type comes back as it was; a unit lacking it gets null
  const json::value got = json::parse(audit::tier_json(
      R"({"as_of":"2016-12-31","explain":false,"keep":["region","note"],)"
      R"("units":[{"unit_id":"U1","budget":"6000000","region":{"code":7},"note":[1,"a",true]},{"unit_id":"U2","budget":"1"}]})",
      policy));
  const auto &rs = got.at("results").as_array();
  EXPECT_EQ(json::serialize(rs.at(0).at("region")), R"({"code":7})");
  EXPECT_EQ(json::serialize(rs.at(0).at("note")), R"([1,"a",true])");
  EXPECT_TRUE(rs.at(1).at("region").is_null());
  // a member neither read nor kept is refused; a kept name the result has already is refused
  EXPECT_THROW(audit::tier_json(R"({"as_of":"2016-12-31","units":[{"unit_id":"U1","budget":"1","region":"x"}]})",
                                policy),
               InvalidInput);
  EXPECT_THROW(audit::tier_json(R"({"as_of":"2016-12-31","keep":["level"],"units":[]})", policy), InvalidInput);
  EXPECT_THROW(village::pay_sheet_json(R"({"year":2016,"keep":["grade"],"villages":[],"principals":[]})", policy),
               InvalidInput);
}

}  // namespace

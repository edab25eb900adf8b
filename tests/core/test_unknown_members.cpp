// A JSON request's member that the call does not read is refused, naming it and the nearest known
// name; the CLI's "did you mean" for unread columns uses the same function (core/text.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/disclosure.hpp"
#include "cadrekit/village.hpp"
#include "core/json_read.hpp"
#include "core/text.hpp"

namespace {

using namespace cadrekit;

template <class F>
InvalidInput invalid(F &&f) {
  try {
    f();
  } catch (const InvalidInput &e) {
    return e;
  }
  ADD_FAILURE() << "no InvalidInput";
  return InvalidInput("none");
}

TEST(NearestName, OffersTheNearestKnownNameOnlyWhenNear) {
  const std::vector<std::string_view> known = {"complaints", "attention", "budget", "unit_id"};
  EXPECT_EQ(text_util::nearest_name("complains", known), "complaints");
  EXPECT_EQ(text_util::nearest_name("Budget", known), "budget");
  EXPECT_EQ(text_util::nearest_name("xyzzy", known), "");
  EXPECT_EQ(text_util::nearest_name("", known), "");
  // Characters, not bytes: one CJK character differs.
  const std::vector<std::string> zh = {"预算", "单位"};
  EXPECT_EQ(text_util::nearest_name("预箅", zh), "预算");
  EXPECT_EQ(text_util::edit_distance("预算", "预箅"), 1u);
  EXPECT_EQ(text_util::edit_distance("kitten", "sitting"), 3u);
  // Of equals, the least in byte order, whatever the order given.
  EXPECT_EQ(text_util::nearest_name("abc", std::vector<std::string_view>{"abd", "abb"}), "abb");
  EXPECT_EQ(text_util::nearest_name("abc", std::vector<std::string_view>{"abb", "abd"}), "abb");
}

TEST(UnknownMembers, FieldsOnlyNamesTheMemberAndTheNearestKnownOne) {
  const auto o = json_read::parse_object(R"({"as_of":"2016-12-31","complains":1})");
  const json_read::Fields f(o, "units[2].", "units[2]");
  const InvalidInput e = invalid([&] { f.only({"as_of", "complaints"}); });
  EXPECT_EQ(e.message(), "unknown member `complains` (did you mean `complaints`?)");
  EXPECT_EQ(e.field(), "units[2].complains");
  EXPECT_EQ(e.record(), "units[2]");
  EXPECT_NO_THROW(f.only({"as_of", "complains"}));
  // A key that may be personal is neither shown nor matched.
  const auto p = json_read::parse_object(R"({"110105194912310029":1})");
  const InvalidInput q = invalid([&] { json_read::Fields(p).only({"id"}); });
  EXPECT_EQ(q.message(), "unknown member `?`");
  EXPECT_EQ(std::string(q.what()).find("1101"), std::string::npos);
  // An identifier that carries an ID number: its run of digits masked in the message and field.
  const auto r = json_read::parse_object(R"({"id_110105194912310029":1})");
  const InvalidInput m = invalid([&] { json_read::Fields(r).only({"id"}); });
  EXPECT_EQ(m.message(), "unknown member `id_**************0029`");
  EXPECT_EQ(m.field(), "id_**************0029");
  EXPECT_EQ(json_read::display_key("phone_13800138000"), "phone_*******8000");
  EXPECT_EQ(json_read::display_key("complaints"), "complaints");
}

TEST(UnknownMembers, KeysOfTheDisclosureRecordAndTheScoresAreShownAsKeysMayBe) {
  const Policy p = Policy::default_profile();
  const InvalidInput s = invalid([&] {
    assessment::composite_json(R"({"as_of":"2016-12-31","domain":"township","scores":{"王秘密":"80"}})", p);
  });
  EXPECT_EQ(s.field(), "scores.?");
  EXPECT_EQ(std::string(s.what()).find("王"), std::string::npos) << s.what();
  const auto problems = disclosure::validate_json(R"({"residence":{"110105194912310029":"x"},"matters":{}})", p);
  bool named = false;
  for (const auto &q : problems) {
    EXPECT_EQ(q.path.find("1101"), std::string::npos) << q.path;
    named = named || q.path == "residence.?";
  }
  EXPECT_TRUE(named);
}

TEST(UnknownMembers, EveryModuleRefusesAMisspeltMember) {
  const Policy p = Policy::default_profile();
  const InvalidInput a = invalid([&] {
    audit::tier_json(R"({"as_of":"2017-01-01","units":[{"unit_id":"A","budget":"1","complains":1}]})", p);
  });
  EXPECT_EQ(a.message(), "unknown member `complains` (did you mean `complaints`?)");
  EXPECT_EQ(a.record(), "units[0]");
  const InvalidInput v = invalid([&] {
    village::pay_sheet_json(R"({"year":2016,"villages":[{"village_id":"V1","township":"T","popluation":1}],"principals":[]})", p);
  });
  EXPECT_EQ(v.message(), "unknown member `popluation` (did you mean `population`?)");
  EXPECT_EQ(v.record(), "villages[0]");
  const InvalidInput s = invalid([&] {
    village::selection_json(R"({"op":"funnel","places":3,"yer":2016})", p);
  });
  EXPECT_EQ(s.message(), "unknown member `yer` (did you mean `year`?)");
  const InvalidInput r = invalid([&] {
    assessment::screen_json(
        R"({"as_of":"2016-12-31","findings":[{"id":"F1","date":"2016-01-01","severty":"grave"}]})", p);
  });
  EXPECT_EQ(r.message(), "unknown member `severty` (did you mean `severity`?)");
  EXPECT_EQ(r.record(), "findings[0]");
  const InvalidInput h = invalid([&] {
    audit::tier_history_json(R"({"unit_id":"A","events":[{"event":"start","date":"2016-01-01","budget":"1","atention":1}]})", p);
  });
  EXPECT_EQ(h.message(), "unknown member `atention` (did you mean `attention`?)");
}

TEST(UnknownMembers, TheFieldAndTheRecordAreNamedOnce) {
  const auto o = json_read::parse_object(R"({"as_of":"2016-02-30"})");
  const InvalidInput e = invalid([&] { json_read::Fields(o, {}, "request").date("as_of"); });
  EXPECT_EQ(e.field(), "as_of");
  EXPECT_EQ(e.record(), "request");
  const std::string what = e.what();
  EXPECT_EQ(what.find("field as_of"), what.rfind("field as_of")) << what;
  EXPECT_EQ(what.find("(field"), what.rfind("(field")) << what;
}

}  // namespace

namespace {

// "A JSON number or true/false is read as itself; a JSON string is read as a table cell would
// be" (docs/input.md): a whole number given as text is that number, as a flag given as text is
// that flag; a blank one is missing where the member may be left out. The JSON readers refused
// the text of a number ("population": "1200") that the command line and Python read.
TEST(JsonRead, AWholeNumberGivenAsTextIsReadAsATableCellIs) {
  const boost::json::object o =
      boost::json::parse(R"({"n": "1200", "w": "１２", "b": "  ", "x": "12x", "m": 7})").as_object();
  const json_read::Fields f(o, {}, "r");  // (Fields reads o where it lies)
  EXPECT_EQ(f.integer("n"), 1200);
  EXPECT_EQ(f.integer("w"), 12);
  EXPECT_EQ(f.integer("m"), 7);
  EXPECT_EQ(f.integer_or("b", 5), 5);
  EXPECT_EQ(f.integer_or("absent", 5), 5);
  const InvalidInput bad = invalid([&] { (void)f.integer("x"); });
  EXPECT_EQ(bad.field(), "x");
  EXPECT_EQ(bad.record(), "r");
  EXPECT_EQ(bad.message(), "expected a whole number");
  // a value that is no number at all, in the same words as a text that is none (they were
  // "must be a whole number" here and "expected a whole number" on the other surfaces)
  const boost::json::object v = boost::json::parse(R"({"t": true, "l": [1], "o": {}})").as_object();
  for (const char *key : {"t", "l", "o"})
    EXPECT_EQ(invalid([&] { (void)json_read::Fields(v).integer(key); }).message(), "expected a whole number") << key;
}

}  // namespace

namespace {

// "A JSON number ... is read as itself; a JSON string is read as a table cell would be, and so
// is a JSON number where text or a flag is wanted" (docs/input.md): the command line reads a
// JSON table's number as the text of its cell, Python a number id as its digits; the JSON
// readers refused an id 1001 ("must be a string") and a flag 0.
TEST(JsonRead, ANumberWhereTextOrAFlagIsWantedIsReadAsTheCellHoldingIt) {
  const boost::json::object o = boost::json::parse(
      R"({"id": 1001, "big": 18446744073709551615, "neg": -7, "w": 1001.0, "e": 1e5, "f": 1.5, "t": 0.1,
          "huge": 99999999999999999999999, "inf": 1e400, "one": 1, "zero": 0.0, "two": 2, "list": [1],
          "n": 1200.0, "half": 2.5})").as_object();
  const json_read::Fields f(o, {}, "r");
  EXPECT_EQ(f.text("id"), "1001");
  EXPECT_EQ(f.text("big"), "18446744073709551615");
  EXPECT_EQ(f.text("neg"), "-7");
  EXPECT_EQ(f.text("w"), "1001");
  EXPECT_EQ(f.text("e"), "100000");  // the command line wrote "1e+05"
  EXPECT_EQ(f.text("f"), "1.5");
  EXPECT_EQ(f.text("t"), "0.1");
  EXPECT_TRUE(f.boolean_or("one"));
  EXPECT_FALSE(f.boolean_or("zero", true));
  EXPECT_EQ(f.integer("n"), 1200);
  for (const char *key : {"huge", "inf"}) {
    const InvalidInput e = invalid([&] { (void)f.text(key); });
    EXPECT_EQ(e.field(), key);
    EXPECT_EQ(e.record(), "r");
    EXPECT_EQ(e.message(), "a number too large to be read exactly (write it as text)");
  }
  EXPECT_EQ(invalid([&] { (void)f.text("list"); }).message(), "must be text or a number");
  const boost::json::object b = boost::json::parse(R"({"t": true, "f": false})").as_object();
  EXPECT_EQ(json_read::Fields(b).text("t"), "true");
  EXPECT_EQ(json_read::Fields(b).text("f"), "false");
  EXPECT_EQ(invalid([&] { (void)f.boolean_or("two"); }).field(), "two");
  EXPECT_EQ(invalid([&] { (void)f.integer("half"); }).field(), "half");
  const char *why = nullptr;
  EXPECT_FALSE(json_read::number_text(boost::json::value("1"), why));
  EXPECT_EQ(why, nullptr);
}

}  // namespace

namespace {

// A date given as a JSON number is the cell holding its digits, as the command line reads a
// JSON table: 20140101 is a date (eight digits, docs/input.md), 2014 is refused in the
// vocabulary's words. It was "must be a date (a string such as "2014-01-01")".
TEST(JsonRead, ADateGivenAsANumberIsReadAsTheCellHoldingIt) {
  const boost::json::object o = boost::json::parse(R"({"d": 20140101, "y": 2014, "l": [1]})").as_object();
  const json_read::Fields f(o, {}, "r");
  EXPECT_EQ(f.date("d"), make_date(2014, 1, 1));
  const InvalidInput y = invalid([&] { (void)f.date("y"); });
  EXPECT_EQ(y.field(), "y");
  EXPECT_EQ(y.message().rfind("expected a date", 0), 0u) << y.message();
  EXPECT_EQ(invalid([&] { (void)f.date("l"); }).message(), "must be a date (a string such as \"2014-01-01\")");
}

}  // namespace

namespace {

// order_by_text orders as std::string's < (and a stable sort) does, whatever the texts: short
// ones, equal first eight bytes, bytes above 0x7F, a NUL, texts given twice, the empty text.
TEST(TextOrder, OrdersAsTheTextsCompareAndKeepsEqualTextsInTheirOrder) {
  std::mt19937_64 rng(7);
  const std::string alphabet("\x00" "0129ACZaz\x7f\x80\xe4\xff", 14);
  std::vector<std::string> texts{"", "C1", "C10", "C100000000", "C10000000", "C1000000", "C1", ""};
  for (int i = 0; i < 4000; ++i) {
    std::string t = i % 3 == 0 ? "ZQXVC100" : "";  // many share their first eight bytes
    for (std::size_t k = rng() % 12; k > 0; --k) t += alphabet[rng() % alphabet.size()];
    texts.push_back(t);
    if (i % 50 == 0) texts.push_back(t);  // and some are given twice
  }
  std::vector<std::size_t> want(texts.size());
  std::iota(want.begin(), want.end(), 0);
  std::stable_sort(want.begin(), want.end(), [&](std::size_t a, std::size_t b) { return texts[a] < texts[b]; });
  const auto got = text_util::order_by_text(texts.size(), [&](std::size_t i) { return std::string_view(texts[i]); });
  EXPECT_EQ(got, want);
  EXPECT_TRUE(text_util::order_by_text(0, [&](std::size_t) { return std::string_view(); }).empty());
}

}  // namespace

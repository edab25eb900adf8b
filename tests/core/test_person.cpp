// The cadre record, the code lists, 三龄, the JSON form and citizen ID numbers (C++ surface).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/person_json.hpp"
#include "core/json_read.hpp"
#include "core/person_detail.hpp"

using namespace cadrekit;

namespace {

Date d(int y, int m, int day) { return make_date(y, m, day); }

// Runs f, which must throw InvalidInput; returns it for inspection.
template <class F>
InvalidInput invalid(F &&f) {
  try {
    f();
  } catch (const InvalidInput &e) {
    return e;
  }
  ADD_FAILURE() << "expected InvalidInput";
  return InvalidInput("none");
}

// No run of 6 or more characters of `secret` appears in `message`.
void expect_no_run_of(const std::string &secret, const std::string &message) {
  for (std::size_t i = 0; i + 6 <= secret.size(); ++i)
    EXPECT_EQ(message.find(secret.substr(i, 6)), std::string::npos)
        << "message repeats part of the input: " << message;
}

struct GoldenId {
  std::string id, birth_date, region_code, message_contains, note;
  bool valid = false;
  int sex = 0;
};

std::vector<GoldenId> golden_ids() {
  std::ifstream in(CADREKIT_SOURCE_DIR "/tests/golden/citizen_ids.csv", std::ios::binary);
  EXPECT_TRUE(in.good());
  std::vector<GoldenId> rows;
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      EXPECT_EQ(line, "id,valid,birth_date,sex,region_code,message_contains,note");
      header = true;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    if (line.back() == ',') f.emplace_back();
    EXPECT_EQ(f.size(), 7u) << line;
    if (f.size() != 7) continue;
    GoldenId g;
    g.id = f[0];
    g.valid = f[1] == "1";
    g.birth_date = f[2];
    g.sex = f[3].empty() ? 0 : std::stoi(f[3]);
    g.region_code = f[4];
    g.message_contains = f[5];
    g.note = f[6];
    rows.push_back(g);
  }
  return rows;
}

Person sample() {
  Person p;
  p.id = "C001";
  p.name = "测试甲";
  p.sex = Sex::female;
  p.birth_date = d(1972, 2, 29);
  p.ethnicity = "02";
  p.political_status = "01";
  p.party_joined = d(1995, 7, 1);
  p.work_started = d(1993, 8, 1);
  p.education = "大学本科";
  p.rank = Rank::zheng_ke;
  p.unit = "某旗某镇";
  p.posts.push_back(Post{"某旗某镇", "副镇长", Rank::fu_ke, d(2008, 3, 1), d(2013, 3, 1)});
  p.posts.push_back(Post{"某旗某镇", "镇长", Rank::zheng_ke, d(2013, 3, 1), std::nullopt});
  return p;
}

}  // namespace

// ---- citizen ID numbers --------------------------------------------------------------------

TEST(CitizenIdGolden, EveryRowOnTheCsv) {
  auto rows = golden_ids();
  ASSERT_GE(rows.size(), 30u);
  int valid = 0, invalid_rows = 0;
  for (const GoldenId &g : rows) {
    SCOPED_TRACE(g.note);
    EXPECT_EQ(is_valid_citizen_id(g.id), g.valid);
    if (g.valid) {
      ++valid;
      CitizenId c = parse_citizen_id(g.id);
      EXPECT_EQ(to_iso(c.birth_date), g.birth_date);
      EXPECT_EQ(static_cast<int>(c.sex), g.sex);
      EXPECT_EQ(c.region_code, g.region_code);
      EXPECT_EQ(citizen_id_check_char(g.id.substr(0, 17)), g.id[17]);
    } else {
      ++invalid_rows;
      InvalidInput e = invalid([&] { parse_citizen_id(g.id); });
      std::string msg = e.what();
      EXPECT_NE(msg.find(g.message_contains), std::string::npos) << msg;
      EXPECT_EQ(e.field(), "citizen_id");
      EXPECT_EQ(e.code(), ErrorCode::invalid_input);
      if (!g.id.empty()) {
        EXPECT_EQ(msg.find(g.id), std::string::npos);
      }
      expect_no_run_of(g.id, msg);
    }
  }
  EXPECT_GE(valid, 10);
  EXPECT_GE(invalid_rows, 20);
}

TEST(CitizenId, ExamplesOfTheStandard) {
  // GB 11643-1999's own example (北京市朝阳区, 1949-12-31, female).
  CitizenId c = parse_citizen_id("11010519491231002X");
  EXPECT_EQ(c.region_code, "110105");
  EXPECT_EQ(c.birth_date, d(1949, 12, 31));
  EXPECT_EQ(c.sex, Sex::female);
  // Its second example has a correct check character but a birth year (1880) outside the
  // plausible range 1900–2099 that cadrekit accepts.
  EXPECT_EQ(citizen_id_check_char("44052418800101001"), '4');
  InvalidInput e = invalid([] { parse_citizen_id("440524188001010014"); });
  EXPECT_NE(std::string(e.what()).find("1900-2099"), std::string::npos);
}

TEST(CitizenId, CheckCharWeightsAreThePowersOfTwo) {
  // A single 1 at position i contributes 2^(17-i) mod 11; check = (12 - sum) mod 11.
  for (int i = 0; i < 17; ++i) {
    std::string s(17, '0');
    s[static_cast<std::size_t>(i)] = '1';
    int w = 1;
    for (int k = 0; k < 17 - i; ++k) w = w * 2 % 11;
    int check = (12 - w % 11) % 11;
    char expected = check == 10 ? 'X' : static_cast<char>('0' + check);
    EXPECT_EQ(citizen_id_check_char(s), expected) << "position " << i;
  }
  EXPECT_EQ(citizen_id_check_char("00000000000000000"), '1');
  EXPECT_THROW(citizen_id_check_char("1234"), InvalidInput);
  EXPECT_THROW(citizen_id_check_char("1234567890123456X"), InvalidInput);
}

TEST(CitizenId, EveryProvinceCodeAndNoOther) {
  const std::set<int> provinces{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
                                42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71,
                                81, 82, 83};
  for (int pp = 0; pp < 100; ++pp) {
    std::string first17 = std::string(pp < 10 ? "0" : "") + std::to_string(pp) + "010219800101011";
    std::string id = first17 + citizen_id_check_char(first17);
    EXPECT_EQ(is_valid_citizen_id(id), provinces.count(pp) == 1) << pp;
  }
}

TEST(CitizenId, SexFromTheSeventeenthDigit) {
  for (char c = '0'; c <= '9'; ++c) {
    std::string first17 = std::string("1505021980010100") + c;
    CitizenId id = parse_citizen_id(first17 + citizen_id_check_char(first17));
    EXPECT_EQ(id.sex, (c - '0') % 2 == 1 ? Sex::male : Sex::female);
  }
}

TEST(CitizenId, TongliaoDivisionsOldAndNew) {
  ASSERT_NE(tongliao_region("152300"), nullptr);
  EXPECT_EQ(tongliao_region("152300")->name, "哲里木盟");
  EXPECT_EQ(tongliao_region("152300")->last_seen, 199812);
  EXPECT_EQ(tongliao_region("150500")->name, "通辽市");
  EXPECT_EQ(tongliao_region("150500")->first_seen, 199912);
  EXPECT_EQ(tongliao_region("110105"), nullptr);
  EXPECT_EQ(tongliao_regions().size(), 19u);
  // Every former 哲里木盟 code works as the prefix of a number.
  for (const RegionEntry &r : tongliao_regions()) {
    std::string first17 = r.code + "19700101001";
    EXPECT_TRUE(is_valid_citizen_id(first17 + citizen_id_check_char(first17))) << r.code;
  }
}

TEST(CitizenId, MessagesNeverRepeatTheNumber) {
  // A planted marker run in every part of the number.
  const std::string marker_ids[] = {
      "314159271828182845",  // wrong check
      "314159202302300011",  // 30 Feb
      "31415920230101001x",  // lower-case x
      "3141592023010100",    // too short
      "3141592023010100123",  // too long
      "00415920230101001X",  // province
      "314159ABCDEFGH0011",  // letters
  };
  for (const std::string &id : marker_ids) {
    InvalidInput e = invalid([&] { parse_citizen_id(id); });
    std::string msg = e.what();
    EXPECT_EQ(msg.find("314159"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("415920"), std::string::npos) << msg;
    expect_no_run_of(id, msg);
  }
}

// ---- code lists ----------------------------------------------------------------------------

TEST(CodeLists, EthnicGroups) {
  const auto &list = ethnic_groups();
  ASSERT_EQ(list.size(), 56u);
  EXPECT_EQ(list.front().code, "01");
  EXPECT_EQ(list.front().name_zh, "汉族");
  EXPECT_EQ(list.front().name_en, "Han");
  EXPECT_EQ(list.back().code, "56");
  EXPECT_EQ(list.back().name_zh, "基诺族");
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string code = std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
    EXPECT_EQ(list[i].code, code);
    EXPECT_EQ(list[i].short_zh, list[i].name_zh);
    EXPECT_EQ(&ethnic_group(list[i].code), &list[i]);
    EXPECT_EQ(&ethnic_group(list[i].name_zh), &list[i]);
    EXPECT_EQ(&ethnic_group(list[i].name_en), &list[i]);
  }
  EXPECT_EQ(ethnic_group("02").name_zh, "蒙古族");
  EXPECT_EQ(ethnic_group("蒙古族").code, "02");
  EXPECT_EQ(ethnic_group("蒙古").code, "02");
  EXPECT_EQ(ethnic_group("mongol").code, "02");
  EXPECT_EQ(ethnic_group("MONGOL").code, "02");
  EXPECT_EQ(ethnic_group(" 02 ").code, "02");
  EXPECT_EQ(ethnic_group("土").code, "30");    // 土族, not 土家族
  EXPECT_EQ(ethnic_group("土家").code, "15");  // 土家族
  EXPECT_EQ(ethnic_group("达斡尔").code, "31");
  EXPECT_EQ(ethnic_group("Sui").code, "25");
  for (const char *bad : {"", "00", "57", "99", "2", "002", "族", "蒙", "火星族", "mongolian"}) {
    InvalidInput e = invalid([&] { ethnic_group(bad); });
    EXPECT_EQ(e.field(), "ethnicity") << bad;
  }
  EXPECT_EQ(invalid([] { ethnic_group("xx", "members[3].ethnicity"); }).field(),
            "members[3].ethnicity");
}

TEST(CodeLists, PoliticalStatuses) {
  const auto &list = political_statuses();
  ASSERT_EQ(list.size(), 13u);
  EXPECT_EQ(list[0].code, "01");
  EXPECT_EQ(list[0].name_zh, "中国共产党党员");
  EXPECT_EQ(list[0].short_zh, "中共党员");
  EXPECT_EQ(list[12].code, "13");
  EXPECT_EQ(list[12].name_zh, "群众");
  for (const CodeEntry &e : list) {
    EXPECT_EQ(&political_status(e.code), &e);
    EXPECT_EQ(&political_status(e.name_zh), &e);
    EXPECT_EQ(&political_status(e.short_zh), &e);
  }
  EXPECT_EQ(political_status("中共预备党员").code, "02");
  EXPECT_EQ(political_status("共青团员").code, "03");
  EXPECT_EQ(political_status("无党派人士").code, "12");
  EXPECT_EQ(political_status("民革党员").code, "04");    // variant short name
  EXPECT_EQ(political_status("致公党会员").code, "09");  // variant short name
  for (const char *bad : {"", "00", "14", "1", "党员", "CPC"})
    EXPECT_EQ(invalid([&] { political_status(bad); }).field(), "political_status") << bad;
}

TEST(CodeLists, Sex) {
  // 男性/女性: the vocabulary's variants of the code table's labels (docs/input.md)
  for (const char *t : {"1", "男", "男性", "male", "MALE", "Male"}) EXPECT_EQ(parse_sex(t), Sex::male) << t;
  for (const char *t : {"2", "女", "女性", "female", "FEMALE", "Female"})
    EXPECT_EQ(parse_sex(t), Sex::female) << t;
  for (const char *t : {"", "0", "9", "3", "m", "f", "男的", "01"})
    EXPECT_EQ(invalid([&] { parse_sex(t); }).field(), "sex") << t;
}

TEST(CodeLists, Ranks) {
  const Rank all[] = {Rank::keyuan, Rank::fu_ke, Rank::zheng_ke, Rank::fu_chu,
                      Rank::zheng_chu, Rank::fu_ting, Rank::zheng_ting};
  for (Rank r : all) {
    EXPECT_EQ(parse_rank(rank_name(r)), r);
    EXPECT_EQ(parse_rank(rank_name_zh(r)), r);
  }
  EXPECT_STREQ(rank_name(Rank::fu_ke), "fu_ke");
  EXPECT_STREQ(rank_name_zh(Rank::fu_ke), "副科级");
  EXPECT_STREQ(rank_name_zh(Rank::keyuan), "科员");
  EXPECT_EQ(parse_rank("副科"), Rank::fu_ke);
  EXPECT_EQ(parse_rank("正处"), Rank::zheng_chu);
  EXPECT_EQ(parse_rank("县处级副职"), Rank::fu_chu);
  EXPECT_EQ(parse_rank("FU_KE"), Rank::fu_ke);
  EXPECT_LT(Rank::fu_ke, Rank::zheng_ke);
  EXPECT_LT(Rank::zheng_chu, Rank::fu_ting);
  EXPECT_EQ(invalid([] { parse_rank("处长"); }).field(), "rank");
  EXPECT_STREQ(rank_name(static_cast<Rank>(42)), "unknown");
}

// ---- 三龄 ----------------------------------------------------------------------------------

TEST(ThreeAges, WholeYearsAndBirthdayOnTheDay) {
  Person p;
  p.id = "P1";
  p.birth_date = d(1970, 6, 15);
  p.political_status = "01";
  p.party_joined = d(1995, 7, 1);
  p.work_started = d(1990, 8, 1);
  EXPECT_EQ(three_ages(p, d(2020, 6, 15)), (ThreeAges{50, 24, 29}));
  EXPECT_EQ(three_ages(p, d(2020, 6, 14)), (ThreeAges{49, 24, 29}));
  EXPECT_EQ(three_ages(p, d(2020, 7, 1)), (ThreeAges{50, 25, 29}));
  EXPECT_EQ(three_ages(p, d(2020, 8, 1)), (ThreeAges{50, 25, 30}));
  // The day of birth itself: 0 years; the day of joining: 0 years of standing.
  EXPECT_EQ(three_ages(p, d(1995, 7, 1)).party_years, 0);
  p.party_joined.reset();
  p.work_started.reset();
  EXPECT_EQ(three_ages(p, d(1970, 6, 15)), (ThreeAges{0, std::nullopt, std::nullopt}));
}

TEST(ThreeAges, TwentyNinthOfFebruary) {
  Person p;
  p.id = "P2";
  p.birth_date = d(2000, 2, 29);
  EXPECT_EQ(three_ages(p, d(2001, 2, 28)).age, 0);
  EXPECT_EQ(three_ages(p, d(2001, 3, 1)).age, 1);  // common year: the anniversary is 1 March
  EXPECT_EQ(three_ages(p, d(2004, 2, 28)).age, 3);
  EXPECT_EQ(three_ages(p, d(2004, 2, 29)).age, 4);  // leap year: on the day
  EXPECT_EQ(three_ages(p, d(2100, 2, 28)).age, 99);  // 2100 is not a leap year
  EXPECT_EQ(three_ages(p, d(2100, 3, 1)).age, 100);
  // The same rule for the dates of joining and starting work.
  p.political_status = "02";
  p.party_joined = d(2020, 2, 29);
  p.work_started = d(2020, 2, 29);
  EXPECT_EQ(three_ages(p, d(2023, 2, 28)), (ThreeAges{22, 2, 2}));
  EXPECT_EQ(three_ages(p, d(2023, 3, 1)), (ThreeAges{23, 3, 3}));
}

TEST(ThreeAges, PartyStandingOnlyForMembers) {
  Person p;
  p.id = "P3";
  p.birth_date = d(1980, 1, 1);
  p.party_joined = d(2005, 1, 1);
  for (const char *code : {"01", "02"}) {
    p.political_status = code;
    EXPECT_EQ(three_ages(p, d(2015, 1, 1)).party_years, 10) << code;
  }
  for (const char *code : {"03", "04", "12", "13"}) {
    p.political_status = code;
    EXPECT_EQ(three_ages(p, d(2015, 1, 1)).party_years, std::nullopt) << code;
  }
  p.political_status = "01";
  p.party_joined.reset();
  EXPECT_EQ(three_ages(p, d(2015, 1, 1)).party_years, std::nullopt);
}

TEST(ThreeAges, ErrorsNameTheFieldAndTheRecord) {
  Person p;
  p.id = "R-77";
  p.birth_date = d(1980, 5, 5);
  InvalidInput e = invalid([&] { three_ages(p, d(1980, 5, 4)); });
  EXPECT_EQ(e.field(), "as_of");
  EXPECT_EQ(e.record(), "R-77");
  EXPECT_NE(std::string(e.what()).find("R-77"), std::string::npos);

  p.political_status = "01";
  p.party_joined = d(2010, 1, 1);
  e = invalid([&] { three_ages(p, d(2009, 12, 31)); });
  EXPECT_EQ(e.field(), "party_joined");
  EXPECT_EQ(e.record(), "R-77");
  p.party_joined = d(1979, 1, 1);
  EXPECT_EQ(invalid([&] { three_ages(p, d(2020, 1, 1)); }).field(), "party_joined");
  p.party_joined.reset();
  p.work_started = d(2030, 1, 1);
  EXPECT_EQ(invalid([&] { three_ages(p, d(2020, 1, 1)); }).field(), "work_started");
  p.work_started = d(1970, 1, 1);
  EXPECT_EQ(invalid([&] { three_ages(p, d(2020, 1, 1)); }).field(), "work_started");
  EXPECT_EQ(invalid([] { three_ages(Person{}, d(2020, 1, 1)); }).field(), "birth_date");
}

// ---- helpers and validate -------------------------------------------------------------------

TEST(PersonHelpers, GroupFlags) {
  Person p = sample();
  EXPECT_TRUE(is_woman(p));
  EXPECT_TRUE(is_ethnic_minority(p));
  EXPECT_FALSE(is_non_party(p));
  p.sex = Sex::male;
  p.ethnicity = "01";
  p.political_status = "02";
  EXPECT_FALSE(is_woman(p));
  EXPECT_FALSE(is_ethnic_minority(p));
  EXPECT_FALSE(is_non_party(p));
  p.ethnicity = "汉族";  // a name where a code belongs is still understood
  EXPECT_FALSE(is_ethnic_minority(p));
  for (const char *code : {"03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13"}) {
    p.political_status = code;
    EXPECT_TRUE(is_non_party(p)) << code;
  }
  p.ethnicity = "99";
  InvalidInput e = invalid([&] { is_ethnic_minority(p); });
  EXPECT_EQ(e.field(), "ethnicity");
  EXPECT_EQ(e.record(), "C001");
  for (const CodeEntry &g : ethnic_groups()) {
    p.ethnicity = g.code;
    EXPECT_EQ(is_ethnic_minority(p), g.code != "01");
  }
}

TEST(PersonValidate, AGoodRecordPasses) {
  EXPECT_NO_THROW(validate(sample()));
  Person p = sample();
  p.posts.push_back(Post{"另一单位", "兼职", Rank::fu_ke, d(2010, 1, 1), std::nullopt});
  EXPECT_NO_THROW(validate(p));  // overlapping in time, but at another unit
}

TEST(PersonValidate, EachRuleNamesItsField) {
  auto field_of = [](Person p) {
    InvalidInput e = invalid([&] { validate(p); });
    EXPECT_EQ(e.record(), p.id);
    return e.field();
  };
  Person p = sample();
  p.birth_date = Date();
  EXPECT_EQ(field_of(p), "birth_date");
  p = sample();
  p.sex = static_cast<Sex>(9);
  EXPECT_EQ(field_of(p), "sex");
  p = sample();
  p.ethnicity = "蒙古族";  // validate wants the code
  EXPECT_EQ(field_of(p), "ethnicity");
  p = sample();
  p.political_status = "14";
  EXPECT_EQ(field_of(p), "political_status");
  p = sample();
  p.rank = static_cast<Rank>(7);
  EXPECT_EQ(field_of(p), "rank");
  p = sample();
  p.party_joined = p.birth_date;
  EXPECT_EQ(field_of(p), "party_joined");
  p = sample();
  p.work_started = d(1960, 1, 1);
  EXPECT_EQ(field_of(p), "work_started");
  p = sample();
  p.posts[0].from = d(1990, 1, 1);  // before work_started
  EXPECT_EQ(field_of(p), "posts[0].from");
  p = sample();
  p.posts[0].until = p.posts[0].from;
  EXPECT_EQ(field_of(p), "posts[0].until");
  p = sample();
  p.posts[1].from = d(2013, 2, 28);  // overlaps the post before at the same unit
  EXPECT_EQ(field_of(p), "posts[1]");
  p = sample();
  p.posts[0].until.reset();  // two open posts at the same unit
  EXPECT_EQ(field_of(p), "posts[1]");
}

// ---- JSON ----------------------------------------------------------------------------------

TEST(PersonJson, RoundTripIsExactAndCanonical) {
  Person p = sample();
  std::string j = person_to_json(p);
  EXPECT_EQ(j,
            R"({"id":"C001","name":"测试甲","sex":"2","birth_date":"1972-02-29","ethnicity":"02",)"
            R"("political_status":"01","party_joined":"1995-07-01","work_started":"1993-08-01",)"
            R"("education":"大学本科","rank":"zheng_ke","unit":"某旗某镇","posts":[)"
            R"({"unit":"某旗某镇","title":"副镇长","rank":"fu_ke","from":"2008-03-01","until":"2013-03-01"},)"
            R"({"unit":"某旗某镇","title":"镇长","rank":"zheng_ke","from":"2013-03-01","until":null}]})");
  Person back = person_from_json(j);
  EXPECT_EQ(back, p);
  EXPECT_EQ(person_to_json(back), j);
}

TEST(PersonJson, WritingRefusesWhatCannotBeWritten) {
  Person p = sample();
  p.rank = static_cast<Rank>(12);
  EXPECT_EQ(invalid([&] { person_to_json(p); }).field(), "rank");
  p = sample();
  p.posts[1].rank = static_cast<Rank>(-1);
  EXPECT_EQ(invalid([&] { person_to_json(p); }).field(), "posts[1].rank");
  p = sample();
  p.ethnicity = "99";
  EXPECT_EQ(invalid([&] { person_to_json(p); }).field(), "ethnicity");
  p = sample();
  p.ethnicity = "蒙古族";  // a name where the code belongs is written as the code
  EXPECT_NE(person_to_json(p).find(R"("ethnicity":"02")"), std::string::npos);
}

TEST(PersonJson, NamesOnInputCodesOnOutput) {
  Person p = person_from_json(
      R"({"id":"X1","sex":"女","birth_date":"1980-01-02","ethnicity":"蒙古",)"
      R"("political_status":"中共党员","party_joined":"2001-07-01","rank":"副科",)"
      R"("posts":[{"unit":"u","rank":"正科级","from":"2005-01-01"}]})");
  EXPECT_EQ(p.sex, Sex::female);
  EXPECT_EQ(p.ethnicity, "02");
  EXPECT_EQ(p.political_status, "01");
  EXPECT_EQ(p.rank, Rank::fu_ke);
  EXPECT_EQ(p.posts.at(0).rank, Rank::zheng_ke);
  EXPECT_FALSE(p.work_started.has_value());
  std::string j = person_to_json(p);
  EXPECT_NE(j.find(R"("sex":"2")"), std::string::npos);
  EXPECT_NE(j.find(R"("ethnicity":"02")"), std::string::npos);
  EXPECT_NE(j.find(R"("political_status":"01")"), std::string::npos);
  EXPECT_NE(j.find(R"("rank":"fu_ke")"), std::string::npos);
  // Numbers for codes, English for sex.
  Person q = person_from_json(
      R"({"id":"X2","sex":1,"birth_date":"1980-01-02","ethnicity":2,"political_status":13})");
  EXPECT_EQ(q.sex, Sex::male);
  EXPECT_EQ(q.ethnicity, "02");
  EXPECT_EQ(q.political_status, "13");
  EXPECT_EQ(person_from_json(R"({"id":"X3","sex":"Female","birth_date":"1980-01-02",)"
                             R"("ethnicity":"Han","political_status":"群众"})")
                .sex,
            Sex::female);
}

TEST(PersonJson, ErrorsNameMemberAndRecordButNoValue) {
  struct Case {
    const char *json;
    const char *field;
  };
  const Case cases[] = {
      {R"({"id":"E1","sex":"1","ethnicity":"01","political_status":"13"})", "birth_date"},
      {R"({"id":"E1","sex":"SECRETVALUE","birth_date":"1980-01-01","ethnicity":"01","political_status":"13"})", "sex"},
      {R"({"id":"E1","sex":3,"birth_date":"1980-01-01","ethnicity":"01","political_status":"13"})", "sex"},
      {R"({"id":"E1","sex":"1","birth_date":"SECRETVALUE","ethnicity":"01","political_status":"13"})", "birth_date"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"SECRETVALUE","political_status":"13"})", "ethnicity"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"SECRETVALUE"})", "political_status"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13","nmae":"x"})", "nmae"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13","name":[5]})", "name"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13","rank":"SECRETVALUE"})", "rank"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13","posts":{}})", "posts"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13","posts":[{"unit":"u"}]})", "posts[0].from"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13","posts":[{"from":"2000-01-01"},{"from":"2001-13-01"}]})", "posts[1].from"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13","posts":[{"from":"2000-01-01","boss":"x"}]})", "posts[0].boss"},
      {R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13","work_started":"1979-01-01"})", "work_started"},
  };
  for (const Case &c : cases) {
    InvalidInput e = invalid([&] { person_from_json(c.json); });
    EXPECT_EQ(e.field(), c.field) << c.json;
    EXPECT_EQ(e.record(), "E1") << c.json;
    EXPECT_EQ(std::string(e.what()).find("SECRETVALUE"), std::string::npos) << e.what();
  }
  EXPECT_EQ(invalid([] { person_from_json("[1]"); }).field(), "person");
  EXPECT_EQ(invalid([] { person_from_json("{"); }).field(), "person");
  EXPECT_EQ(invalid([] { person_from_json(R"({"sex":"1"})"); }).field(), "id");
}

TEST(PersonJson, Summary) {
  Person p = sample();
  EXPECT_EQ(person_summary_json(p, d(2021, 2, 28)),
            R"({"id":"C001","three_ages":{"age":48,"party_years":25,"work_years":27},)"
            R"("is_woman":true,"is_ethnic_minority":true,"is_non_party":false})");
  p.political_status = "13";
  p.work_started.reset();
  EXPECT_EQ(person_summary_json(p, d(2021, 3, 1)),
            R"({"id":"C001","three_ages":{"age":49,"party_years":null,"work_years":null},)"
            R"("is_woman":true,"is_ethnic_minority":true,"is_non_party":true})");
}

// A blank member is an empty cell, a missing value (docs/input.md), as the command line reads
// one: a blank rank is the default rank, a blank optional date none; a name given as a number is
// its digits. The reader refused "" as a rank and "  " as a date, and 5 as a name. A blank id is
// an empty id, worded as every module words it.
TEST(PersonJson, ABlankMemberIsMissingAndANumberIsItsText) {
  const Person p = person_from_json(
      R"({"id":"E1","sex":"1","birth_date":"1980-01-01","ethnicity":"01","political_status":"13",)"
      R"("rank":" ","work_started":"　","name":5,"education":""})");
  EXPECT_EQ(p.rank, Rank::keyuan);
  EXPECT_FALSE(p.work_started.has_value());
  EXPECT_EQ(p.name, "5");
  try {
    (void)person_from_json(R"({"id":"  ","sex":"1","birth_date":"1980-01-01","ethnicity":"01"})");
    ADD_FAILURE() << "a blank id was read";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.message(), "id is empty");
    EXPECT_EQ(e.field(), "id");
  }
  // a required member left out, in json_read::Fields' words (it was "a required member is missing")
  try {
    (void)person_from_json(R"({"id":"E2","sex":"1","ethnicity":"01"})");
    ADD_FAILURE() << "a person without a birth date was read";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.message(), "member is missing");
    EXPECT_EQ(e.field(), "birth_date");
  }
  const boost::json::object o = boost::json::parse(R"({"f": "  ", "d": " ", "t": "　"})").as_object();
  const json_read::Fields f(o);
  EXPECT_TRUE(f.boolean_or("f", true));
  EXPECT_FALSE(f.date_or_none("d").has_value());
  EXPECT_EQ(f.text_or("t", "township"), "township");
}

namespace {

// A table row's cells are read as the JSON record holding the same texts is: the same record,
// or the same refusal (message, member, record id). The command line read each row by writing
// it as JSON for person_from_json; it now reads the cells where they lie.
TEST(PersonCells, ARowIsReadAsTheJsonRecordOfTheSameTexts) {
  using Row = std::array<const char *, 10>;  // id, sex, birth, ethnicity, political, party, work, education, rank, unit
  const char *const keys[] = {"id", "sex", "birth_date", "ethnicity", "political_status", "party_joined",
                              "work_started", "education", "rank", "unit"};
  const Row rows[] = {
      {"C1", "1", "1980-01-01", "01", "01", "2005-07-01", "2002-08-01", "大学", "fu_ke", "示例局"},
      {"C2", "女", "1980/1/2", "蒙古族", "中共党员", "", "", "", "正科级", ""},
      {"C3", "2", "1980年1月2日", "02", "13", " ", "　", "", "", ""},
      {"C4", "3", "1980-01-01", "01", "01", "", "", "", "", ""},          // not a sex
      {"C5", "1", "", "01", "01", "", "", "", "", ""},                    // no birth date
      {"C6", "1", "1980-02-30", "01", "01", "", "", "", "", ""},          // not a date
      {"C7", "1", "1980-01-01", "99", "01", "", "", "", "", ""},          // not an ethnic group
      {"C8", "1", "1980-01-01", "01", "", "", "", "", "", ""},            // no political status
      {"C9", "1", "1980-01-01", "01", "01", "", "", "", "general", ""},   // not a rank
      {"  ", "1", "1980-01-01", "01", "01", "", "", "", "", ""},          // a blank id
      {"", "1", "1980-01-01", "01", "01", "", "", "", "", ""},            // an empty one
      {"C10", "1", "1980-01-01", "01", "01", "1970-01-01", "", "", "", ""},  // joined before birth
      {"C11", "", "", "01", "01", "", "", "", "", ""},                   // the first of two refused
  };
  int refused = 0;
  for (const Row &row : rows) {
    boost::json::object o;
    for (std::size_t k = 0; k < row.size(); ++k) o[keys[k]] = row[k];  // an empty text, an empty cell
    const std::string json = boost::json::serialize(o);
    const detail::PersonCells cells{.id = row[0], .name = {}, .sex = row[1], .birth_date = row[2], .ethnicity = row[3],
                            .political_status = row[4], .party_joined = row[5], .work_started = row[6],
                            .education = row[7], .rank = row[8], .unit = row[9]};
    std::string from_json, from_cells;
    try {
      from_json = person_to_json(person_from_json(json));
    } catch (const InvalidInput &e) {
      from_json = e.message() + " | " + e.field() + " | " + e.record();
      ++refused;
    }
    try {
      from_cells = person_to_json(detail::person_from_cells(cells));
    } catch (const InvalidInput &e) {
      from_cells = e.message() + " | " + e.field() + " | " + e.record();
    }
    EXPECT_EQ(from_cells, from_json) << json;
  }
  EXPECT_EQ(refused, 10);  // the three first rows are records, every other is refused
}

}  // namespace

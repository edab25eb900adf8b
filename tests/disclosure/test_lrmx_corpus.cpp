// The .lrmx corpus (tests/data/lrmx, written by scripts/gen-lrmx-corpus) through the C++ reader:
// every form against its row of expected.tsv (the table the C and Python tests read too), the
// strict reader against the tolerant one, and the hostile forms made at run time.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/disclosure.hpp"

using namespace cadrekit;
using namespace cadrekit::disclosure;

namespace {

const std::string kDir = std::string(CADREKIT_SOURCE_DIR) + "/tests/data/lrmx/";

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string repeat(const std::string &s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string replace_once(std::string s, const std::string &what, const std::string &with) {
  const std::size_t at = s.find(what);
  EXPECT_NE(at, std::string::npos) << what;
  if (at != std::string::npos) s.replace(at, what.size(), with);
  return s;
}

// The hostile forms too large to store, made as scripts/gen-lrmx-corpus describes.
std::string recipe(const std::string &name) {
  const std::string base = slurp(kDir + "date_yyyymm.lrmx");
  if (name == "@nested_50000")
    return replace_once(base, "<XingMing>李示明</XingMing>",
                        "<XingMing>" + repeat("<a>", 50000) + "李示明" + repeat("</a>", 50000) + "</XingMing>");
  if (name == "@many_elements")
    return replace_once(base, "<JiaTingChengYuan>", "<JiaTingChengYuan>" + repeat("<Item/>", 10001));
  if (name == "@oversize") return base + std::string((std::size_t{64} << 20) + 1 - base.size(), ' ');
  ADD_FAILURE() << "no recipe for " << name;
  return {};
}

struct Row {
  std::vector<std::string> cells;
  const std::string &operator[](const char *column) const;
};

std::vector<std::string> g_columns;

const std::string &Row::operator[](const char *column) const {
  for (std::size_t i = 0; i < g_columns.size(); ++i)
    if (g_columns[i] == column) return cells.at(i);
  throw std::runtime_error(std::string("no column ") + column);
}

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(s);
  while (std::getline(in, cell, sep)) out.push_back(cell);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::vector<Row> expected() {
  std::vector<Row> rows;
  g_columns.clear();
  std::istringstream in(slurp(kDir + "expected.tsv"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (g_columns.empty()) {
      g_columns = split(line, '\t');
      continue;
    }
    Row r{split(line, '\t')};
    r.cells.resize(g_columns.size());
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string opt_date(const std::optional<Date> &d) { return d ? to_iso(*d) : ""; }

// The record in expected.tsv's terms.
std::vector<std::pair<const char *, std::string>> values(const LrmxRead &read) {
  const Record &r = read.record;
  const Person &p = r.person;
  std::string education, history;
  for (const auto &e : r.education)
    education += (education.empty() ? "" : ";") + e.mode + "=" + e.level + "/" + e.degree;
  for (const auto &w : r.work_history)
    history += (history.empty() ? "" : "|") + to_iso(w.from) + ".." + opt_date(w.until) + " " + w.text;
  return {{"encoding", read.encoding},
          {"name", p.name},
          {"sex", p.sex == Sex::female ? "2" : "1"},
          {"birth_date", to_iso(p.birth_date)},
          {"ethnicity", p.ethnicity},
          {"political_status", p.political_status.empty() ? "unknown" : p.political_status},
          {"party_joined", opt_date(p.party_joined)},
          {"work_started", opt_date(p.work_started)},
          {"reference_date", to_iso(r.reference_date)},
          {"citizen_id", r.citizen_id},
          {"education", education},
          {"work_history", history}};
}

std::string warnings_text(const std::vector<Problem> &ws) {
  std::string out;
  for (const auto &w : ws) out += (out.empty() ? "" : ";") + w.code + "@" + w.path;
  return out;
}

TEST(LrmxCorpus, EveryFormReadsAsExpectedOrIsRefusedNamingTheField) {
  const std::vector<Row> rows = expected();
  ASSERT_GE(rows.size(), 40u);
  std::size_t read = 0, warned = 0, refused = 0;
  for (const Row &row : rows) {
    const std::string &file = row["file"];
    SCOPED_TRACE(file);
    const std::string bytes = file[0] == '@' ? recipe(file) : slurp(kDir + file);
    const std::string outcome = row["outcome"];
    if (outcome == "refused") {
      ++refused;
      try {
        (void)read_lrmx(bytes, "F1");
        ADD_FAILURE() << "expected a refusal";
      } catch (const InvalidInput &e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_input) << e.what();
        EXPECT_EQ(e.field(), row["error_field"]) << e.what();
        EXPECT_EQ(e.record(), "F1");
        EXPECT_EQ(std::string(e.what()).find("李示明"), std::string::npos) << e.what();
      }
      EXPECT_THROW((void)record_from_lrmx(bytes, "F1"), InvalidInput);
      continue;
    }
    LrmxRead r;
    try {
      r = read_lrmx(bytes, "F1");
    } catch (const Error &e) {
      ADD_FAILURE() << e.what();
      continue;
    }
    EXPECT_EQ(r.record.id, "F1");
    EXPECT_EQ(warnings_text(r.warnings), row["warnings"]);
    for (const auto &w : r.warnings) {
      EXPECT_EQ(w.message.find("李示明"), std::string::npos) << w.message;
      EXPECT_EQ(w.message.find("150502"), std::string::npos) << w.message;
    }
    for (const auto &[column, value] : values(r)) EXPECT_EQ(value, row[column]) << column;
    if (outcome == "read") {
      ++read;
      EXPECT_TRUE(r.warnings.empty());
      EXPECT_EQ(record_from_lrmx(bytes, "F1"), r.record);  // the strict reader agrees
    } else {
      ++warned;
      ASSERT_EQ(outcome, "warnings");
      ASSERT_FALSE(r.warnings.empty());
      try {
        (void)record_from_lrmx(bytes, "F1");
        ADD_FAILURE() << "the strict reader accepted a form read with warnings";
      } catch (const InvalidInput &e) {
        EXPECT_EQ(e.field(), r.warnings.front().path);
      }
    }
  }
  // Every variant and every refusal is covered (the corpus must not shrink unnoticed).
  EXPECT_GE(read, 40u);
  EXPECT_GE(warned, 15u);
  EXPECT_GE(refused, 25u);
}

TEST(LrmxCorpus, AnExportedFormReadsBackToTheSameRecord) {
  // Every form that reads: its export reads back to the same basic information, with only the
  // warnings the record itself carries (an unknown status, a sex that differs from the ID
  // number's); month elements drop the day and a probationary member comes back as a member
  // (the form holds only the month) — record_to_lrmx's documented limits.
  for (const Row &row : expected()) {
    if (row["outcome"] == "refused") continue;
    SCOPED_TRACE(row["file"]);
    const LrmxRead first = read_lrmx(slurp(kDir + row["file"]), "F1");
    const Record &r = first.record;
    std::string xml;
    try {
      xml = record_to_lrmx(r);
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), "citizen_id") << e.what();  // an invalid number kept as given
      continue;
    }
    const LrmxRead back = read_lrmx(xml, "F1");
    EXPECT_EQ(back.record.person.name, r.person.name);
    // Month elements drop the day (the birth date comes back exactly through a valid ID number).
    auto month = [](const std::optional<Date> &d) { return d ? to_iso(*d).substr(0, 7) : ""; };
    EXPECT_EQ(month(back.record.person.birth_date), month(r.person.birth_date));
    if (!r.citizen_id.empty()) {
      EXPECT_EQ(back.record.person.birth_date, r.person.birth_date);
    }
    EXPECT_EQ(back.record.work_history, r.work_history);
    EXPECT_EQ(back.record.education, r.education);
    EXPECT_EQ(back.record.person.political_status,
              r.person.political_status == "02" ? "01" : r.person.political_status);
    EXPECT_EQ(month(back.record.person.party_joined), month(r.person.party_joined));
    EXPECT_EQ(month(back.record.person.work_started), month(r.person.work_started));
    std::vector<Problem> kept;
    for (const auto &w : first.warnings)
      if (w.code == "political_status_unknown" || w.code == "sex_mismatch") kept.push_back(w);
    EXPECT_EQ(warnings_text(back.warnings), warnings_text(kept));
  }
}

TEST(LrmxCorpus, TheJsonOfAReadCarriesRecordWarningsAndEncoding) {
  const LrmxRead r = read_lrmx(slurp(kDir + "party_empty.lrmx"), "F1");
  const std::string j = lrmx_read_to_json(r);
  EXPECT_EQ(j.rfind("{\"record\":{", 0), 0u) << j;
  EXPECT_NE(j.find("\"political_status\":null"), std::string::npos) << j;
  EXPECT_NE(j.find(",\"warnings\":[{\"path\":\"RuDangShiJian\",\"code\":\"political_status_unknown\","
                   "\"message\":"),
            std::string::npos)
      << j;
  EXPECT_NE(j.find("],\"encoding\":\"utf-8\"}"), std::string::npos) << j;
  // The record with an unknown status goes through the record's JSON and back.
  const Record back = record_from_json(record_to_json(r.record));
  EXPECT_EQ(record_to_json(back), record_to_json(r.record));
  EXPECT_TRUE(back.person.political_status.empty());
  // Nothing derives a party standing from an unknown status.
  EXPECT_FALSE(basic_three_ages(r.record).party_years.has_value());
}

TEST(LrmxCorpus, AReportIsBoundedAndNamesAnUnknownElementAsAKeyMayBe) {
  const std::string base = slurp(kDir + "date_yyyymm.lrmx");
  // an element named by a name or an ID number is not repeated
  const LrmxRead unknown = read_lrmx(
      replace_once(base, "</Person>", "<\xE7\x8E\x8B>x</\xE7\x8E\x8B><E13912345678/></Person>"), "r1");
  std::vector<std::string> paths;
  for (const auto &w : unknown.warnings)
    if (w.code == "element_unknown") paths.push_back(w.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"?", "E*******5678"}));
  // a million lines of 简历: 200 warnings and one that counts the rest; 1,000 lines read
  const LrmxRead many = read_lrmx(replace_once(base, "<JianLi>", "<JianLi>1998.09-2000.07 x\n" + repeat("x\n", 1'000'000)),
                                  "r1");
  ASSERT_EQ(many.warnings.size(), 201u);
  EXPECT_EQ(many.warnings.back().code, "warnings_truncated");
  EXPECT_EQ(many.record.work_history.size(), 1u);
  const LrmxRead lines = read_lrmx(replace_once(base, "<JianLi>", "<JianLi>" + repeat("1998.09-2000.07 x\n", 5'000)), "r1");
  EXPECT_EQ(lines.record.work_history.size(), 1'000u);
  ASSERT_EQ(lines.warnings.size(), 1u);
  EXPECT_EQ(lines.warnings.front().code, "jianli_too_long");
}

}  // namespace

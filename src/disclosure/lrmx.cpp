// The basic information of a disclosure record from a .lrmx cadre form (干部任免审批表 3.x XML;
// element list: tests/golden/disclosure_lrmx_elements.csv). Messages name the element only.
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <sstream>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/utf8.hpp"
#include "cadrekit/disclosure.hpp"

namespace pt = boost::property_tree;

namespace cadrekit::disclosure {

namespace {

std::string trim(std::string s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && blank(s[i])) ++i;
  return s.substr(i);
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "197812", "1978.12", "19781218", "1978.12.18" -> a date (the 1st of the month when no day).
std::optional<Date> form_date(std::string text, const std::string &element) {
  std::string s;
  for (char c : trim(text))
    if (c != '.' && c != '-') s += c;
  if (s.empty()) return std::nullopt;
  if (!digits(s) || (s.size() != 6 && s.size() != 8))
    throw InvalidInput("expected YYYYMM or YYYYMMDD", element);
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(4, 2));
  int d = s.size() == 8 ? std::stoi(s.substr(6, 2)) : 1;
  return make_date(y, m, d, element);
}

}  // namespace

Record record_from_lrmx(std::string_view xml, std::string_view record_id) {
  if (!is_valid_utf8(xml)) throw InvalidInput("the form is not valid UTF-8", "lrmx");
  pt::ptree tree;
  try {
    std::istringstream in{std::string(xml)};
    pt::read_xml(in, tree);
  } catch (const pt::xml_parser_error &) {
    throw InvalidInput("the form is not well-formed XML", "lrmx");
  }
  auto person = tree.get_child_optional("Person");
  if (!person) throw InvalidInput("the form has no Person element", "Person");
  auto get = [&](const char *name) { return trim(person->get<std::string>(name, "")); };

  Record r;
  r.id = std::string(record_id);
  Person &p = r.person;
  p.id = r.id;
  p.name = get("XingMing");
  if (p.name.empty()) throw InvalidInput("the name is missing", "XingMing", r.id);
  p.sex = parse_sex(get("XingBie"), "XingBie");
  r.citizen_id = get("ShenFenZheng");
  if (!r.citizen_id.empty()) {
    CitizenId id = parse_citizen_id(r.citizen_id, "ShenFenZheng");
    p.birth_date = id.birth_date;
  } else {
    auto b = form_date(get("ChuShengNianYue"), "ChuShengNianYue");
    if (!b) throw InvalidInput("the date of birth is missing", "ChuShengNianYue", r.id);
    p.birth_date = *b;
  }
  if (std::string e = get("MinZu"); !e.empty()) p.ethnicity = ethnic_group(e, "MinZu").code;
  std::string party = get("RuDangShiJian");
  std::string party_digits;
  for (char c : party)
    if (c != '.' && c != '-') party_digits += c;
  if (digits(party_digits)) {
    p.party_joined = form_date(party, "RuDangShiJian");
    p.political_status = "01";
  } else if (!party.empty()) {
    try {
      p.political_status = political_status(party, "RuDangShiJian").code;
    } catch (const InvalidInput &) {
      p.political_status = "13";  // a democratic party's name etc.: not a CPC member
    }
  }
  p.work_started = form_date(get("CanJiaGongZuoShiJian"), "CanJiaGongZuoShiJian");
  struct Mode {
    const char *mode, *level, *degree, *school;
  };
  const Mode modes[] = {
      {"full_time", "QuanRiZhiJiaoYu_XueLi", "QuanRiZhiJiaoYu_XueWei",
       "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi"},
      {"in_service", "ZaiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueWei",
       "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi"},
  };
  for (const auto &m : modes) {
    std::string level = get(m.level);
    if (level.empty()) continue;
    r.education.push_back(Education{m.mode, level, get(m.degree), get(m.school)});
    p.education = level;  // in-service (later) wins when both are given
  }
  r.current_post = get("XianRenZhiWu");
  r.proposed_post = get("NiRenZhiWu");
  std::istringstream lines(person->get<std::string>("JianLi", ""));
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    line = trim(line);
    ++n;
    if (line.size() < 9 || !digits(line.substr(0, 4)) || line[4] != '.') continue;  // e.g. （其间…）
    std::string field = "JianLi[" + std::to_string(n) + "]";
    auto sep = line.find("--");
    if (sep == std::string::npos) throw InvalidInput("expected YYYY.MM--YYYY.MM text", field, r.id);
    WorkEntry w;
    w.from = *form_date(line.substr(0, sep), field);
    std::string rest = line.substr(sep + 2);
    if (rest.size() >= 7 && digits(rest.substr(0, 4)) && rest[4] == '.') {
      w.until = form_date(rest.substr(0, 7), field);
      rest = rest.substr(7);
    }
    w.text = trim(rest);
    r.work_history.push_back(std::move(w));
  }
  auto ref = form_date(get("JiSuanNianLingShiJian"), "JiSuanNianLingShiJian");
  if (!ref) ref = form_date(get("TianBiaoShiJian"), "TianBiaoShiJian");
  if (!ref) throw InvalidInput("the form has no date to compute ages as of", "TianBiaoShiJian", r.id);
  r.reference_date = *ref;
  cadrekit::validate(p);
  return r;
}

}  // namespace cadrekit::disclosure

// The basic information of a disclosure record from and to a .lrmx cadre form (干部任免审批表
// 3.x XML; element list: tests/golden/disclosure_lrmx_elements.csv). Messages name the element
// (import) or the record's member path (export) only, never a value.
#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cstdio>
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

// The form's month style: "YYYYMM" (or "YYYY.MM" in 简历 lines); the day is dropped.
std::string form_month(Date d, bool dotted) {
  char buf[16];
  std::snprintf(buf, sizeof buf, dotted ? "%04d.%02d" : "%04d%02d", static_cast<int>(d.year()),
                static_cast<int>(d.month().as_number()));
  return buf;
}

std::string form_day(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", static_cast<int>(d.year()),
                static_cast<int>(d.month().as_number()), static_cast<int>(d.day()));
  return buf;
}

// A text the form can carry and read back: valid UTF-8, no control character (XML 1.0 cannot
// hold most of them; a line break would split 简历 into entries).
const std::string &form_text(const std::string &s, const std::string &path, const std::string &id) {
  if (!is_valid_utf8(s)) throw InvalidInput("not valid UTF-8", path, id);
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f)
      throw InvalidInput("a control character or line break cannot go on the form", path, id);
  return s;
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

std::string record_to_lrmx(const Record &r) {
  const Person &p = r.person;
  const std::string &id = r.id;
  if (p.birth_date.is_not_a_date()) throw InvalidInput("the date of birth is missing", "person.birth_date", id);
  if (r.reference_date.is_not_a_date())
    throw InvalidInput("the reference date is missing", "reference_date", id);
  if (form_text(p.name, "person.name", id).empty())
    throw InvalidInput("the name is missing", "person.name", id);
  if (!r.citizen_id.empty()) {
    form_text(r.citizen_id, "citizen_id", id);
    // The form's reader takes the birth date from the ID number: it must be a valid one.
    try {
      (void)parse_citizen_id(r.citizen_id, "citizen_id");
    } catch (const InvalidInput &) {
      throw InvalidInput("not a valid citizen ID number", "citizen_id", id);
    }
  }
  const Education *full_time = nullptr, *in_service = nullptr;
  for (std::size_t i = 0; i < r.education.size(); ++i) {
    const Education &e = r.education[i];
    std::string path = "education[" + std::to_string(i) + "]";
    const Education **slot = e.mode == "full_time" ? &full_time
                             : e.mode == "in_service" ? &in_service
                                                      : nullptr;
    if (slot == nullptr) throw InvalidInput("must be full_time or in_service", path + ".mode", id);
    if (*slot != nullptr)
      throw InvalidInput("the form holds one full-time and one in-service education line",
                         path + ".mode", id);
    if (form_text(e.level, path + ".level", id).empty())
      throw InvalidInput("the form needs the level of an education line", path + ".level", id);
    form_text(e.degree, path + ".degree", id);
    form_text(e.school, path + ".school", id);
    *slot = &e;
  }
  std::string jianli;
  for (std::size_t i = 0; i < r.work_history.size(); ++i) {
    const WorkEntry &w = r.work_history[i];
    std::string path = "work_history[" + std::to_string(i) + "]";
    if (w.from.is_not_a_date()) throw InvalidInput("not a date", path + ".from", id);
    if (w.until && w.until->is_not_a_date()) throw InvalidInput("not a date", path + ".until", id);
    form_text(w.text, path + ".text", id);
    if (!jianli.empty()) jianli += '\n';
    jianli += form_month(w.from, true) + "--";
    jianli += w.until ? form_month(*w.until, true) + "  " : std::string(8, ' ');
    jianli += w.text;
  }
  std::string party, ethnicity;
  try {
    ethnicity = ethnic_group(p.ethnicity).name_zh;
  } catch (const InvalidInput &) {
    throw InvalidInput("not a GB 3304 ethnic group", "person.ethnicity", id);
  }
  if (p.party_joined) {
    party = form_month(*p.party_joined, false);
  } else {
    try {
      party = political_status(p.political_status).short_zh;
    } catch (const InvalidInput &) {
      throw InvalidInput("not a GB/T 4762 political status", "person.political_status", id);
    }
  }

  pt::ptree person;
  auto put = [&](const char *element, const std::string &value) {
    person.add_child(element, pt::ptree(value));
  };
  auto put_education = [&](const char *prefix, const Education *e) {
    std::string pre = prefix;
    put((pre + "_XueLi").c_str(), e ? e->level : "");
    put((pre + "_XueWei").c_str(), e ? e->degree : "");
    put((pre + "_XueLi_BiYeYuanXiaoXi").c_str(), e ? e->school : "");
    put((pre + "_XueWei_BiYeYuanXiaoXi").c_str(), e && !e->degree.empty() ? e->school : "");
  };
  // The 34 elements in the order of the form (tests/golden/disclosure_lrmx_elements.csv);
  // what the record does not hold is written empty.
  put("XingMing", p.name);
  put("XingBie", p.sex == Sex::female ? "女" : "男");
  put("ChuShengNianYue", form_month(p.birth_date, false));
  put("MinZu", ethnicity);
  put("JiGuan", "");
  put("ChuShengDi", "");
  put("RuDangShiJian", party);
  put("CanJiaGongZuoShiJian", p.work_started ? form_month(*p.work_started, false) : "");
  put("JianKangZhuangKuang", "");
  put("ZhuanYeJiShuZhiWu", "");
  put("ShuXiZhuanYeYouHeZhuanChang", "");
  put_education("QuanRiZhiJiaoYu", full_time);
  put_education("ZaiZhiJiaoYu", in_service);
  put("XianRenZhiWu", form_text(r.current_post, "current_post", id));
  put("NiRenZhiWu", form_text(r.proposed_post, "proposed_post", id));
  put("NiMianZhiWu", "");
  put("JianLi", jianli);
  put("JiangChengQingKuang", "");
  put("NianDuKaoHeJieGuo", "");
  put("RenMianLiYou", "");
  put("JiaTingChengYuan", "");
  put("ChengBaoDanWei", "");
  put("JiSuanNianLingShiJian", form_day(r.reference_date));
  put("TianBiaoShiJian", form_day(r.reference_date));
  put("TianBiaoRen", "");
  put("ShenFenZheng", r.citizen_id);
  put("ZhaoPian", "");
  put("Version", std::string(lrmx_version));
  pt::ptree root;
  root.add_child("Person", person);
  std::ostringstream out;
  pt::write_xml(out, root, pt::xml_writer_make_settings<std::string>(' ', 2, "utf-8"));
  return out.str();
}

}  // namespace cadrekit::disclosure

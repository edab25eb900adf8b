// Code lists of the assessment module: kinds, domains, ratings, methods, periods, findings,
// stages, disposal methods, gates (HORQIN.1–HORQIN.6).
#include <array>
#include <charconv>
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"

namespace cadrekit::assessment {

namespace {

struct Code {
  const char *en;
  const char *zh;
};

template <std::size_t N>
int find_code(const std::array<Code, N> &codes, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (text == codes[i].en || text == codes[i].zh) return static_cast<int>(i);
  return -1;
}

template <std::size_t N>
std::string code_list(const std::array<Code, N> &codes) {
  std::string s;
  for (std::size_t i = 0; i < N; ++i) {
    if (codes[i].en[0] == '\0') continue;
    if (!s.empty()) s += ", ";
    s += codes[i].en;
  }
  return s;
}

template <std::size_t N>
int parse_code(const std::array<Code, N> &codes, std::string_view text, std::string_view field,
               const char *what) {
  int i = find_code(codes, text);
  if (i < 0)
    throw InvalidInput(std::string("unknown ") + what + " (expected one of: " + code_list(codes) +
                           ")",
                       std::string(field));
  return i;
}

constexpr std::array<Code, 4> kKinds{{{"annual", "年度综合考核"},
                                      {"key_work", "重点工作专项考核"},
                                      {"party_conduct", "党风廉政建设责任制考核"},
                                      {"review", "述职评议"}}};
constexpr std::array<Code, 4> kDomains{
    {{"township", "苏木镇"}, {"subdistrict", "街道"}, {"farm", "农牧场"}, {"department", "区直部门"}}};
constexpr std::array<Code, 10> kRatings{{{"", ""},
                                         {"excellent", "优秀"},
                                         {"competent", "称职"},
                                         {"basically_competent", "基本称职"},
                                         {"incompetent", "不称职"},
                                         {"up_to_standard", "达标"},
                                         {"not_up_to_standard", "未达标"},
                                         {"satisfied", "满意"},
                                         {"basically_satisfied", "基本满意"},
                                         {"unsatisfied", "不满意"}}};
constexpr std::array<Code, 6> kMethods{{{"reports", "听述职"},
                                        {"talks", "找谈话"},
                                        {"rating", "搞测评"},
                                        {"records", "查资料"},
                                        {"site_visits", "看现场"},
                                        {"sampling", "抽样查"}}};
constexpr std::array<Code, 2> kSources{{{"qualitative", "定性"}, {"audit", "审计"}}};
constexpr std::array<Code, 7> kAspects{{{"none", "无"},
                                        {"discipline", "遵规守纪"},
                                        {"political_stance", "政治立场"},
                                        {"ideals_beliefs", "理想信念"},
                                        {"ability", "工作能力"},
                                        {"work_style", "工作作风"},
                                        {"personal_conduct", "修身做人"}}};
constexpr std::array<Code, 7> kClasses{{{"other", "其他"},
                                        {"muddled_view", "一时性的模糊认识"},
                                        {"wavering_belief", "信念动摇"},
                                        {"self_serving_error", "利己错误"},
                                        {"exploratory_mistake", "探索性失误"},
                                        {"lack_of_ability", "能力不足"},
                                        {"not_acting", "为官不为"}}};
constexpr std::array<Code, 4> kSeverities{
    {{"minor", "轻微"}, {"moderate", "一般"}, {"serious", "严重"}, {"grave", "特别严重"}}};
constexpr std::array<Code, 8> kStages{{{"none", "未启动"},
                                       {"motion", "动议启动"},
                                       {"investigation", "调查核实"},
                                       {"analysis", "综合分析"},
                                       {"decision", "讨论决定"},
                                       {"notification", "告知谈话"},
                                       {"filing", "备案跟踪"},
                                       {"closed_no_action", "不予处置"}}};
constexpr std::array<Code, 6> kDisposal{{{"dismissal", "免职"},
                                         {"demotion", "降职"},
                                         {"transfer", "交流"},
                                         {"standby", "待岗"},
                                         {"off_post_training", "离岗培训"},
                                         {"key_work_supervision", "参与重点工作督导"}}};
constexpr std::array<Code, 2> kFollowUp{{{"monthly_talk", "谈心谈话"}, {"quarterly_visit", "回访"}}};
constexpr std::array<Code, 6> kGates{{{"post_quota", "编制职数"},
                                      {"motion", "调整动议"},
                                      {"recommendation", "民主推荐"},
                                      {"inspection", "组织考察"},
                                      {"deliberation", "酝酿"},
                                      {"decision", "讨论决定"}}};

}  // namespace

Kind parse_kind(std::string_view t, std::string_view f) {
  if (t == "人大述职评议" || t == "纪委述职评议" || t == "工作评议") return Kind::review;
  return static_cast<Kind>(parse_code(kKinds, t, f, "assessment kind"));
}
const char *kind_name(Kind k) noexcept { return kKinds[static_cast<int>(k) & 3].en; }
const char *kind_name_zh(Kind k) noexcept { return kKinds[static_cast<int>(k) & 3].zh; }

Domain parse_domain(std::string_view t, std::string_view f) {
  return static_cast<Domain>(parse_code(kDomains, t, f, "domain"));
}
const char *domain_name(Domain d) noexcept { return kDomains[static_cast<int>(d) & 3].en; }

Rating parse_rating(std::string_view t, std::string_view f) {
  if (vocabulary::blank(t)) return Rating::none;
  return static_cast<Rating>(vocabulary::parse_code(vocabulary::ratings(), t, f));
}
const char *rating_name(Rating r) noexcept {
  auto i = static_cast<std::size_t>(r);
  return i == 0 ? "none" : (i < kRatings.size() ? kRatings[i].en : "?");
}
const char *rating_name_zh(Rating r) noexcept {
  auto i = static_cast<std::size_t>(r);
  return i < kRatings.size() ? kRatings[i].zh : "?";
}

std::uint8_t parse_method(std::string_view t, std::string_view f) {
  return static_cast<std::uint8_t>(1u << parse_code(kMethods, t, f, "assessment method"));
}
std::vector<std::string> method_names(std::uint8_t m) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kMethods.size(); ++i)
    if (m & (1u << i)) out.emplace_back(kMethods[i].en);
  return out;
}

std::int32_t parse_period(std::string_view t, std::string_view f) {
  auto bad = [&] {
    return InvalidInput("period is not a year (\"2015\") or a year and number (\"2015-2\")",
                        std::string(f));
  };
  if (t.size() < 4 || t.size() > 7) throw bad();
  int year = 0;
  auto r = std::from_chars(t.data(), t.data() + 4, year);
  if (r.ec != std::errc() || r.ptr != t.data() + 4 || year < 1900 || year > 9999) throw bad();
  if (t.size() == 4) return year * 100;
  if (t[4] != '-' || t.size() == 5) throw bad();
  int n = 0;
  auto r2 = std::from_chars(t.data() + 5, t.data() + t.size(), n);
  if (r2.ec != std::errc() || r2.ptr != t.data() + t.size() || n < 1 || n > 99 || t[5] == '0')
    throw bad();
  return year * 100 + n;
}
std::string period_text(std::int32_t p) {
  // Not `to_string(y) + "-" + …`: that trips GCC 12's false -Wrestrict at -O3 (Release).
  std::string s = std::to_string(p / 100);
  if (p % 100 != 0) {
    s.push_back('-');
    s.append(std::to_string(p % 100));
  }
  return s;
}
bool period_follows(std::int32_t a, std::int32_t b) noexcept {
  int ya = a / 100, na = a % 100, yb = b / 100, nb = b % 100;
  if (na == 0 || nb == 0) return na == 0 && nb == 0 && yb == ya + 1;
  return (yb == ya && nb == na + 1) || (yb == ya + 1 && nb == 1);
}

FindingSource parse_finding_source(std::string_view t, std::string_view f) {
  return static_cast<FindingSource>(parse_code(kSources, t, f, "finding source"));
}
Aspect parse_aspect(std::string_view t, std::string_view f) {
  if (t.empty()) return Aspect::none;
  return static_cast<Aspect>(parse_code(kAspects, t, f, "aspect"));
}
FindingClass parse_finding_class(std::string_view t, std::string_view f) {
  if (t.empty()) return FindingClass::other;
  return static_cast<FindingClass>(parse_code(kClasses, t, f, "finding classification"));
}
Severity parse_severity(std::string_view t, std::string_view f) {
  return static_cast<Severity>(parse_code(kSeverities, t, f, "severity"));
}
const char *finding_source_name(FindingSource s) noexcept { return kSources[static_cast<int>(s) & 1].en; }
const char *aspect_name(Aspect a) noexcept { return kAspects[static_cast<std::size_t>(a) % 7].en; }
const char *finding_class_name(FindingClass c) noexcept { return kClasses[static_cast<std::size_t>(c) % 7].en; }
const char *severity_name(Severity s) noexcept { return kSeverities[static_cast<int>(s) & 3].en; }

Stage parse_stage(std::string_view t, std::string_view f) {
  return static_cast<Stage>(parse_code(kStages, t, f, "disposal stage"));
}
const char *stage_name(Stage s) noexcept { return kStages[static_cast<std::size_t>(s) % 8].en; }
const char *stage_name_zh(Stage s) noexcept { return kStages[static_cast<std::size_t>(s) % 8].zh; }

DisposalMethod parse_disposal_method(std::string_view t, std::string_view f) {
  return static_cast<DisposalMethod>(parse_code(kDisposal, t, f, "disposal method"));
}
const char *disposal_method_name(DisposalMethod m) noexcept { return kDisposal[static_cast<std::size_t>(m) % 6].en; }
const char *disposal_method_name_zh(DisposalMethod m) noexcept { return kDisposal[static_cast<std::size_t>(m) % 6].zh; }

FollowUpKind parse_follow_up_kind(std::string_view t, std::string_view f) {
  return static_cast<FollowUpKind>(parse_code(kFollowUp, t, f, "follow-up kind"));
}
const char *follow_up_kind_name(FollowUpKind k) noexcept { return kFollowUp[static_cast<int>(k) & 1].en; }

Gate parse_gate(std::string_view t, std::string_view f) {
  return static_cast<Gate>(parse_code(kGates, t, f, "promotion gate"));
}
const char *gate_name(Gate g) noexcept { return kGates[static_cast<std::size_t>(g) % 6].en; }
const char *gate_name_zh(Gate g) noexcept { return kGates[static_cast<std::size_t>(g) % 6].zh; }

}  // namespace cadrekit::assessment

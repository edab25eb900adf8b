// The one vocabulary of input values (see cadrekit/core/vocabulary.hpp).
#include "cadrekit/core/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <system_error>

#include "cadrekit/core/errors.hpp"

namespace cadrekit::vocabulary {

namespace {

[[noreturn]] void fail(std::string message, std::string_view field, std::string_view record) {
  throw InvalidInput(std::move(message), std::string(field), std::string(record));
}

bool digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

/// Reads the digits at `s[i…]` (at most `most`), advancing i; -1 when there are none.
int read_number(std::string_view s, std::size_t &i, std::size_t most) {
  std::size_t n = 0;
  int v = 0;
  while (i < s.size() && digit(s[i]) && n < most) {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  if (i < s.size() && digit(s[i])) return -1;  // more digits than the field holds
  return n == 0 ? -1 : v;
}

bool eat(std::string_view s, std::size_t &i, std::string_view word) {
  if (s.substr(i, word.size()) != word) return false;
  i += word.size();
  return true;
}

/// A quarter written 1…4 or 一…四 at s[i…]; 0 when none.
int read_quarter(std::string_view s, std::size_t &i) {
  if (i < s.size() && s[i] >= '1' && s[i] <= '4') return s[i++] - '0';
  static constexpr std::array<std::string_view, 4> zh{"一", "二", "三", "四"};
  for (std::size_t q = 0; q < zh.size(); ++q)
    if (eat(s, i, zh[q])) return static_cast<int>(q) + 1;
  return 0;
}

constexpr const char *kFlagExpected = "expected 1 or 0, true or false, 是 or 否";
constexpr const char *kDateExpected =
    "expected a date: 2014-01-01, 2014/1/1, 2014.1.1, 2014年1月1日 or 20140101";
constexpr const char *kPeriodExpected =
    "expected a period: 2016Q2, 2016年第二季度, or the year 2016 for the annual period";

/// 1/0 for a flag spelling, -1 otherwise (the text normalised).
int flag_value(std::string_view t) {
  for (std::string_view w : {"1", "true", "yes", "是"})
    if (same_ascii_case(t, w)) return 1;
  for (std::string_view w : {"0", "false", "no", "否"})
    if (same_ascii_case(t, w)) return 0;
  return -1;
}

constexpr Code kPosts[] = {{"secretary", "书记", "Party secretary", "党支部书记"},
                           {"director", "主任", "Committee director", "村委会主任|嘎查达"},
                           {"both", "一肩挑", "Secretary and director", "书记主任一肩挑"}};
constexpr Code kGrades[] = {{"excellent", "优秀", "Excellent", ""},
                            {"basic", "基本合格", "Basically qualified", ""},
                            {"unqualified", "不合格", "Unqualified", ""},
                            {"not_graded", "未评定", "Not graded", ""}};
constexpr Code kRatings[] = {{"none", "无", "None", ""},
                             {"excellent", "优秀", "Excellent", ""},
                             {"competent", "称职", "Competent", ""},
                             {"basically_competent", "基本称职", "Basically competent", ""},
                             {"incompetent", "不称职", "Incompetent", ""},
                             {"up_to_standard", "达标", "Up to standard", ""},
                             {"not_up_to_standard", "未达标", "Not up to standard", ""},
                             {"satisfied", "满意", "Satisfied", ""},
                             {"basically_satisfied", "基本满意", "Basically satisfied", ""},
                             {"unsatisfied", "不满意", "Unsatisfied", ""}};
// The assessment module's codes (HORQIN.1–HORQIN.6); the index is the value of its enum.
constexpr Code kKinds[] = {
    {"annual", "年度综合考核", "Annual comprehensive assessment", "年度考核"},
    {"key_work", "重点工作专项考核", "Key-work assessment", "重点工作考核|专项考核"},
    {"party_conduct", "党风廉政建设责任制考核", "Party-conduct responsibility assessment", "党风廉政考核"},
    {"review", "述职评议", "Review of work reports", "人大述职评议|纪委述职评议|工作评议"}};
constexpr Code kDomains[] = {{"township", "苏木镇", "Township", "苏木乡镇|乡镇"},
                             {"subdistrict", "街道", "Subdistrict", ""},
                             {"farm", "农牧场", "Farm", ""},
                             {"department", "区直部门", "Department", "部门"}};
constexpr Code kMethods[] = {{"reports", "听述职", "Hearing work reports", "述职"},
                             {"talks", "找谈话", "Talks", "谈话"},
                             {"rating", "搞测评", "Democratic rating", "测评"},
                             {"records", "查资料", "Checking records", "查阅资料"},
                             {"site_visits", "看现场", "Site visits", "实地查看"},
                             {"sampling", "抽样查", "Sampling", "抽查"}};
constexpr Code kFindingSources[] = {{"qualitative", "定性", "Qualitative", ""}, {"audit", "审计", "Audit", ""}};
constexpr Code kAspects[] = {{"none", "无", "None", ""},
                             {"discipline", "遵规守纪", "Discipline", ""},
                             {"political_stance", "政治立场", "Political stance", ""},
                             {"ideals_beliefs", "理想信念", "Ideals and beliefs", ""},
                             {"ability", "工作能力", "Ability", ""},
                             {"work_style", "工作作风", "Work style", ""},
                             {"personal_conduct", "修身做人", "Personal conduct", ""}};
constexpr Code kFindingClasses[] = {{"other", "其他", "Other", ""},
                                    {"muddled_view", "一时性的模糊认识", "Momentary muddled view", ""},
                                    {"wavering_belief", "信念动摇", "Wavering belief", ""},
                                    {"self_serving_error", "利己错误", "Self-serving error", ""},
                                    {"exploratory_mistake", "探索性失误", "Exploratory mistake", ""},
                                    {"lack_of_ability", "能力不足", "Lack of ability", ""},
                                    {"not_acting", "为官不为", "Not acting in office", ""}};
constexpr Code kSeverities[] = {{"minor", "轻微", "Minor", ""},
                                {"moderate", "一般", "Moderate", ""},
                                {"serious", "严重", "Serious", ""},
                                {"grave", "特别严重", "Grave", ""}};
constexpr Code kStages[] = {{"none", "未启动", "Not started", ""},
                            {"motion", "动议启动", "Motion", ""},
                            {"investigation", "调查核实", "Investigation", ""},
                            {"analysis", "综合分析", "Analysis", ""},
                            {"decision", "讨论决定", "Decision", ""},
                            {"notification", "告知谈话", "Notification talk", ""},
                            {"filing", "备案跟踪", "Filing and tracking", ""},
                            {"closed_no_action", "不予处置", "Closed without action", ""}};
constexpr Code kDisposal[] = {{"dismissal", "免职", "Dismissal", ""},
                              {"demotion", "降职", "Demotion", ""},
                              {"transfer", "交流", "Transfer", ""},
                              {"standby", "待岗", "Standby", ""},
                              {"off_post_training", "离岗培训", "Off-post training", ""},
                              {"key_work_supervision", "参与重点工作督导", "Key-work supervision", ""}};
constexpr Code kFollowUp[] = {{"monthly_talk", "谈心谈话", "Monthly talk", ""},
                              {"quarterly_visit", "回访", "Quarterly visit", ""}};
constexpr Code kGates[] = {{"post_quota", "编制职数", "Post quota", ""},
                           {"motion", "调整动议", "Motion", ""},
                           {"recommendation", "民主推荐", "Democratic recommendation", ""},
                           {"inspection", "组织考察", "Inspection", ""},
                           {"deliberation", "酝酿", "Deliberation", ""},
                           {"decision", "讨论决定", "Decision", ""}};
// The audit module's codes (HOLINGOL.1–HOLINGOL.4); the index is the value of its enum.
constexpr Code kAuditLevels[] = {{"special", "特殊级别", "Special level", "特殊"},
                                 {"1", "一级", "Level 1", "level1"},
                                 {"2", "二级", "Level 2", "level2"},
                                 {"3", "三级", "Level 3", "level3"}};
constexpr Code kAuditKinds[] = {{"in_term", "任中审计", "In-term audit", "任期中审计"},
                                {"departure", "离任审计", "Departure audit", ""},
                                {"five_year_term", "任期满五年审计", "Five-year-term audit", "任期满五年"},
                                {"special_project", "专项审计", "Special-project audit", ""},
                                {"sample", "任中抽审", "In-term sample audit", "抽审"}};
constexpr Code kAuditFindings[] = {{"none", "无问题", "None", "无"},
                                   {"minor", "一般问题", "Minor", ""},
                                   {"serious", "严重问题", "Serious", ""},
                                   {"referred", "移送处理", "Referred", "移送"}};
// The cadre record's codes (core/person.hpp). Sex: GB/T 2261.1, index + 1 is the code.
constexpr Code kSexes[] = {{"1", "男", "Male", "男性"}, {"2", "女", "Female", "女性"}};
constexpr Code kRanks[] = {{"keyuan", "科员", "Section member", "科员级"},
                           {"fu_ke", "副科级", "Deputy section chief", "副科|乡科级副职"},
                           {"zheng_ke", "正科级", "Section chief", "正科|乡科级正职"},
                           {"fu_chu", "副处级", "Deputy division chief", "副处|县处级副职"},
                           {"zheng_chu", "正处级", "Division chief", "正处|县处级正职"},
                           {"fu_ting", "副厅级", "Deputy department chief", "副厅|厅局级副职"},
                           {"zheng_ting", "正厅级", "Department chief", "正厅|厅局级正职"}};
// GB/T 4762 (data/codes/political_status_gb4762.csv, the same codes and names, a test checks it):
// the full name as the Chinese label, the short name and variants seen in other seeds as aliases.
constexpr Code kPolitical[] = {
    {"01", "中国共产党党员", "CPC member", "中共党员"},
    {"02", "中国共产党预备党员", "CPC probationary member", "中共预备党员|预备党员"},
    {"03", "中国共产主义青年团团员", "CYL member", "共青团员|团员"},
    {"04", "中国国民党革命委员会会员", "RCCK member", "民革会员|民革党员"},
    {"05", "中国民主同盟盟员", "CDL member", "民盟盟员"},
    {"06", "中国民主建国会会员", "CNDCA member", "民建会员"},
    {"07", "中国民主促进会会员", "CAPD member", "民进会员"},
    {"08", "中国农工民主党党员", "CPWDP member", "农工党党员"},
    {"09", "中国致公党党员", "CZGP member", "致公党党员|致公党会员"},
    {"10", "九三学社社员", "Jiusan Society member", ""},
    {"11", "台湾民主自治同盟盟员", "TDSL member", "台盟盟员"},
    {"12", "无党派民主人士", "Non-partisan", "无党派人士"},
    {"13", "群众", "Masses (no party)", ""}};
// GB 3304 (data/codes/ethnic_gb3304.csv, the same codes, names and romanised names, a test
// checks it): the name as the Chinese label, the romanised name as the English label, the name
// without 族 as an alias (蒙古 for 蒙古族; a whole name must match: 土 is 土族, 土家 is 土家族).
constexpr Code kEthnic[] = {
    {"01", "汉族", "Han", "汉"},
    {"02", "蒙古族", "Mongol", "蒙古"},
    {"03", "回族", "Hui", "回"},
    {"04", "藏族", "Zang", "藏"},
    {"05", "维吾尔族", "Uygur", "维吾尔"},
    {"06", "苗族", "Miao", "苗"},
    {"07", "彝族", "Yi", "彝"},
    {"08", "壮族", "Zhuang", "壮"},
    {"09", "布依族", "Buyei", "布依"},
    {"10", "朝鲜族", "Chosen", "朝鲜"},
    {"11", "满族", "Man", "满"},
    {"12", "侗族", "Dong", "侗"},
    {"13", "瑶族", "Yao", "瑶"},
    {"14", "白族", "Bai", "白"},
    {"15", "土家族", "Tujia", "土家"},
    {"16", "哈尼族", "Hani", "哈尼"},
    {"17", "哈萨克族", "Kazak", "哈萨克"},
    {"18", "傣族", "Dai", "傣"},
    {"19", "黎族", "Li", "黎"},
    {"20", "傈僳族", "Lisu", "傈僳"},
    {"21", "佤族", "Va", "佤"},
    {"22", "畲族", "She", "畲"},
    {"23", "高山族", "Gaoshan", "高山"},
    {"24", "拉祜族", "Lahu", "拉祜"},
    {"25", "水族", "Sui", "水"},
    {"26", "东乡族", "Dongxiang", "东乡"},
    {"27", "纳西族", "Naxi", "纳西"},
    {"28", "景颇族", "Jingpo", "景颇"},
    {"29", "柯尔克孜族", "Kirgiz", "柯尔克孜"},
    {"30", "土族", "Tu", "土"},
    {"31", "达斡尔族", "Daur", "达斡尔"},
    {"32", "仫佬族", "Mulao", "仫佬"},
    {"33", "羌族", "Qiang", "羌"},
    {"34", "布朗族", "Blang", "布朗"},
    {"35", "撒拉族", "Salar", "撒拉"},
    {"36", "毛南族", "Maonan", "毛南"},
    {"37", "仡佬族", "Gelao", "仡佬"},
    {"38", "锡伯族", "Xibe", "锡伯"},
    {"39", "阿昌族", "Achang", "阿昌"},
    {"40", "普米族", "Pumi", "普米"},
    {"41", "塔吉克族", "Tajik", "塔吉克"},
    {"42", "怒族", "Nu", "怒"},
    {"43", "乌孜别克族", "Uzbek", "乌孜别克"},
    {"44", "俄罗斯族", "Russ", "俄罗斯"},
    {"45", "鄂温克族", "Ewenki", "鄂温克"},
    {"46", "德昂族", "Deang", "德昂"},
    {"47", "保安族", "Bonan", "保安"},
    {"48", "裕固族", "Yugur", "裕固"},
    {"49", "京族", "Gin", "京"},
    {"50", "塔塔尔族", "Tatar", "塔塔尔"},
    {"51", "独龙族", "Derung", "独龙"},
    {"52", "鄂伦春族", "Oroqen", "鄂伦春"},
    {"53", "赫哲族", "Hezhen", "赫哲"},
    {"54", "门巴族", "Monba", "门巴"},
    {"55", "珞巴族", "Lhoba", "珞巴"},
    {"56", "基诺族", "Jino", "基诺"}};
// The talent module's codes (HURE.1–HURE.4).
constexpr Code kPools[] = {{"echelon1", "第一梯队", "First echelon", ""},
                           {"echelon2", "第二梯队", "Second echelon", ""},
                           {"nvshaofei", "女少非", "Women, minority and non-party cadres", "“女少非”干部|女少非干部"}};
constexpr Code kPostingKinds[] = {{"post", "任职", "Post", ""},
                                  {"village_residency", "驻村", "Village residency", ""},
                                  {"secondment", "挂职", "Secondment", ""},
                                  {"frontline", "基层一线", "Frontline", ""},
                                  {"exchange", "交流", "Exchange", ""}};
// The disclosure module's complaint codes (KAILU.3: 经核查不影响任职的…履行任职程序，并向举报人
// 说明情况；确有问题的，取消…资格；构成违法犯罪的，交由相关部门依法处理).
constexpr Code kComplaintFindings[] = {
    {"unfounded", "经核查不属实", "Unfounded", "不属实"},
    {"founded_not_affecting", "经核查不影响任职", "Founded, not affecting the appointment", "不影响任职"},
    {"founded_disqualifying", "经核查确有问题", "Founded and disqualifying", "确有问题"},
    {"criminal", "构成违法犯罪", "Criminal", "违法犯罪"}};
constexpr Code kComplaintOutcomes[] = {
    {"proceed_inform_reporter", "履行任职程序并向举报人说明情况", "Proceed and inform the reporter", "履行任职程序"},
    {"cancel", "取消考察对象资格或任职资格", "Cancel", "取消资格"},
    {"refer", "交由相关部门依法处理", "Refer", "移送"}};
// How a complaint came in: KAILU.3 publishes 举报电话、信箱、邮箱 (phone, letter box, email box);
// a visit in person is the library's fourth channel (docs/disclosure.md).
constexpr Code kComplaintChannels[] = {{"phone", "电话", "Phone", "举报电话|电话举报"},
                                       {"letter", "信函", "Letter", "信箱|来信"},
                                       {"email", "电子邮件", "Email", "邮箱|邮件"},
                                       {"visit", "来访", "Visit", "当面反映"}};
// What a complaint's check found wrong in a form (KAILU.4: 填报内容不完整、不准确; 漏报、瞒报).
constexpr Code kDiscrepancyKinds[] = {{"unreported", "未填报", "Unreported", "漏填"},
                                      {"under_reported", "少报面积或金额", "Under-reported", "少报"},
                                      {"inaccurate", "填报不准确", "Inaccurate", "不准确"}};

const CodeTable kPostTable{"village_post", "村两委正职职务", "Village principal's post", kPosts};
const CodeTable kGradeTable{"village_grade", "村正职考核等次", "Village principal's grade", kGrades};
const CodeTable kRatingTable{"rating", "考核评价", "Assessment rating", kRatings};
const CodeTable kKindTable{"assessment_kind", "考核类别", "Assessment kind", kKinds};
const CodeTable kDomainTable{"assessment_domain", "考核对象类别", "Assessment domain", kDomains};
const CodeTable kMethodTable{"assessment_method", "考核方法", "Assessment method", kMethods};
const CodeTable kFindingSourceTable{"finding_source", "问题来源", "Finding source", kFindingSources};
const CodeTable kAspectTable{"aspect", "问题方面", "Aspect of a finding", kAspects};
const CodeTable kFindingClassTable{"finding_class", "问题定性", "Classification of a finding", kFindingClasses};
const CodeTable kSeverityTable{"severity", "严重程度", "Severity", kSeverities};
const CodeTable kStageTable{"disposal_stage", "处置环节", "Disposal stage", kStages};
const CodeTable kDisposalTable{"disposal_method", "处置方式", "Disposal method", kDisposal};
const CodeTable kFollowUpTable{"follow_up_kind", "跟踪方式", "Follow-up kind", kFollowUp};
const CodeTable kGateTable{"promotion_gate", "选任环节", "Promotion gate", kGates};
const CodeTable kAuditLevelTable{"audit_level", "审计级别", "Audit level", kAuditLevels};
const CodeTable kAuditKindTable{"audit_kind", "审计类别", "Audit kind", kAuditKinds};
const CodeTable kAuditFindingTable{"audit_finding", "审计发现", "Audit finding", kAuditFindings};
const CodeTable kSexTable{"sex", "性别", "Sex (GB/T 2261.1)", kSexes};
const CodeTable kRankTable{"rank", "职级", "Rank", kRanks};
const CodeTable kPoliticalTable{"political_status", "政治面貌", "Political status (GB/T 4762)", kPolitical};
const CodeTable kEthnicTable{"ethnicity", "民族", "Ethnic group (GB 3304)", kEthnic};
const CodeTable kPoolTable{"talent_pool", "后备干部库", "Talent pool", kPools};
const CodeTable kPostingKindTable{"posting_kind", "历练类别", "Posting kind", kPostingKinds};
const CodeTable kComplaintFindingTable{"complaint_finding", "核查结论", "Finding on a complaint", kComplaintFindings};
const CodeTable kComplaintOutcomeTable{"complaint_outcome", "处理结果", "Outcome of a complaint", kComplaintOutcomes};
const CodeTable kComplaintChannelTable{"complaint_channel", "举报渠道", "Channel of a complaint", kComplaintChannels};
const CodeTable kDiscrepancyKindTable{"discrepancy_kind", "不符情形", "Kind of discrepancy", kDiscrepancyKinds};
const CodeTable *const kTables[] = {
    &kPostTable,  &kGradeTable,     &kRatingTable,        &kKindTable,         &kDomainTable,
    &kMethodTable, &kFindingSourceTable, &kAspectTable,   &kFindingClassTable, &kSeverityTable,
    &kStageTable, &kDisposalTable,  &kFollowUpTable,      &kGateTable,         &kAuditLevelTable,
    &kAuditKindTable, &kAuditFindingTable, &kSexTable,    &kRankTable,         &kPoliticalTable,
    &kEthnicTable,
    &kPoolTable,  &kPostingKindTable, &kComplaintFindingTable, &kComplaintOutcomeTable,
    &kComplaintChannelTable, &kDiscrepancyKindTable};

bool alias_of(std::string_view aliases, std::string_view t) {
  while (!aliases.empty()) {
    const std::size_t bar = aliases.find('|');
    if (aliases.substr(0, bar) == t) return true;
    if (bar == std::string_view::npos) break;
    aliases.remove_prefix(bar + 1);
  }
  return false;
}

}  // namespace

std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    if (i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] >= 0x81 && s[i + 2] <= 0xBF) {
      out += static_cast<char>(s[i + 2] - 0x60);  // U+FF01…FF3F → ! … _
      i += 3;
    } else if (i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xBD && s[i + 2] >= 0x80 && s[i + 2] <= 0x9E) {
      out += static_cast<char>(s[i + 2] - 0x20);  // U+FF40…FF5E → ` … ~
      i += 3;
    } else if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x88 && s[i + 2] == 0x92) {
      out += '-';  // U+2212 minus sign
      i += 3;
    } else if (i + 2 < n && s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
      out += ' ';  // U+3000 ideographic space
      i += 3;
    } else if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0) {
      out += ' ';  // U+00A0 no-break space
      i += 2;
    } else {
      out += static_cast<char>(s[i]);
      ++i;
    }
  }
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t b = 0, e = out.size();
  while (b < e && space(out[b])) ++b;
  while (e > b && space(out[e - 1])) --e;
  return out.substr(b, e - b);
}

bool blank(std::string_view text) {
  // normalise(text).empty() without building the text: every character is one normalise trims
  // (an ASCII space, tab or line end, U+3000 or U+00A0); most texts fail at the first byte
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
      ++i;
    } else if (i + 2 < n && s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
      i += 3;
    } else if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0) {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

bool parse_flag(std::string_view text, std::string_view field, std::string_view record) {
  const int v = flag_value(normalise(text));
  if (v < 0) fail(kFlagExpected, field, record);
  return v == 1;
}

std::optional<bool> parse_opt_flag(std::string_view text, std::string_view field, std::string_view record) {
  if (blank(text)) return std::nullopt;
  return parse_flag(text, field, record);
}

std::string level_expectation(std::int32_t max) {
  if (max <= 0) return "0";
  std::string s;
  if (max <= 3) {
    for (std::int32_t i = 0; i < max; ++i) s += (i ? ", " : "") + std::to_string(i);
    s += " or " + std::to_string(max);
  } else {
    s = "a whole number 0…" + std::to_string(max);
  }
  return s + ", or 是/否 for 1/0";
}

std::int32_t parse_level(std::string_view text, std::int32_t max, std::string_view field, std::string_view record) {
  const std::string t = normalise(text);
  std::int64_t v = -1;
  if (!t.empty() && t.size() <= 9 && std::all_of(t.begin(), t.end(), digit)) {
    v = std::stoll(t);
  } else {
    v = flag_value(t);
  }
  if (v < 0 || v > max) fail("expected " + level_expectation(max), field, record);
  return static_cast<std::int32_t>(v);
}

Date parse_date(std::string_view text, std::string_view field, std::string_view record) {
  const std::string t = normalise(text);
  int y = -1, m = -1, d = -1;
  std::size_t i = 0;
  if (t.size() == 8 && std::all_of(t.begin(), t.end(), digit)) {  // 20140101
    y = std::stoi(t.substr(0, 4));
    m = std::stoi(t.substr(4, 2));
    d = std::stoi(t.substr(6, 2));
  } else if ((y = read_number(t, i, 4)) >= 0 && i == 4) {
    if (eat(t, i, "年")) {  // 2014年1月1日
      m = read_number(t, i, 2);
      if (m < 0 || !eat(t, i, "月")) m = -1;
      d = read_number(t, i, 2);
      if (d < 0 || !eat(t, i, "日")) d = -1;
    } else if (i < t.size() && (t[i] == '-' || t[i] == '/' || t[i] == '.')) {
      const char sep = t[i++];
      m = read_number(t, i, 2);
      if (m >= 0 && i < t.size() && t[i] == sep) {
        ++i;
        d = read_number(t, i, 2);
      }
    }
    if (i != t.size()) d = -1;
  }
  if (y < 0 || m < 0 || d < 0) fail(kDateExpected, field, record);
  try {
    return make_date(y, m, d, field);
  } catch (const InvalidInput &e) {
    fail(e.message() + " (the month or day is out of range)", field, record);
  }
}

std::optional<Date> parse_opt_date(std::string_view text, std::string_view field, std::string_view record) {
  if (blank(text)) return std::nullopt;
  return parse_date(text, field, record);
}

Date date_from_excel_serial(std::int64_t serial, std::string_view field, std::string_view record) {
  if (serial < 1 || serial > 2958465)
    fail("expected an Excel date serial within 1…2958465", field, record);
  if (serial == 60) fail("Excel's 1900-02-29 is not a date", field, record);
  // 1900-01-01 is 1; Excel counts a 1900-02-29 that did not exist, so from 61 on the serial is
  // one more than the days since 1899-12-31.
  const Date base(1899, 12, 31);
  return base + boost::gregorian::days(serial < 60 ? serial : serial - 1);
}

Date date_from_excel_serial(std::int64_t serial, bool date1904, std::string_view field, std::string_view record) {
  if (!date1904) return date_from_excel_serial(serial, field, record);
  if (serial < 0 || serial > 2957003)
    fail("expected an Excel date serial within 0…2957003 (the workbook's 1904 date system)", field, record);
  return Date(1904, 1, 1) + boost::gregorian::days(serial);
}

std::string Period::code() const {
  std::string s = std::to_string(year);
  if (quarter) s += "Q" + std::to_string(quarter);
  return s;
}

Period parse_period(std::string_view text, std::string_view field, std::string_view record) {
  const std::string t = normalise(text);
  std::size_t i = 0;
  Period p;
  p.year = read_number(t, i, 4);
  bool ok = p.year >= 1000 && i == 4;
  if (ok && i < t.size()) {
    if (eat(t, i, "年")) {
      if (i == t.size() || (eat(t, i, "度") && i == t.size())) return p;
      eat(t, i, "第");
      p.quarter = read_quarter(t, i);
      ok = p.quarter > 0 && eat(t, i, "季度") && i == t.size();
    } else {
      if (t[i] == '-') ++i;
      ok = i < t.size() && (t[i] == 'Q' || t[i] == 'q');
      ++i;
      if (ok) {
        ok = i < t.size() && t[i] >= '1' && t[i] <= '4' && i + 1 == t.size();
        if (ok) p.quarter = t[i] - '0';
      }
    }
  }
  if (!ok) fail(kPeriodExpected, field, record);
  return p;
}

std::optional<std::int64_t> parse_opt_whole(std::string_view text, std::string_view field, std::string_view record) {
  const std::string t = normalise(text);
  if (t.empty()) return std::nullopt;
  const std::size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0;
  if (i == t.size() || !std::all_of(t.begin() + static_cast<std::ptrdiff_t>(i), t.end(), digit))
    fail("expected a whole number", field, record);
  // every int64, as a JSON request's whole number (from_chars takes no '+'); beyond, refused
  std::int64_t v = 0;
  const char *end = t.data() + t.size();
  const auto [at, ec] = std::from_chars(t.data() + (t[0] == '+' ? 1 : 0), end, v);
  if (ec != std::errc() || at != end) fail("expected a whole number", field, record);
  return v;
}

std::int64_t parse_whole(std::string_view text, std::string_view field, std::string_view record) {
  const auto v = parse_opt_whole(text, field, record);
  if (!v) fail("missing (expected a whole number)", field, record);
  return *v;
}

Rational parse_number(std::string_view text, std::string_view field, std::string_view record) {
  try {
    return parse_decimal(normalise(text), field);
  } catch (const InvalidInput &e) {
    fail(e.message(), field, record);
  }
}

std::optional<std::size_t> find_code(const CodeTable &table, std::string_view text) {
  // A code as written ("01", "fu_ke": what most cells and records hold) is found without
  // normalising the text: first where a numbered code stands (the i-th code of a table of
  // numbers is i + 1), then among the codes. No spelling of one code is another's code
  // (Vocabulary.NoSpellingOfACodeIsAnotherCode), so it is the code the full reading finds.
  if (!text.empty() && text.size() <= 2 && text.front() >= '0' && text.front() <= '9' &&
      text.back() >= '0' && text.back() <= '9') {
    const auto at = static_cast<std::size_t>(text.size() == 1 ? text[0] - '0' : (text[0] - '0') * 10 + (text[1] - '0'));
    if (at >= 1 && at <= table.codes.size() && table.codes[at - 1].code == text) return at - 1;
  }
  for (std::size_t i = 0; i < table.codes.size(); ++i)
    if (table.codes[i].code == text) return i;
  const std::string t = normalise(text);
  for (std::size_t i = 0; i < table.codes.size(); ++i) {
    const Code &c = table.codes[i];
    if (same_ascii_case(t, c.code) || t == c.zh || same_ascii_case(t, c.en) || alias_of(c.aliases, t)) return i;
  }
  return std::nullopt;
}

std::string code_expectation(const CodeTable &table) {
  std::string list;
  for (const Code &c : table.codes) list += (list.empty() ? "" : ", ") + std::string(c.code) + " (" + std::string(c.zh) + ")";
  return "expected one of: " + list;
}

std::size_t parse_code(const CodeTable &table, std::string_view text, std::string_view field, std::string_view record) {
  if (auto i = find_code(table, text)) return *i;
  fail(code_expectation(table), field, record);
}

const CodeTable *code_table(std::string_view kind) noexcept {
  for (const CodeTable *t : kTables)
    if (t->kind == kind) return t;
  return nullptr;
}

const CodeTable &village_posts() { return kPostTable; }
const CodeTable &village_grades() { return kGradeTable; }
const CodeTable &ratings() { return kRatingTable; }
const CodeTable &assessment_kinds() { return kKindTable; }
const CodeTable &assessment_domains() { return kDomainTable; }
const CodeTable &assessment_methods() { return kMethodTable; }
const CodeTable &finding_sources() { return kFindingSourceTable; }
const CodeTable &aspects() { return kAspectTable; }
const CodeTable &finding_classes() { return kFindingClassTable; }
const CodeTable &severities() { return kSeverityTable; }
const CodeTable &disposal_stages() { return kStageTable; }
const CodeTable &disposal_methods() { return kDisposalTable; }
const CodeTable &follow_up_kinds() { return kFollowUpTable; }
const CodeTable &promotion_gates() { return kGateTable; }
const CodeTable &audit_levels() { return kAuditLevelTable; }
const CodeTable &audit_kinds() { return kAuditKindTable; }
const CodeTable &audit_findings() { return kAuditFindingTable; }
const CodeTable &sexes() { return kSexTable; }
const CodeTable &ranks() { return kRankTable; }
const CodeTable &political_status_codes() { return kPoliticalTable; }
const CodeTable &ethnic_group_codes() { return kEthnicTable; }
const CodeTable &talent_pools() { return kPoolTable; }
const CodeTable &posting_kinds() { return kPostingKindTable; }
std::span<const CodeTable *const> code_tables() { return kTables; }

std::vector<Entry> entries() {
  std::vector<Entry> out = {
      {"flag", "Flag (是否)",
       "`1`/`0`, `true`/`false`, `yes`/`no` (any case), `是`/`否`.",
       {"1", "TRUE", "yes", "是", "0", "False", "否"}, kFlagExpected},
      {"level", "Factor level, small count (等级、个数)",
       "a whole number within the factor's scale (0…max, the policy's `audit.factor.<f>.max`); "
       "for 1 and 0 also every flag spelling (`是`/`否`, `true`/`false`, `yes`/`no`).",
       {"0", "2", "是 (= 1)", "否 (= 0)", "true (= 1)"}, "expected " + level_expectation(2)},
      {"date", "Date (日期)",
       "`YYYY-MM-DD`, the month and day with one or two digits and `-`, `/` or `.` between "
       "(the same separator twice), `YYYY年M月D日`, or eight digits `YYYYMMDD`. The month and day "
       "are checked against the calendar. A time of day is refused. A spreadsheet's date cell "
       "is read as its date. In an .xlsx table, a number cell (without a date format) in a date "
       "column is an Excel date serial: 1 = 1900-01-01 in the 1900 date system (Excel's "
       "fictitious 1900-02-29, serial 60, is refused), 0 = 1904-01-01 in a workbook saved with the "
       "1904 date system; a number that is not a whole day up to 9999-12-31 is an error naming the cell. "
       "A JSON number is not a date; a Python DataFrame column of numbers is not read as serials "
       "(docs/python.md).",
       {"2014-01-01", "2014-1-1", "2014/1/1", "2014.1.1", "2014年1月1日", "20140101", "２０１４－０１－０１"},
       kDateExpected},
      {"period", "Period (考核期)",
       "a quarter `YYYYQn` (`q` in any case, optionally `YYYY-Qn`), `YYYY年第n季度` with n "
       "written 1…4 or 一…四 (`第` optional); the whole year `YYYY`, `YYYY年` or `YYYY年度` "
       "for the annual period. Read as the canonical `2016Q2` / `2016`. These are the village "
       "pay's score periods; an assessment record's `period` (`2015`, `2015-2`: the n-th "
       "assessment of its kind in a year, docs/assessment.md) is not a quarter and keeps its own form.",
       {"2016Q2", "2016q2", "2016年第二季度", "2016年二季度", "2016年第2季度", "2016", "2016年"},
       kPeriodExpected},
      {"whole", "Whole number (整数)",
       "an optional sign and up to 18 digits, no separators.",
       {"12", "-3", "+7", "－３"}, "expected a whole number"},
      {"number", "Decimal number (数值)",
       "an exact decimal, thousands separated by `,` or not, or a fraction `7/20`.",
       {"12", "-0.35", "7,000.5", "7/20"}, "expected a decimal number"},
  };
  for (const CodeTable *t : code_tables()) {
    Entry e{"code:" + std::string(t->kind), std::string(t->en) + " (" + std::string(t->zh) + ")",
            "the code, the Chinese label, the English label or another spelling listed (codes and English labels in any case)", {}, ""};
    std::string list;
    for (const Code &c : t->codes) {
      std::string ex = "`" + std::string(c.code) + "` = `" + std::string(c.zh) + "` = `" + std::string(c.en) + "`";
      std::string_view al = c.aliases;
      while (!al.empty()) {
        const std::size_t bar = al.find('|');
        ex += " = `" + std::string(al.substr(0, bar)) + "`";
        if (bar == std::string_view::npos) break;
        al.remove_prefix(bar + 1);
      }
      e.examples.push_back(std::move(ex));
      list += (list.empty() ? "" : ", ") + std::string(c.code) + " (" + std::string(c.zh) + ")";
    }
    // A person's readers refuse an ethnic group with a short message of their own, not the
    // list of all 56 groups.
    e.expected = t->kind == "ethnicity" ? "not a GB 3304 ethnic group code or name" : code_expectation(*t);
    out.push_back(std::move(e));
  }
  return out;
}

std::string markdown() {
  std::string s =
      "# Input values (输入取值)\n\n"
      "<!-- Generated by `cadrekit vocabulary --markdown` from src/core/vocabulary.cpp; "
      "the test cli.vocabulary_doc fails when this page differs. Do not edit by hand. -->\n\n"
      "Every surface (the command line's tables, the C JSON calls, Python) reads a value the "
      "same way. Before a kind's own spellings are matched, spaces around the text (also the "
      "ideographic space) are ignored, and full-width characters typed by a Chinese input method "
      "(`０`…`９`, `－`, `／`, `．`, `Ｑ`) read as their ASCII forms.\n\n"
      "An empty cell, or one of "
      "spaces only, is a missing value: the column's default where it has one, an error naming "
      "the field where it is required (an id of spaces only is empty on every surface). The "
      "command line's tables also trim the spaces around an id; the C calls and Python compare "
      "an id as given, so there `\" C1\"` and `\"C1\"` are two cadres.\n\n"
      "A JSON number or "
      "`true`/`false` is read as itself; a JSON string is read as a "
      "table cell would be, and so is a JSON number where text, a flag or a date is wanted: an id "
      "`1001` (or `1001.0`) is the text `1001`, `1.5` is `1.5`, a flag `1` or `0` is yes or no, "
      "a date `20140101` is 1 January 2014; `true` where text is wanted is the text `true`. "
      "A number held as a double from 2^53 on (a JSON number beyond 64-bit integers, a pandas "
      "float column's 18-digit ID number) or not finite (`1e400`) is refused where it would be "
      "text: its digits would be a changed id.\n\n"
      "An error names the field and the record and says what was "
      "expected; it never repeats the text read.\n";
  for (const Entry &e : entries()) {
    s += "\n## " + e.title + "\n\n";
    s += "Kind `" + e.kind + "`. Accepts " + e.accepted + "\n\n";
    for (const std::string &x : e.examples)
      s += "- " + (x.find('`') == std::string::npos ? "`" + x + "`" : x) + "\n";
    s += "\nOtherwise the error says: " + e.expected + ".\n";
  }
  return s;
}

}  // namespace cadrekit::vocabulary

// The command line's table of column names (see labels.hpp).
#include "labels.hpp"

#include <unordered_map>

namespace cadrekit::cli {

namespace {

struct Label {
  const char *code, *zh, *en;
};

// Every column a command writes, with its header in Chinese and in English. A command that
// writes a column missing here fails tests/cli/check_xlsx.py.
constexpr Label kLabels[] = {
    {"a", "方案A", "Profile A"},
    {"actions", "后续措施", "Actions"},
    {"age", "年龄", "Age"},
    {"as_of", "基准日", "As of"},
    {"audits", "审计次数", "Audits"},
    {"b", "方案B", "Profile B"},
    {"budget", "预算", "Budget"},
    {"band", "预算档次", "Budget band"},
    {"band_points", "预算得分", "Budget points"},
    {"base", "基本报酬", "Base pay"},
    {"birth_date", "出生日期", "Date of birth"},
    {"cadre_id", "干部编号", "Cadre ID"},
    {"candidates", "候选人", "Candidates"},
    {"capacity", "年审计能力", "Capacity per year"},
    {"capacity_used", "已用审计能力", "Capacity used"},
    {"case_kind", "事项类别", "Case kind"},
    {"case_id", "事项编号", "Case ID"},
    {"cases", "事项数", "Cases"},
    {"citizen_id", "身份证号", "Citizen ID number"},
    {"clause", "条款", "Clause"},
    {"code", "代码", "Code"},
    {"command", "命令", "Command"},
    {"composite", "综合得分", "Composite score"},
    {"current_post", "现任职务", "Current post"},
    {"date", "日期", "Date"},
    {"decided", "决定日期", "Decided"},
    {"detail", "详情", "Detail"},
    {"difference", "差异", "Difference"},
    {"due", "到期日", "Due"},
    {"education", "学历", "Education"},
    {"eligible_candidates", "符合条件的候选人", "Eligible candidates"},
    {"effective", "生效日期", "Effective"},
    {"eligible", "符合条件", "Eligible"},
    {"ethnicity", "民族", "Ethnicity"},
    {"events", "事件数", "Events"},
    {"explanation", "解释", "Explanation"},
    {"explanation_a", "方案A解释", "Explanation A"},
    {"explanation_b", "方案B解释", "Explanation B"},
    {"factor_points", "因素得分", "Factor points"},
    {"failed", "未满足条件", "Conditions failed"},
    {"feasible", "可行", "Feasible"},
    {"field", "字段", "Field"},
    {"field_names", "字段名", "Field names"},
    {"fields", "字段内容", "Fields"},
    {"file", "文件", "File"},
    {"findings", "问题记录数", "Findings"},
    {"first", "首次记录", "First"},
    {"first_day", "起始日", "First day"},
    {"formal", "正式候选人", "Formal candidates"},
    {"full_time_education", "全日制教育", "Full-time education"},
    {"gaps", "缺口", "Gaps"},
    {"grounds", "依据", "Grounds"},
    {"grade", "考核等次", "Grade"},
    {"grade_en", "考核等次（英文）", "Grade (English)"},
    {"grade_zh", "考核等次（中文）", "Grade (Chinese)"},
    {"graded_in_township", "乡镇内参评数", "Graded in township"},
    {"id", "编号", "ID"},
    {"import", "导入批次", "Import"},
    {"in_service_education", "在职教育", "In-service education"},
    {"initial", "初步人选", "Initial candidates"},
    {"item", "项目", "Item"},
    {"kind", "类别", "Kind"},
    {"last", "最近记录", "Last"},
    {"last_day", "截止日", "Last day"},
    {"leader_id", "领导干部编号", "Leader ID"},
    {"level", "等级", "Level"},
    {"lower_bound", "能力下界", "Lower bound"},
    {"members", "内容", "Members"},
    {"message", "信息", "Message"},
    {"method", "处置方式", "Method"},
    {"min_capacity", "最低所需能力", "Least capacity"},
    {"minority", "少数民族干部", "Minority"},
    {"missing", "缺失", "Missing"},
    {"name", "名称", "Name"},
    {"non_party", "党外干部", "Non-party"},
    {"op", "操作", "Operation"},
    {"open", "未结", "Open"},
    {"party_joined", "入党时间", "Joined the Party"},
    {"party_years", "党龄", "Party years"},
    {"path", "字段路径", "Path"},
    {"performance", "绩效报酬", "Performance pay"},
    {"periods", "期次", "Periods"},
    {"places", "名额", "Places"},
    {"policy", "政策配置", "Policy profile"},
    {"political_status", "政治面貌", "Political status"},
    {"pool", "人才库", "Pool"},
    {"post", "职务", "Post"},
    {"posted", "公示日期", "Posted"},
    {"principals", "主要负责人数", "Principals"},
    {"problems", "问题数", "Problems"},
    {"proposed_post", "拟任职务", "Proposed post"},
    {"prospective", "预备人选", "Prospective candidates"},
    {"public_institution", "事业编制报酬", "Public-institution pay"},
    {"rank", "职级/名次", "Rank"},
    {"reason", "原因", "Reason"},
    {"reasons", "理由", "Reasons"},
    {"record", "记录", "Record"},
    {"record_id", "记录编号", "Record ID"},
    {"recorded_at", "记录时间", "Recorded at"},
    {"recorded_by", "记录人", "Recorded by"},
    {"reference_date", "基准日期", "Reference date"},
    {"round", "轮次", "Round"},
    {"rows", "行", "Rows"},
    {"rule", "规则", "Rule"},
    {"rule_id", "规则编号", "Rule ID"},
    {"score", "总分", "Score"},
    {"seed", "抽样种子", "Sample seed"},
    {"selection_places", "事业编制选聘名额", "Selection places"},
    {"seq", "序号", "Seq"},
    {"sex", "性别", "Sex"},
    {"shortfall", "未满足项", "Shortfall"},
    {"size", "人数", "Size"},
    {"source", "来源", "Source"},
    {"stage", "阶段", "Stage"},
    {"state", "到期状态", "State"},
    {"status", "状态", "Status"},
    {"subject", "对象", "Subject"},
    {"subsidies", "离任补贴", "Subsidies"},
    {"suggestion", "处置建议", "Suggestion"},
    {"team_grade", "班子等次", "Team grade"},
    {"team_grade_en", "班子等次（英文）", "Team grade (English)"},
    {"team_grade_zh", "班子等次（中文）", "Team grade (Chinese)"},
    {"team_id", "班子编号", "Team ID"},
    {"text", "文本", "Text"},
    {"total", "合计", "Total"},
    {"township", "苏木乡镇", "Township"},
    {"unit_id", "单位编号", "Unit ID"},
    {"units", "计酬月数", "Months paid"},
    {"units_of_year", "全年月数", "Months of the year"},
    {"venues", "公示场所", "Venues"},
    {"venues_zh", "公示场所（中文）", "Venues (Chinese)"},
    {"venues_en", "公示场所（英文）", "Venues (English)"},
    {"village_id", "嘎查村编号", "Village ID"},
    {"villages", "嘎查村数", "Villages"},
    {"what", "事项", "What"},
    {"women", "女干部", "Women"},
    {"work_history_lines", "简历条数", "Work history lines"},
    {"work_started", "参加工作时间", "Started work"},
    {"work_years", "工龄", "Years of work"},
    {"working_days", "工作日数", "Working days"},
    {"year", "年度", "Year"},
    {"young", "年轻干部", "Young"},
};

}  // namespace

const char *column_label(std::string_view code, std::string_view lang) {
  for (const Label &l : kLabels)
    if (code == l.code) return lang == "en" ? l.en : l.zh;
  return nullptr;
}

const char *column_code(std::string_view header) {
  // Every label's texts by a hash, built once: a header of a million columns asks a million
  // times. A code is itself (nullptr), before any label's words; of two labels with the same
  // words, the first.
  static const std::unordered_map<std::string_view, const char *> codes = [] {
    std::unordered_map<std::string_view, const char *> m;
    for (const Label &l : kLabels) {
      m.emplace(l.zh, l.code);
      m.emplace(l.en, l.code);
    }
    for (const Label &l : kLabels) m.insert_or_assign(l.code, nullptr);
    return m;
  }();
  const auto it = codes.find(header);
  return it == codes.end() ? nullptr : it->second;
}

}  // namespace cadrekit::cli

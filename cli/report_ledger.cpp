// The report's ledger section (ledger.hpp): the county workspace of `cadrekit demo` read back —
// open cases by kind and stage at each month's end, and what is overdue or due on the date.
#include <algorithm>
#include <map>

#include "ledger.hpp"
#include "svg.hpp"

namespace cadrekit::cli {

namespace json = boost::json;

namespace {

std::string str(const json::value &v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return {};
  return json::serialize(v);
}

std::string T(std::string_view zh, std::string_view en) {
  return "<span class=\"zh\">" + esc(zh) + "</span><span class=\"en\">" + esc(en) + "</span>";
}

struct KindLook {
  const char *kind, *zh, *en, *cls, *colour;
};
// Colours are the page's own classes (report.cpp's style sheet).
constexpr KindLook kKinds[] = {
    {"disposal", "处置案件（含跟踪回访）", "disposal cases (with follow-up)", "barr", "#b3262d"},
    {"disclosure", "个人事项公开", "disclosure cases", "bar2", "#e08a1e"},
    {"tier", "审计分级（专项资金）", "audit tiers (special funds)", "lvl0", "#6b1d7a"},
    {"audit_plan", "审计计划", "audit plan", "bar", "#4f8fbf"},
    {"village_pay", "村干部报酬", "village pay", "r2", "#7fb0d8"},
    {"selection", "事业待遇选聘", "selection", "closed", "#7a8794"},
};

const char *what_zh(const std::string &w) {
  if (w == "monthly_talk") return "每月谈心谈话";
  if (w == "quarterly_visit") return "每季度回访";
  if (w == "complaint") return "举报核查";
  if (w == "planned_audit") return "计划审计";
  if (w == "special_funds_audit") return "专项资金审计";
  if (w == "renewal") return "年度续聘";
  if (w == "publicity_window") return "公示期";
  if (w == "admonishment_talk") return "诫勉谈话";
  if (w == "rectification") return "限期整改";
  return "";
}

}  // namespace

std::string ledger_section(const DemoData &d) {
  if (d.ledger.empty()) return {};
  const json::object &L = d.ledger;
  const auto &months = L.at("months").as_array();
  const auto &due = L.at("due").as_array();
  std::map<std::string, int> by_state;
  for (const auto &x : due) ++by_state[str(x.at("state"))];
  std::string h = "<section id=\"ledger\"><h2>" + T("年度台账（工作区 county.ck.db）", "The year's ledger (workspace county.ck.db)") +
                  "</h2><p>" +
                  T("全年的每项决定与其后的每一步（谈话、回访、举报核查、专项资金…）逐日记入一个 SQLite 工作区文件："
                    "每个案件是只追加的事件日志，当前状态由本库的案件类型重放日志得出。截至 " + str(L.at("as_of")) + "：",
                    "Every decision of the year and every step after it (talks, visits, complaints, special funds…) "
                    "recorded day by day in one SQLite workspace file: each case an append-only event log whose state "
                    "is derived by replaying it through the library's own case types. As of " + str(L.at("as_of")) + ": ") +
                  "<span class=\"num\" title=\"workspace status\">" + str(L.at("cases")) + "</span>" +
                  T(" 个案件，", " cases, ") + "<span class=\"num\" title=\"events of every case\">" +
                  str(L.at("events")) + "</span>" + T(" 条事件；逾期 ", " events; overdue ") +
                  "<span class=\"num\" title=\"cadrekit workspace due\">" + std::to_string(by_state["overdue"]) +
                  "</span>" + T(" 项，到期 ", ", due ") + std::to_string(by_state["due"]) + T(" 项，进行中 ", ", open ") +
                  std::to_string(by_state["open"]) + T(" 项。", ".") + "</p>";

  // Open cases by kind at each month's end (tooltips: by stage).
  h += "<h3>" + T("各月末在办案件（按类型，悬停见各阶段）", "Open cases at each month's end (by kind; hover for the stages)") + "</h3>";
  {
    int maxn = 1;
    for (const auto &m : months) {
      int n = 0;
      for (const auto &[k, stages] : m.at("open").as_object())
        for (const auto &[s, c] : stages.as_object()) n += static_cast<int>(c.as_int64());
      maxn = std::max(maxn, n);
    }
    const int nm = static_cast<int>(months.size()), x0 = 40, W = std::max(420, x0 + 38 * nm + 20), H = 230, base = 190;
    const double col = (W - x0 - 20.0) / std::max(1, nm), scale = 160.0 / maxn;
    Svg s(W, H, "open cases by month");
    s.line(x0, base, W - 10, base, "axis");
    for (int i = 0; i < nm; ++i) {
      const json::object &m = months[static_cast<std::size_t>(i)].as_object();
      const double x = x0 + col * i + 3;
      double y = base;
      for (const KindLook &k : kKinds) {
        const json::value *stages = m.at("open").as_object().if_contains(k.kind);
        if (!stages) continue;
        int n = 0;
        std::string tip = str(m.at("month")) + " " + k.en + ":";
        for (const auto &[st, c] : stages->as_object()) {
          n += static_cast<int>(c.as_int64());
          tip += "\n  " + std::string(st) + ": " + str(c);
        }
        y -= n * scale;
        s.rect(x, y, col - 6, n * scale, k.cls, tip);
      }
      s.text(x + (col - 6) / 2, base + 14, str(m.at("month")).substr(2), "middle", "small");
    }
    s.text2(6, 14, "在办案件", "open cases", "start", "small");
    s.text(x0 - 4, base - maxn * scale + 4, std::to_string(maxn), "end", "small");
    h += s.str();
    h += "<p class=\"key\">" + T("图例", "Key");
    for (const KindLook &k : kKinds)
      h += "<span class=\"sw\" style=\"background:" + std::string(k.colour) + "\"></span>" + T(k.zh, k.en);
    h += "</p>";
  }

  // Open cases by stage on the date.
  std::map<std::pair<std::string, std::string>, int> stage_counts;
  for (const auto &s : L.at("status").as_array())
    if (s.at("open").as_bool()) ++stage_counts[{str(s.at("case_kind")), str(s.at("stage"))}];
  h += "<h3>" + T("截至 " + str(L.at("as_of")) + " 在办案件按阶段", "Open cases by stage on " + str(L.at("as_of"))) +
       "</h3><table><tr><th>" + T("类型", "kind") + "</th><th>" + T("阶段", "stage") + "</th><th>" + T("案件数", "cases") +
       "</th></tr>";
  for (const auto &[k, n] : stage_counts)
    h += "<tr><td>" + esc(k.first) + "</td><td>" + esc(k.second) + "</td><td class=\"r\">" + std::to_string(n) + "</td></tr>";
  h += "</table>";

  // What is overdue or due, overdue follow-ups first.
  h += "<h3>" + T("逾期与到期事项（含逾期的跟踪回访）", "Overdue and due (overdue follow-ups among them)") +
       "</h3><table><tr><th>" + T("状态", "state") + "</th><th>" + T("事项", "what") + "</th><th>" + T("案件", "case") +
       "</th><th>" + T("对象", "subject") + "</th><th>" + T("期限", "due") + "</th><th>" + T("说明", "detail") + "</th></tr>";
  // The pay sheet's actions (one per principal graded 不合格) are counted, not listed: the
  // list is ledger_due.csv.
  std::map<std::pair<std::string, std::string>, int> pay_actions;
  for (const auto &x : due)
    if (str(x.at("case_kind")) == "village_pay" && str(x.at("what")) != "publicity_window")
      ++pay_actions[{str(x.at("state")), str(x.at("what"))}];
  for (const auto &[k, n] : pay_actions) {
    const std::string state_zh = k.first == "overdue" ? "逾期" : k.first == "due" ? "到期" : "进行中";
    h += "<tr><td>" + T(state_zh, k.first) + "</td><td>" + T(what_zh(k.second), k.second) + "</td><td>village_pay</td><td>" +
         T(std::to_string(n) + " 名村干部", std::to_string(n) + " principals") + "</td><td></td><td>" +
         T("评定为不合格的两委正职（JARUD.1），名单见 ledger_due.csv", "principals graded 不合格 (JARUD.1); listed in ledger_due.csv") +
         "</td></tr>";
  }
  for (const auto &x : due) {
    if (str(x.at("case_kind")) == "village_pay" && str(x.at("what")) != "publicity_window") continue;
    const std::string state = str(x.at("state")), what = str(x.at("what"));
    const std::string state_zh = state == "overdue" ? "逾期" : state == "due" ? "到期" : "进行中";
    h += "<tr><td>" + T(state_zh, state) + "</td><td>" + T(std::string(what_zh(what)).empty() ? what : what_zh(what), what) +
         "</td><td>" + esc(str(x.at("case_kind")) + " " + str(x.at("case_id"))) + "</td><td>" + esc(str(x.at("subject"))) +
         "</td><td>" + esc(str(x.at("due"))) + "</td><td>" + esc(str(x.at("detail"))) + "</td></tr>";
  }
  h += "</table><p class=\"note\">" +
       T("由 cadrekit workspace status / due 得出；ledger_months.csv、ledger_status.csv、ledger_due.csv 为同一数据。",
         "From cadrekit workspace status / due; ledger_months.csv, ledger_status.csv and ledger_due.csv hold the same data.") +
       "</p></section>";
  return h;
}

}  // namespace cadrekit::cli

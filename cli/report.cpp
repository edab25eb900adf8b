// report.html of `cadrekit demo`: one self-contained page (no network, no external script or
// font), Chinese with an English toggle (CSS :target), charts as inline SVG drawn here. Every
// figure carries its explanation: a title tooltip and/or a <details> with rules and clauses.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/disclosure.hpp"
#include "cadrekit/talent.hpp"
#include "cadrekit/village.hpp"
#include "ledger.hpp"
#include "report.hpp"
#include "svg.hpp"

namespace cadrekit::cli {

namespace json = boost::json;

namespace {

std::string str(const json::value &v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return {};
  return json::serialize(v);
}

std::int64_t integer(const json::value &v) {
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64()) return static_cast<std::int64_t>(v.as_uint64());
  return 0;
}

/// Yuan text ("12345.60") to whole yuan for drawing only (the figures shown are the exact text).
double yuan(const json::value &v) {
  std::string t = str(v);
  try {
    return std::stod(t);
  } catch (...) {
    return 0;
  }
}

/// Bilingual inline text.
std::string T(std::string_view zh, std::string_view en) {
  return "<span class=\"zh\">" + esc(zh) + "</span><span class=\"en\">" + esc(en) + "</span>";
}

/// A figure with its explanation as tooltip.
std::string fig(std::string_view value, std::string_view why) {
  return "<span class=\"num\" title=\"" + esc(why) + "\">" + esc(value) + "</span>";
}

std::string explanation_text(const json::value &ex, std::string_view lang) {
  try {
    return Explanation::from_json(json::serialize(ex)).to_text(lang);
  } catch (const std::exception &) {
    return {};
  }
}

/// Both languages of an explanation, for a tooltip.
std::string explanation_both(const json::value &ex) {
  return explanation_text(ex, "zh") + "\n———\n" + explanation_text(ex, "en");
}

/// A <details> block holding an explanation in both languages.
std::string details_ex(std::string_view summary_zh, std::string_view summary_en, const json::value &ex) {
  return "<details><summary>" + T(summary_zh, summary_en) + "</summary><pre class=\"zh\">" +
         esc(explanation_text(ex, "zh")) + "</pre><pre class=\"en\">" + esc(explanation_text(ex, "en")) +
         "</pre></details>";
}

/// Parameters as the report shows them. Which parameters a figure depends on is the library's
/// answer (audit::tier_parameters, village::pay_parameters, …), never a list kept here.
class Params {
 public:
  explicit Params(const Policy &p) : p_(p) {}
  /// One line: label, value, unit, clause, since, assumed.
  std::string line(const ParamUsed &u, std::string_view lang) const {
    const ParamInfo &info = p_.info(u.name);
    std::string s = u.name + " — " + (lang == "zh" ? info.label_zh : info.label_en) + ": " + u.value + " " +
                    u.unit + " (" + u.clause + ", " + (lang == "zh" ? "自 " : "since ") + to_iso(u.effective_from);
    if (u.assumed) s += lang == "zh" ? "；假设值，原文未给出数字" : "; assumed: the source gives no number";
    return s + ")";
  }
  std::string lines(const std::vector<ParamUsed> &params, std::string_view lang) const {
    std::string s;
    for (const auto &u : params) s += line(u, lang) + "\n";
    return s;
  }
  std::string both(const std::vector<ParamUsed> &params) const {
    return lines(params, "zh") + "———\n" + lines(params, "en");
  }
  std::string details(std::string_view zh_intro, std::string_view en_intro,
                      const std::vector<ParamUsed> &params) const {
    return "<details><summary>" + T("规则、参数与条款", "Rules, parameters and clauses") +
           "</summary><div class=\"zh\"><p>" + esc(zh_intro) + "</p><pre>" + esc(lines(params, "zh")) +
           "</pre></div><div class=\"en\"><p>" + esc(en_intro) + "</p><pre>" + esc(lines(params, "en")) +
           "</pre></div></details>";
  }

 private:
  const Policy &p_;
};

/// `a` followed by the parameters of `b` it does not hold yet.
std::vector<ParamUsed> merged(std::vector<ParamUsed> a, const std::vector<ParamUsed> &b) {
  for (const ParamUsed &u : b)
    if (std::none_of(a.begin(), a.end(), [&](const ParamUsed &x) { return x.name == u.name; })) a.push_back(u);
  return a;
}

const char *kCss = R"CSS(
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Source Han Sans SC",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
.page{max-width:1040px;margin:0 auto;padding:16px 24px 48px}
header{border-bottom:3px solid #b3262d;margin-bottom:12px}
h1{font-size:26px;margin:8px 0}h2{font-size:20px;border-left:6px solid #b3262d;padding-left:8px;margin-top:32px}
h3{font-size:16px;margin:18px 0 6px}
.lang{float:right;font-size:14px}.lang a{margin-left:8px}
.en{display:none}
#en:target .en{display:inline}#en:target div.en,#en:target pre.en,#en:target p.en{display:block}
#en:target .zh{display:none}
svg .en{display:none}#en:target svg .en{display:inline}#en:target svg .zh{display:none}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:#fff;border:1px solid #d7dce2;border-radius:6px;padding:8px 12px;min-width:140px}
.card .big{font-size:26px;font-weight:bold;color:#b3262d}
.num{border-bottom:1px dotted #7a8794;cursor:help}
table{border-collapse:collapse;background:#fff;font-size:13px;margin:6px 0}
td,th{border:1px solid #d7dce2;padding:3px 6px;text-align:left}th{background:#eef1f4}
td.r{text-align:right}
details{margin:6px 0;background:#fff;border:1px solid #d7dce2;border-radius:4px;padding:4px 8px}
summary{cursor:pointer;color:#2a5d8f}
pre{white-space:pre-wrap;font-size:12px;margin:4px 0}
.chart{background:#fff;border:1px solid #d7dce2;border-radius:4px;margin:6px 0;max-width:100%;height:auto}
.chart text{font-size:11px;fill:#1d2733}.chart text.small{font-size:9px}.chart text.head{font-weight:bold}
.lvl0{fill:#6b1d7a}.lvl1{fill:#b3262d}.lvl2{fill:#e08a1e}.lvl3{fill:#4f8fbf}
.win1{fill:#f3c7c9}.win2{fill:#f8dfbd}.grid{stroke:#d7dce2;stroke-width:1}.axis{stroke:#7a8794;stroke-width:1}
.bar{fill:#4f8fbf}.bar2{fill:#e08a1e}.barr{fill:#b3262d}
.day{fill:#fff;stroke:#e3e6ea}.off{fill:#e3e6ea}.r1{fill:#e07b80}.r2{fill:#7fb0d8}.both{fill:#a879c2}
.ev{fill:#1d2733}.dec{fill:#b3262d}.talk{fill:#e08a1e}.visit{fill:#4f8fbf}.closed{fill:#7a8794}
.placeholder{border:2px dashed #b3262d;padding:8px 12px;background:#fff8f0}
.note{font-size:12px;color:#56626e}
.key span.sw{display:inline-block;width:10px;height:10px;margin:0 3px 0 10px}
)CSS";

// ------------------------------------------------------------------------------------------
// Audit
// ------------------------------------------------------------------------------------------

/// The level of a tiering result ("special", "1", "2", "3" in the JSON).
audit::Level level_of(const std::string &l) { return audit::parse_level(l, "level"); }
std::string level_label_zh(const std::string &l) { return audit::level_name_zh(level_of(l)); }
std::string level_label_en(const std::string &l) {
  return level_of(l) == audit::Level::special ? std::string("special") : "level " + l;
}
std::string level_cls(const std::string &l) {
  return level_of(l) == audit::Level::special ? std::string("lvl0") : "lvl" + l;
}

std::string audit_section(const DemoData &d) {
  const Params P(d.policy);
  std::string h = "<section id=\"audit\"><h2>" + T("经济责任审计（霍林郭勒市）", "Economic-responsibility audit (Holingol)") + "</h2>";
  const auto &results = d.tiers.at("results").as_array();
  std::map<std::string, const json::object *> unit_in;
  for (const auto &u : d.tier_request.at("units").as_array()) unit_in[str(u.at("unit_id"))] = &u.as_object();
  std::map<std::string, int> count;
  for (const auto &r : results) ++count[str(r.at("level"))];

  // Tier distribution.
  const std::vector<ParamUsed> tier_params = audit::tier_parameters(d.policy, d.tier_as_of);
  h += "<h3>" + T("审计责任主体分级", "Tiers of the units") + "</h3><p>" +
       T(std::to_string(results.size()) + " 个科级单位按预算档次与补充因素评分分级：", std::to_string(results.size()) +
         " section-level units tiered by budget band and supplementary factors: ");
  for (const char *l : {"special", "1", "2", "3"}) {
    if (!count.count(l)) continue;
    h += T(level_label_zh(l) + " ", level_label_en(l) + " ");
    h += fig(std::to_string(count[l]), P.both(tier_params)) + "　";
  }
  h += "</p>";
  {
    const int W = 460, H = 210, x0 = 50, base = 175;
    int maxc = 1;
    for (const auto &[k, v] : count) maxc = std::max(maxc, v);
    Svg s(W, H, "tier distribution");
    s.line(x0, base, W - 10, base, "axis");
    int i = 0;
    for (const char *l : {"special", "1", "2", "3"}) {
      if (!count.count(l) && std::string(l) == "special") continue;
      const int c = count[l];
      const double bh = 140.0 * c / maxc, x = x0 + 20 + i * 125;
      s.rect(x, base - bh, 80, bh, level_cls(l),
             level_label_en(l) + ": " + std::to_string(c) + " units\n" + P.both(tier_params));
      s.text(x + 40, base - bh - 5, std::to_string(c), "middle", "head");
      s.text2(x + 40, base + 16, level_label_zh(l), level_label_en(l), "middle");
      ++i;
    }
    s.text2(8, 16, "单位数", "units", "start", "small");
    h += s.str();
  }
  h += P.details("分值 = 预算档次分 + Σ 因素权重 × 因素值；一级自 level1_min 分，二级自 level2_min 分，其余三级。",
                 "Score = band points + Σ weight × factor value; level 1 from level1_min points, level 2 from "
                 "level2_min, else level 3.",
                 tier_params);

  // The plan: units × years with coverage windows.
  const int first = static_cast<int>(integer(d.plan_request.at("first_year")));
  const int last = static_cast<int>(integer(d.plan_request.at("last_year")));
  const int years = last - first + 1;
  std::map<std::string, std::vector<const json::object *>> by_unit;
  for (const auto &a : d.plan.at("audits").as_array()) by_unit[str(a.at("unit_id"))].push_back(&a.as_object());
  std::vector<const json::object *> order;
  for (const auto &r : results) order.push_back(&r.as_object());
  std::stable_sort(order.begin(), order.end(), [](const json::object *a, const json::object *b) {
    auto rank = [](const json::object *o) {
      std::string l = str(o->at("level"));
      return l == "special" ? 0 : std::stoi(l);
    };
    return rank(a) < rank(b);
  });
  const std::vector<ParamUsed> plan_params = audit::plan_parameters(d.policy, d.tier_as_of);
  h += "<h3>" + T("审计计划（单位 × 年度，含覆盖期）", "Audit plan (units × years, with coverage windows)") + "</h3><p>" +
       T(std::to_string(first) + "–" + std::to_string(last) + " 年共 ", std::to_string(first) + "–" +
         std::to_string(last) + ": ") +
       fig(std::to_string(d.plan.at("audits").as_array().size()), explanation_both(d.plan.at("explanation"))) +
       T(" 次审计；每年审计能力 ", " audits; yearly capacity ") + fig(str(d.plan.at("capacity")), P.both(plan_params)) +
       T("，满足全部规则所需的最小年度能力 ", "; least yearly capacity meeting every rule ") +
       fig(str(d.plan.at("min_capacity")), explanation_both(d.plan.at("explanation"))) +
       T(d.plan.at("feasible").as_bool() ? "（可行）" : "（不可行，见缺口）",
         d.plan.at("feasible").as_bool() ? " (feasible)" : " (infeasible: see the shortfall)") +
       "</p>";
  {
    const int label_w = 230, col = 86, row = 11, top = 30;
    const int W = label_w + col * years + 20, H = top + row * static_cast<int>(order.size()) + 10;
    Svg s(W, H, "audit plan: units by years");
    for (int y = 0; y < years; ++y) {
      s.text(label_w + col * y + col / 2.0, 18, std::to_string(first + y), "middle", "head");
      s.line(label_w + col * y, top - 4, label_w + col * y, H - 6, "grid");
    }
    int i = 0;
    for (const json::object *r : order) {
      const std::string id = str(r->at("unit_id")), l = str(r->at("level"));
      const json::object &u = *unit_in.at(id);
      const double y = top + row * i;
      s.text(label_w - 6, y + 9, id + " " + str(u.at("name")), "end", "small");
      s.rect(label_w - 4, y + 2, 3, row - 3, level_cls(l), level_label_zh(l));
      Explanation cov_ex;
      const std::int64_t cov = audit::coverage_years(level_of(l), d.policy, d.tier_as_of, &cov_ex);
      for (const json::object *a : by_unit[id]) {
        const int ay = static_cast<int>(integer(a->at("year")));
        if (cov > 0) {
          const int span = static_cast<int>(std::min<std::int64_t>(cov, last - ay + 1));
          s.rect(label_w + col * (ay - first), y + 1, col * span, row - 2, level_of(l) == audit::Level::level1 ? "win1" : "win2",
                 "coverage window " + std::to_string(ay) + "–" + std::to_string(ay + cov - 1) + " (" +
                     std::to_string(cov) + " years, " + P.line(cov_ex.parameters.front(), "en") + ")");
        }
      }
      for (const json::object *a : by_unit[id]) {
        const int ay = static_cast<int>(integer(a->at("year")));
        s.rect(label_w + col * (ay - first) + 8, y + 2, col - 16, row - 4, level_cls(l),
               std::to_string(ay) + " " + id + " " + str(u.at("name")) + ": " + str(a->at("kind")) + " — " +
                   str(a->at("reason")));
      }
      ++i;
    }
    h += s.str();
  }
  h += "<p class=\"key\">" + T("图例", "Key") + "<span class=\"sw lvl1\" style=\"background:#b3262d\"></span>" +
       T("一级", "level 1") + "<span class=\"sw\" style=\"background:#e08a1e\"></span>" + T("二级", "level 2") +
       "<span class=\"sw\" style=\"background:#4f8fbf\"></span>" + T("三级", "level 3") +
       "<span class=\"sw\" style=\"background:#f3c7c9\"></span>" + T("覆盖期", "coverage window") + "</p>";
  h += P.details("计划规则（HOLINGOL.2）：一、二级单位每年审计比例下限与全覆盖年限；三级单位离任、任期满五年审计与抽审。",
                 "Plan rules (HOLINGOL.2): yearly shares and full-coverage years of levels 1 and 2; departures, "
                 "five-year terms and the sample of level 3.",
                 plan_params);
  h += details_ex("计划的解释", "The plan's explanation", d.plan.at("explanation"));
  if (!d.plan.at("shortfall").as_array().empty()) {
    h += "<table><tr><th>rule</th><th>year</th><th>unit</th><th>message</th></tr>";
    for (const auto &b : d.plan.at("shortfall").as_array())
      h += "<tr><td>" + esc(str(b.at("rule"))) + "</td><td>" + esc(str(b.at("year"))) + "</td><td>" +
           esc(str(b.at("unit_id"))) + "</td><td>" + esc(str(b.at("message"))) + "</td></tr>";
    h += "</table>";
  }
  // Every unit's tiering, with its explanation.
  h += "<details><summary>" + T("各单位分级明细（含解释）", "Every unit's tiering (with explanations)") +
       "</summary><table><tr><th>" + T("单位", "unit") + "</th><th>" + T("名称", "name") + "</th><th>" +
       T("预算（元）", "budget (yuan)") + "</th><th>" + T("档次", "band") + "</th><th>" + T("分值", "score") +
       "</th><th>" + T("级别", "level") + "</th></tr>";
  for (const auto &r : results) {
    const auto &u = *unit_in.at(str(r.at("unit_id")));
    h += "<tr><td>" + esc(str(r.at("unit_id"))) + "</td><td>" + esc(str(u.at("name"))) + "</td><td class=\"r\">" +
         esc(str(u.at("budget"))) + "</td><td>" + esc(str(r.at("band"))) + "</td><td class=\"r\">" +
         fig(str(r.at("score")), explanation_both(r.at("explanation"))) + "</td><td>" +
         fig(str(r.at("level")), explanation_both(r.at("explanation"))) + "</td></tr>";
  }
  h += "</table></details></section>";
  return h;
}

// ------------------------------------------------------------------------------------------
// Village
// ------------------------------------------------------------------------------------------

std::string village_section(const DemoData &d) {
  const int pay_year = static_cast<int>(integer(d.pay.at("year")));
  const Params P(d.policy);
  std::map<std::string, std::string> tname;
  for (const auto &t : d.county.at("townships").as_array()) tname[str(t.at("id"))] = str(t.at("name"));
  const auto &lines = d.pay.at("lines").as_array();
  const auto &villages = d.pay.at("villages").as_array();
  const std::vector<ParamUsed> pay_params = village::pay_parameters(d.policy, pay_year);
  const std::vector<ParamUsed> sel_params = village::selection_parameters(d.policy, pay_year);
  std::string h = "<section id=\"village\"><h2>" + T("嘎查村干部结构性报酬（扎鲁特旗）", "Village cadres' structured pay (Jarud)") + "</h2>";
  h += "<p>" + T("全旗 ", "") + fig(std::to_string(villages.size()), "villages in village_pay.json; see village_villages.csv") +
       T(" 个嘎查村、", " villages, ") + fig(std::to_string(lines.size()), P.both(pay_params)) +
       T(" 名主要负责人领取报酬，合计 ", " principals paid, in all ") + fig(str(d.pay.at("banner").at("total")), P.both(pay_params)) +
       T(" 元（基本报酬 ", " yuan (base ") + fig(str(d.pay.at("banner").at("base")), P.both(pay_params)) +
       T(" 元，绩效报酬 ", " yuan, performance ") + fig(str(d.pay.at("banner").at("performance")), P.both(pay_params)) +
       T(" 元）。", " yuan).") + "</p>";
  h += "<p>" + T("选聘享受事业单位工资待遇的嘎查村干部名额 ", "Places for village heads selected for public-institution pay: ") +
       fig(str(d.quota.at("quota")), explanation_both(d.quota.at("explanation"))) +
       T("；初步人选 ", "; initial candidates ") + fig(str(d.funnel.at("initial")), P.both(sel_params)) +
       T("，预备人选 ", ", prospective ") + fig(str(d.funnel.at("prospective")), P.both(sel_params)) +
       T("，正式候选人 ", ", formal ") + fig(str(d.funnel.at("formal")), P.both(sel_params)) + T("。", ".") + "</p>";
  h += details_ex("名额的解释", "The quota's explanation", d.quota.at("explanation"));

  // Distribution of principals' yearly pay (1,000-yuan bins).
  std::map<int, int> bins;
  for (const auto &l : lines) ++bins[static_cast<int>(yuan(l.at("total")) / 1000)];
  h += "<h3>" + T("主要负责人年度报酬分布", "Distribution of the principals' yearly pay") + "</h3>";
  if (!bins.empty()) {
    const int lo = bins.begin()->first, hi = bins.rbegin()->first, n = hi - lo + 1;
    int maxc = 1;
    for (const auto &[k, v] : bins) maxc = std::max(maxc, v);
    const int W = 720, H = 230, x0 = 50, base = 190;
    const double bw = (W - x0 - 20.0) / n;
    Svg s(W, H, "pay distribution");
    s.line(x0, base, W - 10, base, "axis");
    for (int b = lo; b <= hi; ++b) {
      const int c = bins.count(b) ? bins[b] : 0;
      const double bh = 150.0 * c / maxc, x = x0 + (b - lo) * bw;
      if (c)
        s.rect(x + 1, base - bh, bw - 2, bh, "bar",
               std::to_string(c) + " principals paid " + std::to_string(b * 1000) + "–" +
                   std::to_string(b * 1000 + 999) + " yuan\n" + P.both(pay_params));
      if (c) s.text(x + bw / 2, base - bh - 3, std::to_string(c), "middle", "small");
      if ((b - lo) % 2 == 0) s.text(x + bw / 2, base + 14, std::to_string(b) + "k", "middle", "small");
    }
    s.text2(x0, H - 6, "年度报酬（千元）", "yearly pay (thousand yuan)", "start", "small");
    s.text2(8, 14, "人数", "principals", "start", "small");
    h += s.str();
  }

  // Totals per township.
  const auto &towns = d.pay.at("townships").as_array();
  const auto &alloc = d.allocation.at("allocation").as_object();
  h += "<h3>" + T("各苏木镇报酬合计与选聘名额", "Totals per township and selection places") + "</h3>";
  {
    double maxt = 1;
    for (const auto &t : towns) maxt = std::max(maxt, yuan(t.at("total")));
    const int label_w = 110, W = 720, row = 30, H = 30 + row * static_cast<int>(towns.size());
    Svg s(W, H, "pay totals per township");
    int i = 0;
    for (const auto &t : towns) {
      const std::string id = str(t.at("township"));
      const double y = 20 + row * i, scale = (W - label_w - 140.0) / maxt;
      const double bw = yuan(t.at("base")) * scale, pw = yuan(t.at("performance")) * scale;
      s.text(label_w - 6, y + 14, tname.count(id) ? tname[id] : id, "end");
      s.rect(label_w, y + 2, bw, row - 10, "bar",
             id + " base " + str(t.at("base")) + " yuan (" + str(t.at("principals")) + " principals)\n" +
                 P.both(pay_params));
      s.rect(label_w + bw, y + 2, pw, row - 10, "bar2",
             id + " performance " + str(t.at("performance")) + " yuan\n" + P.both(pay_params));
      s.text(label_w + bw + pw + 6, y + 14, str(t.at("total")) + " 元 · " + str(t.at("villages")) + " 村", "start", "small");
      ++i;
    }
    h += s.str();
  }
  h += "<table><tr><th>" + T("苏木镇", "township") + "</th><th>" + T("嘎查村", "villages") + "</th><th>" +
       T("领取人数", "principals") + "</th><th>" + T("基本报酬（元）", "base (yuan)") + "</th><th>" +
       T("绩效报酬（元）", "performance (yuan)") + "</th><th>" + T("合计（元）", "total (yuan)") + "</th><th>" +
       T("选聘名额", "places") + "</th></tr>";
  for (const auto &t : towns) {
    const std::string id = str(t.at("township"));
    h += "<tr><td>" + esc(tname.count(id) ? tname[id] + " " + id : id) + "</td><td class=\"r\">" +
         esc(str(t.at("villages"))) + "</td><td class=\"r\">" + esc(str(t.at("principals"))) + "</td><td class=\"r\">" +
         fig(str(t.at("base")), P.both(pay_params)) + "</td><td class=\"r\">" +
         fig(str(t.at("performance")), P.both(pay_params)) + "</td><td class=\"r\">" +
         fig(str(t.at("total")), P.both(pay_params)) + "</td><td class=\"r\">" +
         fig(alloc.contains(id) ? str(alloc.at(id)) : "0",
             "largest-remainder allocation of the banner's quota by number of villages\n" + P.both(sel_params)) +
         "</td></tr>";
  }
  h += "</table>";
  h += P.details("基本报酬按人口分三档；绩效报酬按综合得分（季度 40%、年度 60%）在苏木镇内排名评定等次后发放。",
                 "Base pay by population band; performance pay by the grade from the township ranking of the "
                 "composite score (quarters 40 %, year 60 %).",
                 pay_params);
  if (!lines.empty() && lines[0].as_object().contains("explanation"))
    h += details_ex("示例：一名主要负责人报酬的解释", "Example: one principal's pay explained", lines[0].at("explanation"));
  h += "</section>";
  return h;
}

// ------------------------------------------------------------------------------------------
// Assessment
// ------------------------------------------------------------------------------------------

std::string assessment_section(const DemoData &d) {
  const Params P(d.policy);
  const auto &hits = d.screen.at("hits").as_array();
  std::string h = "<section id=\"assessment\"><h2>" + T("干部考核、红线与处置（科尔沁区）", "Assessment, red lines and disposal (Horqin)") + "</h2>";
  std::map<std::string, int> per_rule;
  for (const auto &x : hits) ++per_rule[str(x.at("rule_id"))];
  std::map<std::string, std::pair<std::string, std::string>> rule_label;
  for (const auto &r : d.rules.at("rules").as_array())
    rule_label[str(r.at("id"))] = {str(r.at("label_zh")), str(r.at("label_en"))};
  const std::vector<ParamUsed> red_params = assessment::red_line_parameters(d.policy, d.as_of);
  h += "<p>" + T("截至 " + to_iso(d.as_of) + "，触及红线 ", "As of " + to_iso(d.as_of) + ", red lines fired: ") +
       fig(std::to_string(hits.size()), P.both(red_params)) + T(" 次；处置案件 ", "; disposal cases: ") +
       fig(std::to_string(d.cases.size()), "assessment_cases.json: one case per cadre taken up") + T("。", ".") + "</p>";
  h += "<h3>" + T("触及的红线", "Red lines fired") + "</h3>";
  {
    const int label_w = 260, W = 720, row = 28, H = 20 + row * std::max<int>(1, static_cast<int>(per_rule.size()));
    int maxc = 1;
    for (const auto &[k, v] : per_rule) maxc = std::max(maxc, v);
    Svg s(W, H, "red lines fired");
    int i = 0;
    for (const auto &[rule, c] : per_rule) {
      const double y = 10 + row * i, bw = (W - label_w - 60.0) * c / maxc;
      const auto lab = rule_label.count(rule) ? rule_label[rule] : std::pair<std::string, std::string>{rule, rule};
      s.text2(label_w - 6, y + 14, lab.first.substr(0, 60), rule, "end", "small");
      s.rect(label_w, y + 2, bw, row - 10, "barr", rule + ": " + std::to_string(c) + "\n" + P.both(red_params));
      s.text(label_w + bw + 6, y + 14, std::to_string(c), "start");
      ++i;
    }
    if (per_rule.empty()) s.text2(10, 20, "无", "none", "start");
    h += s.str();
  }
  h += "<table><tr><th>" + T("干部", "cadre") + "</th><th>" + T("红线", "rule") + "</th><th>" + T("条款", "clause") +
       "</th><th>" + T("期次", "periods") + "</th><th>" + T("处置建议", "suggestion") + "</th><th>" +
       T("解释", "explanation") + "</th></tr>";
  for (const auto &x : hits) {
    std::string ps;
    for (const auto &p : x.at("periods").as_array()) ps += (ps.empty() ? "" : ", ") + str(p);
    h += "<tr><td>" + esc(str(x.at("cadre_id"))) + "</td><td>" + esc(str(x.at("rule_id"))) + "</td><td>" +
         esc(str(x.at("clause"))) + "</td><td>" + esc(ps) + "</td><td>" + esc(str(x.at("suggestion"))) + "</td><td>" +
         (x.as_object().contains("explanation") ? details_ex("展开", "show", x.at("explanation")) : "") + "</td></tr>";
  }
  h += "</table>";
  h += P.details("“位居后列”按比例认定（末位 10%，假设值）；连续年度/次数达到红线即触发，处置建议见规则。",
                 "\"Near the bottom\" is the bottom share of the group (10 %, assumed); a streak of the "
                 "red line's length fires the rule.",
                 red_params);

  // Disposal timeline with follow-up due dates.
  const std::vector<ParamUsed> fu_params = assessment::follow_up_parameters(d.policy, d.as_of);
  h += "<h3>" + T("处置案件与跟踪回访到期日", "Disposal cases and follow-up due dates") + "</h3>";
  Date t0(2100, 1, 1), t1(1900, 1, 1);
  for (const auto &c : d.cases) {
    for (const auto &e : c.at("case").at("events").as_array()) {
      Date x = parse_iso_date(str(e.at("date")));
      t0 = std::min(t0, x);
      t1 = std::max(t1, x);
    }
    for (const auto &x : c.at("schedule").as_array()) t1 = std::max(t1, parse_iso_date(str(x.at("date"))));
  }
  if (!d.cases.empty()) {
    t0 = Date(t0.year(), t0.month(), 1);
    const int label_w = 150, W = 760, row = 34, H = 40 + row * static_cast<int>(d.cases.size()) + 20;
    const double days = std::max<double>(1, (t1 - t0).days() + 1), scale = (W - label_w - 20) / days;
    Svg s(W, H, "disposal cases and follow-up");
    for (Date m = t0; m <= t1; m = m + boost::gregorian::months(1)) {
      const double x = label_w + (m - t0).days() * scale;
      s.line(x, 22, x, H - 16, "grid");
      s.text(x + 2, 16, std::to_string(static_cast<int>(m.year()) % 100) + "/" + std::to_string(m.month().as_number()),
             "start", "small");
    }
    int i = 0;
    for (const auto &c : d.cases) {
      const auto &k = c.at("case").as_object();
      const double y = 30 + row * i;
      s.text(label_w - 6, y + 14, str(k.at("case_id")) + " " + str(k.at("cadre_id")), "end", "small");
      s.line(label_w, y + 10, W - 20, y + 10, "grid");
      for (const auto &e : k.at("events").as_array()) {
        const double x = label_w + (parse_iso_date(str(e.at("date"))) - t0).days() * scale;
        const std::string st = str(e.at("stage"));
        std::string t = to_iso(parse_iso_date(str(e.at("date")))) + " " + st + " — " + str(e.at("actor"));
        if (st == "decision") {
          std::string g;
          for (const auto &x2 : e.at("grounds").as_array()) g += (g.empty() ? "" : ", ") + str(x2);
          t += "\nmethod " + str(e.at("method")) + "; grounds " + g + " (HORQIN.5)";
        }
        s.circle(x, y + 10, st == "decision" ? 6 : 4, st == "decision" ? "dec" : st == "closed_no_action" ? "closed" : "ev", t);
      }
      for (const auto &x : c.at("schedule").as_array()) {
        const double xx = label_w + (parse_iso_date(str(x.at("date"))) - t0).days() * scale;
        const bool visit = str(x.at("kind")) == "quarterly_visit";
        s.rect(xx - 1.5, y + (visit ? 16 : 18), 3, visit ? 12 : 8, visit ? "visit" : "talk",
               "due " + str(x.at("date")) + ": " + str(x.at("kind")) + " (HORQIN.6)\n" + P.both(fu_params));
      }
      ++i;
    }
    h += s.str();
    h += "<p class=\"key\">" + T("图例", "Key") + "<span class=\"sw\" style=\"background:#1d2733\"></span>" +
         T("处置阶段", "stage") + "<span class=\"sw\" style=\"background:#b3262d\"></span>" + T("讨论决定", "decision") +
         "<span class=\"sw\" style=\"background:#e08a1e\"></span>" + T("每月谈话", "monthly talk") +
         "<span class=\"sw\" style=\"background:#4f8fbf\"></span>" + T("每季度回访", "quarterly visit") + "</p>";
  }
  h += "<table><tr><th>" + T("案件", "case") + "</th><th>" + T("干部", "cadre") + "</th><th>" + T("阶段", "stage") +
       "</th><th>" + T("处置方式", "method") + "</th><th>" + T("决定日期", "decided") + "</th><th>" +
       T("首次/末次回访到期", "first / last follow-up due") + "</th></tr>";
  for (const auto &c : d.cases) {
    const auto &k = c.at("case").as_object();
    std::string method, decided;
    for (const auto &e : k.at("events").as_array())
      if (str(e.at("stage")) == "decision") {
        method = str(e.at("method"));
        decided = str(e.at("date"));
      }
    const auto &sch = c.at("schedule").as_array();
    h += "<tr><td>" + esc(str(k.at("case_id"))) + "</td><td>" + esc(str(k.at("cadre_id"))) + "</td><td>" +
         esc(str(k.at("stage"))) + "</td><td>" + esc(method) + "</td><td>" + esc(decided) + "</td><td>" +
         (sch.empty() ? std::string("—")
                      : fig(str(sch.front().at("date")) + " / " + str(sch.back().at("date")),
                            std::to_string(sch.size()) + " follow-ups due (HORQIN.6)\n" + P.both(fu_params))) +
         "</td></tr>";
  }
  h += "</table>";
  h += P.details("处置决定后按月谈话、按季度回访（HORQIN.6）。", "After the decision: a talk every month, a visit every quarter (HORQIN.6).",
                 fu_params);
  h += "</section>";
  return h;
}

// ------------------------------------------------------------------------------------------
// Disclosure
// ------------------------------------------------------------------------------------------

std::string disclosure_section(const DemoData &d) {
  const Params P(d.policy);
  const auto cal = WorkCalendar::china();
  // The parameters of each round shown: its venues for the post's rank and its window.
  auto round_params = [&](const json::value &c, const json::value &r) {
    return disclosure::round_parameters(static_cast<int>(integer(r.at("round"))), parse_rank(str(c.at("rank"))),
                                        d.policy, parse_iso_date(str(r.at("posted"))));
  };
  std::vector<ParamUsed> dparams;
  for (const auto &c : d.disclosure)
    for (const auto &r : c.at("rounds").as_array()) dparams = merged(std::move(dparams), round_params(c, r));
  std::string h = "<section id=\"disclosure\"><h2>" + T("拟提拔干部个人有关事项两轮公开（开鲁县）", "Two-round disclosure of candidates' personal matters (Kailu)") + "</h2>";
  std::size_t valid = 0;
  for (const auto &c : d.disclosure) valid += c.at("problems").as_array().empty();
  h += "<p>" + T("考察对象 ", "Candidates: ") + fig(std::to_string(d.disclosure.size()), "disclosure_records.json") +
       T(" 名，个人有关事项报告通过校验 ", "; records that pass validation: ") +
       fig(std::to_string(valid), "every required matter answered, dates in order, ID number consistent (KAILU.1)") +
       T(" 份。公示期按工作日计算（法定节假日与调休）。", ". Windows count working days (public holidays and make-up days).") + "</p>";
  // day -> (round mask, ids)
  std::map<Date, std::pair<int, std::set<std::string>>> days;
  std::set<Date> posted;
  int year = static_cast<int>(d.as_of.year());
  for (const auto &c : d.disclosure)
    for (const auto &r : c.at("rounds").as_array()) {
      const Date a = parse_iso_date(str(r.at("first_day"))), b = parse_iso_date(str(r.at("last_day")));
      posted.insert(parse_iso_date(str(r.at("posted"))));
      for (Date x = a; x <= b; x = x + boost::gregorian::days(1)) {
        auto &e = days[x];
        e.first |= integer(r.at("round")) == 1 ? 1 : 2;
        e.second.insert(str(c.at("record_id")) + " round " + str(r.at("round")));
      }
    }
  h += "<h3>" + T(std::to_string(year) + " 年公示日历", "Disclosure calendar " + std::to_string(year)) + "</h3>";
  {
    const int cell = 14, mw = 7 * cell + 16, mh = 7 * cell + 22, cols = 4;
    const int W = cols * mw + 10, H = 3 * mh + 10;
    Svg s(W, H, "disclosure windows on a calendar");
    for (int m = 1; m <= 12; ++m) {
      const int ox = 8 + ((m - 1) % cols) * mw, oy = 4 + ((m - 1) / cols) * mh;
      s.text2(ox, oy + 12, std::to_string(m) + "月", std::to_string(year) + "-" + (m < 10 ? "0" : "") + std::to_string(m),
              "start", "head");
      const Date first(year, m, 1);
      const int offset = (first.day_of_week().as_number() + 6) % 7;  // Monday first
      const int ndays = first.end_of_month().day();
      for (int dd = 1; dd <= ndays; ++dd) {
        const Date x(year, m, dd);
        const int k = offset + dd - 1;
        const double cx = ox + (k % 7) * cell, cy = oy + 18 + (k / 7) * cell;
        std::string cls = cal.is_working_day(x) ? "day" : "off";
        std::string title = to_iso(x) + (cal.is_working_day(x) ? " working day" : " day off");
        if (auto it = days.find(x); it != days.end()) {
          cls = it->second.first == 3 ? "both" : it->second.first == 1 ? "r1" : "r2";
          for (const auto &id : it->second.second) title += "\n" + id;
        }
        if (posted.count(x)) title += "\nposted";
        s.rect(cx, cy, cell - 1, cell - 1, cls, title);
        if (posted.count(x)) s.circle(cx + cell / 2.0 - 0.5, cy + cell / 2.0 - 0.5, 2, "ev");
      }
    }
    h += s.str();
  }
  h += "<p class=\"key\">" + T("图例", "Key") + "<span class=\"sw\" style=\"background:#e07b80\"></span>" +
       T("第一轮（单位、居住地…）", "round 1 (unit, residence…)") + "<span class=\"sw\" style=\"background:#7fb0d8\"></span>" +
       T("第二轮（电视、网络）", "round 2 (television, internet)") + "<span class=\"sw\" style=\"background:#a879c2\"></span>" +
       T("两轮重叠", "both") + "<span class=\"sw\" style=\"background:#e3e6ea\"></span>" + T("休息日", "day off") + "</p>";
  h += "<table><tr><th>" + T("编号", "record") + "</th><th>" + T("拟任职级", "rank") + "</th><th>" + T("校验", "validation") +
       "</th><th>" + T("第一轮", "round 1") + "</th><th>" + T("第二轮", "round 2") + "</th></tr>";
  for (const auto &c : d.disclosure) {
    const auto &pr = c.at("problems").as_array();
    std::string ptxt;
    for (const auto &p : pr) ptxt += str(p.at("path")) + ": " + str(p.at("code")) + "\n";
    h += "<tr><td>" + esc(str(c.at("record_id"))) + "</td><td>" + esc(str(c.at("rank"))) + "</td><td>" +
         (pr.empty() ? T("通过", "valid") : fig(std::to_string(pr.size()) + " problems", ptxt)) + "</td>";
    for (const auto &r : c.at("rounds").as_array()) {
      std::string venues;
      for (const auto &v : r.at("venues").as_array()) venues += (venues.empty() ? "" : ", ") + str(v);
      h += "<td>" + fig(str(r.at("first_day")) + " – " + str(r.at("last_day")),
                        "posted " + str(r.at("posted")) + "; " + str(r.at("working_days")) + " working days; venues: " +
                            venues + "\n" + P.both(round_params(c, r))) +
           "</td>";
    }
    h += "</tr>";
  }
  h += "</table>";
  h += P.details("第一轮在单位、居住地（正科另加分管领域）公示，第二轮在电视、网络公示；公示期按工作日计算。",
                 "Round 1 at the work unit and residence (正科 also the field in charge), round 2 on television and "
                 "the internet; windows in working days.",
                 dparams);
  h += "</section>";
  return h;
}

std::string talent_section(const DemoData &d) {
  const Params P(d.policy);
  const std::vector<ParamUsed> pool_params = talent::pool_parameters(d.policy, d.as_of);
  const std::vector<ParamUsed> team_params = talent::team_parameters(d.policy, d.as_of);
  std::string h = "<section id=\"talent\"><h2>" + T("后备干部人才库与班子结构（库伦旗）", "Talent pools and team structure (Hure)") + "</h2>";
  h += "<p>" + T("示例旗干部名册：", "The sample county's cadres: ") +
       fig(std::to_string(d.cadres), "cadres.json, every record read and checked (person_from_json)") +
       T(" 人，其中女干部 ", ", of whom women ") + fig(std::to_string(d.women), "sex code 2 (GB/T 2261.1)") +
       T(" 人、少数民族干部 ", ", ethnic minority ") + fig(std::to_string(d.minority), "ethnicity code other than 01 (GB/T 3304)") +
       T(" 人、非中共党员干部 ", ", not Communist Party members ") +
       fig(std::to_string(d.non_party), "political status other than 01/02 (GB/T 4762)") + T(" 人。", ".") + "</p>";

  // Pool sizes against the policy's sizes.
  const auto &sizes = d.pools.at("sizes").as_array();
  std::map<std::string, std::int64_t> near, excluded;
  for (const auto &e : d.pools.at("near_misses").as_array()) ++near[str(e.at("pool"))];
  for (const auto &e : d.pools.at("excluded").as_array()) ++excluded[str(e.at("pool"))];
  auto pool_zh = [](const std::string &p) { return std::string(talent::pool_name_zh(talent::parse_pool(p))); };
  h += "<h3>" + T("人才库人数与原文报告的规模", "Pool members beside the sizes the source reports") + "</h3>";
  {
    std::int64_t maxv = 1;
    for (const auto &z : sizes) maxv = std::max({maxv, integer(z.at("members")), integer(z.at("target"))});
    const int W = 720, row = 36, x0 = 110, H = 30 + row * static_cast<int>(sizes.size());
    Svg sv(W, H, "pool sizes");
    int i = 0;
    for (const auto &z : sizes) {
      const std::string pool = str(z.at("pool"));
      const std::int64_t m = integer(z.at("members")), t = integer(z.at("target"));
      const double y = 10 + i * row, scale = (W - x0 - 60.0) / static_cast<double>(maxv);
      sv.text2(x0 - 8, y + 17, pool_zh(pool), pool, "end", "small");
      sv.rect(x0, y + 4, static_cast<double>(m) * scale, 18, "bar",
              std::to_string(m) + " members of " + pool + " as of " + to_iso(d.as_of) + "; " +
                  std::to_string(near[pool]) + " near misses, " + std::to_string(excluded[pool]) +
                  " excluded by supervision\n" + P.both(pool_params));
      sv.line(x0 + static_cast<double>(t) * scale, y, x0 + static_cast<double>(t) * scale, y + 26, "axis");
      sv.text(x0 + static_cast<double>(std::max(m, t)) * scale + 6, y + 17,
              std::to_string(m) + " / " + std::to_string(t), "start", "small");
      ++i;
    }
    sv.text2(x0, H - 4, "条形：成员人数；竖线：原文报告的库伦旗人数（对照，非名额）",
             "bar: members; line: the size the source reports for Hure (for comparison, not a quota)", "start", "small");
    h += sv.str();
  }

  // Team structure: how many teams lack each kind of member.
  const auto &teams = d.teams.at("teams").as_array();
  const char *crit[] = {"young", "women", "minority", "non_party"};
  const char *crit_zh[] = {"年轻干部", "女干部", "少数民族干部", "非中共党员干部"};
  std::map<std::string, std::int64_t> lacking, fillable;
  std::size_t no_gap = 0;
  for (const auto &t : teams) {
    const auto &gaps = t.at("gaps").as_array();
    no_gap += gaps.empty();
    for (const auto &g : gaps) {
      ++lacking[str(g.at("criterion"))];
      for (const auto &c : g.at("candidates").as_array())
        if (c.at("eligible").as_bool()) {
          ++fillable[str(g.at("criterion"))];
          break;
        }
    }
  }
  h += "<h3>" + T("领导班子结构缺口", "Gaps in the structure of the leadership teams") + "</h3><p>" +
       fig(std::to_string(teams.size()), "one team per unit: its three leaders in cadres.json") +
       T(" 个班子中，结构完整的 ", " teams, of which complete in structure: ") +
       fig(std::to_string(no_gap), "teams with every count at or above its target\n" + P.both(team_params)) +
       T(" 个。", ".") + "</p>";
  {
    const int W = 720, row = 36, x0 = 130, H = 30 + row * 4;
    Svg sv(W, H, "team gaps");
    const double scale = (W - x0 - 80.0) / static_cast<double>(std::max<std::size_t>(teams.size(), 1));
    for (int i = 0; i < 4; ++i) {
      const double y = 10 + i * row;
      const std::int64_t n = lacking[crit[i]], f = fillable[crit[i]];
      sv.text2(x0 - 8, y + 17, crit_zh[i], crit[i], "end", "small");
      sv.rect(x0, y + 4, static_cast<double>(n) * scale, 18, "bar2",
              std::to_string(n) + " teams below the policy's minimum of " + crit[i] + " members; " + std::to_string(f) +
                  " of them have an eligible candidate from the pools\n" + P.both(team_params));
      sv.rect(x0, y + 8, static_cast<double>(f) * scale, 10, "bar",
              std::to_string(f) + " teams whose gap an eligible pool member (years at rank, no red line, no open case) would fill");
      sv.text(x0 + static_cast<double>(n) * scale + 6, y + 17, std::to_string(n) + " (" + std::to_string(f) + ")", "start", "small");
    }
    sv.text2(x0, H - 4, "宽条：缺该类成员的班子数；窄条：其中有合格人选的", "wide bar: teams lacking such a member; narrow: of them, with an eligible candidate",
             "start", "small");
    h += sv.str();
  }
  h += P.details("人才库按年龄、职级、身份与近两年年度考核结果确定；受到红线或未结案处置的干部排除在外。班子结构按政策目标逐项核对。",
                 "Pools by age, rank, status and the last two years' annual results; a red line or an open disposal "
                 "case excludes. Each team's counts are checked against the policy's targets.",
                 merged(pool_params, team_params));
  h += "</section>";
  return h;
}

// ------------------------------------------------------------------------------------------
// The source's figures beside the county's, and the assumptions the county must confirm
// ------------------------------------------------------------------------------------------

std::string figures_section(const DemoData &d) {
  std::string h = "<section id=\"figures\"><h2>" + T("原文数字与本旗数字对照", "The source's figures beside the county's") +
                  "</h2><p>" +
                  T("左列为原文（2016年9月22日材料）报告的数字，右列为本旗同一口径的数字。“输入”是本旗数据本身给定的，"
                    "“结果”是规则在本旗数据上算出的。",
                    "The source (report of 2016-09-22) states the figures on the left; the county's figure of the same "
                    "kind stands beside each. An input is given by the county's data; a result is what the rules "
                    "compute from that data.") +
                  "</p><table><tr><th>" + T("条款", "clause") + "</th><th>" + T("项目", "figure") + "</th><th>" +
                  T("原文", "source") + "</th><th>" + T("本旗", "county") + "</th><th>" + T("性质", "kind") + "</th><th>" +
                  T("说明", "note") + "</th></tr>";
  for (const auto &f : d.figures) {
    const bool input = str(f.at("kind")) == "input";
    h += "<tr><td>" + esc(str(f.at("clause"))) + "</td><td>" + T(str(f.at("label_zh")), str(f.at("label_en"))) +
         "</td><td class=\"r\">" + (f.at("source").is_null() ? T("未报告", "not stated") : esc(str(f.at("source")))) +
         "</td><td class=\"r\">" + fig(str(f.at("county")), str(f.at("note_en"))) + "</td><td>" +
         (input ? T("输入", "input") : T("规则结果", "result of the rules")) + "</td><td class=\"note\">" +
         esc(str(f.at("note_en"))) + "</td></tr>";
  }
  return h + "</table></section>";
}

std::string assumed_section(const DemoData &d) {
  std::string h = "<section id=\"assumed\"><h2>" + T("决定结果的假设参数（请确认）", "Assumed parameters that decided a result (to confirm)") +
                  "</h2><p>" +
                  T("以下参数原文未给出数字，是政策配置的假设；每一项后为本年度依据它作出的决定数。在依赖这些数字之前，请逐项确认或在本旗配置中改定。",
                    "The source gives no number for these parameters: each value is the profile's assumption. Beside "
                    "each, the number of this year's decisions that used it. Confirm each one, or set the county's own "
                    "value, before relying on the figures.") +
                  "</p><table><tr><th>" + T("参数", "parameter") + "</th><th>" + T("取值", "value") + "</th><th>" +
                  T("条款", "clause") + "</th><th>" + T("决定数", "decisions") + "</th><th>" + T("说明", "label") + "</th></tr>";
  for (const auto &a : d.assumed)
    h += "<tr><td><code>" + esc(str(a.at("name"))) + "</code></td><td>" +
         esc(str(a.at("value")) + (str(a.at("type")) == "text" ? std::string() : " " + str(a.at("unit")))) +
         "</td><td>" + esc(str(a.at("clause"))) + "</td><td class=\"r\">" +
         fig(str(a.at("decisions")), json::serialize(a.at("modules"))) + "</td><td>" +
         T(str(a.at("label_zh")), str(a.at("label_en"))) + "</td></tr>";
  return h + "</table></section>";
}

}  // namespace

const char *report_css() { return kCss; }

std::string render_report(const DemoData &d) {
  const std::string zh = str(d.county.at("name_zh")), en = str(d.county.at("name_en"));
  const std::string year = str(d.county.at("year"));
  std::string h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                  "content=\"width=device-width,initial-scale=1\"><title>" +
                  esc(zh + " " + year + " 年度干部管理改革报告 · cadrekit") + "</title><style>" + kCss +
                  "</style></head><body><div id=\"en\" class=\"page\"><header><div class=\"lang\"><a href=\"#zh\">中文</a>"
                  "<a href=\"#en\">English</a></div><h1>" +
                  T(zh + " " + year + " 年度干部管理五项改革报告", en + " — the year " + year + " of the cadre-management reforms") +
                  "</h1><p class=\"note\">" +
                  T("合成样本数据（姓名与身份证号均为虚构）；规则与参数取自政策配置 " + d.policy.name() +
                        "；每个数字悬停可见其解释，展开“规则、参数与条款”可见依据。",
                    "Synthetic sample data (names and ID numbers are made up); rules and parameters from the policy "
                    "profile " + d.policy.name() + ". Hover any number for its explanation; open \"Rules, parameters "
                    "and clauses\" for the grounds.") +
                  "</p></header>";
  // Summary cards.
  std::map<std::string, int> tiers;
  for (const auto &r : d.tiers.at("results").as_array()) ++tiers[str(r.at("level"))];
  const Params P(d.policy);
  const std::vector<ParamUsed> tier_params = audit::tier_parameters(d.policy, d.tier_as_of);
  h += "<div class=\"cards\">";
  auto card = [&](const std::string &big, const std::string &why, const std::string &lzh, const std::string &len) {
    h += "<div class=\"card\"><div class=\"big\">" + fig(big, why) + "</div>" + T(lzh, len) + "</div>";
  };
  card(std::to_string(d.tiers.at("results").as_array().size()), P.both(tier_params), "审计责任主体", "units to audit");
  card(std::to_string(tiers["1"]) + " / " + std::to_string(tiers["2"]) + " / " + std::to_string(tiers["3"]),
       P.both(tier_params), "一级 / 二级 / 三级", "level 1 / 2 / 3");
  card(std::to_string(d.pay.at("villages").as_array().size()), "villages of village_pay.json", "嘎查村", "villages");
  card(str(d.quota.at("quota")), explanation_both(d.quota.at("explanation")), "选聘名额", "selection places");
  card(str(d.pay.at("banner").at("total")), "sum of every principal's base and performance pay (village_pay.csv)",
       "报酬合计（元）", "pay in all (yuan)");
  card(std::to_string(d.disclosure.size()), "candidates with both rounds planned", "公开对象", "candidates disclosed");
  card(std::to_string(d.screen.at("hits").as_array().size()), "rules of assessment.rule.* that fire (HORQIN.3)",
       "触及红线", "red lines fired");
  card(std::to_string(d.cases.size()), "cases of HORQIN.5", "处置案件", "disposal cases");
  h += "</div>";
  h += audit_section(d) + village_section(d) + assessment_section(d) + disclosure_section(d) + talent_section(d);
  h += figures_section(d) + assumed_section(d) + ledger_section(d);
  h += "<footer class=\"note\"><p>" +
       T("由 cadrekit demo 生成；无网络资源、无外部脚本。数据文件：audit_*.csv/json、village_*.csv/json、"
         "disclosure_*.csv/json、assessment_*.csv/json、summary.json。",
         "Made by cadrekit demo; no network resources, no external scripts. Data files: audit_*.csv/json, "
         "village_*.csv/json, disclosure_*.csv/json, assessment_*.csv/json, summary.json.") +
       "</p></footer></div>"
       "<script>document.body.setAttribute('data-ck-rendered',String(document.querySelectorAll('svg').length));"
       "addEventListener('load',function(){document.body.setAttribute('data-ck-resources',"
       "String(performance.getEntriesByType('resource').length));});"
       "</script></body></html>\n";
  return h;
}

}  // namespace cadrekit::cli

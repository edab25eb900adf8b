// cadrekit compare --policy A [--policy B] [--set NAME=VALUE…] year [--data DIR] [--year Y]
// --out DIR: the whole year of a county (the sample county by default) under both profiles,
// through the library (year::run_json, year::compare_json). Writes compare.json — the decisions
// that differ, module by module, with both explanations, and what they move downstream — and
// compare.html, in the style of the demo's report.
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include <boost/json.hpp>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/year.hpp"
#include "compare.hpp"
#include "report.hpp"
#include "svg.hpp"

namespace cadrekit::cli {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

struct YearOpts {
  std::string data;
  int year = 0;
  std::string out = "compare";
};

std::string str(const json::value &v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return {};
  return json::serialize(v);
}

std::string T(std::string_view zh, std::string_view en) {
  return "<span class=\"zh\">" + esc(zh) + "</span><span class=\"en\">" + esc(en) + "</span>";
}

/// A decision's fields as one line ("performance: 4000.00; total: 11000.00"), or "—".
std::string fields_text(const json::value &v) {
  if (v.is_null()) return "—";
  if (!v.is_object()) return str(v);
  std::string out;
  for (const auto &kv : v.as_object()) {
    if (!out.empty()) out += "; ";
    out += std::string(kv.key()) + ": " + str(kv.value());
  }
  return out;
}

std::string explanation_text(const json::value &ex, std::string_view lang) {
  if (ex.is_null()) return lang == "zh" ? "（无解释）" : "(no explanation)";
  try {
    return Explanation::from_json(json::serialize(ex)).to_text(lang);
  } catch (const std::exception &) {
    return {};
  }
}

/// The parameters whose dated values differ between the two profiles.
json::array changed_parameters(const Policy &a, const Policy &b, Date on) {
  std::set<std::string> names;
  for (const auto &n : a.parameter_names()) names.insert(n);
  for (const auto &n : b.parameter_names()) names.insert(n);
  json::array out;
  auto in_force = [&](const Policy &p, const std::string &n) -> std::string {
    if (!p.has(n)) return "—";
    try {
      const ParamUsed u = p.lookup(n, on);
      return u.value + " (" + to_iso(u.effective_from) + (u.assumed ? ", assumed" : "") + ")";
    } catch (const Error &) {
      return "—";
    }
  };
  for (const auto &n : names) {
    const bool same = a.has(n) && b.has(n) && [&] {
      const auto &x = a.info(n).values, &y = b.info(n).values;
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (x[i].effective_from != y[i].effective_from || x[i].text != y[i].text || x[i].assumed != y[i].assumed)
          return false;
      return true;
    }();
    if (same) continue;
    out.push_back(json::object{{"name", n}, {"a", in_force(a, n)}, {"b", in_force(b, n)}});
  }
  return out;
}

std::string render_compare(const json::object &c, const json::array &params, int year) {
  const std::string pa = str(c.at("a").at("policy")), pb = str(c.at("b").at("policy"));
  std::string h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                  "content=\"width=device-width,initial-scale=1\"><title>" +
                  esc("政策比较 " + std::to_string(year) + " · cadrekit") + "</title><style>" + report_css() +
                  "</style></head><body><div id=\"en\" class=\"page\"><header><div class=\"lang\"><a href=\"#zh\">中文</a>"
                  "<a href=\"#en\">English</a></div><h1>" +
                  T(std::to_string(year) + " 年度政策比较：改一条规则会改变什么",
                    "The year " + std::to_string(year) + " under two profiles: what a rule change moves") +
                  "</h1><p class=\"note\">" + T("A：", "A: ") + esc(pa) + "<br>" + T("B：", "B: ") + esc(pb) + "</p></header>";

  // What changed in the rules.
  h += "<section id=\"parameters\"><h2>" + T("参数差异", "Parameters that differ") + "</h2>";
  if (params.empty()) {
    h += "<p>" + T("两个配置的参数相同。", "The two profiles have the same parameters.") + "</p>";
  } else {
    h += "<table><tr><th>" + T("参数", "parameter") + "</th><th>A</th><th>B</th></tr>";
    for (const auto &p : params)
      h += "<tr><td><code>" + esc(str(p.at("name"))) + "</code></td><td>" + esc(str(p.at("a"))) + "</td><td>" +
           esc(str(p.at("b"))) + "</td></tr>";
    h += "</table>";
  }
  h += "</section>";

  // Summary cards.
  struct Mod {
    const char *key, *zh, *en;
  };
  const Mod mods[] = {{"village", "嘎查村干部报酬（扎鲁特旗）", "Village cadre pay (Jarud)"},
                      {"budget", "预算", "Budget"},
                      {"audit", "经济责任审计（霍林郭勒市）", "Economic-responsibility audit (Holingol)"},
                      {"disclosure", "两轮公开（开鲁县）", "Two-round disclosure (Kailu)"},
                      {"assessment", "红线与处置（科尔沁区）", "Red lines and disposal (Horqin)"},
                      {"talent", "人才库与班子结构（库伦旗）", "Talent pools and teams (Hure)"}};
  h += "<div class=\"cards\">";
  for (const auto &m : mods)
    h += "<div class=\"card\"><div class=\"big\">" + std::to_string(c.at(m.key).as_array().size()) + "</div>" +
         T(m.zh, m.en) + "</div>";
  h += "</div>";

  // Downstream.
  h += "<section id=\"downstream\"><h2>" + T("连带影响", "What moves downstream") + "</h2><p>" +
       T("一项决定改变后随之改变的后续决定：红线 → 人才库 → 提拔人选；审计级别 → 审计计划；班子等次 → 报酬 → 预算。",
         "Each changed decision with the later decisions that change with it: a red line → the pools → promotion "
         "candidates; an audit level → the plan; a village's grade → pay → the budget.") +
       "</p>";
  const auto &down = c.at("downstream").as_array();
  if (down.empty()) {
    h += "<p>" + T("无。", "None.") + "</p>";
  } else {
    h += "<table><tr><th>" + T("起因", "from") + "</th><th>" + T("随之改变", "moves") + "</th></tr>";
    for (const auto &d : down) {
      const auto &f = d.at("from").as_object();
      std::string from = str(f.at("module")) + " · " + str(f.at("decision")) + " · " +
                         (f.contains("cadre_id") ? str(f.at("cadre_id"))
                          : f.contains("ids")    ? std::to_string(f.at("ids").as_array().size()) + " ×"
                                                 : str(f.at("id")));
      std::string to;
      for (const auto &t : d.at("to").as_array())
        to += (to.empty() ? "" : ", ") + str(t.at("module")) + " · " + str(t.at("decision")) + " · " + str(t.at("id"));
      h += "<tr><td>" + esc(from) + "</td><td>" + (to.empty() ? T("无", "nothing") : esc(to)) + "</td></tr>";
    }
    h += "</table>";
  }
  h += "</section>";

  // Module by module.
  for (const auto &m : mods) {
    const auto &diffs = c.at(m.key).as_array();
    h += "<section id=\"" + std::string(m.key) + "\"><h2>" + T(m.zh, m.en) + "</h2>";
    if (diffs.empty()) {
      h += "<p>" + T("没有不同的决定。", "No decision differs.") + "</p></section>";
      continue;
    }
    h += "<table><tr><th>" + T("决定", "decision") + "</th><th>" + T("对象", "id") + "</th><th>A</th><th>B</th><th>" +
         T("解释", "explanations") + "</th></tr>";
    for (const auto &d : diffs) {
      const auto &o = d.as_object();
      std::string b = fields_text(o.at("b"));
      if (o.contains("difference")) b += " (" + str(o.at("difference")) + ")";
      h += "<tr><td>" + esc(str(o.at("decision"))) + "</td><td>" + esc(str(o.at("id"))) + "</td><td>" +
           esc(fields_text(o.at("a"))) + "</td><td>" + esc(b) + "</td><td><details><summary>" + T("A 与 B", "A and B") +
           "</summary><pre class=\"zh\">A\n" + esc(explanation_text(o.at("explanation_a"), "zh")) + "\n———\nB\n" +
           esc(explanation_text(o.at("explanation_b"), "zh")) + "</pre><pre class=\"en\">A\n" +
           esc(explanation_text(o.at("explanation_a"), "en")) + "\n———\nB\n" +
           esc(explanation_text(o.at("explanation_b"), "en")) + "</pre></details></td></tr>";
    }
    h += "</table></section>";
  }

  // The assumptions each side rests on.
  std::map<std::string, std::pair<std::string, std::string>> uses;
  for (const char *sd : {"a", "b"})
    for (const auto &x : c.at("assumed").at(sd).as_array())
      (std::string(sd) == "a" ? uses[str(x.at("name"))].first : uses[str(x.at("name"))].second) =
          str(x.at("value")) + " × " + str(x.at("decisions"));
  h += "<section id=\"assumed\"><h2>" + T("决定结果的假设参数", "Assumed parameters that decided a result") + "</h2><p>" +
       T("每项：取值 × 依据它作出的决定数。", "Each: value × the decisions that used it.") + "</p><table><tr><th>" +
       T("参数", "parameter") + "</th><th>A</th><th>B</th></tr>";
  for (const auto &[n, ab] : uses)
    h += "<tr><td><code>" + esc(n) + "</code></td><td>" + esc(ab.first.empty() ? "—" : ab.first) + "</td><td>" +
         esc(ab.second.empty() ? "—" : ab.second) + "</td></tr>";
  h += "</table></section>";
  h += "<footer class=\"note\"><p>" +
       T("由 cadrekit compare … year 生成；数据：compare.json。", "Made by cadrekit compare … year; data: compare.json.") +
       "</p></footer></div></body></html>\n";
  return h;
}

void write_file(const fs::path &p, std::string_view text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw InvalidInput("cannot write the output file", "--out", p.string());
}

}  // namespace

void add_year_compare(CLI::App *cmp, const CompareCtx &ctx, Common &, Action &action) {
  auto o = std::make_shared<YearOpts>();
  auto *y = cmp->add_subcommand(
      "year", "the whole year of a county under both profiles: compare.json and compare.html (every decision that differs)");
  y->add_option("--data", o->data, "the county's files, as data/sample (default: the sample county)");
  y->add_option("--year", o->year, "the year (default: the county's year)");
  y->add_option("--out", o->out, "output folder (created; compare.json and compare.html are replaced)")
      ->capture_default_str();
  y->callback([&action, ctx, o] {
    action = [ctx, o](std::ostream &out) {
      const auto [pa, pb] = load_policies(*ctx);
      const year::Data data = o->data.empty() ? year::Data::sample() : year::Data::load(o->data);
      const std::optional<int> yr = o->year ? std::optional<int>(o->year) : std::nullopt;
      const std::string ra = year::run_json(data, pa, yr), rb = year::run_json(data, pb, yr);
      const std::string cmp_text = year::compare_json(ra, rb);
      const json::object c = json::parse(cmp_text).as_object();
      const int year = static_cast<int>(c.at("a").at("year").as_int64());
      std::error_code ec;
      fs::create_directories(o->out, ec);
      if (ec) throw InvalidInput("cannot create the output folder", "--out", o->out);
      write_file(fs::path(o->out) / "compare.json", cmp_text + "\n");
      const json::array params = changed_parameters(pa, pb, make_date(year, 12, 31));
      write_file(fs::path(o->out) / "compare.html", render_compare(c, params, year));
      out << "cadrekit compare year " << year << ": A " << pa.name() << ", B " << pb.name() << "\n";
      out << "  parameters that differ: " << params.size() << "\n";
      for (const char *k : {"village", "budget", "audit", "disclosure", "assessment", "talent", "downstream"})
        out << "  " << k << ": " << c.at(k).as_array().size() << "\n";
      out << "  written: " << (fs::path(o->out) / "compare.json").string() << ", "
          << (fs::path(o->out) / "compare.html").string() << "\n";
    };
  });
}

}  // namespace cadrekit::cli

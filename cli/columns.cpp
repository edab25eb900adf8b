// The input tables of the table commands (columns.hpp): what --help lists and `cadrekit
// template` writes. tests/cli/check_templates.py runs every command on its templates with
// --strict, so that nothing here can drift from what the commands read.
#include "columns.hpp"

#include <deque>
#include <iostream>
#include <memory>
#include <string>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "commands.hpp"
#include "table.hpp"

namespace cadrekit::cli {

namespace {

/// What a code column takes, from the vocabulary (docs/input.md): "a, b, c (or 甲, 乙, 丙)"
/// and `tail`. The texts live as long as the program (the specs hold views of them).
std::string_view codes(const vocabulary::CodeTable &t, std::string_view tail = {}) {
  static std::deque<std::string> texts;
  std::string s, zh;
  for (const vocabulary::Code &c : t.codes) {
    s += (s.empty() ? "" : ", ") + std::string(c.code);
    zh += (zh.empty() ? "" : ", ") + std::string(c.zh);
  }
  return texts.emplace_back(s + " (or " + zh + ")" + std::string(tail));
}

constexpr std::string_view kId = "text, the row's id";
constexpr std::string_view kDate = "date: 2016-12-31, 2016/12/31, 2016年12月31日 (docs/input.md)";
constexpr std::string_view kYuan = "yuan, exact: 5000000, 500万, 1,234.50";
const std::string_view kSex = codes(vocabulary::sexes(), ", male/female: GB/T 2261.1");
constexpr std::string_view kEthnicity = "GB 3304 code (01…56) or name: 01, 蒙古族";
constexpr std::string_view kPolitical = "GB/T 4762 code (01…13) or name: 01, 中共党员";
const std::string_view kRank = codes(vocabulary::ranks(), ", 副科, 正科…");
constexpr std::string_view kFlag = "true/false, 1/0, yes/no, 是/否; empty: false";
const std::string_view kAuditKind = codes(vocabulary::audit_kinds());

std::vector<ColumnSpec> units_columns() {
  std::vector<ColumnSpec> c = {{"unit_id", true, kId, "U01"},
                               {"name", false, "text, passed through", "示例单位"},
                               {"budget", true, kYuan, "5000000"}};
  // One column per supplementary factor, in the library's order.
  for (std::string_view f : audit::factor_names())
    c.push_back({f, false, "0…its maximum in the profile (audit.factor.<name>.max), 是/否 for 1/0; empty: 0",
                 f == "economic_power" ? "1" : ""});
  return c;
}

const std::vector<ColumnSpec> kTiers = {
    {"unit_id", true, kId, "U01"},
    {"level", true, codes(vocabulary::audit_levels()), "1"},
    {"special_due_year", false, "year a special-funds unit is due; empty: none", ""}};
const std::vector<ColumnSpec> kAudits = {{"unit_id", true, kId, "U01"},
                                         {"date", true, kDate, "2015-06-01"},
                                         {"kind", false, kAuditKind, "in_term"}};
const std::vector<ColumnSpec> kTerms = {{"unit_id", true, kId, "U01"},
                                        {"leader_id", true, kId, "L01"},
                                        {"start", true, kDate, "2014-03-01"},
                                        {"planned_end", false, "date; empty: open", "2019-03-01"}};
const std::vector<ColumnSpec> kRecords = {
    {"cadre_id", true, kId, "C1"},
    {"unit_id", false, "text", "T1"},
    {"domain", false, codes(vocabulary::assessment_domains(), "; empty: township"), "township"},
    {"kind", true, codes(vocabulary::assessment_kinds()), "annual"},
    {"period", true, "2016 (a year), 2016Q2 (a quarter)", "2016"},
    {"score", false, "decimal: 61.5", "88"},
    {"rank", false, "whole number, 1 = first", "3"},
    {"group_size", false, "whole number", "10"},
    {"rating", false, "excellent, competent, basically_competent, incompetent, … or 优秀, 称职, …", "competent"},
    {"method", false, codes(vocabulary::assessment_methods(), "; several: reports;talks"), "reports;talks"}};
const std::vector<ColumnSpec> kFindings = {
    {"id", true, kId, "F1"},
    {"cadre_id", false, "text", "C1"},
    {"unit_id", false, "text", "T1"},
    {"date", true, kDate, "2016-06-01"},
    {"source", false, codes(vocabulary::finding_sources(), "; empty: qualitative"), "qualitative"},
    {"standard", false, "a standard of the profile's catalogue (docs/assessment.md)", "ability"},
    {"aspect", false, codes(vocabulary::aspects(), "; empty: none"), "ability"},
    {"classification", false, codes(vocabulary::finding_classes(), "; empty: other"), "lack_of_ability"},
    {"severity", false, codes(vocabulary::severities(), "; empty: moderate"), "moderate"}};
const std::vector<ColumnSpec> kCadres = {
    {"cadre_id", true, "text, the row's id (or a column id)", "K1"},
    {"sex", true, kSex, "2"},
    {"birth_date", true, kDate, "1985-05-05"},
    {"ethnicity", true, kEthnicity, "02"},
    {"political_status", true, kPolitical, "01"},
    {"party_joined", false, "date", "2008-07-01"},
    {"work_started", false, "date", "2007-07-01"},
    {"rank", false, kRank, "fu_ke"},
    {"rank_since", false, "date", "2013-01-01"},
    {"civil_servant", false, kFlag, "true"},
    {"selected_graduate", false, kFlag, "false"}};

std::vector<TableSpec> make_specs() {
  std::vector<TableSpec> s;
  s.push_back({"audit tier", "UNITS", "a unit to tier", units_columns()});
  for (std::string_view cmd : {"audit plan", "audit verify"}) {
    s.push_back({cmd, "UNITS", "a unit and its level (what `audit tier` writes will do)", kTiers});
    s.push_back({cmd, "--audits", "an audit done before the plan", kAudits});
    s.push_back({cmd, "--terms", "a unit leader's term", kTerms});
  }
  s.push_back({"audit verify", "--plan", "an audit of the plan (what `audit plan` writes)",
               {{"year", true, "year", "2017"},
                {"unit_id", true, kId, "U01"},
                {"kind", true, kAuditKind, "in_term"},
                {"leader_id", false, "text, for a departure audit", ""}}});
  s.push_back({"village pay", "--villages", "a village",
               {{"village_id", true, kId, "V01"},
                {"name", false, "text, passed through", "示例村"},
                {"township", true, "text: the villages of a township are ranked together", "甲镇"},
                {"population", true, "whole number: the base pay's band", "2500"}}});
  s.push_back({"village pay", "--principals", "a village principal (书记/主任)",
               {{"cadre_id", true, kId, "P01"},
                {"name", false, "text, passed through", "示例"},
                {"village_id", true, "a village_id of --villages", "V01"},
                {"post", true, codes(vocabulary::village_posts()), "both"},
                {"served_from", true, kDate, "2014-01-01"},
                {"served_to", false, "date; empty: in post", ""}}});
  s.push_back({"village pay", "--scores", "a village's score for a period",
               {{"village_id", true, "a village_id of --villages", "V01"},
                {"period", true, "2016Q1 … 2016Q4 (or 2016年第一季度 …), or 2016 for the annual score", "2016Q1"},
                {"score", true, "decimal: 91.5", "90"}},
               {{"V01", "2016Q2", "88"}, {"V01", "2016Q3", "92"}, {"V01", "2016Q4", "91"}, {"V01", "2016", "95"}},
               "or one row per village: village_id, q1, q2, q3, q4, annual (of --year)"});
  s.push_back({"village pay", "--terms", "a principal's term, for the subsidy after leaving (--show budget)",
               {{"cadre_id", true, kId, "F01"},
                {"village_id", false, "text", "V01"},
                {"served_from", true, kDate, "2002-03-01"},
                {"served_to", false, "date; empty: in post", "2013-12-31"}}});
  s.push_back({"village select", "VILLAGES", "a village (with --year: the quota per township)",
               {{"village_id", true, kId, "V01"}, {"township", true, "text", "甲镇"}}});
  s.push_back({"village select", "--applicants", "an applicant (with --as-of: eligibility)",
               {{"cadre_id", true, kId, "E1"},
                {"post", false, "secretary, director, both; empty: not a principal now", "secretary"},
                {"in_post_since", true, kDate, "2012-01-01"},
                {"birth_date", true, kDate, "1970-01-01"},
                {"grades", false, "year:grade;… (2015:excellent;2016:basic), or columns grade_2015, …",
                 "2015:excellent"}}});
  s.push_back({"assessment screen", "RECORDS", "an assessment result of a cadre for a period", kRecords});
  s.push_back({"assessment screen", "--findings", "a finding about a cadre or a unit", kFindings});
  s.push_back({"disclosure plan", "CANDIDATES", "a candidate's round of disclosure",
               {{"id", true, kId, "K1"},
                {"round", true, "1 or 2", "1"},
                {"rank", true, "fu_ke, zheng_ke", "fu_ke"},
                {"posted", true, kDate, "2016-09-30"}}});
  s.push_back({"talent pools", "CADRES", "a cadre", kCadres});
  s.push_back({"talent pools", "--assessments", "an assessment record (as `assessment screen`)", kRecords});
  s.push_back({"talent pools", "--findings", "a finding (as `assessment screen`)", kFindings});
  s.push_back({"talent teams", "MEMBERS", "a member of a unit's leadership team",
               {{"team_id", true, kId, "T1"},
                {"cadre_id", true, kId, "M1"},
                {"sex", true, kSex, "2"},
                {"birth_date", true, kDate, "1985-05-05"},
                {"ethnicity", true, kEthnicity, "02"},
                {"political_status", true, kPolitical, "01"}}});
  s.push_back({"talent teams", "--candidates", "a cadre of the pools (as `talent pools`)", kCadres});
  return s;
}

struct Run {
  std::string_view command, argument, args;  ///< argument empty: every table of the command
};
// Each command run on its own templates (tests/cli/check_templates.py); a command whose tables
// belong to different modes (village select) has a run per table.
constexpr Run kRuns[] = {
    {"audit tier", "", "audit tier {UNITS} --as-of 2016-12-31"},
    {"audit plan", "", "audit plan {UNITS} --audits {--audits} --terms {--terms} --first-year 2017 --last-year 2021 --capacity 2"},
    {"audit verify", "", "audit verify {UNITS} --audits {--audits} --terms {--terms} --plan {--plan} --first-year 2017 --last-year 2017"},
    {"village pay", "", "village pay --villages {--villages} --principals {--principals} --scores {--scores} --terms {--terms} "
     "--year 2016 --show budget"},
    {"village select", "VILLAGES", "village select {VILLAGES} --year 2016"},
    {"village select", "--applicants", "village select --applicants {--applicants} --as-of 2016-06-01"},
    {"assessment screen", "", "assessment screen {RECORDS} --findings {--findings} --as-of 2016-12-31"},
    {"disclosure plan", "", "disclosure plan {CANDIDATES}"},
    {"talent pools", "", "talent pools {CADRES} --assessments {--assessments} --findings {--findings} --as-of 2016-09-22"},
    {"talent teams", "", "talent teams {MEMBERS} --candidates {--candidates} --as-of 2016-09-22"},
};

std::string footer(std::string_view command) {
  std::string h = "Input columns (* required; other columns are a warning, an error with --strict):\n";
  for (const TableSpec *t : tables_of(command)) {
    h += "  " + std::string(t->argument) + ", each row " + std::string(t->what) + ":\n";
    // Columns in a row that take the same values (the audit factors) share one line.
    for (std::size_t i = 0; i < t->columns.size();) {
      std::string names;
      std::size_t j = i;
      for (; j < t->columns.size() && t->columns[j].values == t->columns[i].values &&
             t->columns[j].required == t->columns[i].required && (j == i || !t->columns[j].required);
           ++j)
        names += (j == i ? "" : ", ") + std::string(t->columns[j].name) + (t->columns[j].required ? "*" : "");
      h += "    " + names + "  " + std::string(t->columns[i].values) + "\n";
      i = j;
    }
    if (!t->note.empty()) h += "    " + std::string(t->note) + "\n";
  }
  h += "Dates are ISO (2016-12-31). An empty table with these headers and an example row:\n"
       "  cadrekit template " +
       std::string(command) + " [--table NAME]";
  return h;
}

}  // namespace

const std::vector<TableSpec> &table_specs() {
  static const std::vector<TableSpec> specs = make_specs();
  return specs;
}

std::vector<const TableSpec *> tables_of(std::string_view command) {
  std::vector<const TableSpec *> out;
  for (const auto &t : table_specs())
    if (t.command == command) out.push_back(&t);
  return out;
}

std::string_view example_run(std::string_view command, std::string_view argument) {
  for (const auto &r : kRuns)
    if (r.command == command && (r.argument.empty() || r.argument == argument)) return r.args;
  return {};
}

namespace {

struct TemplateOpts {
  std::vector<std::string> command;
  std::string table;
  bool list = false;
  IoOptions io;
};

void write_template(std::ostream &out, const TemplateOpts &o) {
  if (o.list) {
    for (const auto &t : table_specs())
      out << t.command << '\t' << t.argument << '\t' << example_run(t.command, t.argument) << '\n';
    return;
  }
  std::string command;
  for (const auto &w : o.command) command += (command.empty() ? "" : " ") + w;
  const auto tables = tables_of(command);
  if (tables.empty()) {
    std::string known;
    for (const auto &r : kRuns)
      if (known.find(r.command) == std::string::npos) known += (known.empty() ? "" : ", ") + std::string(r.command);
    throw InvalidInput("no command of that name reads a table (one of: " + known + ")", "COMMAND");
  }
  const TableSpec *t = tables.front();
  if (!o.table.empty()) {
    t = nullptr;
    std::string names;
    for (const TableSpec *x : tables) {
      std::string arg(x->argument);
      names += (names.empty() ? "" : ", ") + arg;
      std::string bare = arg.rfind("--", 0) == 0 ? arg.substr(2) : arg;
      for (auto &ch : bare) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (o.table == arg || o.table == bare) t = x;
    }
    if (!t) throw InvalidInput("the command reads no table of that name (one of: " + names + ")", "--table");
  }
  OutTable table;
  std::vector<Cell> first;
  for (const auto &c : t->columns) {
    table.columns.emplace_back(c.name);
    first.emplace_back(std::string(c.example));
  }
  table.rows.push_back(std::move(first));
  for (const auto &row : t->more_rows) {
    std::vector<Cell> cells;
    for (auto v : row) cells.emplace_back(std::string(v));
    table.rows.push_back(std::move(cells));
  }
  write_table(out, table, o.io);
}

}  // namespace

void add_column_help(CLI::App &app) {
  for (const auto &r : kRuns) {
    if (!r.argument.empty() && r.argument != tables_of(r.command).front()->argument) continue;
    CLI::App *cmd = &app;
    std::string_view rest = r.command;
    while (cmd && !rest.empty()) {
      const auto sp = rest.find(' ');
      const std::string name(rest.substr(0, sp));
      const auto found = cmd->get_subcommands([&name](CLI::App *a) { return a->get_name() == name; });
      cmd = found.empty() ? nullptr : found.front();
      rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    }
    if (cmd) cmd->footer(footer(r.command));
  }
}

void add_template_command(CLI::App &app, Common &, Action &action) {
  auto o = std::make_shared<TemplateOpts>();
  auto *cmd = app.add_subcommand("template", "an empty input table of a command: its headers and an example row");
  cmd->add_option("COMMAND", o->command, "the command, e.g. `audit tier` or `village pay`")->expected(0, 3);
  cmd->add_option("--table", o->table, "which of its tables (default the first): UNITS, --findings, findings, …");
  cmd->add_flag("--list", o->list, "every command and table, with the run that uses them");
  CLI::Option *format = cmd->add_option("--format", o->io.format, "csv (default), json or xlsx (a workbook)")
                            ->check(CLI::IsMember({"csv", "json", "xlsx"}));
  cmd->add_option("-o,--output", o->io.output, "write to FILE (whole or not at all); FILE.xlsx: a workbook");
  add_output_checks(cmd, o->io, format);
  cmd->add_flag("--bom", o->io.bom, "begin CSV with a UTF-8 byte-order mark (for Excel)");
  cmd->footer("Headers are the columns' codes in CSV and JSON, their labels (单位编号) in a workbook;\n"
              "the command reads either. Fill the rows, keep the header, and run the command.");
  cmd->callback([o, &action] {
    action = [o](std::ostream &out) { write_template(out, *o); };
  });
}

}  // namespace cadrekit::cli

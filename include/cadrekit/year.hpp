// One county's whole year through the five reforms, and what changes when a rule changes: the
// what-if a county weighs before it edits its profile. The year runs every module on the
// county's inputs (the files of data/sample, in the modules' own JSON request forms) under one
// policy; two runs compare decision by decision, each difference with both explanations, and
// with what it moves downstream (a red line → the pools → promotion). docs/year.md.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "cadrekit/core/policy.hpp"

namespace cadrekit::year {

/// The files of a county's year, each the JSON text of one module's request (data/sample).
struct Data {
  std::string county;              ///< county.json: name_zh, name_en, year, as_of, townships
  std::string audit_tier;          ///< audit::tier_json request
  std::string audit_plan;          ///< audit::plan_json request without units (levels come from the tiering)
  std::string village_pay;         ///< village::pay_sheet_json request (holders, terms)
  std::string disclosure_records;  ///< array of disclosure records
  std::string disclosure_rounds;   ///< [{record_id, requests: [plan_round_json request…]}]
  std::string assessment_screen;   ///< assessment::screen_json request
  std::string assessment_cases;    ///< [{case_id, cadre_id, actions: […], follow_up?: {decision_date, until}}]
  std::string cadres;              ///< array of person records with team?, civil_servant, selected_graduate

  /// The sample county 示例旗 embedded in the library (data/sample, synthetic).
  static Data sample();
  /// The same files from a folder (each at most 64 MiB). InvalidInput naming the file when one
  /// is missing or unreadable.
  static Data load(const std::string &dir);
};

/// The file names of Data, in its member order.
inline constexpr std::array<std::string_view, 9> data_files = {
    "county.json",           "audit_tier.json",        "audit_plan.json",
    "village_pay.json",      "disclosure_records.json", "disclosure_rounds.json",
    "assessment_screen.json", "assessment_cases.json",  "cadres.json"};

/// The whole year under `policy`: JSON `{"schema": "cadrekit.year/1", "policy", "lineage",
/// "year", "as_of", "county", "village", "budget", "audit", "disclosure", "assessment",
/// "talent", "figures", "assumed"}` (docs/year.md). `year` empty: county.json's year; another
/// year moves the county's dates (as-of dates, the pay year, the plan's years) by the
/// difference. `assumed` lists every assumed parameter that decided a result, with the number
/// of decisions (explanations) that used it; `figures` sets each figure the source reports
/// beside the county's. InvalidInput naming the file and member for bad data.
std::string run_json(const Data &data, const Policy &policy, std::optional<int> year = std::nullopt);

/// The decisions that differ between two runs of run_json (a, then b): JSON
/// `{"schema": "cadrekit.year.compare/1", "a": {policy, year}, "b": {…}, "village": […],
/// "budget": […], "audit": […], "disclosure": […], "assessment": […], "talent": […],
/// "downstream": […], "assumed": {"a": […], "b": […]}}`; each difference is
/// `{"decision", "id", "a", "b", "explanation_a", "explanation_b"}`. InvalidInput when either
/// text is not a run_json result.
std::string compare_json(std::string_view a, std::string_view b);

}  // namespace cadrekit::year

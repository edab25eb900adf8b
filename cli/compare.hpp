// `cadrekit compare --policy A.yaml --policy B.yaml [--set NAME=VALUE…] <command> [inputs]`
// (private to cli/): the same inputs under two profiles, every decision that differs side by
// side with both explanations, and the budget difference. Each module's file adds its compare
// subcommands; `compare … year` runs the whole year of a county (compare_year_cmd.cpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cadrekit/core/policy.hpp"
#include "commands.hpp"
#include "table.hpp"

namespace cadrekit::cli {

struct CompareOpts {
  std::vector<std::string> policies;  ///< two ("default" = the embedded profile), or one with --set
  std::vector<std::string> sets;      ///< --set NAME=VALUE[@DATE]: applied to profile B
  IoOptions io;
};
using CompareCtx = std::shared_ptr<CompareOpts>;

/// Loads the two profiles (PolicyError / InvalidInput naming the file). B is the second
/// --policy (or, with one --policy, the first) with every --set applied.
std::pair<Policy, Policy> load_policies(const CompareOpts &o);

/// The output table: subject, id, item, a, b, difference, explanation_a, explanation_b.
OutTable compare_table();
void add_compare_row(OutTable &t, const CompareOpts &o, std::string subject, std::string id, std::string item,
                     std::string a, std::string b, std::string difference, const Explanation *ex_a,
                     const Explanation *ex_b);

/// Fills io.notes for a comparison: profile A as note_run does, then B's name, sources and --set
/// (marked "B: "), and B's parameters whose value differs from A's (marked " (B)").
void note_compare(IoOptions &io, const Common &c, const CompareOpts &o, const Policy &a, const Policy &b,
                  std::optional<Date> as_of, std::vector<ParamUsed> params_a, const std::vector<ParamUsed> &params_b);

void add_village_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action);
void add_audit_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action);
void add_assessment_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action);
void add_talent_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action);
void add_year_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action);

}  // namespace cadrekit::cli

// The actions the module commands record: built from the library's results, with the
// library's own explanations (Explanation::to_json).
#include <boost/json.hpp>

#include "cadrekit/workspace.hpp"

namespace cadrekit::workspace {

namespace json = boost::json;

Action tier_action(const audit::TierResult &result, Date as_of) {
  Action a;
  a.kind = CaseKind::tier;
  a.case_id = result.unit_id;
  a.op = "tiered";
  a.date = as_of;
  a.members = json::serialize(json::object{{"level", audit::level_name(result.level)}});
  a.explanation = result.explanation.to_json();
  return a;
}

Action plan_action(const audit::PlanRequest &request, const audit::Plan &plan, Date effective) {
  Action a;
  a.kind = CaseKind::audit_plan;
  a.case_id = std::to_string(request.first_year) + "-" + std::to_string(request.last_year);
  a.op = "drawn";
  a.date = effective;
  json::array audits;
  for (const auto &x : plan.audits)
    audits.push_back(json::object{{"year", x.year},
                                  {"unit_id", x.unit_id},
                                  {"kind", audit::audit_kind_name(x.kind)},
                                  {"leader_id", x.leader_id},
                                  {"reason", x.reason}});
  a.members = json::serialize(json::object{{"first_year", request.first_year},
                                           {"last_year", request.last_year},
                                           {"capacity", plan.capacity},
                                           {"seed", std::to_string(plan.seed)},
                                           {"feasible", plan.feasible},
                                           {"min_capacity", plan.min_capacity},
                                           {"audits", std::move(audits)}});
  a.explanation = plan.explanation.to_json();
  return a;
}

Action pay_action(const village::PaySheet &sheet, Date graded_on) {
  Action a;
  a.kind = CaseKind::village_pay;
  a.case_id = std::to_string(sheet.year);
  a.op = "computed";
  a.date = graded_on;
  json::array lines;
  for (const village::PayLine &l : sheet.lines) {
    json::array acts;
    for (const auto &x : l.actions) acts.push_back(json::object{{"kind", std::string(x.kind)}, {"due", to_iso(x.due)}});
    lines.push_back(json::object{{"cadre_id", std::string(l.cadre_id)},
                                 {"village_id", std::string(l.village_id)},
                                 {"township", std::string(l.township)},
                                 {"post", village::post_code(l.post)},
                                 {"grade", village::grade_code(l.grade)},
                                 {"base", l.base.to_decimal_string()},
                                 {"performance", l.performance.to_decimal_string()},
                                 {"total", l.total.to_decimal_string()},
                                 {"actions", std::move(acts)}});
    if (l.explanation)
      a.explanations.emplace_back(std::string(l.cadre_id) + "@" + std::string(l.village_id), l.explanation->to_json());
  }
  a.members = json::serialize(json::object{
      {"year", sheet.year},
      {"lines", std::move(lines)},
      {"banner", json::object{{"villages", sheet.banner.villages},
                              {"principals", sheet.banner.principals},
                              {"base", sheet.banner.base.to_decimal_string()},
                              {"performance", sheet.banner.performance.to_decimal_string()},
                              {"total", sheet.banner.total.to_decimal_string()}}}});
  return a;
}

Action quota_action(int year, const village::QuotaAllocation &allocation,
                    const std::vector<std::pair<std::string, village::Funnel>> &funnels, Date effective) {
  Action a;
  a.kind = CaseKind::selection;
  a.case_id = std::to_string(year);
  a.op = "quota";
  a.date = effective;
  json::object per;
  for (const auto &[t, n] : allocation.per_township) per[t] = n;
  json::array fs;
  for (const auto &[t, f] : funnels)
    fs.push_back(json::object{{"township", t},
                              {"places", f.places},
                              {"initial", f.initial},
                              {"prospective", f.prospective},
                              {"formal", f.formal}});
  a.members = json::serialize(json::object{{"year", year},
                                           {"quota", allocation.quota},
                                           {"method", allocation.method},
                                           {"allocation", std::move(per)},
                                           {"funnels", std::move(fs)}});
  a.explanation = allocation.explanation.to_json();
  return a;
}

Action eligibility_action(std::span<const village::Eligibility> results, Date as_of) {
  Action a;
  a.kind = CaseKind::selection;
  a.case_id = std::to_string(as_of.year());
  a.op = "eligibility";
  a.date = as_of;
  json::array apps;
  for (const auto &e : results) {
    json::array failed;
    for (const auto &f : e.failed) failed.push_back(json::string(f));
    apps.push_back(json::object{{"cadre_id", e.cadre_id}, {"eligible", e.eligible}, {"failed", std::move(failed)}});
    a.explanations.emplace_back(e.cadre_id, e.explanation.to_json());
  }
  a.members = json::serialize(json::object{{"applicants", std::move(apps)}});
  return a;
}

Action round_action(const std::string &record_id, int round, Date posted, const std::string &actor) {
  Action a;
  a.kind = CaseKind::disclosure;
  a.case_id = record_id;
  a.op = "post_round";
  a.date = posted;
  a.members = json::serialize(json::object{{"round", round}, {"actor", actor}});
  return a;
}

}  // namespace cadrekit::workspace

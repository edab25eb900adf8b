// The results of `cadrekit demo` for the sample county, and the report page made of them
// (private to cli/). The demo fills DemoData by calling the modules' JSON entry points; the
// report only reads it.
#pragma once

#include <boost/json.hpp>
#include <cstddef>
#include <string>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::cli {

struct DemoData {
  Policy policy = Policy::default_profile();
  Date as_of;                        ///< the date the year is seen from (county.json)
  Date tier_as_of;                   ///< the date of the tiering (audit_tier.json)
  boost::json::object county;        ///< county.json
  boost::json::object tier_request;  ///< audit_tier.json
  boost::json::object tiers;         ///< audit::tier_json response
  boost::json::object plan_request;  ///< the plan request as sent (with the tiering's levels)
  boost::json::object plan;          ///< audit::plan_json response
  boost::json::object pay_request;   ///< village_pay.json
  boost::json::object pay;           ///< village::pay_sheet_json response
  boost::json::object quota;         ///< selection_json op quota
  boost::json::object allocation;    ///< selection_json op allocate
  boost::json::object funnel;        ///< selection_json op funnel
  /// [{"record_id","rank","problems":[…],"rounds":[plan_round_json…]}]
  boost::json::array disclosure;
  boost::json::object screen;  ///< assessment::screen_json response
  boost::json::object rules;   ///< assessment::rules_json
  /// [{"case":<case JSON>,"schedule":[{"date","kind"}]}]
  boost::json::array cases;
  std::size_t cadres = 0, women = 0, minority = 0, non_party = 0;  ///< cadres.json, as_of
  boost::json::object pools;  ///< talent::pools_json response (as_of)
  boost::json::object teams;  ///< talent::team_structure_json response (each unit's leaders)
  boost::json::array figures;  ///< the source's figures beside the county's (year::run_json)
  boost::json::array assumed;  ///< assumed parameters that decided a result, with their uses
  boost::json::object ledger; ///< the year through a workspace (ledger.hpp); empty without one
};

/// The self-contained report page (Chinese, with an English toggle), charts as inline SVG.
std::string render_report(const DemoData &d);

/// The report page's style sheet (compare.html shares it).
const char *report_css();

}  // namespace cadrekit::cli

// HORQIN (科尔沁区): assessment records, red lines, disposal, follow-up and the gates of
// promotion. Rule catalog HORQIN.1–HORQIN.6; docs/assessment.md.
//
// - Red lines are data: every policy parameter named `assessment.rule.<id>` (type text) is one
//   rule in the mini-syntax of docs/assessment.md ("kind=annual; when=bottom; consecutive=2;
//   suggest=any"); `screen` reports every rule that fires (DMN "collect").
// - DisposalCase: the six stages of HORQIN.5 with an append-only log; StateError on a refused move.
// - follow_up_schedule / FollowUpLedger / reappointment_eligibility: HORQIN.6.
// - PromotionCase: the six gates of HORQIN.1 with vetoes.
//
// One header per concept under cadrekit/assessment/; this one includes them all.
#pragma once

#include "cadrekit/assessment/records.hpp"
#include "cadrekit/assessment/indicators.hpp"
#include "cadrekit/assessment/findings.hpp"
#include "cadrekit/assessment/standards.hpp"
#include "cadrekit/assessment/red_lines.hpp"
#include "cadrekit/assessment/disposal.hpp"
#include "cadrekit/assessment/follow_up.hpp"
#include "cadrekit/assessment/promotion.hpp"

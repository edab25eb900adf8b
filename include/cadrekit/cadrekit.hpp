// cadrekit: exact, explainable cadre-management rules. Include this for the whole C++ API.
#pragma once

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/number.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/person_json.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/core/utf8.hpp"
#include "cadrekit/core/version.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/village.hpp"
#include "cadrekit/disclosure.hpp"

"""cadrekit from Python: the same figures as the C++ and C examples."""
import datetime as dt
from decimal import Decimal

import cadrekit

AS_OF = dt.date(2016, 9, 22)  # every computation takes its as-of date
policy = cadrekit.Policy.default()
cal = cadrekit.WorkCalendar.china()

days = int(policy.value("disclosure.round1.window_working_days", AS_OF))  # a count of days
first, last = cal.window(dt.date(2016, 9, 30), days)
print(f"cadrekit {cadrekit.__version__}, profile {policy.name}")
print(f"disclosure posted 2016-09-30: {days} working days {first} .. {last}")

share = policy.value("audit.level1.min_share_per_year", AS_OF)  # a fractions.Fraction
print(f"level-1 audits due: {cadrekit.at_least_share(20, share)} of 20")

pay = policy.value("village.performance_pay.excellent", AS_OF)  # a decimal.Decimal, in yuan
assert isinstance(pay, Decimal)  # a parameter's Python type follows its unit (docs/policy.md)
print(f"performance pay 优秀: {cadrekit.format_money(pay)}  {policy.lookup('village.performance_pay.excellent', AS_OF)}")

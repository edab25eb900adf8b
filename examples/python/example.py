"""cadrekit from Python: a candidate's round-1 disclosure (KAILU.2) posted on 2016-09-30."""
import datetime as dt

import cadrekit

cal = cadrekit.WorkCalendar.china()
first, last = cal.window(dt.date(2016, 9, 30), 5)
print(f"cadrekit {cadrekit.__version__}: disclosure posted 2016-09-30: 5 working days {first} .. {last}")

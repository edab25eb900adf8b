// C ABI: the working-day calendar.
#include "cadrekit/core/calendar.hpp"

#include <cstdint>
#include <span>

#include "common.hpp"
#include "handles.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

extern "C" {

CK_API int ck_calendar_china(ck_calendar **out, int lenient) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = new ck_calendar(WorkCalendar::china(lenient != 0)); });
}

CK_API int ck_calendar_from_csv(ck_calendar **out, const char *csv, int lenient) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    *out = new ck_calendar(WorkCalendar::from_csv(text_arg(csv, "csv"), lenient != 0));
  });
}

CK_API int ck_calendar_with_csv(ck_calendar **out, const ck_calendar *cal, const char *csv) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = new ck_calendar(calendar_of(cal).with_csv(text_arg(csv, "csv"))); });
}

CK_API void ck_calendar_free(ck_calendar *cal) {
  if (cal == nullptr || cal->magic != kCalendarMagic) return;
  delete cal;
}

CK_API int ck_calendar_coverage(ck_date *out_first, ck_date *out_last, const ck_calendar *cal) {
  if (out_first == nullptr) return null_argument("out_first");
  if (out_last == nullptr) return null_argument("out_last");
  return guard([&] {
    auto cov = calendar_of(cal).coverage();
    *out_first = to_days(cov.first);
    *out_last = to_days(cov.last);
  });
}

CK_API int ck_calendar_is_working_day(int *out, const ck_calendar *cal, ck_date d) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = calendar_of(cal).is_working_day(date_arg(d, "d")) ? 1 : 0; });
}

CK_API int ck_calendar_add_working_days(ck_date *out, const ck_calendar *cal, ck_date from,
                                        int32_t n) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = calendar_of(cal).add_working_days_at(from, n, "from"); });
}

CK_API int ck_calendar_window(ck_date *out_first, ck_date *out_last, const ck_calendar *cal,
                              ck_date start, int32_t n) {
  if (out_first == nullptr) return null_argument("out_first");
  if (out_last == nullptr) return null_argument("out_last");
  return guard([&] {
    auto w = calendar_of(cal).window(date_arg(start, "start"), n);
    *out_first = to_days(w.first);
    *out_last = to_days(w.last);
  });
}

CK_API int ck_calendar_count_working_days(int32_t *out, const ck_calendar *cal, ck_date first,
                                          ck_date last) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    *out = calendar_of(cal).count_working_days(date_arg(first, "first"), date_arg(last, "last"));
  });
}

CK_API int ck_calendar_calendar_window(ck_date *out_first, ck_date *out_last,
                                       const ck_calendar *cal, ck_date start, int32_t n) {
  if (out_first == nullptr) return null_argument("out_first");
  if (out_last == nullptr) return null_argument("out_last");
  return guard([&] {
    auto w = calendar_of(cal).calendar_window(date_arg(start, "start"), n);
    *out_first = to_days(w.first);
    *out_last = to_days(w.last);
  });
}

CK_API int ck_calendar_add_working_days_columns(ck_calendar_add_working_days_out *out,
                                                const ck_calendar *cal,
                                                const ck_calendar_add_working_days_in *in) {
  return guard([&] {
    using In = ck_calendar_add_working_days_in;
    using Out = ck_calendar_add_working_days_out;
    const In i = read_struct(in, CK_FIRST_SIZE(In, n), "in");
    const Out o = read_struct(out, CK_FIRST_SIZE(Out, date), "out");
    const WorkCalendar &c = calendar_of(cal);
    auto from = column(i.from, i.len, "in.from");
    auto days = column(i.n, i.len, "in.n");
    auto dates = column(o.date, i.len, "out.date");
    if (i.len == 0) return;
    // The columnar call checks every row before it writes any: all or nothing, straight into
    // the caller's column (which may be in.from itself).
    c.add_working_days(std::span<const std::int32_t>(from), std::span<const std::int32_t>(days),
                       std::span<std::int32_t>(dates));
  });
}

CK_API int ck_calendar_count_working_days_columns(ck_calendar_count_working_days_out *out,
                                                  const ck_calendar *cal,
                                                  const ck_calendar_count_working_days_in *in) {
  return guard([&] {
    using In = ck_calendar_count_working_days_in;
    using Out = ck_calendar_count_working_days_out;
    const In i = read_struct(in, CK_FIRST_SIZE(In, last), "in");
    const Out o = read_struct(out, CK_FIRST_SIZE(Out, count), "out");
    const WorkCalendar &c = calendar_of(cal);
    auto first = column(i.first, i.len, "in.first");
    auto last = column(i.last, i.len, "in.last");
    auto count = column(o.count, i.len, "out.count");
    if (i.len == 0) return;
    c.count_working_days(std::span<const std::int32_t>(first), std::span<const std::int32_t>(last),
                         std::span<std::int32_t>(count));
  });
}

// Deprecated wrappers: the earlier signatures, kept until the SOVERSION changes.

CK_API int ck_calendar_add_working_days_batch(ck_date *out, const ck_calendar *cal,
                                              const ck_date *from, const int32_t *n,
                                              size_t len) {
  if (len > 0 && out == nullptr) return null_argument("out");
  if (len > 0 && from == nullptr) return null_argument("from");
  if (len > 0 && n == nullptr) return null_argument("n");
  ck_calendar_add_working_days_in in{sizeof in, len, from, n};
  ck_calendar_add_working_days_out o{sizeof o, out};
  return ck_calendar_add_working_days_columns(&o, cal, &in);
}

CK_API int ck_calendar_count_working_days_batch(int32_t *out, const ck_calendar *cal,
                                                const ck_date *first, const ck_date *last,
                                                size_t len) {
  if (len > 0 && out == nullptr) return null_argument("out");
  if (len > 0 && first == nullptr) return null_argument("first");
  if (len > 0 && last == nullptr) return null_argument("last");
  ck_calendar_count_working_days_in in{sizeof in, len, first, last};
  ck_calendar_count_working_days_out o{sizeof o, out};
  return ck_calendar_count_working_days_columns(&o, cal, &in);
}

}  // extern "C"

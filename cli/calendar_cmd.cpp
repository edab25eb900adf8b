// cadrekit calendar add-working-days DATE N | window DATE N | is-working-day DATE
// One answer per line, ISO dates. --lenient: weekends only outside the data's coverage.
// --holidays FILE: add a newly announced year (CSV date,is_off_day,name) to the calendar.
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"
#include "commands.hpp"
#include "table.hpp"

namespace cadrekit::cli {

namespace {
struct CalendarOpts {
  std::string date;
  int n = 0;
  bool lenient = false;
  std::string holidays;
};

WorkCalendar calendar(const CalendarOpts &o) {
  auto cal = WorkCalendar::china(o.lenient);
  // (read as every input file is: a regular file within the size limit, so that /dev/zero or a
  // FIFO is refused, not read until memory runs out)
  if (!o.holidays.empty()) cal = cal.with_csv(read_bytes(o.holidays), o.holidays);
  return cal;
}
}  // namespace

void add_calendar_commands(CLI::App &app, Common &, Action &action) {
  auto opts = std::make_shared<CalendarOpts>();
  auto *cal = app.add_subcommand("calendar", "the official working-day calendar of mainland China");
  cal->require_subcommand(1);
  cal->add_flag("--lenient", opts->lenient, "outside 2007–2026 count weekends only (and say so)");
  cal->add_option("--holidays", opts->holidays, "CSV of a newly announced year to add");

  auto *add = cal->add_subcommand("add-working-days", "the N-th working day after DATE (N<0: before)");
  add->add_option("DATE", opts->date)->required();
  add->add_option("N", opts->n)->required();
  add->callback([&action, opts] {
    action = [opts](std::ostream &out) {
      auto c = calendar(*opts);
      Date d = option_date(opts->date, "DATE");
      Date r = c.add_working_days(d, opts->n);
      out << to_iso(r) << (c.estimated(d, r) ? "\testimated" : "") << "\n";
    };
  });

  auto *win = cal->add_subcommand("window", "a notice period of N working days from DATE");
  win->add_option("DATE", opts->date)->required();
  win->add_option("N", opts->n)->required();
  win->callback([&action, opts] {
    action = [opts](std::ostream &out) {
      auto c = calendar(*opts);
      auto w = c.window(option_date(opts->date, "DATE"), opts->n);
      out << to_iso(w.first) << "\n" << to_iso(w.last) << (c.estimated(w.first, w.last) ? "\testimated" : "") << "\n";
    };
  });

  auto *is = cal->add_subcommand("is-working-day", "yes or no");
  is->add_option("DATE", opts->date)->required();
  is->callback([&action, opts] {
    action = [opts](std::ostream &out) {
      auto c = calendar(*opts);
      Date d = option_date(opts->date, "DATE");
      out << (c.is_working_day(d) ? "yes" : "no") << (c.estimated(d, d) ? "\testimated" : "") << "\n";
    };
  });
}

}  // namespace cadrekit::cli

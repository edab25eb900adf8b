// cadrekit from C++: the foundation every reform module stands on, on the source's own figures.
//  - KAILU.2: a round-1 disclosure posted on 2016-09-30 — its 5-working-day window;
//  - HOLINGOL.2: how many of Holingol's 20 level-1 units must be audited this year;
//  - JARUD.1: the performance pay of an 优秀 principal, with the explanation of where it comes from.
#include <cadrekit/cadrekit.hpp>

#include <iostream>

int main() {
  using namespace cadrekit;
  try {
    const Date as_of(2016, 9, 22);  // every computation takes its as-of date
    const auto policy = Policy::default_profile();
    const auto cal = WorkCalendar::china();

    Explanation ex("example");
    const auto days = policy.integer("disclosure.round1.window_working_days", as_of, &ex);
    const auto w = cal.window(Date(2016, 9, 30), static_cast<int>(days));
    std::cout << "disclosure posted 2016-09-30: " << days << " working days " << to_iso(w.first)
              << " .. " << to_iso(w.last) << "\n";

    const auto share = policy.share("audit.level1.min_share_per_year", as_of, &ex);
    std::cout << "level-1 audits due: at least " << share.to_string() << " of 20 = "
              << at_least_share(20, share) << "\n";

    const Money pay = policy.money("village.performance_pay.excellent", as_of, &ex);
    std::cout << "performance pay 优秀: " << pay.format() << "\n\n" << ex.to_text("en") << "\n";
  } catch (const Error &e) {
    std::cerr << "error (" << error_code_name(e.code()) << "): " << e.what() << "\n";
    return 1;
  }
  return 0;
}

// cadrekit from C++: a candidate's round-1 disclosure (KAILU.2) posted on 2016-09-30.
#include <cadrekit/cadrekit.hpp>

#include <iostream>

int main() {
  using namespace cadrekit;
  try {
    const auto cal = WorkCalendar::china();
    const Date posted(2016, 9, 30);
    const auto w = cal.window(posted, 5);
    std::cout << "disclosure posted " << to_iso(posted) << ": 5 working days " << to_iso(w.first)
              << " .. " << to_iso(w.last) << "\n";
  } catch (const Error &e) {
    std::cerr << "error (" << error_code_name(e.code()) << "): " << e.what() << "\n";
    return 1;
  }
  return 0;
}

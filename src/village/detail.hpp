// Private helpers of the village module: the rules resolved from a policy for one year, and the
// pay kernel shared by pay_sheet (objects) and pay_columns (columns).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cadrekit/village.hpp"
#include "village/columns.hpp"

namespace cadrekit::village::detail {

__extension__ typedef __int128 i128;  // exact intermediate products (GCC/Clang)

struct Fraction64 {
  std::int64_t num = 0;
  std::int64_t den = 1;
};

Fraction64 to_fraction64(const Rational &r, const char *what);

/// Every parameter the pay rules need, read once (values in force on 1 January of the year).
struct PayRules {
  Date as_of;
  Money band[3];  // small, medium, large
  std::int64_t medium_min = 0, large_min = 0;
  bool prorate_days = false;
  enum class PerfProration : std::uint8_t { none, whole_months, days } perf_proration = PerfProration::none;
  enum class Missing : std::uint8_t { error, no_grade, lowest } missing = Missing::no_grade;
  std::int32_t graded_day = 0;  // the grading date (31 December unless the sheet says)
  bool both_twice = false;
  Fraction64 wq, wa;
  std::int64_t key_den = 1;  // composite = key / key_den
  bool by_share = true;
  Fraction64 s1, s12;  // outstanding share, outstanding+good share
  Rounding share_rounding = Rounding::half_up;
  std::int64_t cut1_key = 0, cut2_key = 0;
  Money perf[3];  // excellent, basic, unqualified
  std::int32_t jan1 = 0, dec31 = 0;     // days of the pay year's ends
  std::int32_t month_first[12] = {};    // days of the 1st of each month of the pay year
  std::int64_t talk_days = 0, rectify_days = 0;  // deadlines of the actions for 不合格
};

PayRules load_pay_rules(const Policy &policy, int year);

/// Number of villages a cumulative share gives in a township of n graded villages.
std::int64_t share_count(const Fraction64 &s, std::int64_t n, Rounding mode);

int band_of(const PayRules &r, std::int64_t population);

/// Units of the year served (months counted on the 1st, or days) and the units of the year.
struct Units {
  std::int32_t served = 0;
  std::int32_t of_year = 12;
};
Units units_served(const PayRules &r, int year, std::int32_t from, std::int32_t to);
/// Units of performance pay by village.performance_pay.proration: months or days as for base
/// pay, or for `none` 1 of 1 when in post on the grading date, else 0 of 1.
Units performance_units(const PayRules &r, std::int32_t from, std::int32_t to);

/// The kernel. Validates every row before writing any output. `keys`, when not null, receives
/// each village's composite key (valid when graded). Scratch: one township's graded villages
/// when the villages come township by township, else one entry per graded village.
void compute(const PayColumnsIn &in, int year, const PayRules &rules, PayColumnsOut out,
             std::vector<std::int64_t> *keys = nullptr);

Money prorate(Money yearly, const Units &u);

/// An allocator whose resize() leaves new elements default-initialised (for numbers: not
/// written), for columns that are written whole right after they are sized: a million
/// principals' columns are not zeroed first.
template <class T>
struct DefaultInit : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = DefaultInit<U>;
  };
  DefaultInit() noexcept = default;
  template <class U>
  DefaultInit(const DefaultInit<U> &) noexcept {}
  template <class U>
  void construct(U *p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void *>(p)) U;
  }
  template <class U, class... Args>
  void construct(U *p, Args &&...args) {
    ::new (static_cast<void *>(p)) U(std::forward<Args>(args)...);
  }
};
template <class T>
using Column = std::vector<T, DefaultInit<T>>;

/// A pay sheet's storage: ids in one text block, everything else in columns.
struct SheetData {
  int year = 0;
  std::string text;                    // ids, back to back
  std::vector<std::uint32_t> v_off;    // V+1: village ids in text
  std::vector<std::uint32_t> t_off;    // T+1: township names (byte order) in text
  std::vector<std::uint32_t> c_off;    // P+1: cadre ids in text
  std::vector<std::int32_t> v_town;    // township index per village
  std::vector<std::int64_t> key;       // composite key per village (graded only)
  Column<std::int32_t> rank;
  Column<std::uint8_t> vgrade, present;
  std::vector<std::int32_t> graded_in;  // per township
  std::int64_t key_den = 1;
  Column<std::int32_t> p_village, from, to, units;
  Column<std::uint8_t> post, grade;
  Column<std::int64_t> base, perf, total;
  std::vector<std::int64_t> pi;        // public-institution pay per principal (empty: no holders)
  std::vector<std::int32_t> line_p;    // principal row of each line
  std::vector<Explanation> ex;         // per line, when explained
  std::int32_t dec31 = 0, graded_day = 0, period_units = 12;
  Date graded_on;
  std::int64_t talk_days = 0, rectify_days = 0;

  std::string_view slice(const std::vector<std::uint32_t> &off, std::size_t i) const {
    return std::string_view(text).substr(off[i], off[i + 1] - off[i]);
  }
  PayLine line(std::size_t k) const;
  std::array<Action, 2> actions() const;  // of an unqualified line in post on the grading date
  static const SheetData *of(const PaySheet &sheet) { return sheet.lines.d_.get(); }
  VillageResult village(std::size_t v) const;
  static PaySheet make(std::shared_ptr<const SheetData> d, std::vector<Totals> townships, Totals banner);
};

}  // namespace cadrekit::village::detail

// Python: the checked narrowing of an integer column (cadrekit._frames.int_column's common
// case): every value compared with the admitted range and converted in one pass over the
// column, not a pass for the least value, one for the greatest and one for the conversion;
// and a column of datetimes read as days the same way (days_of_datetimes, day_columns.hpp).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>

#include "bindings.hpp"
#include "day_columns.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

// `[lo, hi]` clipped to what S holds; false when no value of S lies in it.
template <class S>
bool range_in(std::int64_t lo, std::int64_t hi, S &lo_s, S &hi_s) {
  using L = std::numeric_limits<S>;
  if (lo > hi || std::cmp_greater(lo, L::max()) || std::cmp_less(hi, L::min())) return false;
  lo_s = std::cmp_less(lo, L::min()) ? L::min() : static_cast<S>(lo);
  hi_s = std::cmp_greater(hi, L::max()) ? L::max() : static_cast<S>(hi);
  return true;
}

// The values of `a` (C-contiguous, 1-D, of S) as a new array of D, or the index of the first
// value outside [lo, hi] (then nothing is returned). [lo, hi] must lie within D's range.
template <class S, class D>
py::tuple narrow_as(const py::array &a, std::int64_t lo, std::int64_t hi) {
  const auto n = static_cast<std::size_t>(a.shape(0));
  const S *v = static_cast<const S *>(a.data());
  S lo_s{}, hi_s{};
  if (!range_in<S>(lo, hi, lo_s, hi_s))
    return n == 0 ? py::make_tuple(py::array_t<D>(0), -1) : py::make_tuple(py::none(), 0);
  py::array_t<D> out(static_cast<py::ssize_t>(n));
  D *o = out.mutable_data();
  bool bad = false;
  {
    py::gil_scoped_release release;
    using U = std::make_unsigned_t<S>;
    constexpr U top = U{1} << (8 * sizeof(U) - 1);
    const U span = static_cast<U>(static_cast<U>(hi_s) - static_cast<U>(lo_s));
    if (sizeof(S) == 8 && span < top) {
      // Without a 64-bit comparison, which baseline x86-64 (SSE2) lacks, so that the compiler
      // vectorises the loop: x = v - lo and span - x both stay below 2^63 exactly when v lies
      // in [lo, hi] (span < 2^63), so their top bits, or-ed over the column, flag a bad value.
      U acc = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const U x = static_cast<U>(static_cast<U>(v[i]) - static_cast<U>(lo_s));
        acc |= x | static_cast<U>(span - x);
        o[i] = static_cast<D>(v[i]);
      }
      bad = (acc & top) != 0;
    } else {
      for (std::size_t i = 0; i < n; ++i) {  // branch-free: the compiler vectorises it
        bad |= (v[i] < lo_s) | (v[i] > hi_s);
        o[i] = static_cast<D>(v[i]);
      }
    }
  }
  if (!bad) return py::make_tuple(std::move(out), -1);
  std::size_t i = 0;
  while (v[i] >= lo_s && v[i] <= hi_s) ++i;
  return py::make_tuple(py::none(), static_cast<py::ssize_t>(i));
}

// Dispatched on kind and size, not on the dtype object: NumPy has two 64-bit integer dtypes
// (long and long long) that are different objects of the same layout.
template <class D>
py::tuple narrow_to(const py::array &a, std::int64_t lo, std::int64_t hi) {
  const py::dtype t = a.dtype();
  const bool sign = t.kind() == 'i';
  if ((sign || t.kind() == 'u') && (t.byteorder() == '=' || t.byteorder() == '|')) {
    switch (t.itemsize()) {
      case 1: return sign ? narrow_as<std::int8_t, D>(a, lo, hi) : narrow_as<std::uint8_t, D>(a, lo, hi);
      case 2: return sign ? narrow_as<std::int16_t, D>(a, lo, hi) : narrow_as<std::uint16_t, D>(a, lo, hi);
      case 4: return sign ? narrow_as<std::int32_t, D>(a, lo, hi) : narrow_as<std::uint32_t, D>(a, lo, hi);
      case 8: return sign ? narrow_as<std::int64_t, D>(a, lo, hi) : narrow_as<std::uint64_t, D>(a, lo, hi);
      default: break;
    }
  }
  throw py::type_error("narrow_int takes an array of a fixed-size integer dtype in native byte order");
}

py::tuple narrow_int(const py::array &a, const py::dtype &to, std::int64_t lo, std::int64_t hi) {
  if (a.ndim() != 1 || !(a.flags() & py::array::c_style))
    throw py::type_error("narrow_int takes a C-contiguous one-dimensional array");
  auto within = [&](auto d) {
    using D = decltype(d);
    if (!std::in_range<D>(lo) || !std::in_range<D>(hi))
      throw py::value_error("narrow_int: lo..hi must lie within the target dtype");
    return narrow_to<D>(a, lo, hi);
  };
  const bool sign = to.kind() == 'i';
  if (sign || to.kind() == 'u') {
    switch (to.itemsize()) {
      case 1: return sign ? within(std::int8_t{}) : within(std::uint8_t{});
      case 2: return sign ? within(std::int16_t{}) : within(std::uint16_t{});
      case 4: return sign ? within(std::int32_t{}) : within(std::uint32_t{});
      case 8: if (sign) return within(std::int64_t{}); break;
      default: break;
    }
  }
  throw py::type_error("narrow_int converts to int8…int64 or uint8…uint32");
}

}  // namespace

void init_columns(py::module_ &m) {
  m.def("narrow_int", &narrow_int, py::arg("values"), py::arg("dtype"), py::arg("lo"), py::arg("hi"),
        "(values as a new array of dtype, -1) when every value lies in lo..hi (both within "
        "dtype's range), else (None, index of the first value outside). values: a C-contiguous "
        "one-dimensional array of a fixed-size integer dtype.");
  m.def(
      "days_as_ns",
      [](const py::array &days) {
        // what pandas holds: datetime64[ns], NaT kept; one pass, where NumPy's cast checks each
        // value for overflow in a slower loop
        if (days.ndim() != 1 || !days.dtype().equal(day_dtype()) || !(days.flags() & py::array::c_style))
          throw py::type_error("days_as_ns takes a C-contiguous one-dimensional datetime64[D] array");
        const auto n = static_cast<std::size_t>(days.size());
        py::array ns = py::module_::import("numpy").attr("empty")(n, "datetime64[ns]");
        const auto *d = static_cast<const std::int64_t *>(days.data());
        auto *o = static_cast<std::int64_t *>(ns.mutable_data());
        constexpr std::int64_t kNaT = INT64_MIN, kPerDay = 86400000000000, kMax = INT64_MAX / kPerDay;
        bool outside = false;
        for (std::size_t i = 0; i < n; ++i) {
          const std::int64_t x = d[i];
          outside |= (x != kNaT) & ((x > kMax) | (x < -kMax));
          // unsigned: a day beyond the range wraps (then refused below) instead of overflowing
          o[i] = x == kNaT ? kNaT : static_cast<std::int64_t>(static_cast<std::uint64_t>(x) * kPerDay);
        }
        if (outside) throw py::value_error("days_as_ns: a day beyond datetime64[ns]'s years");
        return ns;
      },
      py::arg("days"), "datetime64[D] -> datetime64[ns] (NaT kept); ValueError beyond 1677…2262.");
  m.def("datetime_days", &days_of_datetimes, py::arg("values"),
        "(days as datetime64[D], the first row from 0 with a time of day or -1) of a datetime64 "
        "array, NaT kept: one pass for a column of s, ms, us or ns, NumPy's cast for another.");
}

}  // namespace cadrekit::python

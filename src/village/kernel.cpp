// The pay kernel of JARUD.1 on columns: composite scores, grading within each township, base
// and performance pay. One implementation for pay_sheet and pay_columns.
#include <algorithm>
#include <climits>
#include <limits>
#include <numeric>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "detail.hpp"

namespace cadrekit::village::detail {

namespace {

std::int64_t to_i64(i128 v, const char *field, std::int64_t row) {
  if (v > std::numeric_limits<std::int64_t>::max() || v < std::numeric_limits<std::int64_t>::min())
    throw InvalidInput("value overflows the exact range", field, "row " + std::to_string(row + 1),
                       ErrorCode::overflow);
  return static_cast<std::int64_t>(v);
}

Rounding parse_rounding(const std::string &t) {
  if (t == "half_up") return Rounding::half_up;
  if (t == "floor") return Rounding::floor;
  if (t == "ceil") return Rounding::ceil;
  throw PolicyError("village.grade.share_rounding must be half_up, floor or ceil",
                    "village.grade.share_rounding");
}

}  // namespace

Fraction64 to_fraction64(const Rational &r, const char *what) {
  const auto &n = boost::multiprecision::numerator(r);
  const auto &d = boost::multiprecision::denominator(r);
  constexpr std::int64_t lim = std::int64_t{1} << 40;
  if (n > lim || n < -lim || d > lim)
    throw PolicyError("parameter is too fine-grained for exact village arithmetic", what);
  return {n.convert_to<std::int64_t>(), d.convert_to<std::int64_t>()};
}

PayRules load_pay_rules(const Policy &p, int year) {
  PayRules r;
  r.as_of = make_date(year, 1, 1, "year");
  r.band[0] = p.money("village.base_pay.small", r.as_of);
  r.band[1] = p.money("village.base_pay.medium", r.as_of);
  r.band[2] = p.money("village.base_pay.large", r.as_of);
  r.medium_min = p.integer("village.base_pay.medium_min_population", r.as_of);
  r.large_min = p.integer("village.base_pay.large_min_population", r.as_of);
  if (r.large_min < r.medium_min)
    throw PolicyError("village.base_pay.large_min_population is below medium_min_population",
                      "village.base_pay.large_min_population");
  const auto pr = p.text("village.base_pay.proration", r.as_of);
  if (pr == "days")
    r.prorate_days = true;
  else if (pr != "whole_months")
    throw PolicyError("village.base_pay.proration must be whole_months or days",
                      "village.base_pay.proration");
  const auto ppr = p.text("village.performance_pay.proration", r.as_of);
  if (ppr == "none")
    r.perf_proration = PayRules::PerfProration::none;
  else if (ppr == "whole_months")
    r.perf_proration = PayRules::PerfProration::whole_months;
  else if (ppr == "days")
    r.perf_proration = PayRules::PerfProration::days;
  else
    throw PolicyError("village.performance_pay.proration must be none, whole_months or days",
                      "village.performance_pay.proration");
  const auto miss = p.text("village.score.missing", r.as_of);
  if (miss == "error")
    r.missing = PayRules::Missing::error;
  else if (miss == "no_grade")
    r.missing = PayRules::Missing::no_grade;
  else if (miss == "lowest")
    r.missing = PayRules::Missing::lowest;
  else
    throw PolicyError("village.score.missing must be error, no_grade or lowest", "village.score.missing");
  const auto both = p.text("village.both_posts.paid", r.as_of);
  if (both == "twice")
    r.both_twice = true;
  else if (both != "once")
    throw PolicyError("village.both_posts.paid must be once or twice", "village.both_posts.paid");
  const Rational wq = p.decimal("village.score.quarterly_weight", r.as_of);
  const Rational wa = p.decimal("village.score.annual_weight", r.as_of);
  if (wq < 0 || wa < 0)
    throw PolicyError("village score weights must not be negative", "village.score.quarterly_weight");
  r.wq = to_fraction64(wq, "village.score.quarterly_weight");
  r.wa = to_fraction64(wa, "village.score.annual_weight");
  // composite = wq·(q1+q2+q3+q4)/4 + wa·a, scores × score_scale
  //           = (wq.num·wa.den·Σq + 4·wa.num·wq.den·a) / (4·wq.den·wa.den·score_scale)
  r.key_den = 4 * r.wq.den * r.wa.den * score_scale;
  const auto method = p.text("village.grade.method", r.as_of);
  if (method == "share") {
    r.by_share = true;
    const Rational s1 = p.share("village.grade.outstanding_share", r.as_of).value();
    const Rational s2 = p.share("village.grade.good_share", r.as_of).value();
    if (s1 + s2 > 1)
      throw PolicyError("village grade shares add up to more than 100%", "village.grade.good_share");
    r.s1 = to_fraction64(s1, "village.grade.outstanding_share");
    r.s12 = to_fraction64(s1 + s2, "village.grade.good_share");
    r.share_rounding = parse_rounding(p.text("village.grade.share_rounding", r.as_of));
  } else if (method == "cutoff") {
    r.by_share = false;
    const Rational c1 = p.decimal("village.grade.outstanding_min_score", r.as_of);
    const Rational c2 = p.decimal("village.grade.good_min_score", r.as_of);
    if (c2 > c1)
      throw PolicyError("village.grade.good_min_score is above outstanding_min_score",
                        "village.grade.good_min_score");
    r.cut1_key = round_to_int(c1 * r.key_den, Rounding::ceil);
    r.cut2_key = round_to_int(c2 * r.key_den, Rounding::ceil);
  } else {
    throw PolicyError("village.grade.method must be share or cutoff", "village.grade.method");
  }
  r.perf[0] = p.money("village.performance_pay.excellent", r.as_of);
  r.perf[1] = p.money("village.performance_pay.basic", r.as_of);
  r.perf[2] = p.money("village.performance_pay.unqualified", r.as_of);
  r.talk_days = p.integer("village.admonishment_talk.within_days", r.as_of);
  r.rectify_days = p.integer("village.rectification.within_days", r.as_of);
  if (r.talk_days < 0 || r.talk_days > 3660 || r.rectify_days < 0 || r.rectify_days > 3660)
    throw PolicyError("village action deadlines must be 0 .. 3660 days", "village.rectification.within_days");
  r.jan1 = to_days(r.as_of);
  r.dec31 = to_days(make_date(year, 12, 31, "year"));
  r.graded_day = r.dec31;
  for (int m = 0; m < 12; ++m) r.month_first[m] = to_days(make_date(year, m + 1, 1, "year"));
  return r;
}

std::int64_t share_count(const Fraction64 &s, std::int64_t n, Rounding mode) {
  const i128 x = static_cast<i128>(s.num) * n;
  switch (mode) {
    case Rounding::floor: return static_cast<std::int64_t>(x / s.den);
    case Rounding::ceil: return static_cast<std::int64_t>((x + s.den - 1) / s.den);
    default: return static_cast<std::int64_t>((2 * x + s.den) / (2 * static_cast<i128>(s.den)));
  }
}

int band_of(const PayRules &r, std::int64_t population) {
  if (population >= r.large_min) return 2;
  if (population >= r.medium_min) return 1;
  return 0;
}

namespace {
Units whole_months_served(const PayRules &r, std::int32_t from, std::int32_t to) {
  // each month is paid whole to the principal in post on its first day
  std::int32_t n = 0;
  for (int m = 0; m < 12; ++m)
    if (from <= r.month_first[m] && r.month_first[m] <= to) ++n;
  return {n, 12};
}
Units days_served(const PayRules &r, std::int32_t from, std::int32_t to) {
  const std::int32_t a = std::max(from, r.jan1), b = std::min(to, r.dec31);
  return {b >= a ? b - a + 1 : 0, r.dec31 - r.jan1 + 1};
}
}  // namespace

Units performance_units(const PayRules &r, std::int32_t from, std::int32_t to) {
  switch (r.perf_proration) {
    case PayRules::PerfProration::whole_months: return whole_months_served(r, from, to);
    case PayRules::PerfProration::days: return days_served(r, from, to);
    default: {
      const bool graded = from <= r.graded_day && r.graded_day <= to;
      return {graded ? 1 : 0, 1};
    }
  }
}

Units units_served(const PayRules &r, int /*year*/, std::int32_t from, std::int32_t to) {
  if (r.prorate_days) {
    const std::int32_t a = std::max(from, r.jan1), b = std::min(to, r.dec31);
    return {b >= a ? b - a + 1 : 0, r.dec31 - r.jan1 + 1};
  }
  // whole_months: each month is paid whole to the principal in post on its first day.
  std::int32_t n = 0;
  for (int m = 0; m < 12; ++m)
    if (from <= r.month_first[m] && r.month_first[m] <= to) ++n;
  return {n, 12};
}

Money prorate(Money yearly, const Units &u) {
  if (u.served == u.of_year) return yearly;
  const i128 x = static_cast<i128>(yearly.fen()) * u.served;
  // half_up to the fen (amounts are not negative)
  const i128 q = (2 * x + u.of_year) / (2 * static_cast<i128>(u.of_year));
  return Money::from_fen(static_cast<std::int64_t>(q));
}

namespace {

// A graded village while its township is ranked: the composite key and the village row.
struct Keyed {
  std::int64_t key;
  std::int32_t v;
};

// Ranks and grades one township's graded villages, given in ascending village row order.
void grade_township(Keyed *b, Keyed *e, const PayRules &r, const PayColumnsOut &out,
                    std::vector<std::uint64_t> &codes) {
  const std::int64_t n = e - b;
  if (n == 0) return;
  const std::int64_t c1 = r.by_share ? share_count(r.s1, n, r.share_rounding) : 0;
  const std::int64_t c12 = r.by_share ? share_count(r.s12, n, r.share_rounding) : 0;
  // The i-th village in order (key descending, then village row ascending) gets its rank and
  // grade; `key_at(i)` and `v_at(i)` read the sorted order.
  auto assign = [&](auto key_at, auto v_at) {
    std::int64_t rank = 1;
    for (std::int64_t i = 0; i < n; ++i) {
      const std::int64_t key = key_at(i);
      if (i > 0 && key != key_at(i - 1)) rank = i + 1;  // competition ranking: ties share
      TeamGrade g;
      if (r.by_share)
        g = rank <= c1 ? TeamGrade::outstanding : rank <= c12 ? TeamGrade::good : TeamGrade::ordinary;
      else
        g = key >= r.cut1_key   ? TeamGrade::outstanding
            : key >= r.cut2_key ? TeamGrade::good
                                : TeamGrade::ordinary;
      const auto v = static_cast<std::size_t>(v_at(i));
      out.village_team_grade[v] = static_cast<std::uint8_t>(g);
      out.village_rank[v] = static_cast<std::int32_t>(rank);
    }
  };
  // When the keys fit in 40 bits and the township in 23, key and position go into one 64-bit
  // word ((2^40 - 1 - key) · 2^23 + position; positions follow the village rows), and a plain
  // array of words is sorted.
  constexpr int kPosBits = 23;
  constexpr std::uint64_t kPosMask = (std::uint64_t{1} << kPosBits) - 1;
  constexpr std::int64_t kKeyMax = (std::int64_t{1} << 40) - 1;
  bool packed = n <= static_cast<std::int64_t>(kPosMask);
  for (std::int64_t i = 0; i < n && packed; ++i) packed = b[i].key >= 0 && b[i].key <= kKeyMax;
  if (packed) {
    codes.resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
      codes[static_cast<std::size_t>(i)] =
          (static_cast<std::uint64_t>(kKeyMax - b[i].key) << kPosBits) | static_cast<std::uint64_t>(i);
    std::sort(codes.begin(), codes.end());
    assign([&](std::int64_t i) { return kKeyMax - static_cast<std::int64_t>(codes[static_cast<std::size_t>(i)] >> kPosBits); },
           [&](std::int64_t i) { return b[codes[static_cast<std::size_t>(i)] & kPosMask].v; });
  } else {
    std::sort(b, e, [](const Keyed &x, const Keyed &y) { return x.key != y.key ? x.key > y.key : x.v < y.v; });
    assign([&](std::int64_t i) { return b[i].key; }, [&](std::int64_t i) { return b[i].v; });
  }
}

}  // namespace

void compute(const PayColumnsIn &in, int year, const PayRules &r, PayColumnsOut out,
             std::vector<std::int64_t> *keys_out) {
  const std::size_t V = in.village_township.size();
  const std::size_t P = in.principal_village.size();
  auto need = [](std::size_t got, std::size_t want, const char *col) {
    if (got != want)
      throw InvalidInput("column has " + std::to_string(got) + " rows, expected " +
                             std::to_string(want),
                         col);
  };
  need(in.population.size(), V, "population");
  need(in.scores.size(), 5 * V, "scores");
  need(in.score_present.size(), V, "score_present");
  need(in.post.size(), P, "post");
  need(in.served_from.size(), P, "served_from");
  need(in.served_to.size(), P, "served_to");
  need(out.village_team_grade.size(), V, "village_team_grade");
  need(out.village_rank.size(), V, "village_rank");
  need(out.base_fen.size(), P, "base_fen");
  need(out.performance_fen.size(), P, "performance_fen");
  need(out.total_fen.size(), P, "total_fen");
  need(out.grade.size(), P, "grade");
  need(out.units.size(), P, "units");
  if (V > static_cast<std::size_t>(INT32_MAX) || P > static_cast<std::size_t>(INT32_MAX))
    throw InvalidInput("too many rows", "villages");

  // composite key = kq·(q1+q2+q3+q4) + ka·a (see load_pay_rules). When the largest key the
  // scores allow fits in 64 bits, no row needs the overflow check.
  const std::int64_t kq = r.wq.num * r.wa.den, ka = 4 * r.wa.num * r.wq.den;
  constexpr std::int64_t max_score = 1000000 * score_scale;
  const bool keys_fit = static_cast<i128>(4) * max_score * kq + static_cast<i128>(max_score) * ka <=
                        std::numeric_limits<std::int64_t>::max();
  auto graded = [&](std::size_t v) { return (in.score_present[v] & 0x1F) == 0x1F; };
  auto key_of = [&](std::size_t v) {
    const std::int64_t *s = in.scores.data() + 5 * v;
    const i128 sq = static_cast<i128>(s[0]) + s[1] + s[2] + s[3];
    return sq * kq + static_cast<i128>(s[4]) * ka;
  };

  // Validate every village and principal before any output is written (outputs untouched on
  // failure); note whether the villages come township by township (the usual layout).
  std::int32_t n_town = 0;
  bool by_township = true;
  for (std::size_t v = 0; v < V; ++v) {
    const std::int32_t t = in.village_township[v];
    if (t < 0 || static_cast<std::size_t>(t) >= V)
      throw InvalidInput("township index must be 0 .. villages - 1", "village_township",
                         "row " + std::to_string(v + 1));
    if (v > 0 && t != in.village_township[v - 1] && t < n_town) by_township = false;
    n_town = std::max(n_town, t + 1);
    if (in.population[v] < 0)
      throw InvalidInput("population is negative", "population", "row " + std::to_string(v + 1));
    if (!graded(v) && r.missing == PayRules::Missing::error)
      throw InvalidInput("scores of the year are missing (village.score.missing = error)", "score_present",
                         "row " + std::to_string(v + 1));
    if (!graded(v)) continue;
    for (int i = 0; i < 5; ++i) {
      const std::int64_t s = in.scores[5 * v + i];
      if (s < 0 || s > max_score)
        throw InvalidInput("score is outside 0 .. 1,000,000", "scores", "row " + std::to_string(v + 1));
    }
    if (!keys_fit) to_i64(key_of(v), "scores", static_cast<std::int64_t>(v));
  }
  for (std::size_t i = 0; i < P; ++i) {
    const std::int32_t v = in.principal_village[i];
    if (v < 0 || static_cast<std::size_t>(v) >= V)
      throw InvalidInput("village row out of range", "principal_village", "row " + std::to_string(i + 1));
    if (in.post[i] > 2)
      throw InvalidInput("post must be 0, 1 or 2", "post", "row " + std::to_string(i + 1));
    if (in.served_to[i] < in.served_from[i])
      throw InvalidInput("served_to is before served_from", "served_to", "row " + std::to_string(i + 1));
  }
  if (keys_out != nullptr) {
    keys_out->assign(V, 0);
    for (std::size_t v = 0; v < V; ++v)
      if (graded(v)) (*keys_out)[v] = static_cast<std::int64_t>(key_of(v));
  }

  // Rank and grade each township's graded villages.
  for (std::size_t v = 0; v < V; ++v) {
    out.village_team_grade[v] = static_cast<std::uint8_t>(TeamGrade::not_graded);
    out.village_rank[v] = 0;
  }
  std::vector<Keyed> buf;
  std::vector<std::uint64_t> codes;
  if (by_township) {
    // Each township's villages are one run of rows: rank it in a small buffer, reused.
    for (std::size_t a = 0; a < V;) {
      std::size_t b = a;
      buf.clear();
      for (; b < V && in.village_township[b] == in.village_township[a]; ++b)
        if (graded(b)) buf.push_back({static_cast<std::int64_t>(key_of(b)), static_cast<std::int32_t>(b)});
      grade_township(buf.data(), buf.data() + buf.size(), r, out, codes);
      a = b;
    }
  } else {
    // Townships interleaved: group the graded villages by township (counting sort).
    std::vector<std::int32_t> start(static_cast<std::size_t>(n_town) + 1, 0);
    for (std::size_t v = 0; v < V; ++v)
      if (graded(v)) ++start[static_cast<std::size_t>(in.village_township[v]) + 1];
    for (std::int32_t t = 0; t < n_town; ++t) start[t + 1] += start[t];
    buf.resize(static_cast<std::size_t>(start[n_town]));
    {
      std::vector<std::int32_t> pos(start.begin(), start.end() - 1);
      for (std::size_t v = 0; v < V; ++v)
        if (graded(v))
          buf[static_cast<std::size_t>(pos[in.village_township[v]]++)] = {
              static_cast<std::int64_t>(key_of(v)), static_cast<std::int32_t>(v)};
    }
    for (std::int32_t t = 0; t < n_town; ++t)
      grade_township(buf.data() + start[t], buf.data() + start[t + 1], r, out, codes);
  }
  // A village missing a score and village.score.missing = lowest: graded 一般, unranked.
  if (r.missing == PayRules::Missing::lowest)
    for (std::size_t v = 0; v < V; ++v)
      if (!graded(v)) out.village_team_grade[v] = static_cast<std::uint8_t>(TeamGrade::ordinary);

  // Pay per principal. A whole year is the yearly amount; whole months take the prorated
  // amount from a table made once (13 month counts), days prorate per row (half_up, exact).
  Money base_tab[3][13], perf_tab[3][13];
  for (int k = 0; k < 3; ++k)
    for (std::int32_t m = 0; m <= 12; ++m) {
      base_tab[k][m] = prorate(r.band[k], {m, 12});
      perf_tab[k][m] = prorate(r.perf[k], {m, 12});
    }
  Grade grade_of[4];
  for (int t = 0; t < 4; ++t) grade_of[t] = personal_grade(static_cast<TeamGrade>(t));
  for (std::size_t i = 0; i < P; ++i) {
    const auto v = static_cast<std::size_t>(in.principal_village[i]);
    const std::int32_t from = in.served_from[i], to = in.served_to[i];
    const int band = band_of(r, in.population[v]);
    const Grade g = grade_of[out.village_team_grade[v] & 3];
    const bool graded_p = g != Grade::not_graded;
    const auto gi = graded_p ? static_cast<int>(g) : 0;
    Money base, perf;
    std::int32_t served;
    if (from <= r.jan1 && to >= r.dec31) {  // the whole year
      served = r.prorate_days ? r.dec31 - r.jan1 + 1 : 12;
      base = r.band[band];
    } else if (!r.prorate_days) {
      served = units_served(r, year, from, to).served;
      base = base_tab[band][served];
    } else {
      const Units u = units_served(r, year, from, to);
      served = u.served;
      base = prorate(r.band[band], u);
    }
    // Performance pay by its own proration (village.performance_pay.proration).
    if (!graded_p) {
      perf = Money{};
    } else if (from <= r.jan1 && to >= r.dec31 && to >= r.graded_day && from <= r.graded_day) {
      perf = r.perf[gi];
    } else {
      const Units pu = performance_units(r, from, to);
      perf = r.perf_proration == PayRules::PerfProration::whole_months ? perf_tab[gi][pu.served]
                                                                        : prorate(r.perf[gi], pu);
    }
    if (in.post[i] == 2 && r.both_twice) {
      base = base * 2;
      perf = perf * 2;
    }
    out.units[i] = served;
    out.base_fen[i] = base.fen();
    out.performance_fen[i] = perf.fen();
    out.total_fen[i] = (base + perf).fen();
    out.grade[i] = static_cast<std::uint8_t>(g);
  }
}

}  // namespace cadrekit::village::detail

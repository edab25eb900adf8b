// JARUD.1 structured pay: the model's codes, the pay sheet with explanations, publicity windows.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "cadrekit/village.hpp"
#include "core/id_index.hpp"
#include "detail.hpp"

namespace cadrekit::village {

using detail::PayRules;

const char *post_code(Post p) noexcept {
  switch (p) {
    case Post::secretary: return "secretary";
    case Post::director: return "director";
    case Post::both: return "both";
  }
  return "?";
}

Post parse_post(std::string_view c, std::string_view record) {
  return static_cast<Post>(vocabulary::parse_code(vocabulary::village_posts(), c, "post", record));
}

// Team grades are only ever output; the labels sit here, beside the vocabulary's principal grades.
namespace {
constexpr vocabulary::Code kTeamGrades[] = {{"outstanding", "实绩突出", "Outstanding", ""},
                                            {"good", "比较突出", "Good", ""},
                                            {"ordinary", "一般", "Ordinary", ""},
                                            {"not_graded", "未评定", "Not graded", ""}};
// The vocabulary's strings are literals, so their data() is NUL-terminated.
const vocabulary::Code &grade_entry(Grade g) noexcept {
  return vocabulary::village_grades().codes[static_cast<std::size_t>(g) & 3];
}
}  // namespace

const char *team_grade_code(TeamGrade g) noexcept { return kTeamGrades[static_cast<int>(g) & 3].code.data(); }
const char *team_grade_zh(TeamGrade g) noexcept { return kTeamGrades[static_cast<int>(g) & 3].zh.data(); }
const char *team_grade_en(TeamGrade g) noexcept { return kTeamGrades[static_cast<int>(g) & 3].en.data(); }
const char *grade_code(Grade g) noexcept { return grade_entry(g).code.data(); }
const char *grade_zh(Grade g) noexcept { return grade_entry(g).zh.data(); }
const char *grade_en(Grade g) noexcept { return grade_entry(g).en.data(); }
Grade parse_grade(std::string_view t, std::string_view record) {
  return static_cast<Grade>(vocabulary::parse_code(vocabulary::village_grades(), t, "grade", record));
}
std::string actions_text(std::span<const Action> actions) {
  std::string s;
  for (const auto &a : actions) {
    if (!s.empty()) s += ';';
    s.append(a.kind).append(":").append(to_iso(a.due));
  }
  return s;
}
Grade personal_grade(TeamGrade g) noexcept {
  switch (g) {
    case TeamGrade::outstanding: return Grade::excellent;
    case TeamGrade::good: return Grade::basic;
    case TeamGrade::ordinary: return Grade::unqualified;
    default: return Grade::not_graded;
  }
}

void pay_columns(const PayColumnsIn &in, int year, const Policy &policy, PayColumnsOut out) {
  const PayRules rules = detail::load_pay_rules(policy, year);
  detail::compute(in, year, rules, out);
}

DateRange publicity_window(Date start, const Policy &policy, Explanation *ex) {
  const auto days = policy.integer("village.publicity_days", start, ex);
  if (days < 1 || days > 366) throw PolicyError("village.publicity_days out of range", "village.publicity_days");
  return WorkCalendar::china(true).calendar_window(start, static_cast<int>(days));
}

std::array<DateRange, 4> quarterly_publicity_windows(int year, const Policy &policy,
                                                     const std::optional<std::array<Date, 4>> &starts) {
  std::array<DateRange, 4> w;
  for (int q = 0; q < 4; ++q) {
    const Date s = starts ? (*starts)[q]
                          : (q < 3 ? make_date(year, 3 * q + 4, 1, "year") : make_date(year + 1, 1, 1, "year"));
    w[q] = publicity_window(s, policy);
  }
  return w;
}

namespace {

struct ParsedPeriod {
  int year;
  int index;  // 0..3 quarters, 4 annual
};

ParsedPeriod parse_period(std::string_view p, std::size_t row) {
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto year4 = [](std::string_view s) {
    return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  };
  if (p.size() == 4 && digits(p)) return {year4(p), 4};
  if (p.size() == 6 && digits(p.substr(0, 4)) && (p[4] == 'Q' || p[4] == 'q') && p[5] >= '1' &&
      p[5] <= '4')
    return {year4(p), p[5] - '1'};
  // any other spelling of the vocabulary (2016年第二季度, 2016年, …)
  const vocabulary::Period v = vocabulary::parse_period(p, "period", "scores[" + std::to_string(row) + "]");
  return {v.year, v.quarter == 0 ? 4 : v.quarter - 1};
}

std::string period_name(int year, int i) {
  return i == 4 ? std::to_string(year) : std::to_string(year) + "Q" + std::to_string(i + 1);
}

std::string yuan(Money m) { return m.to_decimal_string(); }

const char *band_zh(int b) { return b == 0 ? "人口较少" : b == 1 ? "人口中等" : "人口较多"; }
const char *band_en(int b) { return b == 0 ? "small" : b == 1 ? "medium" : "large"; }
const char *band_param(int b) {
  return b == 0 ? "village.base_pay.small" : b == 1 ? "village.base_pay.medium" : "village.base_pay.large";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Scores as fixed-point integers (exact: at most 4 decimal places)
// ---------------------------------------------------------------------------------------------

ScoreValue score_value(const Rational &score) noexcept {
  const auto &num = boost::multiprecision::numerator(score);
  const auto &den = boost::multiprecision::denominator(score);
  constexpr std::int64_t max_fixed = 1000000 * score_scale;
  if (den > score_scale) return {0, ScoreValue::Status::too_precise};
  const auto d = den.convert_to<std::int64_t>();
  if (score_scale % d != 0) return {0, ScoreValue::Status::too_precise};
  if (num < 0 || num > max_fixed) return {0, ScoreValue::Status::out_of_range};
  const std::int64_t f = num.convert_to<std::int64_t>() * (score_scale / d);
  if (f > max_fixed) return {0, ScoreValue::Status::out_of_range};
  return {f, ScoreValue::Status::ok};
}

ScoreValue parse_score(std::string_view t) {
  // Fast path: [+-]?digits(.digits)? with no spaces or separators, up to 12 integer digits.
  std::size_t i = 0;
  bool neg = false;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
  std::int64_t ip = 0, fp = 0;
  int ni = 0, nf = 0;
  bool fast = true;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9' && ni < 13) ip = ip * 10 + (t[i++] - '0'), ++ni;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9' && nf < 19) {
      if (nf < 4) fp = fp * 10 + (t[i] - '0');
      else if (t[i] != '0') fast = false;  // a nonzero 5th place: let the exact path decide
      ++i, ++nf;
    }
    if (nf == 0) fast = false;
  }
  if (ni == 0 || ni > 12 || i != t.size()) fast = false;
  if (!fast) return score_value(parse_decimal(t, "score"));
  for (int k = nf; k < 4; ++k) fp *= 10;
  const std::int64_t f = ip * score_scale + fp;
  if (neg && f != 0) return {0, ScoreValue::Status::out_of_range};
  if (f > 1000000 * score_scale) return {0, ScoreValue::Status::out_of_range};
  return {f, ScoreValue::Status::ok};
}

// ---------------------------------------------------------------------------------------------
// The sheet's storage and its views
// ---------------------------------------------------------------------------------------------

namespace detail {

PayLine SheetData::line(std::size_t k) const {
  const auto p = static_cast<std::size_t>(line_p[k]);
  const auto v = static_cast<std::size_t>(p_village[p]);
  PayLine l;
  l.principal = p;
  l.village = v;
  l.cadre_id = slice(c_off, p);
  l.village_id = slice(v_off, v);
  l.township = slice(t_off, static_cast<std::size_t>(v_town[v]));
  l.post = static_cast<Post>(post[p]);
  l.months = units[p];
  l.period_units = period_units;
  l.base = Money::from_fen(base[p]);
  l.performance = Money::from_fen(perf[p]);
  if (!pi.empty()) l.public_institution = Money::from_fen(pi[p]);
  l.total = Money::from_fen(total[p]);
  l.team_grade = static_cast<TeamGrade>(vgrade[v]);
  l.grade = static_cast<Grade>(grade[p]);
  l.served_from = from_days(from[p]);
  if (to[p] != INT32_MAX) l.served_to = from_days(to[p]);
  l.in_post_at_year_end = from[p] <= dec31 && to[p] >= dec31;
  if (l.grade == Grade::unqualified && to[p] >= graded_day && from[p] <= graded_day) {
    const std::array<Action, 2> a = actions();
    l.actions.assign(a.begin(), a.end());
  }
  if (!ex.empty()) l.explanation = &ex[k];
  return l;
}

std::array<Action, 2> SheetData::actions() const {
  return {Action{"admonishment_talk", graded_on + boost::gregorian::days(talk_days)},
          Action{"rectification", graded_on + boost::gregorian::days(rectify_days)}};
}

VillageResult SheetData::village(std::size_t v) const {
  VillageResult r;
  r.village_id = slice(v_off, v);
  r.township = slice(t_off, static_cast<std::size_t>(v_town[v]));
  r.team_grade = static_cast<TeamGrade>(vgrade[v]);
  r.rank = rank[v];
  r.graded_in_township = graded_in[static_cast<std::size_t>(v_town[v])];
  if (rank[v] > 0) {
    r.composite = Rational(key[v]) / key_den;
  } else {
    for (int i = 0; i < 5; ++i)
      if (!(present[v] & (1u << i))) {
        if (!r.missing.empty()) r.missing += ",";
        r.missing += period_name(year, i);
      }
  }
  return r;
}

PaySheet SheetData::make(std::shared_ptr<const SheetData> d, std::vector<Totals> townships, Totals banner) {
  PaySheet s;
  s.year = d->year;
  s.lines.d_ = d;
  s.lines.n_ = d->line_p.size();
  s.villages.d_ = d;
  s.villages.n_ = d->v_town.size();
  s.townships = std::move(townships);
  s.banner = std::move(banner);
  return s;
}

}  // namespace detail

LineColumns line_columns(const PaySheet &sheet) {
  LineColumns c;
  const detail::SheetData *d = detail::SheetData::of(sheet);
  if (d == nullptr) return c;
  c.line_principal = d->line_p;
  c.principal_village = d->p_village;
  c.post = d->post;
  c.grade = d->grade;
  c.units = d->units;
  c.served_from = d->from;
  c.served_to = d->to;
  c.base_fen = d->base;
  c.performance_fen = d->perf;
  c.total_fen = d->total;
  c.public_institution_fen = d->pi;
  c.village_team_grade = d->vgrade;
  c.period_units = d->period_units;
  c.actions = d->actions();
  c.graded_day = d->graded_day;
  return c;
}

template <>
PayLine SheetRange<PayLine>::operator[](std::size_t i) const { return d_->line(i); }
template <>
PayLine SheetRange<PayLine>::at(std::size_t i) const {
  if (i >= n_) throw std::out_of_range("pay line index");
  return d_->line(i);
}
template <>
VillageResult SheetRange<VillageResult>::operator[](std::size_t i) const { return d_->village(i); }
template <>
VillageResult SheetRange<VillageResult>::at(std::size_t i) const {
  if (i >= n_) throw std::out_of_range("village index");
  return d_->village(i);
}

namespace {

using text_util::IdIndex;
using text_util::same_id;

void append_id(std::string &text, std::vector<std::uint32_t> &off, std::string_view id) {
  if (text.size() + id.size() > UINT32_MAX) throw InvalidInput("ids are too long in total", "cadre_id");
  text.append(id);
  off.push_back(static_cast<std::uint32_t>(text.size()));
}

// The input as vectors of records.
class RecordInput final : public PaySheetInput {
 public:
  RecordInput(const std::vector<Village> &v, const std::vector<Principal> &p, const std::vector<Score> &s)
      : v_(v), p_(p), s_(s) {}
  std::size_t n_villages() const override { return v_.size(); }
  std::string_view village_id(std::size_t i) const override { return v_[i].village_id; }
  std::string_view township(std::size_t i) const override { return v_[i].township; }
  std::int64_t population(std::size_t i) const override { return v_[i].population; }
  std::size_t n_principals() const override { return p_.size(); }
  std::string_view cadre_id(std::size_t i) const override { return p_[i].cadre_id; }
  std::string_view principal_village(std::size_t i) const override { return p_[i].village_id; }
  Post post(std::size_t i) const override { return p_[i].post; }
  std::optional<std::int32_t> served_from(std::size_t i) const override {
    if (p_[i].served_from.is_special()) return std::nullopt;
    return to_days(p_[i].served_from);
  }
  std::int32_t served_to(std::size_t i) const override {
    return p_[i].served_to ? to_days(*p_[i].served_to) : INT32_MAX;
  }
  std::size_t n_scores() const override { return s_.size(); }
  std::string_view score_village(std::size_t i) const override { return s_[i].village_id; }
  std::string_view score_period(std::size_t i) const override { return s_[i].period; }
  ScoreValue score(std::size_t i) const override { return score_value(s_[i].score); }

 private:
  const std::vector<Village> &v_;
  const std::vector<Principal> &p_;
  const std::vector<Score> &s_;
};

}  // namespace

PaySheet pay_sheet(const std::vector<Village> &villages, const std::vector<Principal> &principals,
                   const std::vector<Score> &scores, int year, const Policy &policy,
                   const PaySheetOptions &options) {
  return pay_sheet(RecordInput(villages, principals, scores), year, policy, options);
}

PaySheet pay_sheet(const PaySheetInput &input, int year, const Policy &policy, const PaySheetOptions &options) {
  PayRules rules = detail::load_pay_rules(policy, year);
  const Date graded_on = options.graded_on ? *options.graded_on : make_date(year, 12, 31, "year");
  rules.graded_day = to_days(graded_on);
  const std::size_t V = input.n_villages(), P = input.n_principals(), S = input.n_scores();
  if (V > static_cast<std::size_t>(INT32_MAX) - 1 || P > static_cast<std::size_t>(INT32_MAX) - 1)
    throw InvalidInput("too many rows", "villages");
  auto d = std::make_shared<detail::SheetData>();
  d->year = year;

  // Villages and townships: ids interned to rows; townships numbered in name (byte) order.
  // The villages' ids read once, into the sheet's text block (its first part): every lookup
  // below compares with them, and a block of a few bytes an id stays in the cache where the
  // caller's texts, each in an object of its own, would be fetched from memory at every pass
  // over the scores. Their hashes come first, so that each one's slot is fetched while the
  // villages before it are placed (the table is larger than the cache, and read at random).
  std::vector<std::string_view> vids(V);
  std::vector<std::size_t> vhash(V);
  IdIndex vrow(V);
  {
    std::size_t bytes = 0;
    for (std::size_t v = 0; v < V; ++v) {
      vids[v] = input.village_id(v);
      bytes += vids[v].size();
    }
    d->text.reserve(bytes);
    d->v_off.reserve(V + 1);
    d->v_off.push_back(0);
    for (std::size_t v = 0; v < V; ++v) append_id(d->text, d->v_off, vids[v]);
    for (std::size_t v = 0; v < V; ++v) {
      vids[v] = d->slice(d->v_off, v);
      vhash[v] = vrow.hash(vids[v]);
    }
  }
  auto vkey = [&](std::int32_t r) { return vids[static_cast<std::size_t>(r)]; };
  std::vector<std::string_view> town_names;
  IdIndex town_index(64);
  std::vector<std::int32_t> v_town(V);
  std::vector<std::int64_t> pop(V);
  {
    std::size_t cap_towns = 64;
    auto tkey = [&](std::int32_t r) { return town_names[static_cast<std::size_t>(r)]; };
    // townships numbered by the input: each number's township found once (slot 0: missing)
    const std::optional<NumberedTexts> t_codes = input.townships();
    std::vector<std::int32_t> town_of_code(t_codes ? t_codes->texts.size() + 1 : 0, -1);
    for (std::size_t v = 0; v < V; ++v) {
      const std::size_t tc = t_codes ? static_cast<std::size_t>(t_codes->code(v) + 1) : 0;
      const std::string_view id = vids[v],
                             town = !t_codes ? input.township(v) : tc == 0 ? std::string_view() : t_codes->texts[tc - 1];
      if (vocabulary::blank(id))
        throw InvalidInput("village_id is empty", "village_id", "villages[" + std::to_string(v) + "]");
      if (vocabulary::blank(town)) throw InvalidInput("township is empty", "township", std::string(id));
      pop[v] = input.population(v);
      if (pop[v] < 0) throw InvalidInput("population is negative", "population", std::string(id));
      if (v + 16 < V) vrow.prefetch(vhash[v + 16]);
      if (vrow.find_or_insert(id, vhash[v], static_cast<std::int32_t>(v), vkey) >= 0)
        throw InvalidInput("village_id appears twice", "village_id", std::string(id));
      if (t_codes && town_of_code[tc] >= 0) {
        v_town[v] = town_of_code[tc];
        continue;
      }
      std::int32_t t = town_index.find_or_insert(town, static_cast<std::int32_t>(town_names.size()), tkey);
      if (t < 0) {
        t = static_cast<std::int32_t>(town_names.size());
        town_names.push_back(town);
        if (town_names.size() * 2 >= cap_towns) {  // grow: rebuild the township index
          cap_towns *= 4;
          town_index = IdIndex(cap_towns);
          for (std::size_t k = 0; k < town_names.size(); ++k)
            town_index.find_or_insert(town_names[k], static_cast<std::int32_t>(k), tkey);
        }
      }
      v_town[v] = t;
      if (t_codes) town_of_code[tc] = t;
    }
  }
  const std::size_t n_towns = town_names.size();
  // Lookups of village ids: inputs usually come grouped by village in the villages' order, so
  // the row found last and the next one are tried before the hash table.
  std::int32_t last = -1;
  auto find_village = [&](std::string_view id) {
    if (last >= 0) {
      if (same_id(vkey(last), id)) return last;
      if (static_cast<std::size_t>(last) + 1 < V && same_id(vkey(last + 1), id)) return ++last;
    }
    const std::int32_t r = vrow.find(id, vkey);
    if (r >= 0) last = r;
    return r;
  };
  std::vector<std::int32_t> town_order(n_towns), town_rank(n_towns);
  for (std::size_t i = 0; i < n_towns; ++i) town_order[i] = static_cast<std::int32_t>(i);
  std::sort(town_order.begin(), town_order.end(),
            [&](std::int32_t a, std::int32_t b) { return town_names[a] < town_names[b]; });
  for (std::size_t i = 0; i < n_towns; ++i) town_rank[town_order[i]] = static_cast<std::int32_t>(i);
  for (auto &t : v_town) t = town_rank[t];

  // An input that numbers its village ids: each number's text looked up once, slot 0 for a
  // missing id (no village's id is empty).
  auto rows_of = [&](const std::optional<NumberedTexts> &c) {
    std::vector<std::int32_t> rows;
    if (!c) return rows;
    rows.assign(c->texts.size() + 1, -1);
    for (std::size_t k = 0; k < c->texts.size(); ++k) rows[k + 1] = find_village(c->texts[k]);
    return rows;
  };

  // Scores of the year, as fixed-point integers: read row by row into sc, or as the input holds
  // them already read.
  std::vector<std::int64_t> sc;
  std::span<const std::int64_t> year_scores;
  const std::optional<YearScores> held = input.year_scores();
  if (held) {
    if (held->fixed.size() != 5 * V || held->present.size() != V)
      throw InvalidInput("the year's scores must be five a village", "scores");
    if (held->too_precise)
      throw InvalidInput("score has more than 4 decimal places", "score",
                         "scores[" + std::to_string(*held->too_precise) + "]");
    d->present.assign(held->present.begin(), held->present.end());
    year_scores = held->fixed;
  } else {
    sc.assign(5 * V, 0);
    d->present.assign(V, 0);
    year_scores = sc;
  }
  const std::optional<NumberedTexts> s_codes = input.score_villages();
  const std::vector<std::int32_t> s_rows = rows_of(s_codes);
  // periods numbered by the input: each number's text parsed once, on its first row (slot 0:
  // missing), so that a bad one is named by that row as when each row is parsed
  const std::optional<NumberedTexts> per_codes = input.score_periods();
  std::vector<ParsedPeriod> period_of_code(per_codes ? per_codes->texts.size() + 1 : 0, ParsedPeriod{0, -1});
  for (std::size_t i = 0; i < (held ? 0 : S); ++i) {
    auto rec = [i] { return "scores[" + std::to_string(i) + "]"; };
    const std::int32_t r = s_codes ? s_rows[static_cast<std::size_t>(s_codes->code(i) + 1)]
                                   : find_village(input.score_village(i));
    if (r < 0) throw InvalidInput("score of an unknown village", "village_id", rec());
    ParsedPeriod pp{0, 0};
    if (per_codes) {
      const auto k = static_cast<std::size_t>(per_codes->code(i) + 1);
      if (period_of_code[k].index < 0)
        period_of_code[k] = parse_period(k == 0 ? std::string_view() : per_codes->texts[k - 1], i);
      pp = period_of_code[k];
    } else {
      pp = parse_period(input.score_period(i), i);
    }
    if (pp.year != year) continue;  // other years do not count
    const ScoreValue sv = input.score(i);
    if (sv.status == ScoreValue::Status::too_precise)
      throw InvalidInput("score has more than 4 decimal places", "score", rec());
    if (sv.status == ScoreValue::Status::out_of_range)
      throw InvalidInput("score is outside 0 .. 1,000,000", "score", rec());
    const auto v = static_cast<std::size_t>(r);
    if (d->present[v] & (1u << pp.index)) throw InvalidInput("score given twice for the period", "period", rec());
    d->present[v] |= static_cast<std::uint8_t>(1u << pp.index);
    sc[5 * v + static_cast<std::size_t>(pp.index)] = sv.fixed;
  }
  if (rules.missing == PayRules::Missing::error)
    for (std::size_t v = 0; v < V; ++v)
      if ((d->present[v] & 0x1F) != 0x1F) {
        std::string miss;
        for (int k = 0; k < 5; ++k)
          if (!(d->present[v] & (1u << k))) miss += (miss.empty() ? "" : ",") + period_name(year, k);
        throw InvalidInput("scores missing for " + miss + " (village.score.missing = error)", "scores",
                           std::string(input.village_id(v)));
      }

  // Principals.
  d->p_village.resize(P);
  d->from.resize(P);
  d->to.resize(P);
  d->post.resize(P);
  const std::optional<NumberedTexts> p_codes = input.principal_villages();
  const std::vector<std::int32_t> p_rows = rows_of(p_codes);
  // The cadre ids, read once here into a block of their own (offsets from its start), joined to
  // the sheet's text block below: the village ids the lookups compare with live in that block,
  // which must not grow while they are read.
  std::string cadre_text;
  std::vector<std::uint32_t> cadre_end(P);
  for (std::size_t i = 0; i < P; ++i) {
    const std::string_view cid = input.cadre_id(i);
    if (vocabulary::blank(cid))
      throw InvalidInput("cadre_id is empty", "cadre_id", "principals[" + std::to_string(i) + "]");
    if (cadre_text.size() + cid.size() > UINT32_MAX) throw InvalidInput("ids are too long in total", "cadre_id");
    cadre_text.append(cid);
    cadre_end[i] = static_cast<std::uint32_t>(cadre_text.size());
    const std::int32_t r = p_codes ? p_rows[static_cast<std::size_t>(p_codes->code(i) + 1)]
                                   : find_village(input.principal_village(i));
    if (r < 0) throw InvalidInput("principal of an unknown village", "village_id", std::string(cid));
    const auto f = input.served_from(i);
    if (!f) throw InvalidInput("served_from is missing", "served_from", std::string(cid));
    d->p_village[i] = r;
    d->post[i] = static_cast<std::uint8_t>(input.post(i));
    d->from[i] = *f;
    d->to[i] = input.served_to(i);
    if (d->to[i] < d->from[i]) throw InvalidInput("served_to is before served_from", "served_to", std::string(cid));
  }
  // Every id is found: the lookups' views, hashes and index are let go, and the townships' and
  // cadres' ids join the sheet's text block (the villages' part written above; vids pointed
  // into it), before the kernel's columns are made.
  std::vector<std::string_view>().swap(vids);
  std::vector<std::size_t>().swap(vhash);
  vrow = IdIndex(0);
  {
    std::size_t bytes = d->text.size() + cadre_text.size();
    for (const auto &t : town_names) bytes += t.size();
    if (bytes > UINT32_MAX) throw InvalidInput("ids are too long in total", "cadre_id");
    d->text.reserve(bytes);
    d->t_off.reserve(n_towns + 1);
    d->t_off.push_back(static_cast<std::uint32_t>(d->text.size()));
    for (std::size_t i = 0; i < n_towns; ++i) append_id(d->text, d->t_off, town_names[town_order[i]]);
    const auto base = static_cast<std::uint32_t>(d->text.size());
    d->text.append(cadre_text);
    std::string().swap(cadre_text);
    d->c_off.resize(P + 1);
    d->c_off[0] = base;
    for (std::size_t i = 0; i < P; ++i) d->c_off[i + 1] = base + cadre_end[i];
    std::vector<std::uint32_t>().swap(cadre_end);
  }
  // The same cadre twice in one village with overlapping service: must be one record "both".
  // Principals grouped by village (counting sort); pairs compared within each village. Rows
  // that come grouped by village in the villages' order (the usual layout) are compared in
  // place, in the same order, without the sort.
  auto same_cadre = [&](std::size_t a, std::size_t b) {
    if (d->from[a] <= d->to[b] && d->from[b] <= d->to[a] && input.cadre_id(a) == input.cadre_id(b))
      throw InvalidInput("cadre listed twice in one village with overlapping service (use post 'both')",
                         "post", std::string(input.cadre_id(std::max(a, b))));
  };
  bool grouped = true;
  for (std::size_t i = 1; i < P && grouped; ++i) grouped = d->p_village[i - 1] <= d->p_village[i];
  if (grouped) {
    for (std::size_t x = 0; x < P; ++x)
      for (std::size_t y = x + 1; y < P && d->p_village[y] == d->p_village[x]; ++y) same_cadre(x, y);
  } else {
    std::vector<std::int32_t> off(V + 1, 0), by(P);
    for (std::size_t i = 0; i < P; ++i) ++off[static_cast<std::size_t>(d->p_village[i]) + 1];
    for (std::size_t v = 0; v < V; ++v) off[v + 1] += off[v];
    std::vector<std::int32_t> pos(off.begin(), off.end() - 1);
    for (std::size_t i = 0; i < P; ++i)
      by[static_cast<std::size_t>(pos[static_cast<std::size_t>(d->p_village[i])]++)] = static_cast<std::int32_t>(i);
    for (std::size_t v = 0; v < V; ++v)
      for (std::int32_t x = off[v]; x < off[v + 1]; ++x)
        for (std::int32_t y = x + 1; y < off[v + 1]; ++y) {
          same_cadre(static_cast<std::size_t>(by[static_cast<std::size_t>(x)]),
                     static_cast<std::size_t>(by[static_cast<std::size_t>(y)]));
        }
  }

  // The kernel.
  d->vgrade.resize(V);
  d->rank.resize(V);
  d->grade.resize(P);
  d->units.resize(P);
  d->base.resize(P);
  d->perf.resize(P);
  d->total.resize(P);
  {
    PayColumnsIn in{v_town, pop, year_scores, d->present, d->p_village, d->post, d->from, d->to};
    PayColumnsOut out{d->vgrade, d->rank, d->base, d->perf, d->total, d->grade, d->units};
    detail::compute(in, year, rules, out, &d->key);
  }
  std::vector<std::int64_t>().swap(sc);
  d->key_den = rules.key_den;
  d->graded_in.assign(n_towns, 0);
  for (std::size_t v = 0; v < V; ++v)
    if (d->rank[v] > 0) ++d->graded_in[static_cast<std::size_t>(v_town[v])];

  d->v_town = std::move(v_town);

  const std::int32_t jan1 = rules.jan1, dec31 = rules.dec31;
  d->dec31 = dec31;
  d->graded_on = graded_on;
  d->graded_day = to_days(graded_on);
  d->period_units = rules.prorate_days ? dec31 - jan1 + 1 : 12;
  d->talk_days = rules.talk_days;
  d->rectify_days = rules.rectify_days;

  // Selected principals (public-institution pay): their lines get the yearly pay, prorated as
  // the base pay, in addition to the structured pay or instead of the base pay.
  const bool any_holders = !options.holders.empty();
  Money yearly_pi;
  bool replace_base = false;
  if (any_holders) {
    yearly_pi = policy.money("village.selection.yearly_pay", rules.as_of);
    const std::string mode = policy.text("village.selection.pay_mode", rules.as_of);
    if (mode == "replace_base")
      replace_base = true;
    else if (mode != "in_addition")
      throw PolicyError("village.selection.pay_mode must be in_addition or replace_base", "village.selection.pay_mode");
    // The holders by id, each with its place in the list (sorted, not hashed: no list can make
    // the look-ups slow). The first empty id or the first one repeating an earlier, whichever
    // comes first in the list, is refused.
    const std::vector<std::string> &given = options.holders;
    std::vector<std::pair<std::string_view, std::size_t>> wanted;
    wanted.reserve(given.size());
    for (std::size_t k = 0; k < given.size(); ++k) wanted.emplace_back(given[k], k);
    std::sort(wanted.begin(), wanted.end());
    std::size_t first_bad = given.size();
    for (std::size_t k = 0; k < wanted.size(); ++k)
      if (wanted[k].first.empty() || (k > 0 && wanted[k].first == wanted[k - 1].first))
        first_bad = std::min(first_bad, wanted[k].second);
    if (first_bad < given.size()) {
      if (given[first_bad].empty()) throw InvalidInput("holder id is empty", "holders");
      throw InvalidInput("holder listed twice", "holders", given[first_bad]);
    }
    std::vector<std::size_t> lines(given.size(), 0);  // by place in the list
    d->pi.assign(P, 0);
    for (std::size_t i = 0; i < P; ++i) {
      if (d->to[i] < jan1 || d->from[i] > dec31) continue;
      const std::string_view id = input.cadre_id(i);
      const auto it = std::lower_bound(wanted.begin(), wanted.end(), id,
                                       [](const auto &w, std::string_view x) { return w.first < x; });
      if (it == wanted.end() || it->first != id) continue;
      ++lines[it->second];
      const Money pi = detail::prorate(yearly_pi, detail::units_served(rules, year, d->from[i], d->to[i]));
      d->pi[i] = pi.fen();
      if (replace_base) d->base[i] = 0;
      d->total[i] = d->base[i] + d->perf[i] + d->pi[i];
    }
    for (std::size_t k = 0; k < given.size(); ++k)  // the first in the list's order
      if (lines[k] == 0) throw InvalidInput("holder has no pay line in the year", "holders", given[k]);
  }

  std::vector<Totals> tt(n_towns);
  for (std::size_t i = 0; i < n_towns; ++i) tt[i].township = std::string(d->slice(d->t_off, i));
  for (std::size_t v = 0; v < V; ++v) ++tt[static_cast<std::size_t>(d->v_town[v])].villages;
  d->line_p.reserve(P);
  for (std::size_t i = 0; i < P; ++i) {
    if (d->to[i] < jan1 || d->from[i] > dec31) continue;  // not serving in the year
    d->line_p.push_back(static_cast<std::int32_t>(i));
    auto &t = tt[static_cast<std::size_t>(d->v_town[static_cast<std::size_t>(d->p_village[i])])];
    ++t.principals;
    t.base += Money::from_fen(d->base[i]);
    t.performance += Money::from_fen(d->perf[i]);
    if (any_holders) t.public_institution += Money::from_fen(d->pi[i]);
    t.total += Money::from_fen(d->total[i]);
  }

  if (options.explain) {
    d->ex.reserve(d->line_p.size());
    for (std::size_t k = 0; k < d->line_p.size(); ++k) {
      const auto i = static_cast<std::size_t>(d->line_p[k]);
      const auto v = static_cast<std::size_t>(d->p_village[i]);
      const PayLine l = d->line(k);
      const VillageResult vr = d->village(v);
      Explanation ex;
      ex.subject = "principal " + std::string(l.cadre_id) + " of village " + std::string(l.village_id);
      Explanation *e = &ex;
      if (!l.actions.empty()) {
        policy.integer("village.admonishment_talk.within_days", rules.as_of, e);
        policy.integer("village.rectification.within_days", rules.as_of, e);
      }
      const Date a = rules.as_of;
      const int b = detail::band_of(rules, pop[v]);
      policy.integer("village.base_pay.medium_min_population", a, e);
      policy.integer("village.base_pay.large_min_population", a, e);
      const Money band = policy.money(band_param(b), a, e);
      ex.add_input("village_id", std::string(l.village_id));
      ex.add_input("population", std::to_string(pop[v]));
      policy.money("village.base_pay.min", a, e);
      policy.money("village.base_pay.max", a, e);
      // What decided the band, for the short form: the population limits that bound this band
      // (a small village is below the medium limit, a large one at or above the large limit);
      // the range 7000-9000 only bounds the bands' amounts.
      if (b == 0) ex.mark_parameter_detail("village.base_pay.large_min_population");
      if (b == 2) ex.mark_parameter_detail("village.base_pay.medium_min_population");
      ex.mark_parameter_detail("village.base_pay.min");
      ex.mark_parameter_detail("village.base_pay.max");
      ex.add_rule({"village.base_pay.band", "JARUD.1",
                   std::string("人口") + std::to_string(pop[v]) + "人，属" + band_zh(b) + "档，基础工资每年" +
                       yuan(band) + "元",
                   "population " + std::to_string(pop[v]) + ": " + band_en(b) + " band, base pay " +
                       yuan(band) + " yuan a year"});
      policy.text("village.base_pay.proration", a, e);
      if (replace_base && !d->pi.empty() && d->pi[i] != 0)
        ex.add_rule({"village.base_pay.replaced", "JARUD.2", "基础工资由事业单位工资替代：0元",
                     "base pay replaced by the public-institution pay: 0"});
      ex.add_input("served_from", to_iso(l.served_from));
      if (l.served_to) ex.add_input("served_to", to_iso(*l.served_to));
      ex.add_input(rules.prorate_days ? "days_paid" : "months_paid", std::to_string(l.months));
      if (rules.prorate_days)
        ex.add_rule({"village.base_pay.proration", "JARUD.1",
                     "按在职天数折算：" + std::to_string(l.months) + "/" + std::to_string(l.period_units),
                     "prorated by days served: " + std::to_string(l.months) + "/" +
                         std::to_string(l.period_units)});
      else
        ex.add_rule({"village.base_pay.proration", "JARUD.1",
                     "按整月折算（每月1日在职者计发该月）：" + std::to_string(l.months) + "/12",
                     "prorated by whole months (a month is paid to whoever is in post on its 1st): " +
                         std::to_string(l.months) + "/12"});
      if (l.post == Post::both) {
        policy.text("village.both_posts.paid", a, e);
        ex.add_rule({"village.both_posts", "JARUD.1",
                     rules.both_twice ? "书记主任一肩挑，按政策发放两份" : "书记主任一肩挑，按政策只发放一份",
                     rules.both_twice ? "holds both posts (一肩挑): paid twice by policy"
                                      : "holds both posts (一肩挑): paid once by policy"});
      }
      if (vr.composite) {
        policy.decimal("village.score.quarterly_weight", a, e);
        policy.decimal("village.score.annual_weight", a, e);
        const std::string c = format_decimal(*vr.composite, 4);
        ex.add_input("composite_score", c);
        ex.add_rule({"village.score.composite", "JARUD.1",
                     "综合得分" + c + "（季度平均分与年度得分加权）",
                     "composite score " + c + " (weighted mean quarterly and annual scores)"});
        policy.text("village.grade.method", a, e);
        const std::string rk = std::to_string(vr.rank) + "/" + std::to_string(vr.graded_in_township);
        ex.add_input("rank_in_township", rk);
        if (rules.by_share) {
          policy.share("village.grade.outstanding_share", a, e);
          policy.share("village.grade.good_share", a, e);
          policy.text("village.grade.share_rounding", a, e);
          const auto n = vr.graded_in_township;
          const auto c1 = detail::share_count(rules.s1, n, rules.share_rounding);
          const auto c12 = detail::share_count(rules.s12, n, rules.share_rounding);
          ex.add_rule({"village.grade.by_share", "JARUD.1",
                       "在苏木镇" + std::to_string(n) + "个嘎查村中排名第" + std::to_string(vr.rank) +
                           "（并列取较好名次），前" + std::to_string(c1) + "名实绩突出、前" +
                           std::to_string(c12) + "名比较突出，评为" + team_grade_zh(vr.team_grade),
                       "rank " + rk + " in the township (ties share the better rank); top " +
                           std::to_string(c1) + " outstanding, top " + std::to_string(c12) +
                           " good: graded " + team_grade_code(vr.team_grade)});
        } else {
          policy.decimal("village.grade.outstanding_min_score", a, e);
          policy.decimal("village.grade.good_min_score", a, e);
          ex.add_rule({"village.grade.by_cutoff", "JARUD.1",
                       "按分数线评为" + std::string(team_grade_zh(vr.team_grade)),
                       std::string("graded by score cut-offs: ") + team_grade_code(vr.team_grade)});
        }
        ex.add_rule({"village.grade.personal", "JARUD.1",
                     std::string("班子") + team_grade_zh(vr.team_grade) + "，正职评为" + grade_zh(l.grade),
                     std::string("team ") + team_grade_code(vr.team_grade) + ": principal graded " +
                         grade_code(l.grade)});
        static const char *pp[] = {"village.performance_pay.excellent", "village.performance_pay.basic",
                                   "village.performance_pay.unqualified"};
        const Money pm = policy.money(pp[static_cast<int>(l.grade)], a, e);
        policy.text("village.performance_pay.proration", a, e);
        const detail::Units pu = detail::performance_units(rules, d->from[i], d->to[i]);
        std::string how_zh, how_en;
        switch (rules.perf_proration) {
          case PayRules::PerfProration::none:
            how_zh = pu.served ? "评定时（" + to_iso(graded_on) + "）在职，全额发放" : "评定时（" + to_iso(graded_on) + "）已不在职，不发放";
            how_en = pu.served ? "in post on the grading date " + to_iso(graded_on) + ": paid in full"
                               : "not in post on the grading date " + to_iso(graded_on) + ": not paid";
            break;
          case PayRules::PerfProration::whole_months:
            how_zh = "按整月折算" + std::to_string(pu.served) + "/12";
            how_en = "prorated by whole months " + std::to_string(pu.served) + "/12";
            break;
          case PayRules::PerfProration::days:
            how_zh = "按在职天数折算" + std::to_string(pu.served) + "/" + std::to_string(pu.of_year);
            how_en = "prorated by days " + std::to_string(pu.served) + "/" + std::to_string(pu.of_year);
            break;
        }
        ex.add_rule({"village.performance_pay", "JARUD.1",
                     std::string(grade_zh(l.grade)) + "绩效工资每年" + yuan(pm) + "元；" + how_zh + "（假设参数village.performance_pay.proration）：" +
                         yuan(l.performance) + "元",
                     std::string(grade_code(l.grade)) + ": performance pay " + yuan(pm) + " yuan a year; " + how_en +
                         " (the assumed village.performance_pay.proration): " + yuan(l.performance)});
      } else {
        ex.add_input("missing_periods", vr.missing);
        policy.text("village.score.missing", a, e);
        if (rules.missing == PayRules::Missing::lowest) {
          ex.add_rule({"village.grade.missing_lowest", "JARUD.1",
                       "缺少考评得分（" + vr.missing + "），按假设参数village.score.missing评为最低等次“一般”，正职评为" +
                           grade_zh(l.grade) + "，不发绩效工资",
                       "scores missing (" + vr.missing + "): graded the lowest, ordinary, by the assumed "
                       "village.score.missing; principal graded " + grade_code(l.grade) + ", no performance pay"});
          ex.add_rule({"village.grade.personal", "JARUD.1",
                       std::string("班子") + team_grade_zh(vr.team_grade) + "，正职评为" + grade_zh(l.grade),
                       std::string("team ") + team_grade_code(vr.team_grade) + ": principal graded " +
                           grade_code(l.grade)});
        } else {
          ex.add_rule({"village.grade.not_scored", "JARUD.1",
                       "缺少考评得分（" + vr.missing + "），按假设参数village.score.missing不参加等次评定，不发绩效工资",
                       "scores missing (" + vr.missing + "): not graded (the assumed village.score.missing), "
                       "no performance pay"});
        }
      }
      if (!d->pi.empty() && d->pi[i] != 0) {
        policy.money("village.selection.yearly_pay", a, e);
        policy.text("village.selection.pay_mode", a, e);
        ex.add_rule({"village.selection.public_institution_pay", "JARUD.2",
                     "选聘享受事业单位工资待遇：每年" + yuan(yearly_pi) + "元，折算后" + yuan(l.public_institution) +
                         (replace_base ? "元，替代基础工资" : "元，在结构工资之外另行发放"),
                     "selected for public-institution pay: " + yuan(yearly_pi) + " yuan a year, " +
                         yuan(l.public_institution) +
                         (replace_base ? " after proration, instead of the base pay"
                                       : " after proration, in addition to the structured pay")});
      }
      if (!l.actions.empty())
        ex.add_rule({"village.unqualified.actions", "JARUD.1",
                     "不合格：由苏木镇党委书记诫勉谈话（" + to_iso(l.actions[0].due) + "前），限期整改（" +
                         to_iso(l.actions[1].due) + "前）",
                     "unqualified: admonishment talk by the township party secretary by " +
                         to_iso(l.actions[0].due) + ", rectification by " + to_iso(l.actions[1].due)});
      d->ex.push_back(std::move(ex));
    }
  }
  Totals banner;
  for (const auto &t : tt) {
    banner.villages += t.villages;
    banner.principals += t.principals;
    banner.base += t.base;
    banner.performance += t.performance;
    banner.public_institution += t.public_institution;
    banner.total += t.total;
  }
  return detail::SheetData::make(std::move(d), std::move(tt), std::move(banner));
}

}  // namespace cadrekit::village

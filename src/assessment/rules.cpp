// Red-line rules as policy data, and screening (HORQIN.2–HORQIN.3).
#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <numeric>
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/text.hpp"

namespace cadrekit::assessment {

namespace {

class RuleParser {
 public:
  RuleParser(Rule &rule, const Policy &policy, Date as_of)
      : rule_(rule), policy_(policy), as_of_(as_of) {}

  [[noreturn]] void fail(std::string_view key, const std::string &msg) const {
    throw PolicyError("rule " + rule_.id + ", key `" + std::string(key) + "`: " + msg,
                      rule_.parameter, policy_.name());
  }

  void use(std::string_view name) {
    ParamUsed u = policy_.lookup(name, as_of_);
    if (u.assumed) rule_.assumed = true;
    for (const auto &p : rule_.params)
      if (p.name == u.name) return;
    rule_.params.push_back(std::move(u));
  }

  std::int64_t integer(std::string_view key, std::string_view v) {
    std::int64_t n = 0;
    if (!v.empty() && v.front() == '@') {
      std::string name(v.substr(1));
      if (!policy_.has(name)) fail(key, "refers to an unknown parameter " + name);
      if (policy_.info(name).type != ParamType::integer)
        fail(key, "refers to " + name + ", which is not an integer parameter");
      n = policy_.integer(name, as_of_);
      use(name);
    } else {
      auto r = std::from_chars(v.data(), v.data() + v.size(), n);
      if (v.empty() || r.ec != std::errc() || r.ptr != v.data() + v.size())
        fail(key, "expects a whole number or an @parameter");
    }
    if (n < 0 || n > 1000000) fail(key, "is out of range (0..1000000)");
    return n;
  }

  Share share(std::string_view key, std::string_view v) {
    if (!v.empty() && v.front() == '@') {
      std::string name(v.substr(1));
      if (!policy_.has(name)) fail(key, "refers to an unknown parameter " + name);
      if (policy_.info(name).type != ParamType::share)
        fail(key, "refers to " + name + ", which is not a share parameter");
      use(name);
      return policy_.share(name, as_of_);
    }
    try {
      return Share::parse(v, key);
    } catch (const InvalidInput &) {
      fail(key, "expects a share (\"10%\") or an @parameter");
    }
  }

  template <class Parse>
  unsigned mask(std::string_view key, std::string_view v, Parse parse) {
    unsigned m = 0;
    for (auto item : text_util::split(v, '|')) {
      try {
        m |= 1u << static_cast<unsigned>(parse(text_util::trim(item)));
      } catch (const InvalidInput &e) {
        fail(key, e.what());
      }
    }
    return m;
  }

  void bottom(std::string_view v) {
    if (v == "default") {
      std::string how = policy_.text("assessment.bottom.rule", as_of_);
      use("assessment.bottom.rule");
      if (how == "share") {
        rule_.bottom = Rule::Bottom::share;
        rule_.bottom_share = share("bottom", "@assessment.bottom.share");
      } else if (how == "places") {
        rule_.bottom = Rule::Bottom::places;
        rule_.bottom_places = integer("bottom", "@assessment.bottom.places");
      } else {
        throw PolicyError("assessment.bottom.rule must be share or places",
                          "assessment.bottom.rule", policy_.name());
      }
    } else if (v.starts_with("share:")) {
      rule_.bottom = Rule::Bottom::share;
      rule_.bottom_share = share("bottom", v.substr(6));
      if (rule_.bottom_share.value() > 1) fail("bottom", "a share above 100%");
    } else if (v.starts_with("places:")) {
      rule_.bottom = Rule::Bottom::places;
      rule_.bottom_places = integer("bottom", v.substr(7));
    } else {
      fail("bottom", "expects default, share:X or places:K");
    }
  }

  void parse(std::string_view text) {
    std::map<std::string, std::string, std::less<>> kv;
    for (const auto &item : text_util::key_values(text)) {
      if (!item.has_equals) fail(item.key, "is not key=value");
      std::string key(item.key), value(item.value);
      if (value.empty()) fail(key, "has no value");
      if (!kv.emplace(key, value).second) fail(key, "is given twice");
    }
    static const std::vector<std::string_view> known{
        "target", "kind", "when", "bottom", "consecutive", "times", "within", "gap", "suggest",
        "source", "class", "aspect", "min_severity", "within_years"};
    for (const auto &[k, v] : kv)
      if (std::find(known.begin(), known.end(), k) == known.end()) fail(k, "is not a rule key");
    auto get = [&](std::string_view k) -> const std::string * {
      auto it = kv.find(k);
      return it == kv.end() ? nullptr : &it->second;
    };
    auto only_for = [&](std::initializer_list<std::string_view> keys, const char *what) {
      for (auto k : keys)
        if (get(k)) fail(k, std::string("applies to ") + what + " rules only");
    };

    if (const auto *t = get("target")) {
      if (*t == "assessment") rule_.target = Rule::Target::assessment;
      else if (*t == "finding") rule_.target = Rule::Target::finding;
      else fail("target", "expects assessment or finding");
    }
    if (rule_.target == Rule::Target::assessment) {
      only_for({"source", "class", "aspect", "min_severity", "within_years"}, "finding");
      const auto *k = get("kind");
      if (!k) fail("kind", "is required for an assessment rule");
      try {
        rule_.kind = parse_kind(*k, "kind");
      } catch (const InvalidInput &e) {
        fail("kind", e.what());
      }
      const auto *w = get("when");
      if (!w) fail("when", "is required for an assessment rule");
      if (*w == "bottom") {
        rule_.when = Rule::When::bottom;
        bottom(get("bottom") ? std::string_view(*get("bottom")) : std::string_view("default"));
      } else if (w->starts_with("rating:")) {
        if (get("bottom")) fail("bottom", "applies to when=bottom only");
        rule_.when = Rule::When::rating;
        rule_.ratings = static_cast<std::uint16_t>(mask("when", std::string_view(*w).substr(7), [](std::string_view s) {
          Rating r = parse_rating(s, "when");
          if (r == Rating::none) throw InvalidInput("none is not a rating", "when");
          return r;
        }));
      } else {
        fail("when", "expects bottom or rating:R|R…");
      }
      const auto *c = get("consecutive");
      const auto *t = get("times");
      if ((c != nullptr) == (t != nullptr)) fail(c ? "times" : "consecutive", "give exactly one of consecutive=N and times=N");
      rule_.consecutive = c != nullptr;
      rule_.n = integer(c ? "consecutive" : "times", c ? *c : *t);
      if (rule_.n < 1) fail(c ? "consecutive" : "times", "must be at least 1");
      if (const auto *wi = get("within")) {
        if (c) fail("within", "applies to times=N only");
        rule_.within = integer("within", *wi);
        if (rule_.within < rule_.n) fail("within", "is smaller than times: the rule could never fire");
      }
      if (const auto *g = get("gap")) {
        if (!c) fail("gap", "applies to consecutive=N only");
        if (*g == "break") rule_.gap_breaks = true;
        else if (*g == "skip") rule_.gap_breaks = false;
        else fail("gap", "expects break or skip");
      } else if (c) {
        rule_.gap_breaks = policy_.boolean("assessment.red_line.gap_breaks_consecutive", as_of_);
        use("assessment.red_line.gap_breaks_consecutive");
      }
    } else {
      only_for({"kind", "when", "bottom", "consecutive", "within", "gap"}, "assessment");
      if (const auto *s = get("source"))
        rule_.sources = static_cast<std::uint8_t>(mask("source", *s, [](std::string_view x) { return parse_finding_source(x, "source"); }));
      if (const auto *a = get("aspect"))
        rule_.aspects = static_cast<std::uint8_t>(mask("aspect", *a, [](std::string_view x) { return parse_aspect(x, "aspect"); }));
      rule_.classes = static_cast<std::uint8_t>(0x7f & ~(1u << static_cast<unsigned>(FindingClass::exploratory_mistake)));
      if (const auto *c = get("class")) {
        rule_.classes = static_cast<std::uint8_t>(mask("class", *c, [](std::string_view x) { return parse_finding_class(x, "class"); }));
        if (rule_.classes & (1u << static_cast<unsigned>(FindingClass::exploratory_mistake)))
          fail("class", "exploratory mistakes are tolerated (容错) and never trigger a red line");
      }
      if (const auto *m = get("min_severity")) {
        try {
          rule_.min_severity = parse_severity(*m, "min_severity");
        } catch (const InvalidInput &e) {
          fail("min_severity", e.what());
        }
      }
      const auto *t = get("times");
      if (!t) fail("times", "is required for a finding rule");
      rule_.consecutive = false;
      rule_.n = integer("times", *t);
      if (rule_.n < 1) fail("times", "must be at least 1");
      if (const auto *w = get("within_years")) rule_.within_years = integer("within_years", *w);
    }
    if (const auto *s = get("suggest")) {
      if (*s == "any") {
        rule_.suggestion = "any";
      } else {
        try {
          rule_.suggestion = disposal_method_name(parse_disposal_method(*s, "suggest"));
        } catch (const InvalidInput &e) {
          fail("suggest", e.what());
        }
      }
    }
  }

 private:
  Rule &rule_;
  const Policy &policy_;
  Date as_of_;
};

// ---- evaluation

struct Obs {
  std::int32_t period;
  std::int32_t rank;
  std::int32_t group;
  std::uint8_t rating;
  std::uint32_t idx;
};

/// ⌈x·n⌉ in int64 arithmetic when the share's numerator and denominator are small.
struct FastShare {
  bool fast = false;
  std::int64_t p = 0, q = 1;
  explicit FastShare(const Rule &r) {
    if (r.bottom != Rule::Bottom::share) return;
    const auto &v = r.bottom_share.value();
    auto num = boost::multiprecision::numerator(v), den = boost::multiprecision::denominator(v);
    if (num <= 1000000000 && den <= 1000000000 && num >= 0) {
      p = static_cast<std::int64_t>(num);
      q = static_cast<std::int64_t>(den);
      fast = true;
    }
  }
};

bool bottom_fast(const Rule &r, const FastShare &fs, std::int32_t rank, std::int32_t size) {
  std::int64_t m;
  if (r.bottom == Rule::Bottom::places) {
    m = std::min<std::int64_t>(r.bottom_places, size);
  } else if (fs.fast) {
    m = (fs.p * size + fs.q - 1) / fs.q;
  } else {
    m = at_least_share(size, r.bottom_share);
  }
  return rank > size - m;
}

bool qualifies(const Rule &r, const FastShare &fs, const Obs &o) {
  if (r.when == Rule::When::bottom) return o.rank > 0 && bottom_fast(r, fs, o.rank, o.group);
  return (r.ratings >> o.rating) & 1u;
}

/// Writes the positions (into o) of the observations that make the rule fire; returns their
/// number, or 0 when it does not fire. `pos` holds at least n entries.
std::size_t evaluate(const Rule &r, const FastShare &fs, const Obs *o, std::size_t n,
                     std::uint32_t *pos) {
  if (n == 0) return 0;
  if (r.consecutive) {
    std::size_t j = n - 1;
    if (!qualifies(r, fs, o[j])) return 0;
    while (j > 0 && qualifies(r, fs, o[j - 1]) &&
           (!r.gap_breaks || period_follows(o[j - 1].period, o[j].period)))
      --j;
    if (static_cast<std::int64_t>(n - j) < r.n) return 0;
    for (std::size_t i = j; i < n; ++i) pos[i - j] = static_cast<std::uint32_t>(i);
    return n - j;
  }
  std::size_t start = 0;
  if (r.within > 0 && static_cast<std::size_t>(r.within) < n) start = n - static_cast<std::size_t>(r.within);
  std::size_t k = 0;
  for (std::size_t i = start; i < n; ++i)
    if (qualifies(r, fs, o[i])) pos[k++] = static_cast<std::uint32_t>(i);
  return static_cast<std::int64_t>(k) >= r.n ? k : 0;
}

bool rating_fits(Kind k, Rating r) {
  auto v = static_cast<int>(r);
  if (r == Rating::none) return true;
  switch (k) {
    case Kind::annual: return v >= 1 && v <= 4;
    case Kind::key_work: return v >= 1 && v <= 6;
    case Kind::party_conduct: return v == 5 || v == 6;
    case Kind::review: return v >= 7 && v <= 9;
  }
  return false;
}

std::string suggestion_zh(const std::string &s) {
  if (s == "any") return "视情况采取免职、降职、交流、待岗、离岗培训或参与重点工作督导";
  return disposal_method_name_zh(parse_disposal_method(s));
}

}  // namespace

Rule parse_rule(std::string_view parameter, std::string_view text, const Policy &policy, Date as_of) {
  Rule rule;
  rule.parameter = std::string(parameter);
  rule.id = parameter.starts_with(rule_prefix) ? std::string(parameter.substr(rule_prefix.size()))
                                               : std::string(parameter);
  rule.text = std::string(text);
  if (policy.has(parameter)) {
    const ParamInfo &info = policy.info(parameter);
    rule.clause = info.clause;
    rule.label_zh = info.label_zh;
    rule.label_en = info.label_en;
    ParamUsed u = policy.lookup(parameter, as_of);
    rule.assumed = u.assumed;
    rule.params.push_back(std::move(u));
  }
  RuleParser(rule, policy, as_of).parse(text);
  return rule;
}

std::vector<Rule> rules(const Policy &policy, Date as_of) {
  std::vector<Rule> out;
  for (const auto &name : policy.parameter_names()) {
    if (!std::string_view(name).starts_with(rule_prefix)) continue;
    const ParamInfo &info = policy.info(name);
    if (info.type != ParamType::text)
      throw PolicyError("a red-line rule parameter must be of type text", name, policy.name());
    if (info.values.empty() || info.values.front().effective_from > as_of) continue;  // not yet in force
    out.push_back(parse_rule(name, policy.text(name, as_of), policy, as_of));
  }
  return out;
}

bool near_bottom(const Rule &rule, std::int32_t rank, std::int32_t size) {
  if (size < 1) throw InvalidInput("group size must be at least 1", "group_size");
  if (rank < 1 || rank > size) throw InvalidInput("rank must be within 1..group_size", "rank");
  return bottom_fast(rule, FastShare(rule), rank, size);
}

void validate(const Record &r, std::string_view label) {
  std::string rec(label);
  if (vocabulary::blank(r.cadre_id)) throw InvalidInput("cadre_id is empty", "cadre_id", rec);
  if (r.period / 100 < 1900 || r.period / 100 > 9999 || r.period % 100 < 0)
    throw InvalidInput("period is not valid", "period", rec);
  if (static_cast<int>(r.kind) >= kind_count) throw InvalidInput("unknown kind", "kind", rec);
  if (static_cast<int>(r.rating) >= rating_count) throw InvalidInput("unknown rating", "rating", rec);
  if (static_cast<int>(r.domain) > 3) throw InvalidInput("unknown domain", "domain", rec);
  if (r.group_size < 0) throw InvalidInput("group_size is negative", "group_size", rec);
  if (r.rank < 0) throw InvalidInput("rank is negative", "rank", rec);
  if (r.rank > 0 && r.rank > r.group_size)
    throw InvalidInput("rank is beyond the group size", "rank", rec);
  if (!rating_fits(r.kind, r.rating))
    throw InvalidInput(std::string("rating ") + rating_name(r.rating) + " does not belong to a " +
                           kind_name(r.kind) + " assessment",
                       "rating", rec);
  if (!r.score.empty()) {
    try {
      (void)parse_decimal(r.score, "score");
    } catch (const InvalidInput &) {
      throw InvalidInput("score is not an exact decimal", "score", rec);
    }
  }
}

void validate(const Finding &f, std::string_view label) {
  std::string rec(label);
  if (vocabulary::blank(f.id)) throw InvalidInput("finding id is empty", "id", rec);
  if (f.cadre_id.empty() && f.unit_id.empty())
    throw InvalidInput("a finding needs a cadre_id or a unit_id", "cadre_id", rec);
  if (f.date.is_special()) throw InvalidInput("date is not a date", "date", rec);
  if (f.source == FindingSource::qualitative && f.standard.empty())
    throw InvalidInput("a qualitative finding names the standard breached", "standard", rec);
  if (static_cast<int>(f.classification) > 6) throw InvalidInput("unknown classification", "classification", rec);
  if (static_cast<int>(f.aspect) > 6) throw InvalidInput("unknown aspect", "aspect", rec);
  if (static_cast<int>(f.severity) > 3) throw InvalidInput("unknown severity", "severity", rec);
}

std::vector<Hit> screen(std::span<const Record> records, std::span<const Finding> findings,
                        Date as_of, const Policy &policy) {
  return screen(records, findings, as_of, policy, true);
}

std::vector<Hit> screen(std::span<const Record> records, std::span<const Finding> findings,
                        Date as_of, const Policy &policy, bool explain) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  const std::vector<Rule> rs = rules(policy, as_of);
  const int year = as_of.year();

  std::vector<std::uint32_t> idx;
  for (std::size_t i = 0; i < records.size(); ++i) {
    validate(records[i], "records[" + std::to_string(i) + "]");
    if (records[i].period / 100 <= year) idx.push_back(static_cast<std::uint32_t>(i));
  }
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    const Record &x = records[a], &y = records[b];
    if (const int c = x.cadre_id.compare(y.cadre_id)) return c < 0;
    if (x.kind != y.kind) return x.kind < y.kind;
    return x.period < y.period;
  };
  // Records listed cadre by cadre, kind by kind, in period order (a group of the command line's,
  // or a table kept so) are not sorted again.
  if (!std::is_sorted(idx.begin(), idx.end(), before)) std::stable_sort(idx.begin(), idx.end(), before);
  for (std::size_t i = 1; i < idx.size(); ++i) {
    const Record &x = records[idx[i - 1]], &y = records[idx[i]];
    if (x.cadre_id == y.cadre_id && x.kind == y.kind && x.period == y.period)
      throw InvalidInput("two records for the same cadre, kind and period", "period",
                         "records[" + std::to_string(std::max(idx[i - 1], idx[i])) + "]");
  }
  const std::vector<Standard> catalogue = standards(policy, as_of);
  std::vector<const Standard *> standard_of(findings.size(), nullptr);
  std::vector<Aspect> aspect_of(findings.size(), Aspect::none);
  std::vector<std::uint32_t> fidx;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::string label = "findings[" + std::to_string(i) + "]";
    const Finding &f = findings[i];
    validate(f, label);
    aspect_of[i] = f.aspect;
    if (const Standard *st = assessment::standard_of(f, catalogue, label)) {
      standard_of[i] = st;
      aspect_of[i] = st->aspect;
    }
    if (f.date <= as_of) fidx.push_back(static_cast<std::uint32_t>(i));
  }

  // Cadres: from records and findings, in id order, each with its [begin, end) in idx (empty for
  // a cadre of findings alone). Views of the records' and findings' ids: nothing is copied.
  struct CadreRange {
    std::string_view id;
    std::size_t begin = 0, end = 0;
  };
  std::vector<CadreRange> cadres;
  for (std::size_t i = 0; i < idx.size();) {
    std::size_t j = i;
    while (j < idx.size() && records[idx[j]].cadre_id == records[idx[i]].cadre_id) ++j;
    cadres.push_back({records[idx[i]].cadre_id, i, j});
    i = j;
  }
  // (key, value) pairs below, ordered and looked up by their key alone
  const auto by_key = [](const auto &a, const auto &b) { return a.first < b.first; };
  // A unit's latest record names its cadres: (unit, cadre) pairs by unit, cadres in id order.
  std::vector<std::pair<std::string_view, std::string_view>> unit_cadres;
  for (const CadreRange &c : cadres) {
    std::uint32_t best = idx[c.begin];
    for (std::size_t k = c.begin; k < c.end; ++k)
      if (records[idx[k]].period > records[best].period) best = idx[k];
    unit_cadres.emplace_back(records[best].unit_id, c.id);
  }
  std::stable_sort(unit_cadres.begin(), unit_cadres.end(), by_key);
  // Each cadre's findings as (cadre, finding) pairs by cadre; a cadre of findings alone is added.
  std::vector<std::pair<std::string_view, std::uint32_t>> cadre_findings;
  const std::size_t with_records = cadres.size();
  for (auto fi : fidx) {
    const Finding &f = findings[fi];
    if (!f.cadre_id.empty()) {
      cadre_findings.emplace_back(f.cadre_id, fi);
      cadres.push_back({f.cadre_id, 0, 0});
    } else {
      const std::pair<std::string_view, std::string_view> unit{f.unit_id, {}};
      const auto [from, to] = std::equal_range(unit_cadres.begin(), unit_cadres.end(), unit, by_key);
      for (auto it = from; it != to; ++it) cadre_findings.emplace_back(it->second, fi);
    }
  }
  std::sort(cadre_findings.begin(), cadre_findings.end());
  // the cadres of findings alone merged into the id order (a cadre with records kept once, with them)
  const auto by_id = [](const CadreRange &a, const CadreRange &b) { return a.id < b.id; };
  std::stable_sort(cadres.begin() + static_cast<std::ptrdiff_t>(with_records), cadres.end(), by_id);
  std::inplace_merge(cadres.begin(), cadres.begin() + static_cast<std::ptrdiff_t>(with_records), cadres.end(), by_id);
  cadres.erase(std::unique(cadres.begin(), cadres.end(),
                           [](const CadreRange &a, const CadreRange &b) { return a.id == b.id; }),
               cadres.end());

  std::vector<Hit> hits;
  std::vector<Obs> obs;
  std::vector<std::uint32_t> pos;
  for (const CadreRange &cadre : cadres) {
    const std::string_view cid = cadre.id;
    const auto [finding_from, finding_to] =
        std::equal_range(cadre_findings.begin(), cadre_findings.end(), std::pair{cid, std::uint32_t{0}}, by_key);
    for (const Rule &r : rs) {
      Hit h;
      if (r.target == Rule::Target::assessment) {
        obs.clear();
        for (std::size_t k = cadre.begin; k < cadre.end; ++k) {
          const Record &rec = records[idx[k]];
          if (rec.kind != r.kind) continue;
          obs.push_back({rec.period, rec.rank, rec.group_size, static_cast<std::uint8_t>(rec.rating), idx[k]});
        }
        pos.resize(obs.size());
        std::size_t m = evaluate(r, FastShare(r), obs.data(), obs.size(), pos.data());
        if (m == 0) continue;
        for (std::size_t k = 0; k < m; ++k) {
          const Obs &o = obs[pos[k]];
          h.periods.push_back(period_text(o.period));
          h.records.push_back(o.idx);
        }
      } else {
        if (finding_from == finding_to) continue;
        Date from = r.within_years > 0 ? add_months(as_of, -12 * r.within_years) : Date(boost::gregorian::min_date_time);
        std::vector<std::uint32_t> got;
        for (auto fit = finding_from; fit != finding_to; ++fit) {
          const std::uint32_t fi = fit->second;
          const Finding &f = findings[fi];
          if (!((r.sources >> static_cast<unsigned>(f.source)) & 1u)) continue;
          if (!((r.aspects >> static_cast<unsigned>(aspect_of[fi])) & 1u)) continue;
          if (!((r.classes >> static_cast<unsigned>(f.classification)) & 1u)) continue;
          if (f.severity < r.min_severity) continue;
          if (r.within_years > 0 && f.date <= from) continue;
          got.push_back(fi);
        }
        if (static_cast<std::int64_t>(got.size()) < r.n) continue;
        std::sort(got.begin(), got.end(), [&](auto a, auto b) {
          return findings[a].date != findings[b].date ? findings[a].date < findings[b].date : a < b;
        });
        for (auto fi : got) {
          h.periods.push_back(to_iso(findings[fi].date));
          h.records.push_back(fi);
          h.findings.push_back(findings[fi].id);
          h.standards.push_back(standard_of[fi] ? *standard_of[fi] : Standard{});
        }
      }
      h.cadre_id = std::string(cid);
      h.rule_id = r.id;
      h.clause = r.clause;
      h.suggestion = r.suggestion;
      if (explain) {
        Explanation &ex = h.explanation;
        ex.subject = "cadre " + h.cadre_id;
        std::string ps;
        for (const auto &p : h.periods) ps += (ps.empty() ? "" : ", ") + p;
        const std::string disposal =
            r.suggestion == "any" ? std::string("any of the six methods, as the case requires") : r.suggestion;
        ex.add_rule({"assessment.rule." + r.id, r.clause,
                     r.label_zh + "（" + ps + "），触发红线；建议：" + suggestion_zh(r.suggestion),
                     r.label_en + " (" + ps + "): red line crossed; suggested disposal: " + disposal});
        for (const auto &p : r.params) ex.add_parameter(p);
        ex.add_input("as_of", to_iso(as_of));
        if (r.target == Rule::Target::assessment) {
          for (auto ri : h.records) {
            const Record &rec = records[ri];
            std::string name = "records[" + std::to_string(ri) + "]";
            ex.add_input(name + ".period", period_text(rec.period));
            if (r.when == Rule::When::bottom)
              ex.add_input(name + ".rank", std::to_string(rec.rank) + "/" + std::to_string(rec.group_size));
            else
              ex.add_input(name + ".rating", rating_name(rec.rating));
          }
        } else {
          for (auto fi : h.records) {
            const Finding &f = findings[fi];
            std::string name = "findings[" + std::to_string(fi) + "]";
            ex.add_input(name + ".id", f.id);
            if (standard_of[fi]) {
              ex.add_input(name + ".standard", standard_of[fi]->id);
              ex.add_input(name + ".aspect", aspect_name(standard_of[fi]->aspect));
            }
            ex.add_input(name + ".classification", finding_class_name(f.classification));
            ex.add_input(name + ".severity", severity_name(f.severity));
          }
        }
      }
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

std::vector<BatchHit> screen_batch(const Columns &c, Date as_of, const std::vector<Rule> &rs) {
  return screen_batch(c, FindingColumns{}, as_of, rs, {});
}

std::vector<BatchHit> screen_batch(const Columns &c, const FindingColumns &fc, Date as_of,
                                   const std::vector<Rule> &rs, const std::vector<Standard> &catalogue) {
  const std::size_t n = c.cadre.size();
  if (c.kind.size() != n || c.period.size() != n || c.rank.size() != n ||
      c.group_size.size() != n || c.rating.size() != n)
    throw InvalidInput("columns differ in length", "columns");
  const std::size_t nf = fc.cadre.size();
  if (fc.standard.size() != nf || fc.source.size() != nf || fc.classification.size() != nf ||
      fc.severity.size() != nf || fc.date.size() != nf)
    throw InvalidInput("finding columns differ in length", "findings");
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  const std::int32_t last_period = (static_cast<std::int32_t>(as_of.year()) + 1) * 100;  // exclusive
  const auto as_of_days = static_cast<std::int32_t>(to_days(as_of));
  std::vector<FastShare> fs;
  std::vector<std::int32_t> from_days;  // finding rules: findings dated after this day count
  fs.reserve(rs.size());
  for (const auto &r : rs) {
    fs.emplace_back(r);
    from_days.push_back(r.within_years > 0 ? static_cast<std::int32_t>(to_days(add_months(as_of, -12 * r.within_years)))
                                           : std::numeric_limits<std::int32_t>::min());
  }
  std::vector<std::uint8_t> aspect_of(catalogue.size());
  for (std::size_t k = 0; k < catalogue.size(); ++k) aspect_of[k] = static_cast<std::uint8_t>(catalogue[k].aspect);
  const auto n_std = static_cast<std::int64_t>(catalogue.size());

  std::vector<BatchHit> out;
  // Room for one hit in eight records (plus the findings) up front, so that the usual run does
  // not copy the hits while they grow; only the pages written are touched.
  out.reserve(n / 8 + nf / 4 + 16);
  std::vector<Obs> obs;
  std::vector<std::uint32_t> pos;
  obs.reserve(64);
  pos.reserve(64);
  std::size_t i = 0, fi = 0;
  while (i < n || fi < nf) {
    const std::int64_t cadre = i < n && (fi >= nf || c.cadre[i] <= fc.cadre[fi]) ? c.cadre[i] : fc.cadre[fi];
    std::size_t j = i;
    std::int32_t last[kind_count] = {0, 0, 0, 0};
    for (; j < n && c.cadre[j] == cadre; ++j) {
      auto row = [&](const char *col) { return InvalidInput(std::string("bad value in column ") + col, col, "row " + std::to_string(j + 1)); };
      if (c.kind[j] >= kind_count) throw row("kind");
      if (c.rating[j] >= rating_count) throw row("rating");
      const std::int32_t p = c.period[j];
      if (p / 100 < 1900 || p / 100 > 9999 || p % 100 < 0) throw row("period");
      const std::int32_t rk = c.rank[j], g = c.group_size[j];
      if (rk < 0 || g < 0 || (rk > 0 && rk > g)) throw row("rank");
      if (!rating_fits(static_cast<Kind>(c.kind[j]), static_cast<Rating>(c.rating[j]))) throw row("rating");
      std::int32_t &lp = last[c.kind[j]];
      if (p <= lp)
        throw InvalidInput("periods of a kind must increase within a cadre", "period", "row " + std::to_string(j + 1));
      lp = p;
    }
    if (j < n && c.cadre[j] < cadre)
      throw InvalidInput("rows must be sorted by cadre", "cadre", "row " + std::to_string(j + 1));
    std::size_t fj = fi;
    for (; fj < nf && fc.cadre[fj] == cadre; ++fj) {
      auto row = [&](const char *col) {
        return InvalidInput(std::string("bad value in column ") + col, col, "findings row " + std::to_string(fj + 1));
      };
      if (fc.source[fj] > 1) throw row("findings.source");
      if (fc.classification[fj] > 6) throw row("findings.classification");
      if (fc.severity[fj] > 3) throw row("findings.severity");
      if (fc.standard[fj] < -1 || fc.standard[fj] >= n_std) throw row("findings.standard");
      if (fc.standard[fj] < 0 && fc.source[fj] == static_cast<std::uint8_t>(FindingSource::qualitative))
        throw InvalidInput("a qualitative finding names the standard breached", "findings.standard",
                           "findings row " + std::to_string(fj + 1));
    }
    if (fj < nf && fc.cadre[fj] < cadre)
      throw InvalidInput("finding rows must be sorted by cadre", "findings.cadre", "findings row " + std::to_string(fj + 1));
    for (std::size_t ri = 0; ri < rs.size(); ++ri) {
      const Rule &r = rs[ri];
      if (r.target == Rule::Target::finding) {
        std::uint32_t count = 0;
        std::int32_t first = 0, lastd = 0;
        for (std::size_t k = fi; k < fj; ++k) {
          const std::int32_t day = fc.date[k];
          if (day > as_of_days || day <= from_days[ri]) continue;
          const std::uint8_t asp = fc.standard[k] >= 0 ? aspect_of[static_cast<std::size_t>(fc.standard[k])] : 0;
          if (!((r.sources >> fc.source[k]) & 1u) || !((r.aspects >> asp) & 1u) ||
              !((r.classes >> fc.classification[k]) & 1u) || fc.severity[k] < static_cast<std::uint8_t>(r.min_severity))
            continue;
          if (count == 0 || day < first) first = day;
          if (count == 0 || day > lastd) lastd = day;
          ++count;
        }
        if (count > 0 && static_cast<std::int64_t>(count) >= r.n)
          out.push_back({cadre, static_cast<std::uint32_t>(ri), first, lastd, count});
        continue;
      }
      obs.clear();
      const auto kind = static_cast<std::uint8_t>(r.kind);
      for (std::size_t k = i; k < j; ++k)
        if (c.kind[k] == kind && c.period[k] < last_period)
          obs.push_back({c.period[k], c.rank[k], c.group_size[k], c.rating[k], static_cast<std::uint32_t>(k)});
      if (obs.empty()) continue;
      if (pos.size() < obs.size()) pos.resize(obs.size());
      std::size_t m = evaluate(r, fs[ri], obs.data(), obs.size(), pos.data());
      if (m == 0) continue;
      out.push_back({cadre, static_cast<std::uint32_t>(ri), obs[pos[0]].period, obs[pos[m - 1]].period,
                     static_cast<std::uint32_t>(m)});
    }
    i = j;
    fi = fj;
  }
  return out;
}

}  // namespace cadrekit::assessment

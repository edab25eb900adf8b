// HURE.1–HURE.4: the growth file (一人一档), its derived figures, the gaps of a career and the
// postings that fill them, and a proposal of postings for a pool within given places.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "detail.hpp"

namespace cadrekit::talent {

PostingKind parse_posting_kind(std::string_view t, std::string_view field) {
  return static_cast<PostingKind>(vocabulary::parse_code(vocabulary::posting_kinds(), t, field));
}
const char *posting_kind_name(PostingKind k) noexcept {
  switch (k) {
    case PostingKind::post: return "post";
    case PostingKind::village_residency: return "village_residency";
    case PostingKind::secondment: return "secondment";
    case PostingKind::frontline: return "frontline";
    case PostingKind::exchange: return "exchange";
  }
  return "?";
}
const char *gap_kind_name(GapKind k) noexcept {
  switch (k) {
    case GapKind::no_grassroots: return "no_grassroots";
    case GapKind::narrow_view: return "narrow_view";
    case GapKind::single_track: return "single_track";
    case GapKind::no_principal_post: return "no_principal_post";
  }
  return "?";
}
const char *posting_for(GapKind k) noexcept {
  switch (k) {
    case GapKind::no_grassroots: return "village_residency";
    case GapKind::narrow_view: return "secondment";
    case GapKind::single_track: return "exchange";
    case GapKind::no_principal_post: return "hard_post";
  }
  return "?";
}

void validate(const GrowthFile &g) {
  const std::string rec = g.cadre_id;
  if (vocabulary::blank(g.cadre_id)) throw InvalidInput("cadre_id is empty", "cadre_id");
  if (g.rank_since && g.rank_since->is_special()) throw InvalidInput("rank_since is not a date", "rank_since", rec);
  for (std::size_t i = 0; i < g.postings.size(); ++i) {
    const auto &p = g.postings[i];
    const std::string f = "postings[" + std::to_string(i) + "]";
    if (p.from.is_special()) throw InvalidInput("from is not a date", f + ".from", rec);
    if (p.until && (p.until->is_special() || *p.until < p.from))
      throw InvalidInput("until is before from", f + ".until", rec);
    if (p.households < 0) throw InvalidInput("households is negative", f + ".households", rec);
  }
  for (std::size_t i = 0; i < g.trainings.size(); ++i) {
    const auto &t = g.trainings[i];
    const std::string f = "trainings[" + std::to_string(i) + "]";
    if (t.from.is_special()) throw InvalidInput("from is not a date", f + ".from", rec);
    if (t.until && (t.until->is_special() || *t.until < t.from))
      throw InvalidInput("until is before from", f + ".until", rec);
  }
  std::set<int> years;
  for (std::size_t i = 0; i < g.results.size(); ++i)
    if (!years.insert(g.results[i].year).second)
      throw InvalidInput("two results for one year", "results[" + std::to_string(i) + "].year", rec);
}

GrowthFigures growth_figures(const GrowthFile &g, Date as_of) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  validate(g);
  GrowthFigures f;
  std::vector<std::pair<std::int32_t, std::int32_t>> spans;  // [from, until) at grassroots, up to as_of
  std::set<std::string> sectors;
  const std::int32_t end_day = to_days(as_of) + 1;  // as_of itself counts
  for (const auto &p : g.postings) {
    if (p.from > as_of) continue;
    if (!p.sector.empty()) sectors.insert(p.sector);
    if (p.kind == PostingKind::secondment) ++f.secondments_upward;
    if (p.principal) ++f.principal_posts;
    const bool grass = p.grassroots || p.kind == PostingKind::village_residency || p.kind == PostingKind::frontline;
    if (grass) {
      std::int32_t a = to_days(p.from), b = p.until ? std::min(to_days(*p.until), end_day) : end_day;
      if (b > a) spans.emplace_back(a, b);
    }
  }
  std::sort(spans.begin(), spans.end());
  std::int32_t cur_a = 0, cur_b = 0;
  bool open = false;
  for (const auto &[a, b] : spans) {
    if (open && a <= cur_b) {
      cur_b = std::max(cur_b, b);
    } else {
      if (open) f.grassroots_days += cur_b - cur_a;
      cur_a = a;
      cur_b = b;
      open = true;
    }
  }
  if (open) f.grassroots_days += cur_b - cur_a;
  f.grassroots_years = static_cast<int>(f.grassroots_days / 365);
  f.distinct_sectors = static_cast<int>(sectors.size());
  if (g.rank_since && *g.rank_since <= as_of) {
    f.years_at_rank = whole_years_between(*g.rank_since, as_of);
    f.days_at_rank = to_days(as_of) - to_days(*g.rank_since);
  }
  return f;
}

std::vector<CareerGap> career_gaps(const GrowthFile &g, Date as_of, const Policy &policy, Explanation *ex) {
  const GrowthFigures f = growth_figures(g, as_of);
  std::vector<CareerGap> out;
  if (ex) {
    if (ex->subject.empty()) ex->subject = "cadre " + g.cadre_id;
    ex->add_input("grassroots_days", std::to_string(f.grassroots_days));
    ex->add_input("grassroots_years", std::to_string(f.grassroots_years));
    ex->add_input("distinct_sectors", std::to_string(f.distinct_sectors));
    ex->add_input("secondments_upward", std::to_string(f.secondments_upward));
    ex->add_input("principal_posts", std::to_string(f.principal_posts));
    if (f.years_at_rank) ex->add_input("years_at_rank", std::to_string(*f.years_at_rank));
  }
  struct Check {
    GapKind gap;
    const char *param;
    std::int64_t value;
    const char *clause;
    const char *what_zh;
    const char *what_en;
    const char *posting_zh;
  };
  const Check checks[] = {
      {GapKind::no_grassroots, "talent.gap.min_grassroots_years", f.grassroots_years, "HURE.2", "基层工作年限",
       "year(s) at grassroots", "驻村工作"},
      {GapKind::narrow_view, "talent.gap.min_secondments", f.secondments_upward, "HURE.2", "到上级机关挂职次数",
       "secondment(s) upward", "到自治区、市级厅局挂职"},
      {GapKind::single_track, "talent.gap.min_sectors", f.distinct_sectors, "HURE.3", "工作过的部门、行业数",
       "distinct sector(s)", "跨部门、跨行业、跨地区交流"},
      {GapKind::no_principal_post, "talent.gap.min_principal_posts", f.principal_posts, "HURE.4", "担任党政正职次数",
       "principal post(s)", "到吃劲岗位担任主官"},
  };
  for (const auto &c : checks) {
    const std::int64_t thr = policy.integer(c.param, as_of, ex);
    if (c.value >= thr) continue;
    CareerGap cg;
    cg.gap = c.gap;
    cg.posting = posting_for(c.gap);
    cg.value = c.value;
    cg.threshold = thr;
    cg.parameter = c.param;
    cg.reason = {gap_kind_name(c.gap),
                 std::string(c.what_zh) + std::to_string(c.value) + "，少于" + std::to_string(thr) + "：安排" + c.posting_zh,
                 std::to_string(c.value) + " " + c.what_en + ", fewer than " + std::to_string(thr) + ": " + cg.posting};
    if (ex) ex->add_rule({std::string("talent.gap.") + gap_kind_name(c.gap), c.clause, cg.reason.zh, cg.reason.en});
    out.push_back(std::move(cg));
  }
  if (ex && out.empty()) ex->add_rule({"talent.gap.none", "HURE.2", "无需补齐的短板", "no gap to fill"});
  if (ex && !out.empty()) {
    // Gaps found: what decided are the thresholds missed and their figures; a threshold met
    // is detail. The years at the rank are read for the postings, not for any gap.
    static constexpr std::pair<std::string_view, std::string_view> kFigures[] = {
        {"talent.gap.min_grassroots_years", "grassroots_years"},
        {"talent.gap.min_secondments", "secondments_upward"},
        {"talent.gap.min_sectors", "distinct_sectors"},
        {"talent.gap.min_principal_posts", "principal_posts"},
    };
    for (const auto &entry : kFigures) {
      // named, not a structured binding: Clang 14 cannot capture a binding in the lambda below
      const std::string_view param = entry.first, figure = entry.second;
      if (std::any_of(out.begin(), out.end(), [&](const CareerGap &g) { return g.parameter == param; })) continue;
      ex->mark_parameter_detail(param);
      for (InputUsed &in : ex->inputs)
        if (in.name == figure || (figure == "grassroots_years" && in.name == "grassroots_days")) in.detail = true;
    }
  }
  if (ex)
    for (InputUsed &in : ex->inputs)
      if (in.name == "years_at_rank") in.detail = true;
  return out;
}

std::vector<Proposal> propose_postings(std::span<const GrowthFile> files, std::span<const Places> places,
                                       Date as_of, const Policy &policy) {
  std::map<std::string, std::int64_t> cap;
  for (std::size_t i = 0; i < places.size(); ++i) {
    const auto &p = places[i];
    const std::string f = "places[" + std::to_string(i) + "]";
    if (p.posting != "village_residency" && p.posting != "secondment" && p.posting != "exchange" &&
        p.posting != "hard_post")
      throw InvalidInput("unknown posting (village_residency, secondment, exchange, hard_post)", f + ".posting");
    if (p.places < 0) throw InvalidInput("places is negative", f + ".places");
    if (!cap.emplace(p.posting, p.places).second) throw InvalidInput("posting given twice", f + ".posting");
  }
  std::set<std::string> ids;
  struct Item {
    std::string cadre_id;
    GapKind gap;
    std::int64_t key;  // the finer figure: smaller = larger gap
    CareerGap cg;
  };
  std::vector<Item> items;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto &g = files[i];
    if (!ids.insert(g.cadre_id).second)
      throw InvalidInput("duplicate cadre id", "cadre_id", "growth_files[" + std::to_string(i) + "]");
    std::vector<CareerGap> gs;
    GrowthFigures f;
    try {
      gs = career_gaps(g, as_of, policy);
      f = growth_figures(g, as_of);
    } catch (const InvalidInput &e) {
      throw InvalidInput(e.message(), e.field(), "growth_files[" + std::to_string(i) + "]");
    }
    for (auto &cg : gs) {
      const std::int64_t key = cg.gap == GapKind::no_grassroots ? f.grassroots_days : cg.value;
      items.push_back({g.cadre_id, cg.gap, key, std::move(cg)});
    }
  }
  std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
    if (a.gap != b.gap) return a.gap < b.gap;
    if (a.key != b.key) return a.key < b.key;
    return a.cadre_id < b.cadre_id;
  });
  std::vector<Proposal> out;
  std::map<GapKind, std::int64_t> used;
  for (const auto &it : items) {
    const std::string posting = posting_for(it.gap);
    auto c = cap.find(posting);
    if (c == cap.end()) continue;
    const std::int64_t order = ++used[it.gap];
    Proposal p{it.cadre_id, posting, it.gap, order <= c->second, order, it.cg.reason};
    const std::string tot = std::to_string(c->second);
    if (p.placed) {
      p.reason.zh += "；第" + std::to_string(order) + "位，在" + tot + "个名额内";
      p.reason.en += "; number " + std::to_string(order) + " of " + tot + " place(s)";
    } else {
      p.reason.zh += "；第" + std::to_string(order) + "位，超出" + tot + "个名额，候补";
      p.reason.en += "; number " + std::to_string(order) + ", beyond the " + tot + " place(s): waiting";
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace cadrekit::talent

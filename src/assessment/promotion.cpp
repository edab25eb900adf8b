// Promotion cases through the six gates of HORQIN.1, with vetoes.
#include <algorithm>
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "cadrekit/disclosure.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace cadrekit::assessment {

namespace json = boost::json;

const char *promotion_status_name(PromotionCase::Status s) noexcept {
  switch (s) {
    case PromotionCase::Status::open: return "open";
    case PromotionCase::Status::promoted: return "promoted";
    case PromotionCase::Status::stopped: return "stopped";
  }
  return "?";
}

namespace {
PromotionCase::Status parse_status(const std::string &s) {
  if (s == "open") return PromotionCase::Status::open;
  if (s == "promoted") return PromotionCase::Status::promoted;
  if (s == "stopped") return PromotionCase::Status::stopped;
  throw InvalidInput("unknown status (open, promoted, stopped)", "status");
}

std::string years_param(const Policy &p, Rank from, Rank to) {
  std::string name = min_years_at_rank_param(p, from, to);
  if (name.empty())
    throw PolicyError("the policy has no minimum years for this step",
                      std::string("promotion.min_years_at_rank.") + rank_name(from) + "_to_" + rank_name(to),
                      p.name());
  return name;
}
}  // namespace

std::string min_years_at_rank_param(const Policy &p, Rank from, Rank to) {
  std::string generic = std::string("promotion.min_years_at_rank.") + rank_name(from) + "_to_" + rank_name(to);
  if (p.has(generic)) return generic;
  if (from == Rank::keyuan && to == Rank::fu_ke && p.has("promotion.min_years_at_rank.staff_to_deputy"))
    return "promotion.min_years_at_rank.staff_to_deputy";
  if (from == Rank::fu_ke && to == Rank::zheng_ke && p.has("promotion.min_years_at_rank.deputy_to_principal"))
    return "promotion.min_years_at_rank.deputy_to_principal";
  return {};
}

std::string min_years_at_rank_param(const Policy &p, Rank from) {
  if (from >= Rank::zheng_ting) return {};
  return min_years_at_rank_param(p, from, static_cast<Rank>(static_cast<int>(from) + 1));
}

PromotionCase::PromotionCase(std::string case_id, PromotionFacts facts)
    : case_id_(std::move(case_id)), facts_(std::move(facts)) {
  if (vocabulary::blank(case_id_)) throw InvalidInput("case_id is empty", "case_id");
  if (vocabulary::blank(facts_.cadre_id)) throw InvalidInput("cadre_id is empty", "cadre_id", case_id_);
  if (facts_.target_rank <= facts_.current_rank)
    throw InvalidInput("the target rank is not above the current rank", "target_rank", case_id_);
  if (facts_.rank_since.is_special()) throw InvalidInput("rank_since is not a date", "rank_since", case_id_);
  if (facts_.work_started && facts_.work_started->is_special())
    throw InvalidInput("work_started is not a date", "work_started", case_id_);
}

std::optional<Gate> PromotionCase::next_gate() const {
  if (status_ != Status::open) return std::nullopt;
  return static_cast<Gate>(gates_.size());
}

std::vector<Veto> PromotionCase::vetoes(Date as_of, const Policy &policy, Explanation *ex,
                                        const disclosure::Case *disclosure) const {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of", case_id_);
  std::vector<Veto> out;
  if (facts_.integrity_problem)
    out.push_back({"integrity", "德方面存在问题，不作为提名人选", "a problem of integrity: not nominated", "HORQIN.1"});
  if (facts_.poor_reputation)
    out.push_back({"reputation", "形象口碑差，不作为提名人选", "a poor reputation: not nominated", "HORQIN.1"});
  if (facts_.open_disposal_case)
    out.push_back({"open_disposal", "处置调整案件尚未办结", "a disposal case is open", "HORQIN.5"});
  std::optional<disclosure::ProceedCheck> proceed;
  if (disclosure != nullptr) proceed = disclosure->can_proceed(as_of);
  if (proceed && !proceed->ok) {
    std::string why;  // reason codes of the disclosure module, e.g. complaint_unresolved:C1
    for (const auto &r : proceed->reasons) why += (why.empty() ? "" : ", ") + r;
    out.push_back({"disclosure", "事项公开案件不能继续（" + why + "）",
                   "the disclosure case cannot proceed (" + why + ")", "KAILU"});
  } else if (facts_.disclosure_blocked) {
    out.push_back({"disclosure", "事项公开未能通过", "the disclosure case cannot proceed", "KAILU"});
  }
  if (as_of < facts_.rank_since)
    throw InvalidInput("as_of is before rank_since", "rank_since", case_id_);
  const std::string yp = years_param(policy, facts_.current_rank, facts_.target_rank);
  const std::int64_t min_rank = policy.integer(yp, as_of, ex);
  const int at_rank = whole_years_between(facts_.rank_since, as_of);
  if (at_rank < min_rank)
    out.push_back({"years_at_rank",
                   "现职级任职" + std::to_string(at_rank) + "年，不足" + std::to_string(min_rank) + "年",
                   std::to_string(at_rank) + " year(s) at the current rank, fewer than " + std::to_string(min_rank),
                   "HORQIN.1"});
  if (!facts_.work_started) throw InvalidInput("work_started is needed for a promotion", "work_started", case_id_);
  if (as_of < *facts_.work_started) throw InvalidInput("as_of is before work_started", "work_started", case_id_);
  const std::int64_t min_work = policy.integer("promotion.min_years_work", as_of, ex);
  const int work = whole_years_between(*facts_.work_started, as_of);
  if (work < min_work)
    out.push_back({"years_of_work", "工龄" + std::to_string(work) + "年，不足" + std::to_string(min_work) + "年",
                   std::to_string(work) + " year(s) of work, fewer than " + std::to_string(min_work), "HORQIN.1"});
  if (ex) {
    if (ex->subject.empty()) ex->subject = "cadre " + facts_.cadre_id;
    if (disclosure != nullptr) {
      ex->add_input("disclosure_case", disclosure->id());
      ex->add_input("disclosure_case.can_proceed", proceed->ok ? "true" : "false");
    }
    if (facts_.disclosure_blocked) ex->add_input("disclosure_blocked", "true");
    ex->add_input("years_at_rank", std::to_string(at_rank));
    ex->add_input("years_of_work", std::to_string(work));
    for (const auto &v : out) ex->add_rule({"assessment.promotion.veto." + v.code, v.clause, v.reason_zh, v.reason_en});
    if (out.empty())
      ex->add_rule({"assessment.promotion.no_veto", "HORQIN.1", "无否决情形", "no veto applies"});
    // Vetoed: what decided are the vetoes; a length of service that was long enough is detail
    // (its minimum and the years). With no veto, every condition met decided.
    auto vetoed = [&](std::string_view code) {
      return std::any_of(out.begin(), out.end(), [&](const Veto &v) { return v.code == code; });
    };
    auto detail_input = [&](std::string_view name) {
      for (InputUsed &in : ex->inputs)
        if (in.name == name) in.detail = true;
    };
    if (!out.empty() && !vetoed("years_at_rank")) {
      ex->mark_parameter_detail(yp);
      detail_input("years_at_rank");
    }
    if (!out.empty() && !vetoed("years_of_work")) {
      ex->mark_parameter_detail("promotion.min_years_work");
      detail_input("years_of_work");
    }
  }
  return out;
}

void PromotionCase::expect_gate(Gate gate, Date date) const {
  if (date.is_special()) throw InvalidInput("date is not a date", "date", case_id_);
  if (status_ != Status::open)
    throw StateError(std::string("the case is closed (") + promotion_status_name(status_) + ")", "gate", case_id_);
  Gate next = static_cast<Gate>(gates_.size());
  if (gate != next)
    throw StateError(std::string("the next gate is ") + gate_name(next) + " (" + gate_name_zh(next) + "), not " +
                         gate_name(gate) + " (" + gate_name_zh(gate) + ")",
                     "gate", case_id_);
  if (!gates_.empty() && date < gates_.back().date)
    throw StateError("date is before the previous gate", "date", case_id_);
}

void PromotionCase::check_post_quota(Date date, std::int64_t approved, std::int64_t filled,
                                     std::string actor, const Policy &policy,
                                     const disclosure::Case *disclosure) {
  expect_gate(Gate::post_quota, date);
  if (actor.empty()) throw InvalidInput("actor is empty", "actor", case_id_);
  if (approved < 0 || filled < 0) throw InvalidInput("post counts are negative", "approved_posts", case_id_);
  if (filled < approved) {
    pass_gate(Gate::post_quota, date, std::move(actor), policy,
              "vacancy: " + std::to_string(filled) + "/" + std::to_string(approved), disclosure);
  } else {
    fail_gate(Gate::post_quota, date, std::move(actor),
              "no vacancy: " + std::to_string(filled) + "/" + std::to_string(approved) + " posts filled");
  }
}

void PromotionCase::pass_gate(Gate gate, Date date, std::string actor, const Policy &policy,
                              std::string note, const disclosure::Case *disclosure) {
  expect_gate(gate, date);
  if (actor.empty()) throw InvalidInput("actor is empty", "actor", case_id_);
  std::vector<Veto> vs = vetoes(date, policy, nullptr, disclosure);  // may throw: nothing changed yet
  GateResult g{gate, date, vs.empty(), std::move(actor), std::move(note), {}};
  for (const auto &v : vs) {
    g.vetoes.push_back(v.code);
    if (!g.note.empty()) g.note += "; ";
    g.note += v.reason_en;
  }
  gates_.push_back(std::move(g));
  if (!vs.empty()) status_ = Status::stopped;
  else if (gate == Gate::decision) status_ = Status::promoted;
}

void PromotionCase::fail_gate(Gate gate, Date date, std::string actor, std::string reason) {
  expect_gate(gate, date);
  if (actor.empty()) throw InvalidInput("actor is empty", "actor", case_id_);
  if (reason.empty()) throw InvalidInput("a gate that is not passed gives its reason", "reason", case_id_);
  gates_.push_back({gate, date, false, std::move(actor), std::move(reason), {}});
  status_ = Status::stopped;
}

std::string PromotionCase::to_json() const {
  json::object o;
  o["case_id"] = case_id_;
  json::object f;
  f["cadre_id"] = facts_.cadre_id;
  f["unit_id"] = facts_.unit_id;
  f["current_rank"] = rank_name(facts_.current_rank);
  f["target_rank"] = rank_name(facts_.target_rank);
  f["rank_since"] = to_iso(facts_.rank_since);
  f["work_started"] = facts_.work_started ? json::value(to_iso(*facts_.work_started)) : json::value(nullptr);
  f["integrity_problem"] = facts_.integrity_problem;
  f["poor_reputation"] = facts_.poor_reputation;
  f["open_disposal_case"] = facts_.open_disposal_case;
  f["disclosure_blocked"] = facts_.disclosure_blocked;
  o["facts"] = std::move(f);
  o["status"] = promotion_status_name(status_);
  json::array gs;
  for (const auto &g : gates_) {
    json::object x;
    x["gate"] = gate_name(g.gate);
    x["date"] = to_iso(g.date);
    x["passed"] = g.passed;
    x["actor"] = g.actor;
    x["note"] = g.note;
    json::array v;
    for (const auto &c : g.vetoes) v.emplace_back(c);
    x["vetoes"] = std::move(v);
    gs.emplace_back(std::move(x));
  }
  o["gates"] = std::move(gs);
  return json::serialize(o);
}

PromotionCase PromotionCase::from_json(std::string_view text) {
  const json::value v = json_read::parse(text, "case");
  const json_read::Fields o(v, "case");
  o.only({"case_id", "facts", "status", "gates"});
  PromotionFacts f = detail::promotion_facts_from_json(json_read::as_object(o.need("facts"), "facts"));
  PromotionCase c(o.text("case_id"), f);
  if (const auto *gs = o.find("gates")) {
    std::size_t i = 0;
    for (const auto &gv : json_read::as_array(*gs, "gates", c.case_id_)) {
      std::string path = "gates[" + std::to_string(i++) + "].";
      const json_read::Fields g(gv, path, path);
      g.only({"gate", "date", "passed", "actor", "note", "vetoes"});
      GateResult r;
      r.gate = parse_gate(g.text("gate"), path + "gate");
      r.date = g.date("date");
      c.expect_gate(r.gate, r.date);
      const auto *p = g.find("passed");
      if (!p || !p->is_bool()) throw InvalidInput("expected true or false", path + "passed", c.case_id_);
      r.passed = p->get_bool();
      r.actor = g.text("actor");
      r.note = g.text_or("note");
      r.vetoes = g.texts("vetoes");
      if (r.passed && !r.vetoes.empty()) throw InvalidInput("a passed gate has no vetoes", path + "vetoes", c.case_id_);
      if (r.actor.empty()) throw InvalidInput("actor is empty", path + "actor", c.case_id_);
      c.gates_.push_back(std::move(r));
      if (!c.gates_.back().passed) c.status_ = Status::stopped;
      else if (c.gates_.back().gate == Gate::decision) c.status_ = Status::promoted;
    }
  }
  if (const auto *s = o.find("status"))
    if (parse_status(json_read::text(*s, "status")) != c.status_)
      throw InvalidInput("status does not match the gates", "status", c.case_id_);
  return c;
}

}  // namespace cadrekit::assessment

namespace cadrekit::assessment::detail {

PromotionFacts promotion_facts_from_json(const boost::json::object &facts) {
  const json_read::Fields fo(facts, "facts.");
  fo.only({"cadre_id", "unit_id", "current_rank", "target_rank", "rank_since", "work_started", "integrity_problem",
           "poor_reputation", "open_disposal_case", "disclosure_blocked"});
  PromotionFacts f;
  f.cadre_id = fo.text("cadre_id");
  f.unit_id = fo.text_or("unit_id");
  f.current_rank = parse_rank(fo.text("current_rank"), "facts.current_rank");
  f.target_rank = parse_rank(fo.text("target_rank"), "facts.target_rank");
  f.rank_since = fo.date("rank_since");
  f.work_started = fo.date_or_none("work_started");
  f.integrity_problem = fo.boolean_or("integrity_problem");
  f.poor_reputation = fo.boolean_or("poor_reputation");
  f.open_disposal_case = fo.boolean_or("open_disposal_case");
  f.disclosure_blocked = fo.boolean_or("disclosure_blocked");
  return f;
}

}  // namespace cadrekit::assessment::detail

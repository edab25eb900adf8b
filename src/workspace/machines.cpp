// The machines: each case kind's log replayed through the library's own case type. The rules
// (which step may follow which, what is due when) are the library's; what is here is only the
// bookkeeping of which recorded step answers which due item.
#include <algorithm>
#include <map>
#include <set>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/disclosure.hpp"
#include "cadrekit/village.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace cadrekit::workspace::detail {

namespace json = boost::json;

namespace {

std::string iso(Date d) { return to_iso(d); }

/// The library's action: the event's members plus the op and the date under the names given.
std::string library_action(const Event &e, const char *op_key) {
  json::object a = e.members;
  a[op_key] = e.op;
  a["date"] = iso(e.effective);
  return json::serialize(a);
}

Date year_end(int year) { return Date(static_cast<unsigned short>(year), 12, 31); }

std::string due_state(Date due, Date as_of) { return due < as_of ? "overdue" : "due"; }

[[noreturn]] void not_opened(const Event &e, CaseKind kind) {
  throw StateError("the " + std::string(case_kind_name(kind)) + " case has not been opened: its first op must be one of " +
                       op_names(kind) + " that opens a case, not " + e.op,
                   "op");
}

// ------------------------------------------------------------------------------------------
// disposal: assessment::DisposalCase through disposal_apply_json; the follow-up ledger
// (assessment::follow_up_ledger) over the talks and visits recorded after the decision.
// ------------------------------------------------------------------------------------------

class DisposalMachine final : public Machine {
 public:
  explicit DisposalMachine(std::string id) : id_(std::move(id)) {}

  std::string apply(Event &e, const Context &) override {
    using namespace assessment;
    if (e.op == "open") {
      if (case_json_) throw StateError("the case is already open", "op");
      json::object a;
      a["op"] = "open";
      a["case_id"] = id_;
      a["cadre_id"] = e.members.at("cadre_id");
      set(disposal_apply_json(std::nullopt, json::serialize(a)));
      return {};
    }
    if (!case_json_) not_opened(e, CaseKind::disposal);
    if (e.op == "advance" || e.op == "decide" || e.op == "close_no_action") {
      set(disposal_apply_json(std::string_view(*case_json_), library_action(e, "op")));
      return {};
    }
    const auto decided = case_->decision_date();
    if (!decided || case_->stage() == Stage::closed_no_action)
      throw StateError("follow-up starts with a decision (HORQIN.6): the case has none", "op");
    if (e.effective < *decided) throw StateError("dated before the decision", "date");
    if (ended_) throw StateError("the follow-up of this case has ended", "op");
    const std::string actor = member_text(e.members, "actor");
    if (actor.empty()) throw InvalidInput("missing", "actor");
    if (e.op == "follow_up") {
      held_.push_back({e.effective, parse_follow_up_kind(member_text(e.members, "kind"), "kind"), actor,
                       member_text(e.members, "note")});
    } else {  // follow_up_end
      ended_ = e.effective;
    }
    return {};
  }

  CaseStatus status(Date, const Context &) const override {
    using namespace assessment;
    CaseStatus s;
    if (!case_) return s;
    s.subject = case_->cadre_id();
    s.stage = stage_name(case_->stage());
    const bool decided = case_->decision_date().has_value() && case_->stage() != Stage::closed_no_action;
    s.open = case_->is_open() || (decided && !ended_);
    if (auto m = case_->method()) s.detail = std::string("method ") + disposal_method_name(*m);
    if (decided) {
      s.detail += (s.detail.empty() ? "" : "; ") + std::string("follow-ups held: ") + std::to_string(held_.size());
      if (ended_) s.detail += ", follow-up ended " + iso(*ended_);
    }
    return s;
  }

  void due(Date as_of, Date until, const Context &ctx, std::vector<DueItem> &out) const override {
    using namespace assessment;
    if (!case_) return;
    const auto decided = case_->decision_date();
    if (!decided || case_->stage() == Stage::closed_no_action) return;
    // One ledger up to `until`: an item is fulfilled by a talk or visit of its kind in
    // (previous due, due] (the library's rule); unfulfilled items due before as_of are overdue.
    for (const FollowUpStatus &f : follow_up_ledger(*decided, held_, until, ctx.policy)) {
      if (f.held) continue;
      if (ended_ && f.due.date > *ended_) continue;
      DueItem d;
      d.subject = case_->cadre_id();
      d.what = follow_up_kind_name(f.due.kind);
      d.due = f.due.date;
      d.state = due_state(f.due.date, as_of);
      d.detail = std::string(f.due.kind == FollowUpKind::monthly_talk ? "谈心谈话" : "回访") + " (HORQIN.6)";
      out.push_back(std::move(d));
    }
  }

  std::unique_ptr<Machine> clone() const override { return std::make_unique<DisposalMachine>(*this); }

 private:
  void set(std::string case_json) {
    case_.emplace(assessment::DisposalCase::from_json(case_json));
    case_json_ = std::move(case_json);
  }
  std::string id_;
  std::optional<std::string> case_json_;
  std::optional<assessment::DisposalCase> case_;
  std::vector<assessment::FollowUpHeld> held_;
  std::optional<Date> ended_;
};

// ------------------------------------------------------------------------------------------
// disclosure: disclosure::Case through case_open_json / case_apply_explained_json.
// ------------------------------------------------------------------------------------------

class DisclosureMachine final : public Machine {
 public:
  explicit DisclosureMachine(std::string id) : id_(std::move(id)) {}

  std::string apply(Event &e, const Context &ctx) override {
    if (e.op == "open") {
      if (case_json_) throw StateError("the case is already open", "op");
      if (!json_read::member(e.members, "record")) {
        // The record of the imported disclosure_records table: copied into the event, so the
        // log holds everything its replay needs.
        auto text = ctx.disclosure_record ? ctx.disclosure_record(id_) : std::nullopt;
        if (!text)
          throw InvalidInput("no record: give one, or import the disclosure_records table holding record " + id_,
                             "record");
        json::object m;
        m["record"] = json_read::parse(*text, "record");
        for (const auto &[k, v] : e.members) m[k] = v;
        e.members = std::move(m);
      }
      const json::value &rec = e.members.at("record");
      const json::value *rid = json_read::member(rec.as_object(), "id");
      if (!rid || !rid->is_string() || rid->get_string() != id_)
        throw InvalidInput("the record's id must be the case id", "record.id");
      json::object req;
      req["record"] = rec;
      req["date"] = iso(e.effective);
      req["actor"] = e.members.at("actor");
      set(disclosure::case_open_json(json::serialize(req), ctx.policy));
      return {};
    }
    if (!case_json_) not_opened(e, CaseKind::disclosure);
    json::object a = e.members;
    a["action"] = e.op;
    a["date"] = iso(e.effective);
    if (e.op == "record_finding") {
      // "matter:kind" as a table cell holds it -> the library's {"matter", "kind"}.
      json::array ds;
      if (const json::value *d = json_read::member(e.members, "discrepancies")) {
        for (const auto &x : d->as_array()) {
          if (x.is_object()) {
            ds.push_back(x);
            continue;
          }
          const std::string s(x.as_string());
          const auto colon = s.find(':');
          if (colon == std::string::npos)
            throw InvalidInput("each discrepancy is matter:kind", "discrepancies");
          ds.push_back(json::object{{"matter", s.substr(0, colon)}, {"kind", s.substr(colon + 1)}});
        }
      }
      a["discrepancies"] = std::move(ds);
    }
    const json::value r = json_read::parse(
        disclosure::case_apply_explained_json(*case_json_, json::serialize(a), ctx.calendar, ctx.policy), "case");
    set(json::serialize(r.at("case")));
    const json::value &ex = r.at("explanation");
    return ex.is_null() ? std::string() : canonical_explanation(json::serialize(ex), "explanation", {});
  }

  CaseStatus status(Date as_of, const Context &) const override {
    CaseStatus s;
    if (!case_) return s;
    s.subject = case_->current().proposed_post.empty() ? id_ : case_->current().proposed_post;
    const disclosure::CaseStatus st = case_->status();
    if (st != disclosure::CaseStatus::open) {
      s.stage = disclosure::to_string(st);
      s.open = false;
      return s;
    }
    s.open = true;
    const auto &rounds = case_->rounds();
    if (rounds.empty()) {
      s.stage = "opened";
    } else {
      const disclosure::RoundPlan &r = rounds.back();
      const std::string n = std::to_string(r.round);
      s.stage = as_of <= r.window.last ? "round" + n + "_window" : "round" + n + "_closed";
      s.detail = "round " + n + " window " + iso(r.window.first) + " to " + iso(r.window.last);
      if (r.round == 2 && as_of > r.window.last && case_->can_proceed(as_of).ok) {
        s.stage = "cleared";
        s.open = false;
      }
    }
    for (const auto &c : case_->complaints())
      if (c.status != disclosure::ComplaintStatus::decided) {
        s.stage = "complaint";
        s.detail = "complaint " + c.id + " " + disclosure::to_string(c.status);
      }
    return s;
  }

  void due(Date as_of, Date until, const Context &, std::vector<DueItem> &out) const override {
    if (!case_ || case_->status() != disclosure::CaseStatus::open) return;
    const auto &rounds = case_->rounds();
    auto item = [&](std::string what, std::optional<Date> due, std::string state, std::string detail) {
      DueItem d;
      d.subject = id_;
      d.what = std::move(what);
      d.due = due;
      d.state = std::move(state);
      d.detail = std::move(detail);
      out.push_back(std::move(d));
    };
    if (!rounds.empty()) {
      const disclosure::RoundPlan &r = rounds.back();
      if (as_of <= r.window.last && r.window.first <= until)
        item("round" + std::to_string(r.round) + "_window", r.window.last, "open",
             "posted " + iso(r.posted) + ", " + std::to_string(r.working_days) + " working days (KAILU.2)");
      if (r.round == 1 && as_of > r.window.last && case_->can_proceed(as_of).ok)
        item("round2", std::nullopt, "due", "round 1 closed without open complaints: round 2 may be posted (KAILU.2)");
    }
    for (const auto &c : case_->complaints())
      if (c.status != disclosure::ComplaintStatus::decided)
        item("complaint", std::nullopt, "open",
             "complaint " + c.id + " " + disclosure::to_string(c.status) + " since " + iso(c.received) + " (KAILU.3)");
  }

  std::unique_ptr<Machine> clone() const override { return std::make_unique<DisclosureMachine>(*this); }

 private:
  void set(std::string case_json) {
    case_.emplace(disclosure::Case::from_json(case_json));
    case_json_ = std::move(case_json);
  }
  std::string id_;
  std::optional<std::string> case_json_;
  std::optional<disclosure::Case> case_;
};

// ------------------------------------------------------------------------------------------
// tier: audit::TierHistory of one unit.
// ------------------------------------------------------------------------------------------

class TierMachine final : public Machine {
 public:
  explicit TierMachine(std::string unit) : unit_(std::move(unit)) {}

  std::string apply(Event &e, const Context &ctx) override {
    using namespace audit;
    if (e.op == "tiered") {
      // The module command's tiering: the start of the history, or the year's review.
      e.op = h_ ? "review" : "start";
      if (h_) e.members["year"] = static_cast<std::int64_t>(e.effective.year());
    }
    if (e.op == "start") {
      if (h_) throw StateError("the unit's tier history has begun: record a review", "op");
      TierHistory h(unit_);
      h.start(parse_level(member_text(e.members, "level"), "level"), e.effective,
              member_text(e.members, "note").empty() ? "initial level given" : member_text(e.members, "note"));
      h_ = std::move(h);
      return {};
    }
    if (!h_) not_opened(e, CaseKind::tier);
    if (e.op == "review") {
      const std::int64_t year = member_int(e.members, "year", e.effective.year());
      if (year < 1900 || year > 9999) throw InvalidInput("must be a year", "year");
      if (!json_read::member(e.members, "year")) e.members["year"] = year;
      h_->annual_review(parse_level(member_text(e.members, "level"), "level"), static_cast<int>(year), ctx.policy);
    } else if (e.op == "special_funds") {
      // Several funds may be open at once; each is known by its fund_id (the library names one
      // left out, and the event keeps that name, so that a completion can close it).
      const SpecialFundsResult r = h_->receive_special_funds(Money::parse(member_text(e.members, "amount"), "amount"),
                                                             e.effective, ctx.policy, member_text(e.members, "fund_id"));
      const std::string &fund = h_->open_funds().back().fund_id;
      e.members["fund_id"] = fund;
      funds_received_[fund] = e.effective;
      return r.explanation.to_json();
    } else {  // completion
      h_->complete_special_funds(e.effective, parse_finding(member_text(e.members, "finding"), "finding"),
                                 member_text(e.members, "fund_id"));
    }
    return {};
  }

  CaseStatus status(Date, const Context &) const override {
    CaseStatus s;
    if (!h_) return s;
    s.subject = unit_;
    const audit::Level l = h_->changes().back().level;
    s.stage = l == audit::Level::special ? "special" : std::string("level ") + audit::level_name(l);
    s.open = h_->special_funds_open();
    s.detail = std::string("last change ") + audit::change_kind_name(h_->changes().back().kind);
    for (const audit::OpenFund &f : h_->open_funds())
      s.detail += "; special funds " + f.fund_id + " open (band " + std::string(audit::funds_band_name(f.result.band)) + ")";
    return s;
  }

  void due(Date as_of, Date until, const Context &, std::vector<DueItem> &out) const override {
    if (!h_) return;
    for (const audit::OpenFund &open : h_->open_funds()) {  // one item per open fund
      const audit::SpecialFundsResult &f = open.result;
      const auto received = funds_received_.find(open.fund_id);
      DueItem d;
      d.subject = unit_;
      if (f.audit_within_years && received != funds_received_.end()) {
        // HOLINGOL.3: audited within N years of the funds (received + N years − 1 day).
        const Date by = received->second + boost::gregorian::years(*f.audit_within_years) - boost::gregorian::days(1);
        if (by > until) continue;
        d.what = "special_funds_audit";
        d.due = by;
        d.state = due_state(by, as_of);
        d.detail = "funds " + open.fund_id + " received " + iso(received->second) + ", audit within " +
                   std::to_string(*f.audit_within_years) + " years (HOLINGOL.3)";
      } else {
        d.what = f.tracking ? "tracking" : "completion_audit";
        d.state = "open";
        d.detail = "funds " + open.fund_id + ": " +
                   (f.tracking ? "special level: tracking supervision until completion (HOLINGOL.3)"
                               : "audit once the project is completed (HOLINGOL.3)");
      }
      out.push_back(std::move(d));
    }
  }

  std::unique_ptr<Machine> clone() const override { return std::make_unique<TierMachine>(*this); }

 private:
  std::string unit_;
  std::optional<audit::TierHistory> h_;
  std::map<std::string, Date> funds_received_;  ///< by fund_id, the funds open or once open
};

// ------------------------------------------------------------------------------------------
// audit_plan: the plan drawn by audit::plan (revised when drawn again) and the audits done.
// One audit serves every obligation of its unit in its year (HOLINGOL.2, docs/audit.md).
// ------------------------------------------------------------------------------------------

class PlanMachine final : public Machine {
 public:
  explicit PlanMachine(std::string id) : id_(std::move(id)) {}

  std::string apply(Event &e, const Context &) override {
    if (e.op == "drawn" && drawn_) e.op = "revised";
    if (e.op == "drawn" || e.op == "revised") {
      if (e.op == "revised" && !drawn_) not_opened(e, CaseKind::audit_plan);
      const std::int64_t first = member_int(e.members, "first_year"), last = member_int(e.members, "last_year");
      if (first < 1900 || last > 9999 || first > last) throw InvalidInput("first_year…last_year is not a range of years", "last_year");
      if (id_ != std::to_string(first) + "-" + std::to_string(last))
        throw InvalidInput("a plan's case id is first_year-last_year", "case_id");
      std::vector<Planned> planned;
      const auto &audits = e.members.at("audits").as_array();
      for (std::size_t i = 0; i < audits.size(); ++i) {
        const std::string rec = "audits[" + std::to_string(i) + "]";
        if (!audits[i].is_object()) throw InvalidInput("must be an object", rec);
        const json::object &a = audits[i].get_object();
        Planned p;
        const json::value *y = json_read::member(a, "year");
        p.year = y ? json_read::integer(*y, rec + ".year") : 0;
        if (p.year < first || p.year > last) throw InvalidInput("outside the plan's years", rec + ".year");
        const json::value *u = json_read::member(a, "unit_id");
        p.unit_id = u ? json_read::text(*u, rec + ".unit_id") : "";
        if (p.unit_id.empty()) throw InvalidInput("missing", rec + ".unit_id");
        const json::value *k = json_read::member(a, "kind");
        p.kind = audit::audit_kind_name(audit::parse_audit_kind(k ? json_read::text(*k, rec + ".kind") : "", rec + ".kind"));
        planned.push_back(std::move(p));
      }
      planned_ = std::move(planned);
      drawn_ = true;
      stage_ = e.op;
      return {};
    }
    if (!drawn_) not_opened(e, CaseKind::audit_plan);
    Done d;
    d.unit_id = member_text(e.members, "unit_id");
    d.date = e.effective;
    audit::parse_audit_kind(member_text(e.members, "kind"), "kind");
    const std::string finding = member_text(e.members, "finding");
    audit::parse_finding(finding.empty() ? "none" : finding, "finding");
    done_.push_back(std::move(d));
    return {};
  }

  CaseStatus status(Date, const Context &) const override {
    CaseStatus s;
    s.subject = id_;
    s.stage = stage_;
    std::size_t done = 0;
    for (const auto &p : planned_) done += is_done(p);
    s.open = done < planned_.size();
    s.detail = std::to_string(done) + " of " + std::to_string(planned_.size()) + " planned audits done";
    return s;
  }

  void due(Date as_of, Date until, const Context &, std::vector<DueItem> &out) const override {
    for (const auto &p : planned_) {
      const Date by = year_end(static_cast<int>(p.year));
      if (is_done(p) || p.year > until.year()) continue;
      DueItem d;
      d.subject = p.unit_id;
      d.what = "planned_audit";
      d.due = by;
      d.state = due_state(by, as_of);
      d.detail = p.kind + " audit of " + p.unit_id + " planned for " + std::to_string(p.year) + " (HOLINGOL.2)";
      out.push_back(std::move(d));
    }
  }

  std::unique_ptr<Machine> clone() const override { return std::make_unique<PlanMachine>(*this); }

 private:
  struct Planned {
    std::int64_t year = 0;
    std::string unit_id, kind;
  };
  struct Done {
    std::string unit_id;
    Date date;
  };
  bool is_done(const Planned &p) const {
    return std::any_of(done_.begin(), done_.end(),
                       [&](const Done &d) { return d.unit_id == p.unit_id && d.date.year() == p.year; });
  }
  std::string id_;
  bool drawn_ = false;
  std::string stage_;
  std::vector<Planned> planned_;
  std::vector<Done> done_;
};

// ------------------------------------------------------------------------------------------
// village_pay: the year's sheet (village::pay_sheet's lines and their actions), the quarterly
// publicity windows (village::publicity_window) and the actions done.
// ------------------------------------------------------------------------------------------

int case_year(const std::string &id, CaseKind kind) {
  if (id.size() != 4 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw InvalidInput(std::string("the case id of a ") + case_kind_name(kind) + " case is its year", "case_id");
  return std::stoi(id);
}

class PayMachine final : public Machine {
 public:
  explicit PayMachine(std::string id) : id_(std::move(id)) {}

  std::string apply(Event &e, const Context &ctx) override {
    const int year = case_year(id_, CaseKind::village_pay);
    if (e.op == "computed") {
      if (member_int(e.members, "year") != year) throw InvalidInput("must be the case's year", "year");
      std::vector<Pending> actions;
      std::size_t lines = 0;
      for (const auto &l : e.members.at("lines").as_array()) {
        const std::string rec = "lines[" + std::to_string(lines++) + "]";
        const json::object &o = json_read::as_object(l, rec);
        const json::value *c = json_read::member(o, "cadre_id");
        const std::string cadre = c ? json_read::text(*c, rec + ".cadre_id") : "";
        if (cadre.empty()) throw InvalidInput("missing", rec + ".cadre_id");
        if (const json::value *acts = json_read::member(o, "actions")) {
          for (const auto &a : json_read::as_array(*acts, rec + ".actions")) {
            const json::object &ao = json_read::as_object(a, rec + ".actions");
            const json::value *k = json_read::member(ao, "kind");
            const json::value *d = json_read::member(ao, "due");
            if (!k || !d) throw InvalidInput("an action has kind and due", rec + ".actions");
            actions.push_back({cadre, json_read::text(*k, rec + ".actions.kind"), json_read::date(*d, rec + ".actions.due")});
          }
        }
      }
      actions_ = std::move(actions);
      lines_ = lines;
      computed_ = true;
      return {};
    }
    if (e.op == "published") {
      const std::int64_t q = member_int(e.members, "quarter");
      if (q < 1 || q > 4) throw InvalidInput("must be 1 to 4", "quarter");
      for (const auto &w : windows_)
        if (w.first == q) throw StateError("that quarter's results are published already", "quarter");
      Explanation ex("village results " + id_ + " Q" + std::to_string(q));
      const DateRange r = village::publicity_window(e.effective, ctx.policy, &ex);
      windows_.emplace_back(static_cast<int>(q), r);
      return ex.to_json();
    }
    if (!computed_ && windows_.empty()) not_opened(e, CaseKind::village_pay);
    // action_done
    const std::string cadre = member_text(e.members, "cadre_id"), kind = member_text(e.members, "kind");
    for (auto &a : actions_)
      if (a.cadre_id == cadre && a.kind == kind) {
        if (a.done) throw StateError("that action is done already", "kind");
        a.done = true;
        return {};
      }
    throw StateError("the year's pay sheet sets no such action for that principal", "kind");
  }

  CaseStatus status(Date as_of, const Context &) const override {
    CaseStatus s;
    s.subject = id_;
    std::size_t pending = 0;
    for (const auto &a : actions_) pending += !a.done;
    bool window_open = false;
    for (const auto &w : windows_) window_open = window_open || (w.second.first <= as_of && as_of <= w.second.last);
    s.stage = computed_ ? "computed" : "published Q" + std::to_string(windows_.empty() ? 0 : windows_.back().first);
    s.open = !computed_ || pending > 0 || window_open;
    s.detail = computed_ ? std::to_string(lines_) + " pay lines, " + std::to_string(pending) + " actions pending" : "";
    if (window_open) s.detail += (s.detail.empty() ? "" : "; ") + std::string("publicity window open");
    return s;
  }

  void due(Date as_of, Date until, const Context &, std::vector<DueItem> &out) const override {
    for (const auto &w : windows_)
      if (w.second.first <= until && as_of <= w.second.last) {
        DueItem d;
        d.subject = id_;
        d.what = "publicity_window";
        d.due = w.second.last;
        d.state = "open";
        d.detail = "Q" + std::to_string(w.first) + " results publicised " + iso(w.second.first) + " to " +
                   iso(w.second.last) + " (JARUD.1)";
        out.push_back(std::move(d));
      }
    for (const auto &a : actions_) {
      if (a.done || a.due > until) continue;
      DueItem d;
      d.subject = a.cadre_id;
      d.what = a.kind;
      d.due = a.due;
      d.state = due_state(a.due, as_of);
      d.detail = "principal graded 不合格 in " + id_ + " (JARUD.1)";
      out.push_back(std::move(d));
    }
  }

  std::unique_ptr<Machine> clone() const override { return std::make_unique<PayMachine>(*this); }

 private:
  struct Pending {
    std::string cadre_id, kind;
    Date due;
    bool done = false;
  };
  std::string id_;
  bool computed_ = false;
  std::size_t lines_ = 0;
  std::vector<Pending> actions_;
  std::vector<std::pair<int, DateRange>> windows_;
};

// ------------------------------------------------------------------------------------------
// selection: quota, eligibility, appointments, and the yearly renewal of every holder
// (village::renewals: 一年一评、一年一聘).
// ------------------------------------------------------------------------------------------

class SelectionMachine final : public Machine {
 public:
  explicit SelectionMachine(std::string id) : id_(std::move(id)) {}

  std::string apply(Event &e, const Context &ctx) override {
    const int year = case_year(id_, CaseKind::selection);
    if (e.op == "quota") {
      if (member_int(e.members, "year") != year) throw InvalidInput("must be the case's year", "year");
      quota_ = member_int(e.members, "quota");
      if (*quota_ < 0) throw InvalidInput("must not be negative", "quota");
    } else if (e.op == "eligibility") {
      std::size_t i = 0;
      for (const auto &a : e.members.at("applicants").as_array()) {
        const std::string rec = "applicants[" + std::to_string(i++) + "]";
        const json::object &o = json_read::as_object(a, rec);
        const json::value *c = json_read::member(o, "cadre_id");
        const json::value *ok = json_read::member(o, "eligible");
        if (!c || !ok) throw InvalidInput("an applicant has cadre_id and eligible", rec);
        eligible_[json_read::text(*c, rec + ".cadre_id")] = json_read::boolean(*ok, rec + ".eligible");
      }
    } else if (e.op == "appointed") {
      const std::string cadre = member_text(e.members, "cadre_id");
      if (auto it = eligible_.find(cadre); it != eligible_.end() && !it->second)
        throw StateError("the cadre was found not eligible (JARUD.2)", "cadre_id");
      if (auto it = holders_.find(cadre); it != holders_.end() && !it->second.ended)
        throw StateError("the cadre holds the post already", "cadre_id");
      holders_[cadre] = Holder{e.effective, e.effective.year(), std::nullopt, {}};
    } else {  // renewal
      if (!quota_ && eligible_.empty() && holders_.empty()) not_opened(e, CaseKind::selection);
      const std::string cadre = member_text(e.members, "cadre_id");
      auto it = holders_.find(cadre);
      if (it == holders_.end() || it->second.ended) throw StateError("the cadre holds no post to renew", "cadre_id");
      Holder &h = it->second;
      const std::int64_t y = member_int(e.members, "year");
      if (y != h.next_year) throw StateError("the renewal of year " + std::to_string(h.next_year) + " is next", "year");
      // The term runs from the year of appointment (village.selection.term_years).
      village::Holder vh{cadre, member_bool(e.members, "in_post", true), std::nullopt, static_cast<int>(h.appointed.year())};
      const std::string g = member_text(e.members, "grade");
      if (!g.empty()) vh.grade = village::parse_grade(g, "grade");
      const village::Renewal r = village::renewals({vh}, static_cast<int>(y), ctx.policy).at(0);
      h.last_reason = r.reason;
      ++h.next_year;
      if (!r.renewed) h.ended = e.effective;
    }
    return {};
  }

  CaseStatus status(Date, const Context &) const override {
    CaseStatus s;
    s.subject = id_;
    std::size_t active = 0;
    for (const auto &[c, h] : holders_) active += !h.ended;
    s.stage = !holders_.empty() ? "appointed" : !eligible_.empty() ? "eligibility" : "quota";
    s.open = active > 0 || holders_.empty();
    s.detail = (quota_ ? "quota " + std::to_string(*quota_) + "; " : std::string()) + std::to_string(active) + " holders";
    return s;
  }

  void due(Date as_of, Date until, const Context &, std::vector<DueItem> &out) const override {
    for (const auto &[cadre, h] : holders_) {
      if (h.ended) continue;
      const Date by = year_end(h.next_year);
      if (by > until && h.next_year > as_of.year()) continue;
      DueItem d;
      d.subject = cadre;
      d.what = "renewal";
      d.due = by;
      d.state = due_state(by, as_of);
      d.detail = "yearly review of " + std::to_string(h.next_year) + " (一年一评、一年一聘, JARUD.2)";
      out.push_back(std::move(d));
    }
  }

  std::unique_ptr<Machine> clone() const override { return std::make_unique<SelectionMachine>(*this); }

 private:
  struct Holder {
    Date appointed;
    int next_year = 0;
    std::optional<Date> ended;
    std::string last_reason;
  };
  std::string id_;
  std::optional<std::int64_t> quota_;
  std::map<std::string, bool> eligible_;
  std::map<std::string, Holder> holders_;
};

}  // namespace

std::unique_ptr<Machine> make_machine(CaseKind kind, const std::string &case_id) {
  switch (kind) {
    case CaseKind::disposal: return std::make_unique<DisposalMachine>(case_id);
    case CaseKind::disclosure: return std::make_unique<DisclosureMachine>(case_id);
    case CaseKind::tier: return std::make_unique<TierMachine>(case_id);
    case CaseKind::audit_plan: return std::make_unique<PlanMachine>(case_id);
    case CaseKind::village_pay: return std::make_unique<PayMachine>(case_id);
    case CaseKind::selection: return std::make_unique<SelectionMachine>(case_id);
  }
  throw InvalidInput("unknown case kind", "case_kind");
}

}  // namespace cadrekit::workspace::detail

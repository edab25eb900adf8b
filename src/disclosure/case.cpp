// The disclosure case (KAILU.2–KAILU.4): an append-only log of events; every piece of state
// (rounds, complaints, status, the current record version) is derived by replaying the log.
// A transition builds its event, applies it to a copy and swaps: a refused transition leaves
// the case unchanged.
#include <algorithm>
#include <boost/json.hpp>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/utf8.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "cadrekit/disclosure.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace json = boost::json;

namespace cadrekit::disclosure {

// ---- The codes of the case's states and outcomes: one table each, in enum order ----------

namespace {

constexpr const char *kCaseStatusCodes[] = {"open", "cancelled", "referred"};
constexpr const char *kComplaintStatusCodes[] = {"received", "assigned", "found", "decided"};
constexpr const char *kFindingCodes[] = {"unfounded", "founded_not_affecting", "founded_disqualifying",
                                         "criminal"};
constexpr const char *kOutcomeCodes[] = {"proceed_inform_reporter", "cancel", "refer"};

template <class E, std::size_t N>
const char *code_of(const char *const (&table)[N], E value) noexcept {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? table[i] : "";
}

}  // namespace

const char *to_string(CaseStatus s) noexcept { return code_of(kCaseStatusCodes, s); }
const char *to_string(ComplaintStatus s) noexcept { return code_of(kComplaintStatusCodes, s); }
const char *to_string(Finding f) noexcept { return code_of(kFindingCodes, f); }
const char *to_string(Outcome o) noexcept { return code_of(kOutcomeCodes, o); }

// The vocabulary's tables of these codes (docs/input.md), found by their kind; a test checks
// that they list kFindingCodes and kOutcomeCodes in order.
Finding finding_from_string(std::string_view code, std::string_view field) {
  return static_cast<Finding>(vocabulary::parse_code(*vocabulary::code_table("complaint_finding"), code, field));
}

Outcome outcome_from_string(std::string_view code, std::string_view field) {
  return static_cast<Outcome>(vocabulary::parse_code(*vocabulary::code_table("complaint_outcome"), code, field));
}

namespace {

const std::vector<std::string> kChannels{"phone", "letter", "email", "visit"};
const std::vector<std::string> kKinds{"opened",   "round_posted", "complaint_received",
                                      "assigned", "finding",      "decided",
                                      "returned_for_correction"};
const std::vector<std::string> kDiscrepancyKinds{"unreported", "under_reported", "inaccurate"};

bool one_of(const std::vector<std::string> &set, const std::string &v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

Outcome outcome_for(Finding finding) {
  if (finding == Finding::founded_disqualifying) return Outcome::cancel;
  if (finding == Finding::criminal) return Outcome::refer;
  return Outcome::proceed_inform_reporter;
}

Complaint *find_complaint(std::vector<Complaint> &cs, const std::string &id) {
  for (auto &c : cs)
    if (c.id == id) return &c;
  return nullptr;
}

const char *matter_zh(const std::string &m) {
  static const std::pair<const char *, const char *> names[] = {
      {"marriage", "婚姻变化"},
      {"passports", "因私出国（境）证件"},
      {"trips_abroad", "因私出国（境）"},
      {"family_abroad", "配偶、子女移居国（境）外"},
      {"employment_income", "配偶、子女从业及本人收入"},
      {"real_estate", "房产"},
      {"securities", "有价证券、基金等金融资产"},
      {"investments", "投资非上市公司、企业"},
      {"businesses", "注册个体工商户、独资或合伙企业"}};
  for (const auto &[k, v] : names)
    if (m == k) return v;
  return "";
}

const char *kind_zh(const std::string &k) {
  if (k == "unreported") return "未填报";
  if (k == "under_reported") return "少报面积或金额";
  return "填报不准确";
}

}  // namespace

namespace {

std::vector<std::string> classify(const std::vector<Discrepancy> &discrepancies, Date as_of,
                                  const Policy &policy, Explanation *ex, const std::string &record) {
  if (as_of.is_not_a_date()) throw InvalidInput("not a date", "date", record);
  std::vector<std::string> out;
  bool concealment = false;
  for (std::size_t i = 0; i < discrepancies.size(); ++i) {
    const auto &d = discrepancies[i];
    std::string p = "discrepancies[" + std::to_string(i) + "]";
    if (!one_of(matter_keys(), d.matter))
      throw InvalidInput("not one of the 9 matters", p + ".matter", record);
    // the kind in any of the vocabulary's spellings (未填报, under_reported, …), then its code
    const vocabulary::CodeTable &kinds = *vocabulary::code_table("discrepancy_kind");
    const std::string kind(kinds.codes[vocabulary::parse_code(kinds, d.kind, p + ".kind", record)].code);
    std::string param = "disclosure.discrepancy." + kind;
    std::string cls = policy.text(param, as_of, ex);
    if (cls != "omission" && cls != "concealment")
      throw PolicyError("must be omission or concealment", param, policy.name());
    concealment = concealment || cls == "concealment";
    out.push_back(d.matter + ":" + kind + ":" + cls);
    if (ex != nullptr) {
      ex->add_input(p + ".matter", d.matter);
      ex->add_input(p + ".kind", kind);
      ex->add_rule(RuleFired{"disclosure.discrepancy.classify", "KAILU.4",
                             std::string(matter_zh(d.matter)) + "：" + kind_zh(kind) + "，定性为" +
                                 (cls == "concealment" ? "瞒报" : "漏报") + "（" + param + "）",
                             d.matter + ": " + kind + " is classified " + cls + " (" + param + ")"});
    }
  }
  if (ex != nullptr && !discrepancies.empty()) {
    if (concealment)
      ex->add_rule(RuleFired{"disclosure.discrepancy.accountability", "KAILU.4",
                             "存在瞒报，应追究责任", "a discrepancy is concealment: accountability"});
    else
      ex->add_rule(RuleFired{"disclosure.discrepancy.no_concealment", "KAILU.4",
                             "仅有漏报，不属瞒报，不据此追究瞒报责任",
                             "omissions only, no concealment: no accountability for concealment"});
  }
  return out;
}

}  // namespace

std::vector<std::string> classify_discrepancies(const std::vector<Discrepancy> &discrepancies,
                                                Date as_of, const Policy &policy,
                                                Explanation *ex) {
  return classify(discrepancies, as_of, policy, ex, std::string());
}

void Case::apply(const Event &e) {
  // Checks first (nothing is changed until all pass).
  auto refuse = [&](const std::string &why, const char *field) {
    throw StateError(why, field, records_.empty() ? std::string() : records_.front().id);
  };
  if (e.seq != static_cast<int>(events_.size()) + 1) refuse("events out of sequence", "seq");
  if (e.date.is_not_a_date()) throw InvalidInput("not a date", "date");
  if (!events_.empty() && e.date < events_.back().date)
    refuse("an event cannot be dated before the previous event", "date");
  if (!one_of(kKinds, e.kind)) throw InvalidInput("unknown event kind", "kind");
  if (events_.empty() != (e.kind == "opened")) refuse("a case starts with one opened event", "kind");
  if (e.kind != "opened" && status_ != CaseStatus::open) refuse("the case is closed", "kind");

  if (e.kind == "opened" || e.kind == "returned_for_correction") {
    std::size_t want = active_versions_ + 1;
    if (e.record_version != static_cast<int>(want) || records_.size() < want ||
        records_[want - 1].version != e.record_version)
      refuse("the record version does not follow the previous one", "record_version");
    active_versions_ = want;
    return;
  }
  if (e.kind == "round_posted") {
    if (e.round == 1 && !rounds_.empty()) refuse("round 1 has already been posted", "round");
    if (e.round == 2) {
      if (rounds_.size() != 1) refuse("round 2 follows round 1", "round");
      if (!can_proceed(e.date).ok)
        refuse("round 1 is not finished (window open or complaints unresolved)", "round");
    }
    if (e.round != 1 && e.round != 2) throw InvalidInput("round must be 1 or 2", "round");
    if (!e.window || e.window->last < e.window->first || e.window->first < e.date ||
        e.working_days < 1)
      throw InvalidInput("a posted round needs its window", "window");
    rounds_.push_back(RoundPlan{e.round, current().proposed_rank, e.date, e.venues, *e.window,
                                e.working_days});
    return;
  }
  if (e.kind == "complaint_received") {
    if (rounds_.empty()) refuse("no round has been posted", "round");
    const RoundPlan &r = rounds_.back();
    if (e.round != r.round) refuse("a complaint concerns the latest round", "round");
    if (!one_of(kChannels, e.channel))
      throw InvalidInput("channel must be phone, letter, email or visit", "channel");
    std::string id = "C" + std::to_string(complaints_.size() + 1);
    if (e.complaint != id) refuse("complaint ids are C1, C2, … in order", "complaint");
    std::string timing = e.date <= r.window.last ? "within_window" : "after_window";
    if (e.timing != timing) refuse("timing disagrees with the round's window", "timing");
    Complaint c;
    c.id = id;
    c.round = r.round;
    c.channel = e.channel;
    c.received = e.date;
    c.timing = timing;
    c.status = ComplaintStatus::received;
    complaints_.push_back(std::move(c));
    return;
  }
  Complaint *c = find_complaint(complaints_, e.complaint);
  if (c == nullptr) refuse("no such complaint", "complaint");
  if (e.kind == "assigned") {
    if (c->status != ComplaintStatus::received) refuse("only a received complaint can be assigned", "complaint");
    if (e.departments.empty()) throw InvalidInput("at least one department", "departments");
    c->departments = e.departments;
    c->status = ComplaintStatus::assigned;
    return;
  }
  if (e.kind == "finding") {
    if (c->status != ComplaintStatus::assigned)
      refuse("a finding needs a complaint assigned to the verification team", "complaint");
    if (!e.finding) throw InvalidInput("unknown finding", "finding");
    if (*e.finding == Finding::unfounded && !e.discrepancies.empty())
      throw InvalidInput("an unfounded complaint has no discrepancies", "discrepancies");
    bool concealment = false;
    for (const auto &d : e.discrepancies) {
      std::size_t a = d.find(':'), b = a == std::string::npos ? a : d.find(':', a + 1);
      if (b == std::string::npos) throw InvalidInput("expected matter:kind:class", "discrepancies");
      std::string m = d.substr(0, a), k = d.substr(a + 1, b - a - 1), cl = d.substr(b + 1);
      if (!one_of(matter_keys(), m) || !one_of(kDiscrepancyKinds, k) ||
          (cl != "omission" && cl != "concealment"))
        throw InvalidInput("expected matter:kind:class", "discrepancies");
      concealment = concealment || cl == "concealment";
    }
    c->finding = e.finding;
    c->discrepancies = e.discrepancies;
    c->accountability = concealment;
    c->status = ComplaintStatus::found;
    return;
  }
  // decided
  if (c->status != ComplaintStatus::found) refuse("a decision needs a finding first", "complaint");
  if (!e.outcome) throw InvalidInput("unknown outcome", "outcome");
  if (*e.outcome != outcome_for(*c->finding))
    refuse("the outcome does not follow from the finding", "outcome");
  c->outcome = e.outcome;
  c->status = ComplaintStatus::decided;
  if (*e.outcome == Outcome::cancel) status_ = CaseStatus::cancelled;
  if (*e.outcome == Outcome::refer) status_ = CaseStatus::referred;
}

void Case::append(Event e) {
  e.seq = static_cast<int>(events_.size()) + 1;
  Case next = *this;
  next.apply(e);
  next.events_.push_back(std::move(e));
  *this = std::move(next);
}

Case Case::open(Record record, Date date, std::string actor, const Policy &policy) {
  record.version = 1;
  auto problems = validate(record, policy);
  if (!problems.empty())
    throw InvalidInput("the record is not valid: " + problems.front().message,
                       problems.front().path, record.id);
  if (record.id.empty()) throw InvalidInput("a record id is required", "id");
  Case c;
  c.records_.push_back(std::move(record));
  Event e;
  e.date = date;
  e.actor = std::move(actor);
  e.kind = "opened";
  e.record_version = 1;
  c.append(std::move(e));
  return c;
}

const RoundPlan &Case::post_round(int round, Date posted, std::string actor,
                                  const WorkCalendar &calendar, const Policy &policy,
                                  Explanation *ex) {
  if (status_ != CaseStatus::open) throw StateError("the case is closed", "round", id());
  Explanation local("disclosure case " + id() + " round " + std::to_string(round));
  RoundPlan plan = plan_round(round, current().proposed_rank, posted, calendar, policy,
                              ex != nullptr ? &local : nullptr);
  Event e;
  e.date = posted;
  e.actor = std::move(actor);
  e.kind = "round_posted";
  e.round = round;
  e.venues = plan.venues;
  e.window = plan.window;
  e.working_days = plan.working_days;
  append(std::move(e));
  if (ex != nullptr) *ex = std::move(local);
  return rounds_.back();
}

std::string Case::receive_complaint(std::string channel, Date date, std::string actor) {
  // the channel in any of the vocabulary's spellings (电话, 信箱, …); the log keeps its code
  const vocabulary::CodeTable &channels = *vocabulary::code_table("complaint_channel");
  channel = std::string(channels.codes[vocabulary::parse_code(channels, channel, "channel")].code);
  if (rounds_.empty()) throw StateError("no round has been posted", "round", id());
  Event e;
  e.date = date;
  e.actor = std::move(actor);
  e.kind = "complaint_received";
  e.round = rounds_.back().round;
  e.complaint = "C" + std::to_string(complaints_.size() + 1);
  e.channel = std::move(channel);
  e.timing = !date.is_not_a_date() && date <= rounds_.back().window.last ? "within_window"
                                                                          : "after_window";
  std::string cid = e.complaint;
  append(std::move(e));
  return cid;
}

void Case::assign(const std::string &complaint, std::vector<std::string> departments, Date date,
                  std::string actor, const Policy &policy) {
  if (date.is_not_a_date()) throw InvalidInput("not a date", "date", id());
  auto allowed = detail::split_list(policy.text("disclosure.verification.departments", date));
  if (departments.empty()) throw InvalidInput("at least one department", "departments", id());
  for (std::size_t i = 0; i < departments.size(); ++i)
    if (!one_of(allowed, departments[i]))
      throw InvalidInput("not a department of the verification team (policy)",
                         "departments[" + std::to_string(i) + "]", id());
  Event e;
  e.date = date;
  e.actor = std::move(actor);
  e.kind = "assigned";
  e.complaint = complaint;
  e.departments = std::move(departments);
  append(std::move(e));
}

void Case::record_finding(const std::string &complaint, Finding finding,
                          const std::vector<Discrepancy> &discrepancies, Date date,
                          std::string actor, const Policy &policy, Explanation *ex) {
  if (date.is_not_a_date()) throw InvalidInput("not a date", "date", id());
  Explanation local("disclosure case " + id() + " complaint " + complaint);
  Event e;
  if (ex != nullptr) {
    local.add_input("complaint", complaint);
    local.add_input("finding", to_string(finding));
  }
  e.discrepancies = classify(discrepancies, date, policy, ex != nullptr ? &local : nullptr, id());
  e.date = date;
  e.actor = std::move(actor);
  e.kind = "finding";
  e.complaint = complaint;
  e.finding = finding;
  append(std::move(e));
  if (ex != nullptr) *ex = std::move(local);
}

void Case::decide(const std::string &complaint, Outcome outcome, Date date, std::string actor) {
  Event e;
  e.date = date;
  e.actor = std::move(actor);
  e.kind = "decided";
  e.complaint = complaint;
  e.outcome = outcome;
  append(std::move(e));
}

void Case::return_for_correction(Record corrected, Date date, std::string actor, std::string note,
                                 const Policy &policy) {
  if (status_ != CaseStatus::open) throw StateError("the case is closed", "kind", id());
  if (corrected.id != id()) throw InvalidInput("the corrected record has another id", "id", id());
  corrected.version = static_cast<int>(active_versions_) + 1;
  auto problems = validate(corrected, policy);
  if (!problems.empty())
    throw InvalidInput("the corrected record is not valid: " + problems.front().message,
                       problems.front().path, id());
  Event e;
  e.date = date;
  e.actor = std::move(actor);
  e.kind = "returned_for_correction";
  e.record_version = corrected.version;
  e.note = std::move(note);
  // Strong guarantee: records_ grows only if the event applies.
  Case next = *this;
  next.records_.resize(active_versions_);
  next.records_.push_back(std::move(corrected));
  next.append(std::move(e));
  *this = std::move(next);
}

ProceedCheck Case::can_proceed(Date as_of) const {
  ProceedCheck r;
  if (status_ == CaseStatus::cancelled) r.reasons.push_back("case_cancelled");
  if (status_ == CaseStatus::referred) r.reasons.push_back("case_referred");
  if (rounds_.empty())
    r.reasons.push_back("no_round_posted");
  else if (as_of <= rounds_.back().window.last)
    r.reasons.push_back("window_open");
  for (const auto &c : complaints_)
    if (c.status != ComplaintStatus::decided) r.reasons.push_back("complaint_unresolved:" + c.id);
  r.ok = r.reasons.empty();
  return r;
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

namespace {

json::object event_json(const Event &e) {
  json::object o;
  o["seq"] = e.seq;
  o["date"] = to_iso(e.date);
  o["actor"] = e.actor;
  o["kind"] = e.kind;
  o["round"] = e.round;
  o["complaint"] = e.complaint;
  o["channel"] = e.channel;
  o["timing"] = e.timing;
  o["venues"] = detail::string_array(e.venues);
  if (e.window)
    o["window"] = json::object{{"first", to_iso(e.window->first)}, {"last", to_iso(e.window->last)}};
  else
    o["window"] = nullptr;
  o["working_days"] = e.working_days;
  o["departments"] = detail::string_array(e.departments);
  o["finding"] = e.finding ? to_string(*e.finding) : "";
  o["discrepancies"] = detail::string_array(e.discrepancies);
  o["outcome"] = e.outcome ? to_string(*e.outcome) : "";
  o["record_version"] = e.record_version;
  o["note"] = e.note;
  return o;
}

[[noreturn]] void bad(const std::string &path, const char *why) { throw InvalidInput(why, path); }

/// A count of the log (seq, round, working days, version): 0 … 10^9.
int count_of(const json_read::Fields &o, std::string_view key) {
  const std::int64_t v = o.integer(key);
  if (v < 0 || v > 1000000000) bad(o.field(key), "must be a whole number");
  return static_cast<int>(v);
}

/// An array every event writes, empty or not.
std::vector<std::string> texts_of(const json_read::Fields &o, std::string_view key) {
  json_read::as_array(o.need(key), o.field(key));
  return o.texts(key);
}

Event event_from(const json::value &v, const std::string &path) {
  const json_read::Fields o(v, path, path + ".");
  o.only({"seq", "date", "actor", "kind", "round", "complaint", "channel", "timing", "venues", "window",
          "working_days", "departments", "finding", "discrepancies", "outcome", "record_version", "note"});
  Event e;
  e.seq = count_of(o, "seq");
  e.date = o.date("date");
  e.actor = o.text("actor");
  e.kind = o.text("kind");
  e.round = count_of(o, "round");
  e.complaint = o.text("complaint");
  e.channel = o.text("channel");
  e.timing = o.text("timing");
  e.venues = texts_of(o, "venues");
  if (!o.object().contains("window")) o.need("window");  // null (no window) is written, never left out
  if (const json::value *w = o.find("window")) {
    if (!w->is_object()) bad(path + ".window", "must be an object or null");
    const json_read::Fields wo(*w, path + ".window", path + ".window.");
    if (wo.object().size() != 2) bad(path + ".window", "must have first and last only");
    e.window = DateRange{wo.date("first"), wo.date("last")};
  }
  e.working_days = count_of(o, "working_days");
  e.departments = texts_of(o, "departments");
  if (const std::string f = o.text("finding"); !f.empty()) e.finding = finding_from_string(f);
  e.discrepancies = texts_of(o, "discrepancies");
  if (const std::string x = o.text("outcome"); !x.empty()) e.outcome = outcome_from_string(x);
  e.record_version = count_of(o, "record_version");
  e.note = o.text("note");
  return e;
}

}  // namespace

std::string Case::to_json() const {
  json::object o;
  o["schema"] = case_schema;
  o["id"] = id();
  json::array recs;
  for (std::size_t i = 0; i < active_versions_; ++i) recs.push_back(detail::record_value(records_[i]));
  o["records"] = std::move(recs);
  json::array evs;
  for (const auto &e : events_) evs.push_back(event_json(e));
  o["events"] = std::move(evs);
  return json::serialize(o);
}

Case Case::from_json(std::string_view text) {
  if (!is_valid_utf8(text)) throw InvalidInput("the case is not valid UTF-8", "case");
  const json::value v = json_read::parse(text, "case");
  if (!v.is_object()) bad("case", "must be a JSON object");
  const json_read::Fields o(v.get_object(), "case.");
  o.only({"schema", "id", "records", "events"});
  if (o.text("schema") != case_schema) bad("schema", "schema must be cadrekit.disclosure.case/1");
  std::string id = o.text("id");
  const json::value &recs = o.need("records");
  const json::value &evs = o.need("events");
  if (!recs.is_array() || recs.get_array().empty()) bad("records", "must be a non-empty array");
  if (!evs.is_array()) bad("events", "must be an array");
  Case c;
  for (std::size_t i = 0; i < recs.get_array().size(); ++i) {
    std::string p = "records[" + std::to_string(i) + "]";
    Record r;
    try {
      r = detail::record_from_value(recs.get_array()[i]);
    } catch (const InvalidInput &e) {
      throw InvalidInput("a record of the case is invalid", p + "." + e.field(), id);
    }
    if (r.id != id) throw InvalidInput("a record of the case has another id", p + ".id", id);
    if (r.version != static_cast<int>(i) + 1)
      throw InvalidInput("record versions must be 1, 2, … in order", p + ".version", id);
    c.records_.push_back(std::move(r));
  }
  for (std::size_t i = 0; i < evs.get_array().size(); ++i) {
    Event e = event_from(evs.get_array()[i], "events[" + std::to_string(i) + "]");
    c.apply(e);
    c.events_.push_back(std::move(e));
  }
  if (c.events_.empty()) throw StateError("a case has at least its opened event", "events", id);
  if (c.active_versions_ != c.records_.size())
    throw StateError("a record version has no event in the log", "records", id);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

std::vector<YearCount> yearly_counts(std::span<const Case> cases) {
  std::map<std::pair<int, int>, YearCount> rows;
  for (const Case &c : cases) {
    for (const auto &r : c.rounds()) {
      int year = static_cast<int>(r.posted.year());
      YearCount &row = rows[{year, r.round}];
      row.year = year;
      row.round = r.round;
      ++row.disclosed;
      bool cancelled = false, referred = false;
      for (const auto &cp : c.complaints()) {
        if (cp.round != r.round) continue;
        ++row.complaints;
        cancelled = cancelled || cp.outcome == Outcome::cancel;
        referred = referred || cp.outcome == Outcome::refer;
      }
      row.cancelled += cancelled ? 1 : 0;
      row.referred += referred ? 1 : 0;
    }
  }
  std::vector<YearCount> out;
  for (auto &[k, v] : rows) out.push_back(v);
  return out;
}

}  // namespace cadrekit::disclosure

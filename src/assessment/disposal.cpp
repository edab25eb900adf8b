// Disposal cases: the six stages of HORQIN.5 with an append-only log.
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/json_read.hpp"

namespace cadrekit::assessment {

namespace json = boost::json;

DisposalCase::DisposalCase(std::string case_id, std::string cadre_id)
    : case_id_(std::move(case_id)), cadre_id_(std::move(cadre_id)) {
  if (vocabulary::blank(case_id_)) throw InvalidInput("case_id is empty", "case_id");
  if (vocabulary::blank(cadre_id_)) throw InvalidInput("cadre_id is empty", "cadre_id", case_id_);
}

std::optional<DisposalMethod> DisposalCase::method() const {
  for (const auto &e : events_)
    if (e.stage == Stage::decision) return e.method;
  return std::nullopt;
}

std::optional<Date> DisposalCase::decision_date() const {
  for (const auto &e : events_)
    if (e.stage == Stage::decision) return e.date;
  return std::nullopt;
}

void DisposalCase::append(DisposalEvent ev) {
  // Every check happens before anything changes: a refused move leaves the case as it was.
  if (ev.date.is_special()) throw InvalidInput("date is not a date", "date", case_id_);
  if (ev.actor.empty()) throw InvalidInput("actor is empty", "actor", case_id_);
  if (!is_open())
    throw StateError(std::string("the case is closed (") + stage_name(stage_) + ")", "stage", case_id_);
  if (!events_.empty() && ev.date < events_.back().date)
    throw StateError("date is before the case's last event", "date", case_id_);
  Stage s = ev.stage;
  bool ok = false;
  switch (s) {
    case Stage::motion: ok = stage_ == Stage::none; break;
    case Stage::investigation: ok = stage_ == Stage::motion; break;
    case Stage::analysis: ok = stage_ == Stage::investigation; break;
    case Stage::decision: ok = stage_ == Stage::analysis; break;
    case Stage::notification: ok = stage_ == Stage::decision; break;
    case Stage::filing: ok = stage_ == Stage::notification; break;
    case Stage::closed_no_action: ok = stage_ == Stage::investigation || stage_ == Stage::analysis; break;
    case Stage::none: ok = false; break;
  }
  if (!ok)
    throw StateError(std::string("cannot move from ") + stage_name(stage_) + " (" + stage_name_zh(stage_) +
                         ") to " + stage_name(s) + " (" + stage_name_zh(s) + ")",
                     "stage", case_id_);
  if (s == Stage::decision) {
    if (!ev.method) throw InvalidInput("a decision picks a method", "method", case_id_);
    if (ev.grounds.empty())
      throw InvalidInput("a decision cites the red lines or findings it rests on", "grounds", case_id_);
    for (const auto &g : ev.grounds)
      if (g.empty()) throw InvalidInput("a ground is empty", "grounds", case_id_);
  } else if (ev.method || !ev.grounds.empty()) {
    throw InvalidInput("only a decision has a method and grounds", "method", case_id_);
  }
  events_.push_back(std::move(ev));
  stage_ = s;
}

void DisposalCase::advance(Stage stage, Date date, std::string actor, std::string note) {
  if (stage == Stage::decision)
    throw StateError("the decision stage is entered with decide()", "stage", case_id_);
  if (stage == Stage::closed_no_action)
    throw StateError("a case ends without action with close_no_action()", "stage", case_id_);
  append({stage, date, std::move(actor), std::move(note), std::nullopt, {}});
}

void DisposalCase::decide(DisposalMethod method, Date date, std::vector<std::string> grounds,
                          std::string actor, std::string note) {
  if (static_cast<int>(method) > 5) throw InvalidInput("unknown disposal method", "method", case_id_);
  append({Stage::decision, date, std::move(actor), std::move(note), method, std::move(grounds)});
}

void DisposalCase::close_no_action(Date date, std::string actor, std::string note) {
  append({Stage::closed_no_action, date, std::move(actor), std::move(note), std::nullopt, {}});
}

std::string DisposalCase::to_json() const {
  json::object o;
  o["case_id"] = case_id_;
  o["cadre_id"] = cadre_id_;
  o["stage"] = stage_name(stage_);
  json::array evs;
  for (const auto &e : events_) {
    json::object x;
    x["stage"] = stage_name(e.stage);
    x["date"] = to_iso(e.date);
    x["actor"] = e.actor;
    x["note"] = e.note;
    if (e.stage == Stage::decision) {
      x["method"] = disposal_method_name(*e.method);
      json::array g;
      for (const auto &s : e.grounds) g.emplace_back(s);
      x["grounds"] = std::move(g);
    }
    evs.emplace_back(std::move(x));
  }
  o["events"] = std::move(evs);
  return json::serialize(o);
}

DisposalCase DisposalCase::from_json(std::string_view text) {
  const json::value v = json_read::parse(text, "case");
  const json_read::Fields o(v, "case");
  o.only({"case_id", "cadre_id", "stage", "events"});
  DisposalCase c(o.text("case_id"), o.text("cadre_id"));
  const auto &evs = json_read::as_array(o.need("events"), "events", c.case_id_);
  std::size_t i = 0;
  for (const auto &ev : evs) {
    std::string path = "events[" + std::to_string(i++) + "].";
    const json_read::Fields e(ev, path.substr(0, path.size() - 1), path);
    e.only({"stage", "date", "actor", "note", "method", "grounds"});
    DisposalEvent d;
    d.stage = parse_stage(e.text("stage"), path + "stage");
    d.date = e.date("date");
    d.actor = e.text("actor");
    d.note = e.text_or("note");
    if (const auto *m = e.find("method"))
      d.method = parse_disposal_method(json_read::text(*m, path + "method"), path + "method");
    d.grounds = e.texts("grounds");
    c.append(std::move(d));
  }
  if (const auto *s = o.find("stage")) {
    if (parse_stage(json_read::text(*s, "stage"), "stage") != c.stage_)
      throw InvalidInput("stage does not match the event log", "stage", c.case_id_);
  }
  return c;
}

}  // namespace cadrekit::assessment

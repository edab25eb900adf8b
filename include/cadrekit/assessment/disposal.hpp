// Disposal (HORQIN.5): the six stages and the six ways, as a case with an append-only log.
// Part of cadrekit/assessment.hpp (HORQIN); docs/assessment.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"

namespace cadrekit::assessment {

enum class Stage : std::uint8_t {
  none = 0,           ///< opened, no stage yet
  motion = 1,         ///< 动议启动
  investigation = 2,  ///< 调查核实
  analysis = 3,       ///< 综合分析
  decision = 4,       ///< 讨论决定
  notification = 5,   ///< 告知谈话
  filing = 6,         ///< 备案跟踪 (final)
  closed_no_action = 7,  ///< ended after investigation (or analysis) with no action (final)
};
Stage parse_stage(std::string_view text, std::string_view field = "stage");
const char *stage_name(Stage s) noexcept;
const char *stage_name_zh(Stage s) noexcept;

/// The six ways of disposal.
enum class DisposalMethod : std::uint8_t {
  dismissal = 0,            ///< 免职
  demotion = 1,             ///< 降职
  transfer = 2,             ///< 交流
  standby = 3,              ///< 待岗
  off_post_training = 4,    ///< 离岗培训
  key_work_supervision = 5, ///< 参与重点工作督导
};
DisposalMethod parse_disposal_method(std::string_view text, std::string_view field = "method");
const char *disposal_method_name(DisposalMethod m) noexcept;
const char *disposal_method_name_zh(DisposalMethod m) noexcept;

struct DisposalEvent {
  Stage stage = Stage::none;
  Date date;
  std::string actor;
  std::string note;
  std::optional<DisposalMethod> method;  ///< decision only
  std::vector<std::string> grounds;      ///< decision only: rule ids / finding ids relied on
  friend bool operator==(const DisposalEvent &, const DisposalEvent &) = default;
};

class DisposalCase {
 public:
  DisposalCase(std::string case_id, std::string cadre_id);

  const std::string &case_id() const noexcept { return case_id_; }
  const std::string &cadre_id() const noexcept { return cadre_id_; }
  Stage stage() const noexcept { return stage_; }
  bool is_open() const noexcept { return stage_ != Stage::filing && stage_ != Stage::closed_no_action; }
  const std::vector<DisposalEvent> &events() const noexcept { return events_; }
  std::optional<DisposalMethod> method() const;
  std::optional<Date> decision_date() const;

  /// Moves to the next stage (motion, investigation, analysis, notification, filing). The
  /// decision stage is entered with decide(). StateError (case unchanged) for a skipped,
  /// repeated or out-of-order stage, a date before the last event, or a closed case;
  /// InvalidInput for an empty actor.
  void advance(Stage stage, Date date, std::string actor, std::string note = {});
  /// 讨论决定: from analysis; grounds must be non-empty.
  void decide(DisposalMethod method, Date date, std::vector<std::string> grounds,
              std::string actor = "committee", std::string note = {});
  /// Ends the case with no action, from investigation or analysis.
  void close_no_action(Date date, std::string actor, std::string note = {});

  /// Canonical JSON; from_json replays the log through the same checks (InvalidInput for a
  /// malformed document, StateError for a log the state machine refuses).
  std::string to_json() const;
  static DisposalCase from_json(std::string_view json);
  friend bool operator==(const DisposalCase &, const DisposalCase &) = default;

 private:
  void append(DisposalEvent ev);
  std::string case_id_, cadre_id_;
  Stage stage_ = Stage::none;
  std::vector<DisposalEvent> events_;
};

// ---- JSON form (docs/assessment.md), shared by the C ABI and any JSON client ----


/// JSON forms of the case actions (docs/assessment.md), shared by the C ABI and any JSON client.
/// A disposal action {"op": "open"|"advance"|"decide"|"close_no_action", …} applied to a case
/// given as JSON (none for "open"); returns the new case's JSON. Refused moves throw StateError.
std::string disposal_apply_json(std::optional<std::string_view> case_json,
                                std::string_view action_json);

}  // namespace cadrekit::assessment

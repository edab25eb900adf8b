// The gates of promotion (HORQIN.1) and their vetoes.
// Part of cadrekit/assessment.hpp (HORQIN); docs/assessment.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::disclosure {
class Case;  // cadrekit/disclosure.hpp (KAILU)
}

namespace cadrekit::assessment {

enum class Gate : std::uint8_t {
  post_quota = 0,      ///< 编制职数
  motion = 1,          ///< 调整动议
  recommendation = 2,  ///< 民主推荐
  inspection = 3,      ///< 组织考察
  deliberation = 4,    ///< 酝酿
  decision = 5,        ///< 讨论决定
};
inline constexpr int gate_count = 6;
Gate parse_gate(std::string_view text, std::string_view field = "gate");
const char *gate_name(Gate g) noexcept;
const char *gate_name_zh(Gate g) noexcept;

/// What the vetoes are decided on.
struct PromotionFacts {
  std::string cadre_id;
  std::string unit_id;
  Rank current_rank = Rank::keyuan;
  Rank target_rank = Rank::fu_ke;
  Date rank_since;                  ///< at the current rank since
  std::optional<Date> work_started;
  bool integrity_problem = false;   ///< 德方面存在问题
  bool poor_reputation = false;     ///< 形象口碑差
  bool open_disposal_case = false;
  bool disclosure_blocked = false;  ///< a disclosure case that cannot proceed (KAILU)
  friend bool operator==(const PromotionFacts &, const PromotionFacts &) = default;
};
/// The policy parameter holding the necessary years at `from` before promotion to `to` (必要台阶):
/// `promotion.min_years_at_rank.<from>_to_<to>` when the policy has it, else the source's named
/// steps `…staff_to_deputy` (科员→副科) and `…deputy_to_principal` (副科→正科) when present;
/// empty when the policy holds no rule for the step. Used by the promotion vetoes and by the
/// talent module's eligible candidates.
std::string min_years_at_rank_param(const Policy &policy, Rank from, Rank to);
/// min_years_at_rank_param for the step from `from` to the next rank up; empty at the top rank.
std::string min_years_at_rank_param(const Policy &policy, Rank from);

struct Veto {
  std::string code;  ///< integrity | reputation | open_disposal | disclosure | years_at_rank | years_of_work
  std::string reason_zh, reason_en;
  std::string clause;
  friend bool operator==(const Veto &, const Veto &) = default;
};
/// The vetoes as JSON, [{"code","reason_zh","reason_en","clause"}, …]: the one form every surface
/// gives them in (the C promotion action "vetoes", Python's PromotionCase.vetoes).
std::string vetoes_json(std::span<const Veto> vetoes);
struct GateResult {
  Gate gate;
  Date date;
  bool passed = false;
  std::string actor;
  std::string note;                 ///< the reason when not passed
  std::vector<std::string> vetoes;  ///< veto codes that stopped it
  friend bool operator==(const GateResult &, const GateResult &) = default;
};

class PromotionCase {
 public:
  enum class Status : std::uint8_t { open, promoted, stopped };
  PromotionCase(std::string case_id, PromotionFacts facts);

  const std::string &case_id() const noexcept { return case_id_; }
  const PromotionFacts &facts() const noexcept { return facts_; }
  Status status() const noexcept { return status_; }
  const std::vector<GateResult> &gates() const noexcept { return gates_; }
  /// The next gate to pass; empty when the case is closed.
  std::optional<Gate> next_gate() const;

  /// The vetoes in force as of a date (years from the policy), with explanation if asked.
  /// The disclosure veto: when `disclosure` (the cadre's disclosure case, KAILU) is given, it
  /// applies unless `disclosure->can_proceed(as_of)` is ok, and its reasons are named; the plain
  /// flag `facts().disclosure_blocked` is the simple form without a case and an override that
  /// vetoes whatever the case says (it never lifts a veto of the case).
  std::vector<Veto> vetoes(Date as_of, const Policy &policy, Explanation *ex = nullptr,
                           const disclosure::Case *disclosure = nullptr) const;

  /// 编制职数: passes when filled < approved; otherwise the case stops ("no vacancy").
  void check_post_quota(Date date, std::int64_t approved_posts, std::int64_t filled_posts,
                        std::string actor, const Policy &policy,
                        const disclosure::Case *disclosure = nullptr);
  /// Records the result of the next gate (motion … decision). A passing gate with vetoes in
  /// force (vetoes(date, policy, nullptr, disclosure)) is recorded as stopped by them.
  /// StateError for the wrong gate or a closed case.
  void pass_gate(Gate gate, Date date, std::string actor, const Policy &policy,
                 std::string note = {}, const disclosure::Case *disclosure = nullptr);
  void fail_gate(Gate gate, Date date, std::string actor, std::string reason);

  std::string to_json() const;
  static PromotionCase from_json(std::string_view json);
  friend bool operator==(const PromotionCase &, const PromotionCase &) = default;

 private:
  void expect_gate(Gate gate, Date date) const;
  std::string case_id_;
  PromotionFacts facts_;
  Status status_ = Status::open;
  std::vector<GateResult> gates_;
};
const char *promotion_status_name(PromotionCase::Status s) noexcept;

// ---- JSON form (docs/assessment.md), shared by the C ABI and any JSON client ----

/// A promotion action {"op": "open"|"post_quota"|"pass"|"fail"|"vetoes", …} on a case as JSON.
/// "post_quota", "pass" and "vetoes" take an optional "disclosure_case": the cadre's disclosure
/// case (its JSON object, as disclosure::Case::to_json writes it) for the disclosure veto.
std::string promotion_apply_json(std::optional<std::string_view> case_json,
                                 std::string_view action_json, const Policy &policy);

}  // namespace cadrekit::assessment

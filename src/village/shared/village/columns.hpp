// The village's columnar pay (JARUD.1): the performance path under the pay sheet, shared by the
// library with its own surfaces only — the C ABI (ck_village_pay_columns), the Python extension
// (village.pay_columns and DataFrames read in place), the command line (`village pay`'s tables
// read in place), the tests and the benchmarks. It is not
// installed: C++ users call pay_sheet (include/cadrekit/village.hpp), which gives the same results.
// Scores travel as fixed-point integers, dates as day numbers, rows as spans; nothing is
// allocated per row.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cadrekit/core/number.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/village.hpp"

namespace cadrekit::village {

/// Scores are carried at this fixed scale in the columnar path (score × 10,000 as int64).
inline constexpr std::int64_t score_scale = 10000;

/// A score as the pay sheet reads it: score × score_scale, or a reason it is refused.
struct ScoreValue {
  enum class Status : std::uint8_t { ok = 0, too_precise = 1, out_of_range = 2 };
  std::int64_t fixed = 0;  ///< score × score_scale when ok
  Status status = Status::ok;
};
/// Exact: at most 4 decimal places, 0 ≤ score ≤ 1,000,000, else the status says why.
ScoreValue score_value(const Rational &score) noexcept;
/// Parses decimal text exactly as parse_decimal does (InvalidInput naming "score" if it is not
/// a number), without a Rational for plain decimals ("91.5", "-3", "1,000.25").
ScoreValue parse_score(std::string_view text);

/// A text column numbered by its texts: each row's number (-1: missing, read as an empty text)
/// and each number's text (equal numbers, equal texts; equal texts may have two numbers). The
/// numbers are 64-bit (NumPy's) or, where `codes` is null, 32-bit (half the memory a row).
struct NumberedTexts {
  const std::int64_t *codes = nullptr;      ///< one per row, each -1 .. texts.size() - 1
  std::span<const std::string_view> texts;  ///< one per number
  const std::int32_t *codes32 = nullptr;    ///< the numbers, where codes is null
  std::int64_t code(std::size_t row) const noexcept { return codes != nullptr ? codes[row] : codes32[row]; }
};

/// The scores of the pay year as an input may hold them already read: five a village (Q1, Q2,
/// Q3, Q4, annual) as ScoreValue::fixed, and bit i of a village's byte set where score i is
/// given. Each is checked as the sheet checks a score read row by row (of a known village, in
/// range, given once), but for more than 4 decimal places, which the sheet refuses in its own
/// words, naming the score by its number among the scores the input read.
struct YearScores {
  std::span<const std::int64_t> fixed;     ///< 5 · villages
  std::span<const std::uint8_t> present;   ///< one a village
  std::optional<std::size_t> too_precise;  ///< the first score of the year with more than 4 places
};

/// The pay sheet's input read record by record, without copies (advanced: bindings implement
/// it over their own storage; the views must stay valid during the call). Dates are days since
/// 1970-01-01.
class PaySheetInput {
 public:
  virtual ~PaySheetInput() = default;
  virtual std::size_t n_villages() const = 0;
  virtual std::string_view village_id(std::size_t v) const = 0;
  virtual std::string_view township(std::size_t v) const = 0;
  virtual std::int64_t population(std::size_t v) const = 0;
  virtual std::size_t n_principals() const = 0;
  virtual std::string_view cadre_id(std::size_t i) const = 0;
  virtual std::string_view principal_village(std::size_t i) const = 0;
  virtual Post post(std::size_t i) const = 0;
  virtual std::optional<std::int32_t> served_from(std::size_t i) const = 0;  ///< empty: missing
  virtual std::int32_t served_to(std::size_t i) const = 0;  ///< INT32_MAX: still serving
  virtual std::size_t n_scores() const = 0;
  virtual std::string_view score_village(std::size_t s) const = 0;
  virtual std::string_view score_period(std::size_t s) const = 0;
  virtual ScoreValue score(std::size_t s) const = 0;
  /// Optional: the principals' and the scores' village ids numbered by their texts (views
  /// valid during the call); the sheet then looks each number's text up once, not each row's.
  /// Empty: principal_village and score_village are read row by row.
  virtual std::optional<NumberedTexts> principal_villages() const { return std::nullopt; }
  virtual std::optional<NumberedTexts> score_villages() const { return std::nullopt; }
  /// Optional: the villages' townships and the scores' periods numbered by their texts; the
  /// sheet then reads each number's text once (a township looked up, a period parsed), not each
  /// row's. Empty: township and score_period are read row by row.
  virtual std::optional<NumberedTexts> townships() const { return std::nullopt; }
  virtual std::optional<NumberedTexts> score_periods() const { return std::nullopt; }
  /// Optional: the scores of the year already read (views valid during the call); the sheet
  /// then reads no score row by row (n_scores() is not read).
  virtual std::optional<YearScores> year_scores() const { return std::nullopt; }
};

/// The pay sheet of an input read through PaySheetInput (the same rules and errors).
PaySheet pay_sheet(const PaySheetInput &input, int year, const Policy &policy,
                   const PaySheetOptions &options = {});

/// A sheet's lines as columns, for a binding that builds a whole table at once instead of a
/// PayLine per line (views into the sheet's storage, valid while a copy of the sheet lives).
/// Line k is principal p = line_principal[k], of village principal_village[p]; the money, post,
/// grade, units and dates are by principal, the team grade by village.
struct LineColumns {
  std::span<const std::int32_t> line_principal;
  std::span<const std::int32_t> principal_village;
  std::span<const std::uint8_t> post;   ///< Post
  std::span<const std::uint8_t> grade;  ///< Grade
  std::span<const std::int32_t> units;  ///< months (or days) paid
  std::span<const std::int32_t> served_from, served_to;  ///< days; served_to INT32_MAX: still serving
  std::span<const std::int64_t> base_fen, performance_fen, total_fen;
  std::span<const std::int64_t> public_institution_fen;  ///< empty: no holders (0 for every line)
  std::span<const std::uint8_t> village_team_grade;      ///< TeamGrade, by village
  int period_units = 12;
  /// The actions of a principal who has them (has_actions), in PayLine::actions' order.
  std::array<Action, 2> actions{};
  std::int32_t graded_day = 0;
  /// Whether principal p's line has the actions (unqualified, in post on the grading date), as
  /// PayLine::actions says.
  bool has_actions(std::size_t p) const {
    return grade[p] == static_cast<std::uint8_t>(Grade::unqualified) && served_to[p] >= graded_day &&
           served_from[p] <= graded_day;
  }
};
LineColumns line_columns(const PaySheet &sheet);

// Columnar pay: no per-row allocation. Villages are rows 0..V-1, principals 0..P-1.
struct PayColumnsIn {
  std::span<const std::int32_t> village_township;  ///< township index of each village, 0 .. V-1
  std::span<const std::int64_t> population;
  /// Scores × score_scale, 5 per village: Q1, Q2, Q3, Q4, annual (row-major, size 5·V).
  std::span<const std::int64_t> scores;
  /// Bit i set (i = 0..4): score i present. Size V.
  std::span<const std::uint8_t> score_present;
  std::span<const std::int32_t> principal_village;  ///< village row of each principal
  std::span<const std::uint8_t> post;               ///< Post values
  std::span<const std::int32_t> served_from;        ///< days since 1970-01-01
  std::span<const std::int32_t> served_to;          ///< days; INT32_MAX = still serving
};
struct PayColumnsOut {
  std::span<std::uint8_t> village_team_grade;  ///< size V (TeamGrade)
  std::span<std::int32_t> village_rank;        ///< size V (0 if not graded)
  std::span<std::int64_t> base_fen;            ///< size P
  std::span<std::int64_t> performance_fen;     ///< size P
  std::span<std::int64_t> total_fen;           ///< size P
  std::span<std::uint8_t> grade;               ///< size P (Grade)
  std::span<std::int32_t> units;               ///< size P: months (or days) paid
};
/// The pay sheet's arithmetic on columns, same rules as pay_sheet (grading date 31 December, no
/// public-institution pay). InvalidInput naming the column and the row for sizes that do not
/// match or values out of range.
void pay_columns(const PayColumnsIn &in, int year, const Policy &policy, PayColumnsOut out);

}  // namespace cadrekit::village

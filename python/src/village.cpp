// Python: cadrekit._core._village, the kernel of cadrekit.village (JARUD). The user-facing
// module is python/cadrekit/village.py; these functions take plain lists / NumPy arrays.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <Python.h>
#include <datetime.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <climits>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "bindings.hpp"
#include "cadrekit/village.hpp"
#include "village/columns.hpp"
#include "casters.hpp"
#include "columns.hpp"
#include "json_bridge.hpp"
#include "numpy_out.hpp"
#include "object_cells.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

using VillageRow = std::tuple<std::string, std::string, std::string, std::int64_t>;
using PrincipalRow =
    std::tuple<std::string, std::string, std::string, std::string, Date, std::optional<Date>>;
using ScoreRow = std::tuple<std::string, std::string, std::string>;

template <class T>
std::span<const T> in_span(const py::array_t<T> &a) {
  return {a.data(), static_cast<std::size_t>(a.size())};
}


using I64 = py::array_t<std::int64_t>;
using I32 = py::array_t<std::int32_t>;
using F64 = py::array_t<double>;

// A text column as a DataFrame path gives it: (codes, uniques), each row's number among the
// column's values (int64, -1 for a missing value, read as an empty text; equal numbers, equal
// texts, though a column of ids may give each row its own) and those values (a 1-D object
// array of str). The distinct values are read as UTF-8 views once, with the
// GIL held, every code range-checked; the rows are then read without Python (the GIL may be
// released while the column lives: the views point into the str objects it keeps).
class CodedText {
 public:
  // A text of uniques that is not a str, not valid text (a lone surrogate) or holds a NUL
  // character (which C and JSON cannot carry, and pandas' own hashing cuts a text at) is an
  // error naming the first row that holds it, ``table[i]``, as the rows path names it.
  CodedText(const py::handle &pair, const char *field, const char *table) {
    if (!py::isinstance<py::tuple>(pair) || py::len(pair) != 2)
      throw InvalidInput("column must be a pair (codes, uniques)", field);
    auto t = py::reinterpret_borrow<py::tuple>(pair);
    if (!py::isinstance<I64>(t[0]) || !py::isinstance<py::array>(t[1]))
      throw InvalidInput("column must be int64 codes and an object array of uniques", field);
    codes_ = py::reinterpret_borrow<I64>(t[0]);
    uniques_ = py::reinterpret_borrow<py::array>(t[1]);
    if (codes_.ndim() != 1 || !(codes_.flags() & py::array::c_style) || uniques_.ndim() != 1 ||
        uniques_.dtype().kind() != 'O' || !(uniques_.flags() & py::array::c_style))
      throw InvalidInput("column must be 1-D int64 codes and a 1-D object array of str", field);
    const auto nu = static_cast<std::size_t>(uniques_.size());
    data_ = codes_.data();
    n_ = static_cast<std::size_t>(codes_.size());
    const auto hi = static_cast<std::int64_t>(nu);
    for (std::size_t i = 0; i < n_; ++i)
      if (data_[i] < -1 || data_[i] >= hi)
        throw InvalidInput("code out of range", field, std::string(field) + "[" + std::to_string(i) + "]");
    // (a value no row holds is never read, and is no error)
    const auto fail = [&](std::size_t k, const char *what) {
      const auto at = std::find(data_, data_ + n_, static_cast<std::int64_t>(k));
      if (at != data_ + n_) throw InvalidInput(what, field, std::string(table) + "[" + std::to_string(at - data_) + "]");
    };
    auto *objs = static_cast<PyObject *const *>(uniques_.data());
    views_.resize(nu);
    for (std::size_t k = 0; k < nu; ++k) {
      PyObject *o = objs[k];
      if (!PyUnicode_Check(o)) {
        fail(k, "must be text");
        continue;
      }
      const auto text = utf8_view(o);
      if (!text) {
        fail(k, "is not valid text");
        continue;
      }
      if (text->find('\0') != std::string_view::npos) {
        fail(k, kNulInText);
        continue;
      }
      views_[k] = *text;
    }
  }
  // A column of ids given as its own cells (a 1-D object array), each row its own text, a missing
  // cell (None, a float NaN, or one of the caller's ``missing`` objects, compared by identity) an
  // empty text. Empty when a cell is neither text nor missing: the caller reads such a column as
  // text first. (Where every row is its own number, the codes and a pass to find missing cells
  // would cost more than the views.) A text that is not valid (a lone surrogate) or holds a NUL
  // character is an error naming the row as the rows path names it, ``table[i]``. A column of
  // ASCII texts alone (ids usually are) keeps no views: each row's is read from its str when
  // asked for, from fields a str never changes, so that millions of rows cost no second array;
  // any other keeps one view a row.
  static std::optional<CodedText> by_rows(const py::handle &column, const py::tuple &missing, const char *field,
                                          const char *table) {
    if (!py::isinstance<py::array>(column)) throw InvalidInput("column must be a 1-D object array", field);
    auto a = py::reinterpret_borrow<py::array>(column);
    if (a.ndim() != 1 || a.dtype().kind() != 'O' || !(a.flags() & py::array::c_style))
      throw InvalidInput("column must be a 1-D object array", field);
    CodedText t;
    t.by_row_ = true;
    t.uniques_ = a;
    t.n_ = static_cast<std::size_t>(a.size());
    t.cells_ = static_cast<PyObject *const *>(a.data());
    std::vector<PyObject *> absent;
    for (const auto &m : missing) absent.push_back(m.ptr());
    bool ascii = true;
    const auto row = [&](std::size_t i) { return std::string(table) + "[" + std::to_string(i) + "]"; };
    for (std::size_t i = 0; i < t.n_; ++i) {
      PyObject *o = t.cells_[i];
      if (o != nullptr && PyUnicode_Check(o)) {
        const bool compact_ascii = PyUnicode_IS_COMPACT_ASCII(o);
        ascii = ascii && compact_ascii;
        const auto text = utf8_view(o);
        if (!text) throw InvalidInput("is not valid text", field, row(i));
        if (std::memchr(text->data(), 0, text->size()) != nullptr) throw InvalidInput(kNulInText, field, row(i));
      } else if (!missing_cell(o, absent)) {
        return std::nullopt;
      }
    }
    if (ascii) return t;
    t.views_.resize(t.n_);
    for (std::size_t i = 0; i < t.n_; ++i)
      if (PyObject *o = t.cells_[i]; o != nullptr && PyUnicode_Check(o)) t.views_[i] = *utf8_view(o);
    t.cells_ = nullptr;
    return t;
  }
  /// Whether each row is its own text (by_rows): no codes, and the sheet reads row by row.
  bool by_row() const { return by_row_; }
  std::size_t size() const { return n_; }
  std::size_t n_uniques() const { return by_row_ ? n_ : views_.size(); }
  /// The row's distinct value, -1 when missing.
  std::int64_t code(std::size_t i) const {
    if (by_row_) return (*this)[i].data() != nullptr ? static_cast<std::int64_t>(i) : -1;
    return data_[i];
  }
  std::string_view unique(std::size_t k) const { return by_row_ ? (*this)[k] : views_[k]; }
  /// The column as the library's numbered texts (views valid while this column lives).
  village::NumberedTexts numbered() const {
    if (by_row_) throw std::logic_error("a column of each row's own text has no numbers");
    return {data_, views_};
  }
  std::string_view operator[](std::size_t i) const {
    if (cells_ != nullptr) {  // ASCII texts and missing cells, checked when read
      PyObject *o = cells_[i];
      if (o == nullptr || !PyUnicode_Check(o)) return {};
      return {static_cast<const char *>(PyUnicode_DATA(o)), static_cast<std::size_t>(PyUnicode_GET_LENGTH(o))};
    }
    if (by_row_) return views_[i];
    const std::int64_t c = data_[i];
    return c < 0 ? std::string_view() : views_[static_cast<std::size_t>(c)];
  }

 private:
  CodedText() = default;
  bool by_row_ = false;
  I64 codes_;
  py::array uniques_;
  std::vector<std::string_view> views_;
  PyObject *const *cells_ = nullptr;  // by_rows of ASCII texts: the cells, read row by row
  const std::int64_t *data_ = nullptr;
  std::size_t n_ = 0;
};

// The DataFrame path's input: the frames' text columns as (codes, uniques), NumPy integers. A
// post and a score are read once per distinct text, on first use (the rows are visited in the
// sheet's order, so an error names the same row as reading each cell would).
class FrameInput final : public village::PaySheetInput {
 public:
  FrameInput(CodedText vid, CodedText town, I64 pop, CodedText cid, CodedText pv, CodedText post, I32 from,
             I32 to, CodedText sv, CodedText period, std::optional<CodedText> score_text, std::optional<F64> score_f)
      : vid_(std::move(vid)), town_(std::move(town)), pop_(std::move(pop)), cid_(std::move(cid)), pv_(std::move(pv)),
        post_(std::move(post)), from_(std::move(from)), to_(std::move(to)), sv_(std::move(sv)),
        period_(std::move(period)), score_text_(std::move(score_text)), score_f_(std::move(score_f)) {
    const std::size_t V = vid_.size(), P = cid_.size(), S = sv_.size();
    if (town_.size() != V || static_cast<std::size_t>(pop_.size()) != V)
      throw InvalidInput("village columns differ in length", "villages");
    if (pv_.size() != P || post_.size() != P || static_cast<std::size_t>(from_.size()) != P ||
        static_cast<std::size_t>(to_.size()) != P)
      throw InvalidInput("principal columns differ in length", "principals");
    const std::size_t ns = score_text_ ? score_text_->size() : static_cast<std::size_t>(score_f_->size());
    if (period_.size() != S || ns != S) throw InvalidInput("score columns differ in length", "scores");
    posts_.assign(post_.n_uniques() + 1, kUnread);
    // Every score is read now, each distinct text once, as the records path reads every row:
    // one not a number is refused naming its row, whatever its period (the kernel reads only
    // the year's).
    const auto refuse = [](const InvalidInput &e, std::size_t s) {
      throw InvalidInput(e.message(), e.field(), "scores[" + std::to_string(s) + "]", e.code());
    };
    if (score_text_) {
      scores_.assign(score_text_->n_uniques() + 1, {-1, village::ScoreValue::Status::ok});
      for (std::size_t s = 0; s < S; ++s) {
        auto &slot = scores_[static_cast<std::size_t>(score_text_->code(s) + 1)];
        if (slot.fixed >= 0) continue;
        try {
          slot = village::parse_score((*score_text_)[s]);
        } catch (const InvalidInput &e) {
          refuse(e, s);
        }
      }
    } else {
      const double *f = score_f_->data();
      for (std::size_t s = 0; s < S; ++s)
        if (!std::isfinite(f[s])) {
          try {
            (void)float_score(f[s]);  // the reader's own refusal of "inf"
          } catch (const InvalidInput &e) {
            refuse(e, s);
          }
        }
    }
  }
  std::size_t n_villages() const override { return vid_.size(); }
  std::string_view village_id(std::size_t v) const override { return vid_[v]; }
  std::string_view township(std::size_t v) const override { return town_[v]; }
  std::int64_t population(std::size_t v) const override { return pop_.data()[v]; }
  std::size_t n_principals() const override { return cid_.size(); }
  std::string_view cadre_id(std::size_t i) const override { return cid_[i]; }
  std::string_view principal_village(std::size_t i) const override { return pv_[i]; }
  village::Post post(std::size_t i) const override {
    const auto k = static_cast<std::size_t>(post_.code(i) + 1);  // slot 0: missing
    if (posts_[k] != kUnread) return static_cast<village::Post>(posts_[k]);
    const std::string_view c = cid_[i];
    // an unknown post throws here, naming this row's record
    const village::Post p =
        village::parse_post(post_[i], c.empty() ? "principals[" + std::to_string(i) + "]" : std::string(c));
    posts_[k] = static_cast<std::uint8_t>(p);
    return p;
  }
  std::optional<std::int32_t> served_from(std::size_t i) const override { return from_.data()[i]; }
  std::int32_t served_to(std::size_t i) const override { return to_.data()[i]; }
  std::size_t n_scores() const override { return sv_.size(); }
  std::string_view score_village(std::size_t s) const override { return sv_[s]; }
  // (a column of each row's own id is looked up row by row)
  std::optional<village::NumberedTexts> principal_villages() const override {
    return pv_.by_row() ? std::nullopt : std::optional(pv_.numbered());
  }
  std::optional<village::NumberedTexts> score_villages() const override {
    return sv_.by_row() ? std::nullopt : std::optional(sv_.numbered());
  }
  std::optional<village::NumberedTexts> townships() const override { return town_.numbered(); }
  std::optional<village::NumberedTexts> score_periods() const override { return period_.numbered(); }
  std::string_view score_period(std::size_t s) const override { return period_[s]; }
  village::ScoreValue score(std::size_t s) const override {
    // (every distinct text was read by the constructor)
    if (score_text_) return scores_[static_cast<std::size_t>(score_text_->code(s) + 1)];
    return float_score(score_f_->data()[s]);
  }
  // a float is read by its shortest repr, as Python's repr() gives it
  static village::ScoreValue float_score(double x) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return village::parse_score(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
  }

 private:
  static constexpr std::uint8_t kUnread = 0xFF;
  CodedText vid_, town_;
  I64 pop_;
  CodedText cid_, pv_, post_;
  I32 from_, to_;
  CodedText sv_, period_;
  std::optional<CodedText> score_text_;
  std::optional<F64> score_f_;
  mutable std::vector<std::uint8_t> posts_;           // per distinct post + 1: the Post, or kUnread
  std::vector<village::ScoreValue> scores_;  // per distinct score + 1 (fixed -1: no row holds it)
};

// Money in fen as the caller's objects (``yuan(fen)``, made once per distinct amount): a small
// open-addressing table from amount to object, tried after the row before's amount.
class Amounts {
 public:
  explicit Amounts(py::object yuan) : yuan_(std::move(yuan)), keys_(64), objs_(64) {}
  PyObject *of(std::int64_t fen) {
    if (last_ != nullptr && fen == last_fen_) return last_;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = mix(fen) & mask;; i = (i + 1) & mask) {
      if (objs_[i] && keys_[i] == fen) return remember(fen, objs_[i].ptr());
      if (!objs_[i]) {
        if ((n_ + 1) * 2 > keys_.size()) {
          grow();
          return of(fen);
        }
        objs_[i] = yuan_(fen);
        keys_[i] = fen;
        ++n_;
        return remember(fen, objs_[i].ptr());
      }
    }
  }

 private:
  static std::size_t mix(std::int64_t x) {
    auto h = static_cast<std::uint64_t>(x) * 0x9e3779b97f4a7c15ULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
  PyObject *remember(std::int64_t fen, PyObject *o) {
    last_fen_ = fen;
    last_ = o;
    return o;
  }
  void grow() {
    std::vector<std::int64_t> keys(keys_.size() * 2);
    std::vector<py::object> objs(keys_.size() * 2);
    const std::size_t mask = keys.size() - 1;
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      if (!objs_[k]) continue;
      std::size_t i = mix(keys_[k]) & mask;
      while (objs[i]) i = (i + 1) & mask;
      keys[i] = keys_[k];
      objs[i] = std::move(objs_[k]);
    }
    keys_.swap(keys);
    objs_.swap(objs);
    last_ = nullptr;
  }
  py::object yuan_;
  std::vector<std::int64_t> keys_;
  std::vector<py::object> objs_;
  std::size_t n_ = 0;
  std::int64_t last_fen_ = 0;
  PyObject *last_ = nullptr;
};

// An object column of n cells, each cell i the object of(i) (a new reference taken here). The
// column is made with NULL cells (NumPy reads a NULL cell as None, and drops none), each written
// once, not first filled with None and then replaced.
template <class Of>
py::array filled_column(std::size_t n, Of &&of) {
  py::array col(py::dtype("O"), {static_cast<py::ssize_t>(n)}, {});
  auto **cells = static_cast<PyObject **>(col.mutable_data());
  for (std::size_t i = 0; i < n; ++i) {
    PyObject *o = of(i);
    Py_INCREF(o);
    cells[i] = o;
  }
  return col;
}

// An id column of the caller's that the lines take their ids from: its own cells (a 1-D object
// array) or (codes, uniques) as _frames.factorize gives them. Each row asked for is checked
// against the column's length, and a code against the uniques'; a missing code (-1) gives None.
class CallerIds {
 public:
  CallerIds(const py::handle &column, const char *field) : field_(field) {
    if (py::isinstance<py::tuple>(column)) {
      auto t = py::reinterpret_borrow<py::tuple>(column);
      if (t.size() != 2 || !py::isinstance<I64>(t[0]) || !py::isinstance<py::array>(t[1]))
        throw InvalidInput("ids must be an object array or (codes, uniques)", field);
      codes_ = py::reinterpret_borrow<I64>(t[0]);
      cells_ = py::reinterpret_borrow<py::array>(t[1]);
      if (codes_.ndim() != 1 || !(codes_.flags() & py::array::c_style))
        throw InvalidInput("codes must be 1-D int64", field);
      coded_ = true;
      n_ = static_cast<std::size_t>(codes_.size());
    } else {
      if (!py::isinstance<py::array>(column)) throw InvalidInput("ids must be an object array or (codes, uniques)", field);
      cells_ = py::reinterpret_borrow<py::array>(column);
    }
    if (cells_.ndim() != 1 || cells_.dtype().kind() != 'O' || !(cells_.flags() & py::array::c_style))
      throw InvalidInput("ids must be a 1-D object array", field);
    objs_ = static_cast<PyObject *const *>(cells_.data());
    n_objs_ = static_cast<std::size_t>(cells_.size());
    if (!coded_) n_ = n_objs_;
  }
  // The id of row `row` (a borrowed reference; None for a missing code).
  PyObject *at(std::size_t row) const {
    if (row >= n_) throw InvalidInput("a line's row is outside the id column", field_);
    if (!coded_) return cell(row);
    const std::int64_t c = codes_.data()[row];
    if (c < 0) return Py_None;
    if (static_cast<std::uint64_t>(c) >= n_objs_) throw InvalidInput("code out of range", field_);
    return cell(static_cast<std::size_t>(c));
  }

 private:
  PyObject *cell(std::size_t i) const { return objs_[i] != nullptr ? objs_[i] : Py_None; }
  const char *field_;
  bool coded_ = false;
  I64 codes_;
  py::array cells_;
  PyObject *const *objs_ = nullptr;
  std::size_t n_ = 0, n_objs_ = 0;
};

}  // namespace

void init_village(py::module_ &m) {
  auto v = m.def_submodule("_village", "Kernel of cadrekit.village (JARUD); use cadrekit.village.");

  py::class_<village::PaySheet>(v, "PaySheet", "The year's pay sheet (use cadrekit.village.pay_sheet).")
      .def_readonly("year", &village::PaySheet::year)
      .def(
          "to_dict",
          [](const village::PaySheet &s, const Policy &policy) {
            return from_json(village::pay_sheet_to_json(s, policy));
          },
          py::arg("policy"),
          "The sheet as the library renders it (schema cadrekit.village.pay_sheet/1: lines, "
          "villages, townships, banner; money as decimal yuan text).")
      .def(
          "frame_columns",
          [](const village::PaySheet &s, const py::object &yuan, bool action_lists, const py::object &ids) {
            // The lines' DataFrame columns, made here from the sheet's columns without a PayLine
            // per line: labels and money as shared objects (money as yuan(fen), once per distinct
            // amount), actions as the table cell's text (one str for the lines with actions, one
            // for the others: every line with actions has the same two, due from the grading
            // date) or, with action_lists, each line's a new list of new {"kind", "due"} dicts.
            const village::LineColumns c = village::line_columns(s);
            const std::size_t n = c.line_principal.size();
            const std::int32_t *lp = c.line_principal.data();
            auto principal_of = [lp](std::size_t k) { return static_cast<std::size_t>(lp[k]); };
            auto village_of = [&](std::size_t k) {
              return static_cast<std::size_t>(c.principal_village[principal_of(k)]);
            };
            py::array_t<std::int64_t> principal(static_cast<py::ssize_t>(n)), units(static_cast<py::ssize_t>(n)),
                units_of_year(static_cast<py::ssize_t>(n));
            py::array_t<std::int32_t> village_row(static_cast<py::ssize_t>(n));
            {
              auto *pr = principal.mutable_data(), *un = units.mutable_data(), *uy = units_of_year.mutable_data();
              auto *vr = village_row.mutable_data();
              for (std::size_t k = 0; k < n; ++k) {
                const std::size_t p = principal_of(k);
                pr[k] = static_cast<std::int64_t>(p);
                vr[k] = c.principal_village[p];
                un[k] = c.units[p];
                uy[k] = c.period_units;
              }
            }
            // Every value of each enum, by code (the codes count from 0 to the last value).
            auto labels = [](int count, auto name) {
              std::vector<py::str> out;
              for (int k = 0; k < count; ++k) out.emplace_back(name(k));
              return out;
            };
            constexpr int posts_n = static_cast<int>(village::Post::both) + 1;
            constexpr int teams_n = static_cast<int>(village::TeamGrade::not_graded) + 1;
            constexpr int grades_n = static_cast<int>(village::Grade::not_graded) + 1;
            using village::Grade, village::Post, village::TeamGrade;
            const auto posts = labels(posts_n, [](int k) { return village::post_code(static_cast<Post>(k)); });
            const auto team_codes =
                labels(teams_n, [](int k) { return village::team_grade_code(static_cast<TeamGrade>(k)); });
            const auto team_zh = labels(teams_n, [](int k) { return village::team_grade_zh(static_cast<TeamGrade>(k)); });
            const auto team_en = labels(teams_n, [](int k) { return village::team_grade_en(static_cast<TeamGrade>(k)); });
            const auto grade_codes = labels(grades_n, [](int k) { return village::grade_code(static_cast<Grade>(k)); });
            const auto grade_zh = labels(grades_n, [](int k) { return village::grade_zh(static_cast<Grade>(k)); });
            const auto grade_en = labels(grades_n, [](int k) { return village::grade_en(static_cast<Grade>(k)); });
            auto label_column = [&](const std::vector<py::str> &names, auto code) {
              return filled_column(n, [&](std::size_t k) {
                const auto i = static_cast<std::size_t>(code(k));
                if (i >= names.size()) throw std::logic_error("a code without a label");
                return names[i].ptr();
              });
            };
            auto post_code = [&](std::size_t k) { return c.post[principal_of(k)]; };
            auto team_code = [&](std::size_t k) { return c.village_team_grade[village_of(k)]; };
            auto grade_code = [&](std::size_t k) { return c.grade[principal_of(k)]; };
            Amounts amounts(yuan);
            auto money_column = [&](std::span<const std::int64_t> fen) {
              return filled_column(n, [&](std::size_t k) { return amounts.of(fen.empty() ? 0 : fen[principal_of(k)]); });
            };
            py::dict d;
            d["principal"] = principal;
            d["village"] = village_row;
            if (!ids.is_none()) {  // the caller's own id objects, taken by the lines' rows
              if (!py::isinstance<py::tuple>(ids) || py::len(ids) != 3)
                throw InvalidInput("ids must be (cadre_id, village_id, township)", "ids");
              auto t = py::reinterpret_borrow<py::tuple>(ids);
              const CallerIds cid(t[0], "cadre_id"), vid(t[1], "village_id"), town(t[2], "township");
              d["cadre_id"] = filled_column(n, [&](std::size_t k) { return cid.at(principal_of(k)); });
              d["village_id"] = filled_column(n, [&](std::size_t k) { return vid.at(village_of(k)); });
              d["township"] = filled_column(n, [&](std::size_t k) { return town.at(village_of(k)); });
            }
            d["post"] = label_column(posts, post_code);
            d["units"] = units;
            d["units_of_year"] = units_of_year;
            d["base"] = money_column(c.base_fen);
            d["performance"] = money_column(c.performance_fen);
            d["public_institution"] = money_column(c.public_institution_fen);
            d["total"] = money_column(c.total_fen);
            d["team_grade"] = label_column(team_codes, team_code);
            d["team_grade_zh"] = label_column(team_zh, team_code);
            d["team_grade_en"] = label_column(team_en, team_code);
            d["grade"] = label_column(grade_codes, grade_code);
            d["grade_zh"] = label_column(grade_zh, grade_code);
            d["grade_en"] = label_column(grade_en, grade_code);
            if (!action_lists) {
              const py::str none(""), some(village::actions_text(c.actions));
              d["actions"] = filled_column(n, [&](std::size_t k) {
                return (c.has_actions(principal_of(k)) ? some : none).ptr();
              });
              return d;
            }
            // actions: the kinds' texts and the due dates made once, shared by the lines' dicts
            if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
            const py::str key_kind("kind"), key_due("due");
            std::array<py::dict, 2> model;  // each line's dicts are copies of these
            for (std::size_t a = 0; a < 2; ++a) {
              const Date due = c.actions[a].due;
              PyObject *o = PyDate_FromDate(static_cast<int>(due.year()), static_cast<int>(due.month()),
                                            static_cast<int>(due.day()));
              if (o == nullptr) throw py::error_already_set();
              model[a][key_kind] = py::str(c.actions[a].kind.data(), c.actions[a].kind.size());
              model[a][key_due] = py::reinterpret_steal<py::object>(o);
            }
            py::array acts = object_column(static_cast<py::ssize_t>(n));
            auto **cells = static_cast<PyObject **>(acts.mutable_data());
            for (std::size_t k = 0; k < n; ++k) {
              const bool has = c.has_actions(principal_of(k));
              py::list list(has ? 2 : 0);
              if (has)
                for (std::size_t a = 0; a < 2; ++a) {
                  PyObject *one = PyDict_Copy(model[a].ptr());
                  if (one == nullptr) throw py::error_already_set();
                  PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(a), one);
                }
              Py_SETREF(cells[k], list.release().ptr());
            }
            d["actions"] = acts;
            return d;
          },
          py::arg("yuan"), py::arg("action_lists") = false, py::kw_only(), py::arg("ids") = py::none(),
          "The lines' DataFrame columns (cadrekit.village.PaySheet.to_pandas without the columns "
          "kept): with ids=(cadre_id, village_id, township), the caller's columns the sheet was "
          "computed from (each its cells or (codes, uniques)), the lines' ids taken from them; "
          "principal and village (the rows given), post, units, units_of_year, "
          "money as yuan(fen) (once per distinct amount), team_grade and grade with their _zh and "
          "_en labels, actions (the text 'kind:due;...', or with action_lists a list of {kind, "
          "due} per line).")
      .def(
          "lines_columns",
          [](const village::PaySheet &s, bool ids) {
            // What the Python sheet reads of each line besides its DataFrame (frame_columns): the
            // principal and village rows given, the post code, and (ids=True) the ids as lists
            // of str, for explain(), to_records() with kept columns and the rows path's ids.
            const std::size_t n = s.lines.size();
            py::array_t<std::uint8_t> post(static_cast<py::ssize_t>(n));
            py::array_t<std::int64_t> principal(static_cast<py::ssize_t>(n));
            py::array_t<std::int32_t> village_row(static_cast<py::ssize_t>(n));
            py::list cadre(ids ? n : 0), vid(ids ? n : 0), town(ids ? n : 0);
            auto *p8 = post.mutable_data();
            auto *r64 = principal.mutable_data();
            auto *v32 = village_row.mutable_data();
            for (std::size_t i = 0; i < n; ++i) {
              const village::PayLine l = s.lines[i];
              if (ids) {
                cadre[i] = py::str(l.cadre_id.data(), l.cadre_id.size());
                vid[i] = py::str(l.village_id.data(), l.village_id.size());
                town[i] = py::str(l.township.data(), l.township.size());
              }
              v32[i] = static_cast<std::int32_t>(l.village);
              p8[i] = static_cast<std::uint8_t>(l.post);
              r64[i] = static_cast<std::int64_t>(l.principal);
            }
            py::dict d;
            d["cadre_id"] = cadre;
            d["village_id"] = vid;
            d["township"] = town;
            d["post"] = post;
            d["principal"] = principal;
            d["village"] = village_row;
            return d;
          },
          py::kw_only(), py::arg("ids") = true,
          "The lines' rows and posts: principal and village (the rows given), post (uint8 code) "
          "and, with ids=True, cadre_id, village_id and township as lists of str (ids=False: "
          "empty lists).");

  v.def(
      "pay_sheet",
      [](std::vector<VillageRow> vrows, std::vector<PrincipalRow> prows, std::vector<ScoreRow> srows, int year,
         const Policy &policy, std::optional<Date> graded_on, bool explain) {
        py::gil_scoped_release release;
        std::vector<village::Village> vs;
        vs.reserve(vrows.size());
        for (auto &r : vrows)
          vs.push_back({std::move(std::get<0>(r)), std::move(std::get<1>(r)), std::move(std::get<2>(r)),
                        std::get<3>(r)});
        std::vector<village::Principal> ps;
        ps.reserve(prows.size());
        for (std::size_t i = 0; i < prows.size(); ++i) {
          auto &r = prows[i];
          const std::string rec = std::get<0>(r).empty() ? "principals[" + std::to_string(i) + "]" : std::get<0>(r);
          ps.push_back({std::move(std::get<0>(r)), std::move(std::get<1>(r)), std::move(std::get<2>(r)),
                        village::parse_post(std::get<3>(r), rec), std::get<4>(r), std::get<5>(r)});
        }
        std::vector<village::Score> ss;
        ss.reserve(srows.size());
        for (std::size_t i = 0; i < srows.size(); ++i) {
          auto &r = srows[i];
          try {
            ss.push_back(
                {std::move(std::get<0>(r)), std::move(std::get<1>(r)), parse_decimal(std::get<2>(r), "score")});
          } catch (const InvalidInput &e) {  // naming the row, as the DataFrame path does
            throw InvalidInput(e.message(), e.field(), "scores[" + std::to_string(i) + "]", e.code());
          }
        }
        village::PaySheetOptions o;
        o.graded_on = graded_on;
        o.explain = explain;
        return village::pay_sheet(vs, ps, ss, year, policy, o);
      },
      py::arg("villages"), py::arg("principals"), py::arg("scores"), py::arg("year"), py::arg("policy"),
      py::kw_only(), py::arg("graded_on") = py::none(), py::arg("explain") = true,
      "villages: (village_id, name, township, population); principals: (cadre_id, name, village_id, "
      "post, served_from, served_to|None); scores: (village_id, period, score text).");

  v.def(
      "pay_sheet_frames",
      [](const py::object &village_id, const py::object &township, const py::object &population_col,
         const py::object &cadre_id, const py::object &p_village, const py::object &post, const py::object &from_col,
         const py::object &to_col, const py::object &s_village, const py::object &period, const py::object &score,
         int year, const Policy &policy, std::optional<Date> graded_on, bool explain,
         const py::tuple &missing) -> py::object {
        I64 population = int_column<std::int64_t>(population_col, "population", -1);
        I32 served_from = int_column<std::int32_t>(from_col, "served_from", -1);
        I32 served_to = int_column<std::int32_t>(to_col, "served_to", -1);
        std::optional<CodedText> st;
        std::optional<F64> sf;
        if (py::isinstance<py::tuple>(score))
          st.emplace(score, "score", "scores");
        else if (py::isinstance<F64>(score) && py::reinterpret_borrow<py::array>(score).ndim() == 1 &&
                 (py::reinterpret_borrow<py::array>(score).flags() & py::array::c_style))
          sf.emplace(py::reinterpret_borrow<F64>(score));
        else
          throw InvalidInput("scores must be decimal text (codes, uniques) or float64 numbers", "score");
        // an id column: (codes, uniques), or its own cells (CodedText::by_rows)
        auto ids = [&](const py::object &col, const char *field, const char *table) -> std::optional<CodedText> {
          if (py::isinstance<py::tuple>(col)) return CodedText(col, field, table);
          return CodedText::by_rows(col, missing, field, table);
        };
        auto vid = ids(village_id, "village_id", "villages"), cid = ids(cadre_id, "cadre_id", "principals");
        auto pv = ids(p_village, "village_id", "principals"), sv = ids(s_village, "village_id", "scores");
        if (!vid || !cid || !pv || !sv) return py::none();
        FrameInput in(std::move(*vid), CodedText(township, "township", "villages"), std::move(population), std::move(*cid),
                      std::move(*pv), CodedText(post, "post", "principals"), std::move(served_from), std::move(served_to),
                      std::move(*sv), CodedText(period, "period", "scores"), std::move(st), std::move(sf));
        village::PaySheetOptions o;
        o.graded_on = graded_on;
        o.explain = explain;
        std::optional<village::PaySheet> sheet;
        {
          // The columns' texts were read above; the sheet reads codes and views only.
          py::gil_scoped_release release;
          sheet.emplace(village::pay_sheet(in, year, policy, o));
        }
        return py::cast(std::move(*sheet));
      },
      py::arg("village_id"), py::arg("township"), py::arg("population"), py::arg("cadre_id"),
      py::arg("principal_village_id"), py::arg("post"), py::arg("served_from"), py::arg("served_to"),
      py::arg("score_village_id"), py::arg("period"), py::arg("score"), py::arg("year"), py::arg("policy"),
      py::kw_only(), py::arg("graded_on") = py::none(), py::arg("explain") = true, py::arg("missing") = py::tuple(),
      "The pay sheet from DataFrame columns: each text column a pair (codes, uniques) as "
      "cadrekit._frames.factorize gives it (int64 codes, -1 missing: an empty text; a 1-D object "
      "array of str; equal codes must be equal texts, equal texts may have two codes), population int64, dates as days since 1970-01-01 (int32, served_to "
      "2147483647 when still serving), scores as text (codes, uniques) or a float64 array (read "
      "by shortest repr). Each distinct post and score text is read once. An id column (village_id, "
      "cadre_id, principal_village_id, score_village_id) may be given as its own cells instead, a "
      "1-D object array of str, a missing cell None, NaN or one of ``missing``: None comes back "
      "when such a column holds any other value.");

  v.def(
      "days_from_objects",
      [](const py::array &a, const py::handle &nat) -> py::object {
        if (a.ndim() != 1 || a.dtype().kind() != 'O') return py::none();
        if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
        const auto n = static_cast<std::size_t>(a.size());
        auto *data = static_cast<PyObject *const *>(a.data());
        py::array_t<std::int32_t> days(static_cast<py::ssize_t>(n));
        py::array_t<bool> missing(static_cast<py::ssize_t>(n));
        std::int32_t *d = days.mutable_data();
        bool *m = missing.mutable_data();
        for (std::size_t i = 0; i < n; ++i) {
          PyObject *o = data[i];
          m[i] = false;
          d[i] = 0;
          if (o == Py_None || o == nat.ptr() || (PyFloat_Check(o) && std::isnan(PyFloat_AS_DOUBLE(o)))) {
            m[i] = true;
          } else if (PyDate_Check(o)) {
            // a datetime with a time of day or a time zone: the general path, which names it
            if (PyDateTime_Check(o) &&
                (PyDateTime_DATE_GET_HOUR(o) != 0 || PyDateTime_DATE_GET_MINUTE(o) != 0 ||
                 PyDateTime_DATE_GET_SECOND(o) != 0 || PyDateTime_DATE_GET_MICROSECOND(o) != 0 ||
                 PyDateTime_DATE_GET_TZINFO(o) != Py_None ||
                 (py::hasattr(o, "nanosecond") && py::handle(o).attr("nanosecond").cast<int>() != 0)))
              return py::none();
            d[i] = to_days(make_date(PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o), PyDateTime_GET_DAY(o)));
          } else if (PyUnicode_Check(o)) {
            const auto text = utf8_view(o);
            if (!text) return py::none();
            const std::string_view t = *text;
            auto digits = [&](std::size_t b, std::size_t e) {
              for (std::size_t k = b; k < e; ++k)
                if (t[k] < '0' || t[k] > '9') return false;
              return true;
            };
            if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !digits(0, 4) || !digits(5, 7) || !digits(8, 10))
              return py::none();
            const int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
            const int mo = (t[5] - '0') * 10 + (t[6] - '0'), dd = (t[8] - '0') * 10 + (t[9] - '0');
            if (y < 1 || mo < 1 || mo > 12 || dd < 1 || dd > 31) return py::none();
            try {
              d[i] = to_days(make_date(y, mo, dd));
            } catch (const Error &) {
              return py::none();  // the general path names the row
            }
          } else {
            return py::none();  // anything else: the general path
          }
        }
        return py::make_tuple(days, missing);
      },
      py::arg("values"), py::arg("nat"),
      "Days since 1970-01-01 and a missing mask of an object array of dates, datetimes, ISO "
      "'YYYY-MM-DD' strings, None, NaN or NaT; None when some value needs the general path.");

  v.def(
      "pay_columns",
      [](const py::object &township_col, const py::object &population_col, const py::object &scores_col,
         const py::object &present_col, const py::object &principal_col, const py::object &post_col,
         const py::object &from_col, const py::object &to_col, int year, const Policy &policy,
         const py::object &out) {
        auto village_township = int_column<std::int32_t>(township_col, "village_township", -1);
        const auto nv = village_township.shape(0);
        auto population = int_column<std::int64_t>(population_col, "population", nv);
        auto scores = int_column<std::int64_t>(scores_col, "scores", -1);
        ColumnSpec<std::uint8_t> mask;
        mask.missing = 0;  // a village's mask (bit k: score k present) missing: no score present
        auto score_present = int_column<std::uint8_t>(present_col, "score_present", nv, mask);
        auto principal_village = int_column<std::int32_t>(principal_col, "principal_village", -1);
        const auto np_ = principal_village.shape(0);
        auto post = int_column<std::uint8_t>(post_col, "post", np_);
        ColumnSpec<std::int32_t> from_spec, to_spec;
        from_spec.dates = to_spec.dates = true;
        to_spec.missing = std::numeric_limits<std::int32_t>::max();  // still serving
        auto served_from = int_column<std::int32_t>(from_col, "served_from", np_, from_spec);
        auto served_to = int_column<std::int32_t>(to_col, "served_to", np_, to_spec);
        const auto V = static_cast<std::size_t>(village_township.size());
        const auto P = static_cast<std::size_t>(principal_village.size());
        // Fresh arrays, or the caller's (out=, a dict of the seven columns), checked first.
        py::dict d;
        if (out.is_none()) {
          d["village_team_grade"] = py::array_t<std::uint8_t>(static_cast<py::ssize_t>(V));
          d["village_rank"] = py::array_t<std::int32_t>(static_cast<py::ssize_t>(V));
          d["base_fen"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(P));
          d["performance_fen"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(P));
          d["total_fen"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(P));
          d["grade"] = py::array_t<std::uint8_t>(static_cast<py::ssize_t>(P));
          d["units"] = py::array_t<std::int32_t>(static_cast<py::ssize_t>(P));
        } else {
          if (!py::isinstance<py::dict>(out))
            throw InvalidInput("out must be a dict of the seven output columns", "out");
          auto o = py::reinterpret_borrow<py::dict>(out);
          for (const char *k : {"village_team_grade", "village_rank", "base_fen", "performance_fen",
                                "total_fen", "grade", "units"}) {
            if (!o.contains(k)) throw InvalidInput("output column is missing", std::string("out[") + k + "]");
            d[k] = o[k];
          }
        }
        auto col = [&](const char *k) { return py::handle(d[k]); };
        auto field = [](const char *k) { return std::string("out[") + k + "]"; };
        village::PayColumnsOut outs{
            out_column<std::uint8_t>(col("village_team_grade"), V, field("village_team_grade"), "uint8"),
            out_column<std::int32_t>(col("village_rank"), V, field("village_rank"), "int32"),
            out_column<std::int64_t>(col("base_fen"), P, field("base_fen"), "int64"),
            out_column<std::int64_t>(col("performance_fen"), P, field("performance_fen"), "int64"),
            out_column<std::int64_t>(col("total_fen"), P, field("total_fen"), "int64"),
            out_column<std::uint8_t>(col("grade"), P, field("grade"), "uint8"),
            out_column<std::int32_t>(col("units"), P, field("units"), "int32")};
        village::PayColumnsIn in{in_span(village_township), in_span(population), in_span(scores),
                                 in_span(score_present), in_span(principal_village), in_span(post),
                                 in_span(served_from), in_span(served_to)};
        {
          py::gil_scoped_release release;
          village::pay_columns(in, year, policy, outs);
        }
        return d;
      },
      py::arg("village_township"), py::arg("population"), py::arg("scores"), py::arg("score_present"),
      py::arg("principal_village"), py::arg("post"), py::arg("served_from"), py::arg("served_to"),
      py::arg("year"), py::arg("policy"), py::kw_only(), py::arg("out") = py::none(),
      "Columnar pay (NumPy): scores are score x 10000, shape (V, 5); dates are days since 1970-01-01, "
      "served_to 2147483647 when still serving. Returns a dict of arrays (money in fen); with out= "
      "(a dict of the seven arrays, preallocated) writes into them and returns a dict of them.");

  v.def(
      "selection_quota",
      [](std::int64_t n, int year, const Policy &policy) { return village::selection_quota(n, year, policy); },
      py::arg("n_villages"), py::arg("year"), py::arg("policy"));
  v.def(
      "allocate_quota",
      [](const std::map<std::string, std::int64_t> &per, std::int64_t quota) {
        return village::allocate_quota(per, quota);
      },
      py::arg("villages_per_township"), py::arg("quota"));
  def_json(v, "selection", &village::selection_json,
           "Selection and subsidies: one request, \"op\" says which (docs/village.md).");
  def_json(v, "pay_sheet_request", &village::pay_sheet_json,
           "The pay sheet of a request in the C ABI's form (holders, terms, budget; docs/village.md).");
  v.def(
      "budget_what_if",
      [](py::handle request, const Policy &a, const Policy &b) {
        std::string text = to_json(request);
        std::string answer;
        {
          py::gil_scoped_release release;
          answer = village::budget_what_if_json(text, a, b);
        }
        return from_json(answer);
      },
      py::arg("request"), py::arg("a"), py::arg("b"),
      "The year's budget under two policies and the difference (docs/village.md).");
}

}  // namespace cadrekit::python

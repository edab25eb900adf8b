// Python: a column of text numbered by its distinct values, for the natural calls that read a
// DataFrame (cadrekit._frames.factorize).
//   _core.factorize_text(values, missing, sort, dense, more) -> (codes, uniques, refused) | None
// values: a one-dimensional NumPy object array (any stride). codes: int64, each row's number
// among the distinct texts in order of first appearance (or of code point with sort=True), -1
// for a missing value (None, a float NaN, or an object other than a str identical to one in
// ``missing``, e.g. pandas.NA: a str is always text). uniques: the distinct texts as an object
// array — the caller's own str objects.
// refused: whether a distinct text holds a NUL character or a lone surrogate (text the library's
// readers refuse: the caller takes the path that names it). None when a value is neither an exact
// str nor missing (a number, a date, a str subclass), and when more than 7/8 of the first 65,536
// cells are distinct, unless dense=True or sort=True (pandas' table is faster for a column of
// ids all different, but its sort of them is not): the caller then takes pandas' factorize.
// more: a second object array, numbered as if it followed values in one column (codes for the
// cells of both, values' first), so that two columns are numbered alike without joining them.
//
// Why not pandas.factorize: it hashes and compares every cell as a Python object. A column read
// by pandas.read_csv holds the same str object for equal cells of a chunk, and a county's table
// lists a cadre's records together, so here a cell is first looked up by its pointer (a small
// cache of the objects met), then compared with the cell before, and only a text not so found
// is hashed into an open-addressing table of the distinct texts. With sort=True, a column of texts
// nearly all different (a million ids, one a row) has no such table: its cells are sorted, which
// the order needs anyway (number_by_sorting).
//
//   _core.position_in(distinct, values, missing) -> positions | None: each value's position
//     among the texts ``distinct`` (pandas' Index.get_indexer), -1 for a missing value or one not
//     there; None when a value is neither an exact str nor missing, or a text of distinct is
//     not a str.
//
//   _core.date_days(values, missing) -> (days, bad_row, bad_text) | None: a column of text dates
//     read in one call, as cadrekit::vocabulary::parse_date reads them: an ISO date in each
//     cell, any other text once per distinct text; days a datetime64[D] array (NaT for a
//     missing cell, as factorize_text tells one);
//     on a text that is not a date, (None, the first row that holds it, the text) — the first
//     row, from 0, whose text is not a date. None when a value is neither an exact str nor
//     missing, or a text holds a NUL or cannot be encoded (the caller's general path).
//
//   _core.repeat_in_groups(groups, group_count, values, missing) -> (first_missing,
//     first_repeat) | None: the first row (from 0) whose value is missing, and the first whose
//     text repeats an earlier row's within its group (a cadre twice on a team), -1 for none;
//     None when a value is neither an exact str nor missing.
//
//   _core.first_missing_text(values, missing) -> int | None: the first row whose value is
//     missing, -1 for none; None when a value neither an exact str nor missing comes first.
//
//   _core.first_bad_text(values, missing, empty_ok, missing_ok) -> (row, reason): the first cell
//     that is no id — not a str, missing (unless missing_ok; reason "is missing"), empty or blank (unless
//     empty_ok), or holding a NUL or a lone surrogate — and why; (-1, None).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "bindings.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/id_index.hpp"
#include "object_cells.hpp"

namespace py = pybind11;

namespace cadrekit::python {
namespace {

// Python's order of str: by code point, then by length.
bool text_less(PyObject *a, PyObject *b) {
  const Py_ssize_t na = PyUnicode_GET_LENGTH(a);
  const Py_ssize_t nb = PyUnicode_GET_LENGTH(b);
  const int ka = PyUnicode_KIND(a);
  const int kb = PyUnicode_KIND(b);
  const void *da = PyUnicode_DATA(a);
  const void *db = PyUnicode_DATA(b);
  const Py_ssize_t m = std::min(na, nb);
  if (ka == PyUnicode_1BYTE_KIND && kb == PyUnicode_1BYTE_KIND) {
    const int c = std::memcmp(da, db, static_cast<size_t>(m));
    return c != 0 ? c < 0 : na < nb;
  }
  for (Py_ssize_t i = 0; i < m; ++i) {
    const Py_UCS4 ca = PyUnicode_READ(ka, da, i);
    const Py_UCS4 cb = PyUnicode_READ(kb, db, i);
    if (ca != cb) return ca < cb;
  }
  return na < nb;
}

// Brings a str object into the cache ahead of its reading: its header, and the line its text
// starts in.
void prefetch_text(PyObject *s) {
  const char *at = reinterpret_cast<const char *>(s);
  __builtin_prefetch(at);
  __builtin_prefetch(at + sizeof(PyASCIIObject));
}

// Whether two exact str hold the same text, read without hashing (a cell and the one before it).
bool equal_text(PyObject *a, PyObject *b) {
#if PY_VERSION_HEX < 0x030C0000
  if (PyUnicode_READY(a) < 0 || PyUnicode_READY(b) < 0) throw py::error_already_set();
#endif
  const Py_ssize_t n = PyUnicode_GET_LENGTH(a);
  const int kind = PyUnicode_KIND(a);
  return n == PyUnicode_GET_LENGTH(b) && kind == PyUnicode_KIND(b) &&
         std::memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), static_cast<size_t>(n) * static_cast<size_t>(kind)) == 0;
}

// A text's first 16 characters as a key that orders as the texts do wherever two keys differ
// (sorting the distinct texts reads these contiguous keys, not the str objects): a character
// is its code point, up to 254; from the first one above that, the key stops (zeros), so that
// two texts alike up to there tie and are compared whole.
struct SortKey {
  uint64_t hi = 0;
  uint64_t lo = 0;
  int64_t code = 0;
};

SortKey sort_key(PyObject *s, int64_t code) {
  SortKey key;
  key.code = code;
  const Py_ssize_t n = std::min<Py_ssize_t>(PyUnicode_GET_LENGTH(s), 16);
  const int kind = PyUnicode_KIND(s);
  const void *d = PyUnicode_DATA(s);
  for (Py_ssize_t i = 0; i < n; ++i) {
    const Py_UCS4 c = PyUnicode_READ(kind, d, i);
    const uint64_t byte = c < 255 ? c : 255;
    uint64_t &word = i < 8 ? key.hi : key.lo;
    word |= byte << (8 * (7 - (i % 8)));
    if (byte == 255) break;
  }
  return key;
}

// Sorts the keys of distinct texts as Python orders the texts: by hi, then lo (a radix sort, a
// byte at a time from the last, stable, skipping a byte the same in every key), then each run
// of keys alike in both by the texts themselves. (A comparison sort of a million keys spends
// most of its time on mispredicted branches.)
void sort_keys(std::vector<SortKey> &keys, const std::vector<PyObject *> &texts) {
  const size_t k = keys.size();
  if (k < 2) return;
  const auto byte = [](const SortKey &key, int b) {  // b: 0 the last byte of lo … 15 the first of hi
    return static_cast<size_t>(((b < 8 ? key.lo : key.hi) >> (8 * (b % 8))) & 0xff);
  };
  std::vector<size_t> count(16 * 256, 0);
  for (const SortKey &key : keys)
    for (int b = 0; b < 16; ++b) ++count[static_cast<size_t>(b) * 256 + byte(key, b)];
  std::vector<SortKey> other(k);
  for (int b = 0; b < 16; ++b) {
    size_t *c = &count[static_cast<size_t>(b) * 256];
    if (c[byte(keys[0], b)] == k) continue;  // every key alike in this byte
    size_t at = 0;
    for (size_t d = 0; d < 256; ++d) {
      const size_t n = c[d];
      c[d] = at;
      at += n;
    }
    for (const SortKey &key : keys) other[c[byte(key, b)]++] = key;
    keys.swap(other);
  }
  for (size_t a = 0; a < k;) {
    size_t e = a + 1;
    while (e < k && keys[e].hi == keys[a].hi && keys[e].lo == keys[a].lo) ++e;
    PyObject *head = texts[static_cast<size_t>(keys[a].code)];
    size_t same_text = a + 1;  // a run of one text repeated (a column's cells, not distinct texts) stays as it is
    while (same_text < e && equal_text(texts[static_cast<size_t>(keys[same_text].code)], head)) ++same_text;
    if (same_text < e)
      std::stable_sort(keys.begin() + static_cast<std::ptrdiff_t>(a), keys.begin() + static_cast<std::ptrdiff_t>(e),
                       [&texts](const SortKey &x, const SortKey &y) {
                         return text_less(texts[static_cast<size_t>(x.code)], texts[static_cast<size_t>(y.code)]);
                       });
    a = e;
  }
}

// Whether the text s, whose key is `key`, orders before the text t of key `of_t`.
bool key_less(const SortKey &key, PyObject *s, const SortKey &of_t, PyObject *t) {
  if (key.hi != of_t.hi) return key.hi < of_t.hi;
  if (key.lo != of_t.lo) return key.lo < of_t.lo;
  return text_less(s, t);
}

bool has_nul(PyObject *s) {
  const Py_ssize_t n = PyUnicode_GET_LENGTH(s);
  const int kind = PyUnicode_KIND(s);
  const void *d = PyUnicode_DATA(s);
  if (kind == PyUnicode_1BYTE_KIND) return std::memchr(d, 0, static_cast<size_t>(n)) != nullptr;
  for (Py_ssize_t i = 0; i < n; ++i)
    if (PyUnicode_READ(kind, d, i) == 0) return true;
  return false;
}

// Whether a str is blank, as vocabulary::blank reads a text: every character an ASCII space, tab
// or line end, U+3000 or U+00A0 (an Excel cell "emptied" with a space). Most fail at the first.
bool is_blank(PyObject *s) {
  const int kind = PyUnicode_KIND(s);
  const void *d = PyUnicode_DATA(s);
  for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); ++i) {
    const Py_UCS4 c = PyUnicode_READ(kind, d, i);
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0x3000 && c != 0xA0) return false;
  }
  return true;
}

// Whether a str holds a lone surrogate, which UTF-8 cannot hold (only a str of 2- or 4-byte
// characters can).
bool has_surrogate(PyObject *s) {
  const int kind = PyUnicode_KIND(s);
  if (kind == PyUnicode_1BYTE_KIND) return false;
  const void *d = PyUnicode_DATA(s);
  for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); ++i) {
    const Py_UCS4 c = PyUnicode_READ(kind, d, i);
    if (c >= 0xD800 && c <= 0xDFFF) return true;
  }
  return false;
}

// A str's bytes, kind and length, and their 64-bit hash (the same text, the same hash).
struct TextView {
  const unsigned char *data;
  size_t bytes;
  uint64_t w0 = 0;  // the first 16 bytes, zero-padded
  uint64_t w1 = 0;
  uint64_t tag;  // kind << 56 | length
  uint64_t hash;
};

using text_util::mix64;  // a 64-bit finaliser (splitmix64)

// The hash's key, drawn once a process: a column crafted so that many texts share one hash
// (which would make the table's probes, and so a call, quadratic) cannot be written without it.
uint64_t hash_key() {
  static const uint64_t key = [] {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device();
  }();
  return key;
}

TextView view_of(PyObject *s) {
#if PY_VERSION_HEX < 0x030C0000
  if (PyUnicode_READY(s) < 0) throw py::error_already_set();  // a legacy str, made compact
#endif
  const auto len = static_cast<size_t>(PyUnicode_GET_LENGTH(s));
  const auto kind = static_cast<size_t>(PyUnicode_KIND(s));
  TextView t{static_cast<const unsigned char *>(PyUnicode_DATA(s)), len * kind, 0, 0,
             (static_cast<uint64_t>(kind) << 56) | len, 0};
  std::memcpy(&t.w0, t.data, std::min<size_t>(t.bytes, 8));
  if (t.bytes > 8) std::memcpy(&t.w1, t.data + 8, std::min<size_t>(t.bytes - 8, 8));
  const uint64_t key = hash_key();
  uint64_t h = mix64(t.tag ^ mix64(t.w0 ^ mix64(t.w1 + key) ^ key));
  for (size_t at = 16; at < t.bytes; at += 8) {
    uint64_t w = 0;
    std::memcpy(&w, t.data + at, std::min<size_t>(8, t.bytes - at));
    h = mix64(h ^ w);
  }
  t.hash = h;
  return t;
}

bool same(const TextView &a, const TextView &b) {
  return a.hash == b.hash && a.tag == b.tag && a.w0 == b.w0 && a.w1 == b.w1 &&
         (a.bytes <= 16 || std::memcmp(a.data, b.data, a.bytes) == 0);
}

// A one-dimensional object column as NumPy lays it out (any stride), with the caller's own
// missing objects; optionally followed by the cells of a second array (two columns read as one,
// without joining them).
class ObjectColumn {
 public:
  ObjectColumn(const py::array &values, const py::tuple &missing, const char *function,
               const py::array *more = nullptr) {
    for (const py::array *a : {&values, more != nullptr ? more : &values})
      if (a->ndim() != 1 || a->dtype().kind() != 'O')
        throw py::type_error(std::string(function) + " takes a one-dimensional object array");
    first_ = static_cast<size_t>(values.shape(0));
    size_ = first_ + (more != nullptr ? static_cast<size_t>(more->shape(0)) : 0);
    stride_ = values.strides(0);
    base_ = static_cast<const char *>(values.data());
    if (more != nullptr) {
      stride1_ = more->strides(0);
      base1_ = static_cast<const char *>(more->data());
    }
    for (const auto &m : missing) absent_.push_back(m.ptr());
  }
  size_t size() const { return size_; }
  size_t first_size() const { return first_; }  // the cells of the first array; then the second's
  PyObject *operator[](size_t i) const {
    return i < first_ ? *reinterpret_cast<PyObject *const *>(base_ + static_cast<py::ssize_t>(i) * stride_)
                      : *reinterpret_cast<PyObject *const *>(base1_ + static_cast<py::ssize_t>(i - first_) * stride1_);
  }
  // A missing cell: None (or an unfilled slot), a float NaN, or one of the caller's missing
  // objects (pandas.NA, pandas.NaT), compared by identity.
  bool missing(PyObject *v) const {
    return missing_cell(v, absent_);
  }

 private:
  size_t first_ = 0;  // cells of the first array
  size_t size_ = 0;
  py::ssize_t stride_ = 0;
  const char *base_ = nullptr;
  py::ssize_t stride1_ = 0;
  const char *base1_ = nullptr;
  std::vector<PyObject *> absent_;
};

// What was read of the str objects already met, found by pointer (why: the top of this file): a
// direct-mapped cache as large as the column, up to 65,536 entries. A str of up to 15 ASCII
// characters takes 64 bytes of CPython's allocator and read_csv makes a column's strs one after
// another, so an entry is chosen by a pointer's bits from 64 up: a date column's 20,000 objects
// take one each. CPython's one-character strs lie 56 bytes apart, two to some 64-byte blocks;
// the second of a block (bit 5 set) takes the entry half the table away, so that the two never
// share one, and any two objects less than half the table's span apart (2 MiB) have entries of
// their own. (Entries by 16 bytes missed on a quarter of a date column's cells; by 64 bytes
// alone, a column of "1" and "2" missed on every change of value; two entries a 64-byte set cost
// a nanosecond more a hit.) The loops ask it before comparing a cell with the cell before: a
// column of a few values alternating at random mispredicted that comparison every other cell.
template <class T>
class PointerCache {
 public:
  explicit PointerCache(size_t rows)
      : pointers_(std::bit_ceil(std::clamp<size_t>(rows, 16, 65536)), nullptr), values_(pointers_.size()) {}
  bool has(PyObject *v) const { return pointers_[index_of(v)] == v; }
  // Whether v is in the cache, with its value.
  bool find(PyObject *v, T &value) const {
    const size_t at = index_of(v);
    if (pointers_[at] != v) return false;
    value = values_[at];
    return true;
  }
  void keep(PyObject *v, T value) {
    const size_t at = index_of(v);
    pointers_[at] = v;
    values_[at] = value;
  }

 private:
  size_t index_of(PyObject *v) const {
    const auto p = reinterpret_cast<uintptr_t>(v);
    return ((p >> 6) ^ ((p >> 5 & 1) * (pointers_.size() / 2))) & (pointers_.size() - 1);
  }
  std::vector<PyObject *> pointers_;
  std::vector<T> values_;
};

// The distinct texts of a column in an open-addressing table of 16-byte slots. A slot holds its
// text's first 8 bytes and its code, and for a text of at most 8 bytes its kind and length, so
// that looking up an id of a few characters touches one place in memory: a column of ids in
// random order finds each in a table far larger than the cache. A longer text's slot holds part
// of its hash instead; its next 8 bytes, kind and length are kept beside its code, and its str
// is read only when it is longer than 16 bytes.
class Distinct {
 public:
  // room at first for as many texts as rows, up to 49,152 (1 MiB): a column of many ids is spared
  // the first rounds of doubling (each a pass over the table)
  // (and for the texts themselves room reserved, not touched, for as many as rows, up to 2^20:
  // no copying as they grow)
  explicit Distinct(size_t rows) : slots_(std::bit_ceil(std::clamp<size_t>(rows, 64, 65536))) {
    texts_.reserve(std::min<size_t>(rows, size_t{1} << 20));
    seen_.reserve(texts_.capacity());
  }

  // The code of the text s, a new one when it has not been seen.
  uint32_t code(PyObject *s) { return probe(s, view_of(s), true); }
  // The same, of a text whose view the caller has read (view_of(s)).
  uint32_t code(PyObject *s, const TextView &t) { return probe(s, t, true); }
  // The code of the text s, or kNone when it has not been seen.
  uint32_t find(PyObject *s) { return probe(s, view_of(s), false); }
  static constexpr uint32_t kNone = ~uint32_t{0};

 private:
  uint32_t probe(PyObject *s, const TextView &t, bool add) {
    if (add && (texts_.size() + 1) * 4 > slots_.size() * 3) grow();  // at most three quarters full
    const size_t mask = slots_.size() - 1;
    const bool short_text = t.bytes <= 8;
    const uint32_t meta = meta_of(t.tag, t.bytes, t.hash);
    for (size_t i = t.hash & mask;; i = (i + 1) & mask) {
      Slot &slot = slots_[i];
      if (slot.code == kEmpty) {
        if (!add) return kNone;
        const auto code = static_cast<uint32_t>(texts_.size());
        slot = Slot{t.w0, code, meta};
        texts_.push_back(s);
        seen_.push_back(Seen{t.w0, t.w1, t.tag, t.hash});
        return code;
      }
      if (slot.meta != meta || slot.w0 != t.w0) continue;
      if (short_text) return slot.code;  // the same kind, length and bytes: the same text
      const Seen &seen = seen_[slot.code];
      if (seen.w1 == t.w1 && seen.tag == t.tag &&
          (t.bytes <= 16 || std::memcmp(PyUnicode_DATA(texts_[slot.code]), t.data, t.bytes) == 0))
        return slot.code;
    }
  }

 public:
  const std::vector<PyObject *> &texts() const { return texts_; }
  // Brings into the cache the slot where a text of this hash is first looked for.
  void prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }
  // Room for this many texts: a column of mostly distinct texts is not copied as it grows (only
  // the pages written cost), and its table is made as large as they need at once, not doubled
  // through every size on the way (each a new table written in full).
  void reserve(size_t texts) {
    texts_.reserve(texts);
    seen_.reserve(texts);
    if (slots_.size() * 3 < texts * 4) rebuild(std::bit_ceil(texts + texts / 3 + 1));
  }

 private:
  static constexpr uint32_t kEmpty = kNone;
  // a short text's meta: this bit, its kind (1, 2 or 4) << 8 and its length in bytes (at most 8);
  // a longer one's: the upper 31 bits of its hash
  static constexpr uint32_t kShort = uint32_t{1} << 31;
  struct Slot {
    uint64_t w0 = 0;  // the first 8 bytes, zero-padded
    uint32_t code = kEmpty;
    uint32_t meta = 0;
  };
  struct Seen {  // of each distinct text, by code
    uint64_t w0;
    uint64_t w1;   // bytes 8 to 16, zero-padded
    uint64_t tag;  // kind << 56 | length
    uint64_t hash;
  };
  static uint32_t meta_of(uint64_t tag, size_t bytes, uint64_t hash) {
    return bytes <= 8 ? kShort | static_cast<uint32_t>(tag >> 48) | static_cast<uint32_t>(bytes)
                      : static_cast<uint32_t>(hash >> 33);
  }

  // Twice the slots.
  void grow() {
    if (texts_.size() >= kEmpty - 1) throw py::value_error("a column of more than 4 billion distinct texts");
    rebuild(slots_.size() * 2);
  }
  // A table of `size` slots (a power of two, larger than now), filled again in order of code
  // (reading seen_ in order, not by slot).
  void rebuild(size_t size) {
    std::vector<Slot> bigger(size);
    const size_t mask = bigger.size() - 1;
    for (size_t code = 0; code < seen_.size(); ++code) {
      const Seen &t = seen_[code];
      size_t i = t.hash & mask;
      while (bigger[i].code != kEmpty) i = (i + 1) & mask;
      const size_t bytes = static_cast<size_t>(t.tag & ((uint64_t{1} << 56) - 1)) * static_cast<size_t>(t.tag >> 56);
      bigger[i] = Slot{t.w0, static_cast<uint32_t>(code), meta_of(t.tag, bytes, t.hash)};
    }
    slots_.swap(bigger);
  }
  std::vector<Slot> slots_;
  std::vector<PyObject *> texts_;
  std::vector<Seen> seen_;
};

// Each cell's code among the distinct texts (-1 for a missing cell) into out, from the cell
// `start` on (those before it are left as they are); false, with out partly written, when a cell
// is neither a str nor missing, or when give_up(i, distinct) says so at a row i.
template <class GiveUp>
bool number_cells(const ObjectColumn &column, Distinct &distinct, int64_t *out, GiveUp &&give_up,
                  size_t start = 0) {
  const size_t n = column.size();
  PointerCache<int64_t> cache(n);
  PyObject *last = nullptr;
  int64_t last_code = -1;
  // The cells go in batches, so that the memory a lookup reads is fetched while other cells are
  // hashed (a column of many distinct texts otherwise waits on the cache at every step): the next
  // batch's str objects, then this batch's views and hashes (of the cells that neither the cell
  // before nor the pointer cache knows), then their slots. Only hints: each cell is then looked
  // up as it would be alone. Done while a batch hashes a quarter of its cells or more (a column of
  // few distinct texts is read from the pointer cache, and gains nothing).
  constexpr size_t kBatch = 16;
  TextView views[kBatch];
  bool viewed[kBatch] = {};
  size_t hashed = kBatch;  // cells of the batch before looked up by their text
  // A second table joined to the first (ObjectColumn's second array) lists its ids in the first
  // one's order as often as not (the results of each year, cadre by cadre): there a cell that is
  // a new object is compared with the text numbered after the cell before's, which costs one
  // comparison of texts read in order where a lookup waits on a random place of a table larger
  // than the cache. A guess that fails stops the guessing until the next 64th cell, so that a
  // second array in no order pays for one comparison in 64. (In a single column the next text is
  // new whenever the column is in order, and the comparisons made a column in no order a third
  // slower.)
  const size_t guess_from = column.first_size();
  bool guessing = false;
  for (size_t i = start; i < n; ++i) {
    if (give_up(i, distinct)) return false;
    const size_t b = i % kBatch;
    if (b == 0) {
      if (i % 64 == 0) guessing = i >= guess_from;
      const bool ahead = hashed * 4 >= kBatch;
      hashed = 0;
      std::fill(std::begin(viewed), std::end(viewed), false);
      if (ahead) {
        const size_t end = std::min(n, i + kBatch);
        for (size_t j = end; j < std::min(n, end + kBatch); ++j) __builtin_prefetch(column[j]);
        PyObject *prev = last;
        for (size_t j = i; j < end; ++j) {
          PyObject *w = column[j];
          viewed[j - i] = w != prev && w != nullptr && PyUnicode_CheckExact(w) && !cache.has(w);
          prev = w;
          if (viewed[j - i]) {
            views[j - i] = view_of(w);
            distinct.prefetch(views[j - i].hash);
          }
        }
      }
    }
    PyObject *v = column[i];
    int64_t c;
    // An object met before (the cell before's among them): most cells of a column of few
    // distinct values, whose objects read_csv shares. The cache is asked first, not the cell
    // before: where two or three values alternate at random (ratings, sex codes), comparing with
    // the cell before is a branch mispredicted on every other cell, and took three times as long.
    if (v != nullptr && cache.find(v, c)) {
      last = v;
      last_code = c;
      out[i] = c;
      continue;
    }
    if (v == nullptr || v == Py_None) {  // an unfilled cell of an object array reads as None
      out[i] = -1;
      continue;
    }
    // A table listing a cadre's records together repeats an id in cells of their own objects
    // (pandas.read_csv shares one object only among cells of few distinct values): the text of
    // the cell before is in cache, and comparing with it costs less than a lookup.
    if (last_code >= 0 && PyUnicode_CheckExact(v) && equal_text(v, last)) {
      c = last_code;
    } else if (PyUnicode_CheckExact(v)) {
      const auto next = static_cast<size_t>(last_code + 1);  // the text numbered after the cell before's
      if (guessing && last_code >= 0 && next < distinct.texts().size() && equal_text(v, distinct.texts()[next])) {
        c = last_code + 1;
      } else {
        guessing = false;
        c = viewed[b] ? distinct.code(v, views[b]) : distinct.code(v);
        ++hashed;
      }
    } else if (column.missing(v)) {
      c = -1;
    } else {
      return false;  // not text: the caller's general path
    }
    cache.keep(v, c);
    last = v;
    last_code = c;
    out[i] = c;
  }
  return true;
}

// Numbering with sort=True where the texts are mostly distinct (a column of ids, one a row): the
// first array's cells are sorted by their keys and each run of one text is a number, with no
// table of the texts at all (inserting a million ids into one waits on memory at every step,
// and the sort is needed anyway). A cell of the second array (more=) is first compared with the
// text of the row after the one the cell before matched (a year's results listed cadre by
// cadre), else found by a binary search among the distinct texts; where such searches are
// many (a second array in no order), the rest of it is numbered by number_cells in a table of
// the distinct texts. A text the first array lacks is numbered at the end, its place merged
// into the order. Each distinct text is the object of its first row. false when a cell
// is neither a str nor missing.
bool number_by_sorting(const ObjectColumn &column, int64_t *out, std::vector<PyObject *> &distinct) {
  const size_t n1 = column.first_size();
  const size_t n = column.size();
  std::vector<PyObject *> cell(n1, nullptr);  // each row's str, nullptr where missing
  std::vector<SortKey> keys;
  keys.reserve(n1);
  const auto text_of = [&column](PyObject *v, bool &is_text) {
    is_text = false;
    if (v == nullptr || v == Py_None) return true;
    if (!PyUnicode_CheckExact(v)) return column.missing(v);
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(v) < 0) throw py::error_already_set();
#endif
    is_text = true;
    return true;
  };
  for (size_t i = 0; i < n1; ++i) {
    PyObject *v = column[i];
    bool is_text = false;
    if (!text_of(v, is_text)) return false;
    out[i] = -1;
    if (!is_text) continue;
    cell[i] = v;
    keys.push_back(sort_key(v, static_cast<int64_t>(i)));
  }
  sort_keys(keys, cell);  // equal texts stay in order of row: a run's first is the text's first row
  std::vector<SortKey> heads;  // each distinct text's key, and its first row as the key's code
  for (size_t a = 0; a < keys.size(); ++a) {
    const auto row = static_cast<size_t>(keys[a].code);
    const SortKey &before = a > 0 ? keys[a - 1] : keys[a];
    if (a == 0 || before.hi != keys[a].hi || before.lo != keys[a].lo ||
        !equal_text(cell[row], cell[static_cast<size_t>(before.code)]))
      heads.push_back(keys[a]);
    out[row] = static_cast<int64_t>(heads.size() - 1);
  }
  std::vector<SortKey>().swap(keys);
  const size_t k = heads.size();
  const auto head_text = [&](size_t j) { return cell[static_cast<size_t>(heads[j].code)]; };

  Distinct extra(64);  // texts of the second array that the first lacks
  // The code of the text v, or -2 - (its number in extra): by a binary search among the sorted
  // distinct texts.
  const auto search = [&](PyObject *v) -> int64_t {
    const SortKey key = sort_key(v, 0);
    size_t lo = 0, hi = k;
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (key_less(heads[mid], head_text(mid), key, v)) lo = mid + 1;
      else hi = mid;
    }
    if (lo < k && equal_text(v, head_text(lo))) return static_cast<int64_t>(lo);
    return -2 - static_cast<int64_t>(extra.code(v));
  };
  // After a failed guess the cell found by its search sets the row guessed from; a second failed
  // guess in a row stops the guessing until the next 64th cell (a second array in no order would
  // otherwise read a row of the first at random, and its text, for every cell), which then
  // guesses again from the row of the cell before. Once the searches (some 20 random reads each)
  // are one cell in 16 or more, or have cost about what a table of the texts costs (an insert a
  // text), the rest of the cells are looked up in such a table (below).
  size_t row = n1;  // the first array's row the cell before matched (n1: none)
  bool guessing = true;
  bool missed = false;  // the last guess failed
  size_t searches = 0;
  PyObject *last = nullptr;
  int64_t last_code = -1;
  size_t i = n1;
  for (; i < n; ++i) {
    if ((i - n1) % 64 == 0 && !guessing) {
      guessing = true;
      missed = false;
      if (last_code >= 0) row = static_cast<size_t>(heads[static_cast<size_t>(last_code)].code);
    }
    PyObject *v = column[i];
    if (v == last) {
      out[i] = last_code;
      continue;
    }
    bool is_text = false;
    if (!text_of(v, is_text)) return false;
    int64_t c = -1;
    if (is_text) {
      if (last_code != -1 && equal_text(v, last)) {
        c = last_code;
      } else if (guessing && row + 1 < n1 && cell[row + 1] != nullptr && equal_text(v, cell[row + 1])) {
        c = out[++row];
        missed = false;
      } else {
        if (++searches > 1024 && (searches * 16 > i - n1 + 1 || searches > 1024 + k / 64)) break;
        c = search(v);
        if (guessing && missed) {
          guessing = false;
        } else if (guessing) {
          missed = true;
          if (c >= 0) row = static_cast<size_t>(heads[static_cast<size_t>(c)].code);  // (a text the first lacks: kept)
        }
      }
    }
    last = v;
    last_code = c;
    out[i] = c;
  }
  std::vector<PyObject *> lacking(extra.texts());  // the texts the first array lacks, by number
  if (i < n) {
    // The rest of the second array as number_cells numbers a column (its cache of objects, its
    // lookups fetched a batch ahead), in a table of the distinct texts coded by their order (each
    // str fetched some texts ahead: they lie in memory in order of row), then of those lacking;
    // a text it adds is one more lacking.
    Distinct table(k + lacking.size());
    table.reserve(k + lacking.size());
    // in three steps kAhead texts apart: a str fetched, its view and hash read and its slot
    // fetched, its slot filled
    constexpr size_t kAhead = 16;
    TextView views[kAhead];
    for (size_t j = 0; j < k + 2 * kAhead; ++j) {
      if (j >= 2 * kAhead) table.code(head_text(j - 2 * kAhead), views[j % kAhead]);
      if (j >= kAhead && j < k + kAhead) {
        views[j % kAhead] = view_of(head_text(j - kAhead));
        table.prefetch(views[j % kAhead].hash);
      }
      if (j < k) prefetch_text(head_text(j));
    }
    for (PyObject *t : lacking) table.code(t);
    if (!number_cells(column, table, out, [](size_t, Distinct &) { return false; }, i)) return false;
    lacking.assign(table.texts().begin() + static_cast<std::ptrdiff_t>(k), table.texts().end());
    for (size_t j = i; j < n; ++j)
      if (out[j] >= static_cast<int64_t>(k)) out[j] = -2 - (out[j] - static_cast<int64_t>(k));
  }

  distinct.clear();
  distinct.reserve(k + lacking.size());
  if (lacking.empty()) {
    for (size_t j = 0; j < k; ++j) distinct.push_back(head_text(j));
    return true;
  }
  // the texts the first array lacks, sorted, merged into the order of the others
  const auto &more_texts = lacking;
  const size_t m = more_texts.size();
  std::vector<SortKey> more_keys(m);
  for (size_t e = 0; e < m; ++e) more_keys[e] = sort_key(more_texts[e], static_cast<int64_t>(e));
  sort_keys(more_keys, more_texts);
  std::vector<int64_t> of_head(k), of_extra(m);
  for (size_t j = 0, e = 0; j < k || e < m;) {
    const bool head_first =
        e == m || (j < k && key_less(heads[j], head_text(j), more_keys[e],
                                     more_texts[static_cast<size_t>(more_keys[e].code)]));
    if (head_first) {
      of_head[j] = static_cast<int64_t>(distinct.size());
      distinct.push_back(head_text(j++));
    } else {
      const auto at = static_cast<size_t>(more_keys[e++].code);
      of_extra[at] = static_cast<int64_t>(distinct.size());
      distinct.push_back(more_texts[at]);
    }
  }
  for (size_t j = 0; j < n; ++j)
    out[j] = out[j] >= 0 ? of_head[static_cast<size_t>(out[j])]
                         : out[j] == -1 ? -1 : of_extra[static_cast<size_t>(-2 - out[j])];
  return true;
}

py::object factorize_text(const py::array &values, const py::tuple &missing, bool sort, bool dense,
                          const std::optional<py::array> &more) {
  const ObjectColumn column(values, missing, "factorize_text", more ? &*more : nullptr);
  const size_t n = column.size();
  py::array_t<int64_t> codes(static_cast<py::ssize_t>(n));
  int64_t *out = codes.mutable_data();
  Distinct distinct(n);
  constexpr size_t kSample = 1u << 16;
  bool by_sorting = false;
  const auto mostly_distinct = [&](size_t i, Distinct &seen) {
    if (i != kSample || seen.texts().size() * 8 <= kSample * 7) return false;
    if (sort) return by_sorting = true;  // numbered by sorting the cells: number_by_sorting
    if (!dense) return true;  // mostly distinct (one id a row): pandas' table is faster there
    seen.reserve(static_cast<size_t>(values.shape(0)));  // as many as the first column's rows
    return false;
  };
  std::vector<PyObject *> sorted;
  if (!number_cells(column, distinct, out, mostly_distinct) &&
      !(by_sorting && number_by_sorting(column, out, sorted)))
    return py::none();

  const auto &texts = by_sorting ? sorted : distinct.texts();
  const size_t k = texts.size();
  std::vector<int64_t> order(k);
  for (size_t j = 0; j < k; ++j) order[j] = static_cast<int64_t>(j);
  if (sort && !by_sorting) {
    std::vector<SortKey> keys(k);
    for (size_t j = 0; j < k; ++j) keys[j] = sort_key(texts[j], static_cast<int64_t>(j));
    sort_keys(keys, texts);
    std::vector<int64_t> rank(k);
    for (size_t j = 0; j < k; ++j) {
      order[j] = keys[j].code;
      rank[static_cast<size_t>(keys[j].code)] = static_cast<int64_t>(j);
    }
    for (size_t i = 0; i < n; ++i)
      if (out[i] >= 0) out[i] = rank[static_cast<size_t>(out[i])];
  }
  bool refused = false;
  py::array uniques = py::module_::import("numpy").attr("empty")(k, "object");
  auto **u = static_cast<PyObject **>(uniques.mutable_data());
  for (size_t j = 0; j < k; ++j) {
    if (j + 8 < k) __builtin_prefetch(texts[static_cast<size_t>(order[j + 8])]);  // read just below
    PyObject *s = texts[static_cast<size_t>(order[j])];
    refused = refused || has_nul(s) || has_surrogate(s);
    Py_INCREF(s);
    Py_XDECREF(u[j]);  // numpy.empty fills an object array with None
    u[j] = s;
  }
  return py::make_tuple(std::move(codes), std::move(uniques), refused);
}

// Each value's position among the texts of ``distinct`` (the first, if one repeats), -1 for a
// missing value or one not among them; None when a value is neither a str nor missing, or a
// text of ``distinct`` is not a str. The table is built of the values only, and each text of
// ``distinct`` looked up in it: a few thousand values are placed among 200,000 ids without a
// table of the ids.
py::object position_in(const py::array &distinct_texts, const py::array &values, const py::tuple &missing) {
  const ObjectColumn among(distinct_texts, py::tuple(), "position_in");
  const ObjectColumn column(values, missing, "position_in");
  const size_t n = column.size();
  py::array_t<int64_t> positions(static_cast<py::ssize_t>(n));
  int64_t *out = positions.mutable_data();
  Distinct table(n);
  if (!number_cells(column, table, out, [](size_t, Distinct &) { return false; })) return py::none();
  std::vector<int64_t> at(table.texts().size(), -1);
  // The distinct texts are usually sorted, so their objects lie in no order in memory: each is
  // brought into the cache some lookups ahead (its header, and the line its text starts in).
  constexpr size_t kAhead = 16;
  for (size_t j = 0; j < among.size(); ++j) {
    if (j + kAhead < among.size()) prefetch_text(among[j + kAhead]);
    PyObject *t = among[j];
    if (t == nullptr || !PyUnicode_CheckExact(t)) return py::none();
    const uint32_t code = table.find(t);
    if (code != Distinct::kNone && at[code] < 0) at[code] = static_cast<int64_t>(j);
  }
  for (size_t i = 0; i < n; ++i)
    if (out[i] >= 0) out[i] = at[static_cast<size_t>(out[i])];
  py::object result = std::move(positions);
  return result;
}

// Whether a text is exactly YYYY-MM-DD in ASCII digits and a valid date of 1400…9999, with its
// days since 1970-01-01 in ``days`` (any other text: false, and the vocabulary reads it). For such a text
// vocabulary::parse_date changes nothing in normalising and reads these same three numbers,
// and make_date accepts exactly these dates; the count is the proleptic Gregorian calendar's,
// as boost's (tests compare every day of the range with the vocabulary's reading).
bool iso_days(PyObject *s, int64_t &days) {
  if (PyUnicode_GET_LENGTH(s) != 10 || PyUnicode_KIND(s) != PyUnicode_1BYTE_KIND) return false;
  const auto *t = static_cast<const unsigned char *>(PyUnicode_DATA(s));
  const auto dig = [t](int i) { return static_cast<unsigned>(t[i]) - '0'; };
  if (t[4] != '-' || t[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (dig(i) > 9) return false;
  int64_t y = dig(0) * 1000 + dig(1) * 100 + dig(2) * 10 + dig(3);
  const unsigned m = dig(5) * 10 + dig(6);
  const unsigned d = dig(8) * 10 + dig(9);
  if (y < 1400 || m < 1 || m > 12 || d < 1) return false;
  static constexpr unsigned kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kMonthDays[m - 1] + (m == 2 && leap ? 1u : 0u)) return false;
  y -= m <= 2 ? 1 : 0;  // days from civil (H. Hinnant), y >= 1399 here: no negative era
  const int64_t era = y / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  days = era * 146097 + doe - 719468;
  return true;
}

// Each cell straight to its day where it is an ISO date (iso_days); any other text numbered
// as factorize_text numbers it (pointer cache, then the table of distinct texts), its code kept
// in the output below kCode until each distinct text is read once by the vocabulary and the
// codes are replaced by their days: no array of codes, no list of str.
py::object date_days(const py::array &values, const py::tuple &missing) {
  const ObjectColumn column(values, missing, "date_days");
  const size_t n = column.size();
  constexpr int64_t kNaT = std::numeric_limits<int64_t>::min();
  constexpr int64_t kCode = kNaT / 2;  // a text's code c is kept as kCode + c (< 0: below any day)

  py::array days(py::dtype("datetime64[D]"), static_cast<py::ssize_t>(n));
  auto *out = static_cast<int64_t *>(days.mutable_data());
  Distinct distinct(n);
  std::vector<size_t> first_row;  // of each distinct text read by the vocabulary
  PointerCache<int64_t> cache(n);
  for (size_t i = 0; i < n; ++i) {
    PyObject *v = column[i];
    int64_t value;
    // the cache first, as number_cells asks it (a missing cell's object among dates alternates
    // with them at random)
    if (v != nullptr && cache.find(v, value)) {
      out[i] = value;
      continue;
    }
    if (v == nullptr || v == Py_None) {
      value = kNaT;
    } else {
      if (PyUnicode_CheckExact(v) && iso_days(v, value)) {
        // an ISO date: its day
      } else if (PyUnicode_CheckExact(v)) {
        const uint32_t c = distinct.code(v);
        if (c == first_row.size()) first_row.push_back(i);
        value = kCode + static_cast<int64_t>(c);
      } else if (column.missing(v)) {
        value = kNaT;
      } else {
        return py::none();  // not text: the caller's general path
      }
      cache.keep(v, value);
    }
    out[i] = value;
  }

  const auto &texts = distinct.texts();
  const size_t k = texts.size();
  if (k == 0) return py::make_tuple(std::move(days), int64_t{-1}, py::none());
  for (PyObject *s : texts)
    if (has_nul(s)) return py::none();  // read text by text, as before: pybind11 keeps the NUL
  std::vector<int64_t> table(k);
  for (size_t j = 0; j < k; ++j) {
    Py_ssize_t len = 0;
    const char *utf8 = PyUnicode_AsUTF8AndSize(texts[j], &len);
    if (utf8 == nullptr) {  // a lone surrogate: the general path
      PyErr_Clear();
      return py::none();
    }
    try {
      table[j] = to_days(vocabulary::parse_date(std::string_view(utf8, static_cast<size_t>(len)), "date"));
    } catch (const InvalidInput &) {  // the first row whose text is not a date
      return py::make_tuple(py::none(), static_cast<int64_t>(first_row[j]),
                            py::reinterpret_borrow<py::object>(texts[j]));
    }
  }
  {
    py::gil_scoped_release unlocked;
    for (size_t i = 0; i < n; ++i)
      if (out[i] != kNaT && out[i] < kCode / 2) out[i] = table[static_cast<size_t>(out[i] - kCode)];
  }
  return py::make_tuple(std::move(days), int64_t{-1}, py::none());
}

// (first row whose text is missing, first row whose text repeats an earlier row's of the same
// group), each -1 for none, or None when a value is neither a str nor missing. The rows are read
// in order into one open-addressing table of (group, text), keyed by the text's keyed hash mixed
// with the group: the first row whose pair is in the table already is the first repeat. A slot
// of another pair is passed over on its key, texts are compared only where two keys meet, and
// each row's slot is fetched sixteen rows ahead (the table, twice the rows, is larger than the
// cache and read at random).
py::object repeat_in_groups(const py::array_t<int64_t, py::array::c_style | py::array::forcecast> &groups,
                            int64_t group_count, const py::array &values, const py::tuple &missing) {
  const ObjectColumn object(values, missing, "repeat_in_groups");
  if (groups.ndim() != 1 || groups.shape(0) != values.shape(0))
    throw py::type_error("repeat_in_groups takes a group code for each row");
  const size_t n = object.size();
  if (n > 0xffffffffu) throw py::value_error("more than 4 billion rows");
  const int64_t *group = groups.data();
  if (group_count < 0) throw py::value_error("group_count < 0");

  // Each row's key, in one pass over the column: its text's keyed hash mixed with its group's.
  std::vector<uint64_t> keys(n);
  std::vector<uint8_t> present(n, 1);  // 0: missing
  int64_t first_missing = -1;
  const uint64_t group_key = hash_key();
  for (size_t i = 0; i < n; ++i) {
    PyObject *v = object[i];
    if (group[i] < 0 || group[i] >= group_count) throw py::value_error("a group code out of range");
    if (v != nullptr && PyUnicode_CheckExact(v)) {
      keys[i] = mix64(view_of(v).hash ^ mix64(static_cast<uint64_t>(group[i]) + group_key));
      continue;
    }
    if (!object.missing(v)) return py::none();
    if (first_missing < 0) first_missing = static_cast<int64_t>(i);
    present[i] = 0;
  }
  // A slot: the key's high 32 bits over row + 1 (0: empty), looked for from the key's low bits.
  size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;
  const size_t mask = cap - 1;
  constexpr uint64_t kHigh = 0xffffffff00000000ULL;
  std::vector<uint64_t> table(cap, 0);
  constexpr size_t kAhead = 16;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) __builtin_prefetch(&table[keys[i + kAhead] & mask]);
    if (!present[i]) continue;
    const uint64_t high = keys[i] & kHigh;
    for (size_t h = keys[i] & mask;; h = (h + 1) & mask) {
      const uint64_t slot = table[h];
      if (slot == 0) {
        table[h] = high | (static_cast<uint64_t>(i) + 1);
        break;
      }
      if ((slot & kHigh) != high) continue;
      const auto earlier = static_cast<size_t>((slot & ~kHigh) - 1);
      if (group[earlier] == group[i] && same(view_of(object[earlier]), view_of(object[i])))
        return py::make_tuple(first_missing, static_cast<int64_t>(i));
    }
  }
  return py::make_tuple(first_missing, int64_t{-1});
}

// The rows ordered by (group code, then sub-key), stable: a counting sort on the codes, then
// each group's rows sorted by their sub-keys (a county's table has few rows a cadre, so mostly by
// insertion). Codes must lie in [0, group_count).
// The first row whose value is missing, -1 when every value is a str; None when a value that is
// neither a str nor missing comes first (the caller asks pandas which it is).
py::object first_missing_text(const py::array &values, const py::tuple &missing) {
  const ObjectColumn column(values, missing, "first_missing_text");
  for (size_t i = 0; i < column.size(); ++i) {
    PyObject *v = column[i];
    if (v != nullptr && PyUnicode_CheckExact(v)) continue;
    if (column.missing(v)) return py::int_(i);
    return py::none();
  }
  return py::int_(-1);
}

// The first cell that is no id (-1 and None when all are): not a str (a missing cell is the
// caller's to name), an empty or blank str, or one holding a NUL or a lone surrogate (text no UTF-8 can
// hold), with the reason, worded as the rows path words it. An ASCII cell costs a length and a
// memchr; only other text is read character by character.
py::tuple first_bad_text(const py::array &values, const py::tuple &missing, bool empty_ok, bool missing_ok) {
  const ObjectColumn column(values, missing, "first_bad_text");
  for (size_t i = 0; i < column.size(); ++i) {
    PyObject *v = column[i];
    const char *why = nullptr;
    if (v == nullptr || !PyUnicode_Check(v)) {
      if (!column.missing(v))
        why = "must be a string";
      else if (!missing_ok)
        why = "is missing";
    } else if (is_blank(v)) {  // (an empty str too)
      if (!empty_ok) why = "is empty";
    } else if (has_nul(v)) {
      why = kNulInText;
    } else if (has_surrogate(v)) {
      why = kNotUtf8Text;
    }
    if (why != nullptr) return py::make_tuple(static_cast<int64_t>(i), why);
  }
  return py::make_tuple(int64_t{-1}, py::none());
}

}  // namespace

void init_factorize(py::module_ &m) {
  m.def("first_bad_text", &first_bad_text, py::arg("values"), py::arg("missing") = py::tuple(),
        py::arg("empty_ok") = false, py::arg("missing_ok") = true);
  m.def("first_missing_text", &first_missing_text, py::arg("values"), py::arg("missing") = py::tuple());
  m.def("repeat_in_groups", &repeat_in_groups, py::arg("groups"), py::arg("group_count"), py::arg("values"),
        py::arg("missing") = py::tuple());
  m.def("date_days", &date_days, py::arg("values"), py::arg("missing") = py::tuple());
  m.def("position_in", &position_in, py::arg("distinct"), py::arg("values"), py::arg("missing") = py::tuple());
  m.def("factorize_text", &factorize_text, py::arg("values"), py::arg("missing") = py::tuple(),
        py::arg("sort") = false, py::arg("dense") = false, py::arg("more") = std::nullopt);
}

}  // namespace cadrekit::python

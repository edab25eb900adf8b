// Python: the cadre record (Person, Post, Rank, ThreeAges), the code lists (CodeEntry) and
// citizen ID numbers (CitizenId, is_valid_citizen_id, parse_citizen_id).
//
// Inputs accept what data staff have: sex as 1/2, 男/女 or male/female; ethnicity and political
// status as two-digit codes (str, or int: 2 -> "02") or Chinese names; ranks as Rank or text.
// Outputs are codes: Person.sex and CitizenId.sex are the GB/T 2261.1 int code (1 male,
// 2 female); ethnicity and political status are two-digit str codes.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "bindings.hpp"
#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/person_json.hpp"
#include "casters.hpp"
#include "day_columns.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

// A whole number (int, numpy integer…) but not a bool; sets `out`.
bool as_index(py::handle h, long long &out) {
  if (py::isinstance<py::bool_>(h) || !PyIndex_Check(h.ptr())) return false;
  py::int_ i = py::reinterpret_steal<py::int_>(PyNumber_Index(h.ptr()));
  if (!i) throw py::error_already_set();
  int overflow = 0;
  out = PyLong_AsLongLongAndOverflow(i.ptr(), &overflow);
  if (overflow != 0) out = -1;  // out of any code's range
  return true;
}

Sex sex_from_py(py::handle h, const char *field = "sex") {
  long long n = 0;
  if (as_index(h, n)) {
    if (n == 1) return Sex::male;
    if (n == 2) return Sex::female;
    throw InvalidInput("expected a GB/T 2261.1 sex code (1, 2), 男/女 or male/female", field);
  }
  if (py::isinstance<py::str>(h)) return parse_sex(utf8_text(h, field), field);
  throw py::type_error(std::string(field) + " must be 1 or 2, '男'/'女' or 'male'/'female'");
}

// A code as str ("02", "蒙古族") or int (2 -> "02"): the text to look up.
std::string code_text_from_py(py::handle h, const char *field) {
  long long n = 0;
  if (as_index(h, n)) {
    if (n < 0 || n > 99) return "?";
    return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
  }
  if (py::isinstance<py::str>(h)) return utf8_text(h, field);
  throw py::type_error(std::string(field) + " must be a two-digit code (str or int) or a name");
}

std::string ethnicity_from_py(py::handle h) {
  return ethnic_group(code_text_from_py(h, "ethnicity"), "ethnicity").code;
}

std::string political_status_from_py(py::handle h) {
  return political_status(code_text_from_py(h, "political_status"), "political_status").code;
}

Rank rank_from_py(py::handle h, const char *field = "rank") {
  if (py::isinstance<Rank>(h)) return h.cast<Rank>();
  if (py::isinstance<py::str>(h)) return parse_rank(utf8_text(h, field), field);
  throw py::type_error(std::string(field) + " must be a cadrekit.Rank or its name ('fu_ke', '副科级')");
}

// Looked up on each call: a function-static py::object would be released after the
// interpreter has finalized (a crash at exit).
py::object json_loads(const std::string &text) {
  return py::module_::import("json").attr("loads")(text);
}

}  // namespace

void init_person(py::module_ &m) {
  // ---- codes ------------------------------------------------------------------------------
  py::class_<CodeEntry>(m, "CodeEntry", "One entry of a national code list (immutable).")
      .def_readonly("code", &CodeEntry::code, "two-digit code, e.g. '02'")
      .def_readonly("name_zh", &CodeEntry::name_zh, "Chinese name, e.g. '蒙古族'")
      .def_readonly("short_zh", &CodeEntry::short_zh,
                    "short name ('中共党员'); for ethnic groups the same as name_zh")
      .def_readonly("name_en", &CodeEntry::name_en, "romanised name ('Mongol') or ''")
      .def(
          "__eq__",
          [](const CodeEntry &a, const CodeEntry &b) {
            return a.code == b.code && a.name_zh == b.name_zh;
          },
          py::is_operator())
      .def("__hash__", [](const CodeEntry &e) { return py::hash(py::str(e.code + e.name_zh)); })
      .def("__repr__", [](const CodeEntry &e) {
        return "CodeEntry(code='" + e.code + "', name_zh='" + e.name_zh + "')";
      });
  m.def("ethnic_groups", &ethnic_groups, "The 56 ethnic groups of GB 3304, in code order.");
  m.def(
      "ethnic_group", [](py::handle code_or_name) { return ethnic_group(code_text_from_py(code_or_name, "ethnicity")); },
      py::arg("code_or_name"),
      "The GB 3304 entry for a code ('02' or 2), Chinese name ('蒙古族', '蒙古') or romanised "
      "name ('Mongol', any case); InvalidInput otherwise.");
  m.def(
      "sex_code",
      [](py::handle text, const std::string &field, const std::string &record) {
        const std::string t = text_arg(text, field, record);
        try {
          return static_cast<int>(parse_sex(t, field));
        } catch (const InvalidInput &e) {
          throw InvalidInput(e.message(), e.field(), record);
        }
      },
      py::arg("text"), py::arg("field") = "sex", py::arg("record") = "",
      "The GB/T 2261.1 code (1, 2) of a sex as text ('1', '男', 'female'); InvalidInput naming "
      "field and record otherwise. The column readers call it once per distinct text.");
  m.def("political_statuses", &political_statuses,
        "The 13 political statuses of GB/T 4762, in code order.");
  m.def(
      "political_status",
      [](py::handle code_or_name) {
        return political_status(code_text_from_py(code_or_name, "political_status"));
      },
      py::arg("code_or_name"),
      "The GB/T 4762 entry for a code ('01' or 1), full name or short name ('中共党员').");

  py::enum_<Rank>(m, "Rank", py::arithmetic(),
                  "Ranks of leading cadres, lowest first (they compare by order).")
      .value("keyuan", Rank::keyuan, "科员")
      .value("fu_ke", Rank::fu_ke, "副科级")
      .value("zheng_ke", Rank::zheng_ke, "正科级")
      .value("fu_chu", Rank::fu_chu, "副处级")
      .value("zheng_chu", Rank::zheng_chu, "正处级")
      .value("fu_ting", Rank::fu_ting, "副厅级")
      .value("zheng_ting", Rank::zheng_ting, "正厅级")
      .def_property_readonly("name_zh", [](Rank r) { return std::string(rank_name_zh(r)); },
                             "Chinese name, e.g. '副科级'")
      .def_static(
          "parse", [](const std::string &text) { return parse_rank(text); }, py::arg("text"),
          "A rank from its name ('fu_ke') or Chinese ('副科', '副科级', '县处级副职').");

  // ---- citizen ID numbers -----------------------------------------------------------------
  py::class_<CitizenId>(m, "CitizenId", "What a citizen ID number says (immutable).")
      .def_readonly("region_code", &CitizenId::region_code, "first six digits (GB/T 2260)")
      .def_readonly("birth_date", &CitizenId::birth_date)
      .def_property_readonly(
          "sex", [](const CitizenId &c) { return static_cast<int>(c.sex); },
          "GB/T 2261.1 code: 1 male, 2 female (int)")
      .def("__repr__", [](const CitizenId &c) {
        return "CitizenId(region_code='" + c.region_code + "', birth_date=" +
               to_iso(c.birth_date) + ", sex=" + std::to_string(static_cast<int>(c.sex)) + ")";
      });
  m.def(
      "is_valid_citizen_id",
      [](py::handle s) {
        if (!py::isinstance<py::str>(s)) return false;
        std::string text;
        try {
          text = s.cast<std::string>();
        } catch (const py::cast_error &) {
          return false;  // not encodable as UTF-8 (lone surrogates)
        }
        return is_valid_citizen_id(text);
      },
      py::arg("s"),
      "True for a valid citizen ID number (GB 11643-1999); False for anything else, including "
      "non-str values.");
  m.def(
      "parse_citizen_id", [](const std::string &s) { return parse_citizen_id(s); }, py::arg("s"),
      "Birth date, sex and region code of a valid number; InvalidInput saying which part is "
      "wrong (the message never repeats the number).");
  m.def(
      "citizen_id_check_char",
      [](const std::string &first17) { return std::string(1, citizen_id_check_char(first17)); },
      py::arg("first17"), "The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of 17 digits.");

  py::class_<RegionEntry>(m, "RegionEntry", "A Tongliao division of GB/T 2260 (immutable).")
      .def_readonly("code", &RegionEntry::code)
      .def_readonly("name", &RegionEntry::name)
      .def_readonly("first_seen", &RegionEntry::first_seen, "first MCA revision (YYYYMM)")
      .def_readonly("last_seen", &RegionEntry::last_seen, "last MCA revision (YYYYMM)")
      .def("__repr__", [](const RegionEntry &e) {
        return "RegionEntry(code='" + e.code + "', name='" + e.name + "')";
      });
  m.def("tongliao_regions", &tongliao_regions,
        "Tongliao's divisions: current 1505xx and former 哲里木盟 1523xx codes.");

  // ---- the record -------------------------------------------------------------------------
  py::class_<ThreeAges>(m, "ThreeAges", "三龄 in whole years (immutable).")
      .def_readonly("age", &ThreeAges::age)
      .def_readonly("party_years", &ThreeAges::party_years, "None for a non-member")
      .def_readonly("work_years", &ThreeAges::work_years, "None without a start date")
      .def(
          "__eq__", [](const ThreeAges &a, const ThreeAges &b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const ThreeAges &a) {
        auto opt = [](const std::optional<int> &v) {
          return v ? std::to_string(*v) : std::string("None");
        };
        return "ThreeAges(age=" + std::to_string(a.age) + ", party_years=" + opt(a.party_years) +
               ", work_years=" + opt(a.work_years) + ")";
      });

  py::class_<Post>(m, "Post", "A post held: from_ inclusive, until exclusive (None = current).")
      .def(py::init([](std::string unit, std::string title, py::handle rank, Date from,
                       std::optional<Date> until) {
             return Post{std::move(unit), std::move(title), rank_from_py(rank), from, until};
           }),
           py::kw_only(), py::arg("unit") = "", py::arg("title") = "",
           py::arg("rank") = Rank::keyuan, py::arg("from_"), py::arg("until") = py::none())
      .def_readwrite("unit", &Post::unit)
      .def_readwrite("title", &Post::title)
      .def_property(
          "rank", [](const Post &p) { return p.rank; },
          [](Post &p, py::handle r) { p.rank = rank_from_py(r); })
      .def_readwrite("from_", &Post::from)
      .def_readwrite("until", &Post::until)
      .def(
          "__eq__", [](const Post &a, const Post &b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Post &p) {
        return "Post(rank=Rank." + std::string(rank_name(p.rank)) + ", from_=" + to_iso(p.from) +
               ", until=" + (p.until ? to_iso(*p.until) : std::string("None")) + ")";
      });

  py::class_<Person>(m, "Person",
                     "The cadre record. The constructor checks it (validate()); the repr shows "
                     "only the id.")
      .def(py::init([](std::string id, py::handle sex, Date birth_date, py::handle ethnicity,
                       py::handle political_status, std::string name,
                       std::optional<Date> party_joined, std::optional<Date> work_started,
                       std::string education, py::handle rank, std::string unit,
                       std::vector<Post> posts) {
             Person p;
             p.id = std::move(id);
             p.sex = sex_from_py(sex);
             p.birth_date = birth_date;
             p.ethnicity = ethnicity_from_py(ethnicity);
             p.political_status = political_status_from_py(political_status);
             p.name = std::move(name);
             p.party_joined = party_joined;
             p.work_started = work_started;
             p.education = std::move(education);
             p.rank = rank_from_py(rank);
             p.unit = std::move(unit);
             p.posts = std::move(posts);
             validate(p);
             return p;
           }),
           py::kw_only(), py::arg("id"), py::arg("sex"), py::arg("birth_date"),
           py::arg("ethnicity"), py::arg("political_status"), py::arg("name") = "",
           py::arg("party_joined") = py::none(), py::arg("work_started") = py::none(),
           py::arg("education") = "", py::arg("rank") = Rank::keyuan, py::arg("unit") = "",
           py::arg("posts") = std::vector<Post>{})
      .def_readwrite("id", &Person::id, "the caller's record key (not the citizen ID number)")
      .def_readwrite("name", &Person::name)
      .def_property(
          "sex", [](const Person &p) { return static_cast<int>(p.sex); },
          [](Person &p, py::handle v) { p.sex = sex_from_py(v); },
          "GB/T 2261.1 code: 1 male, 2 female (int); set with 1/2, 男/女 or male/female")
      .def_readwrite("birth_date", &Person::birth_date)
      .def_property(
          "ethnicity", [](const Person &p) { return p.ethnicity; },
          [](Person &p, py::handle v) { p.ethnicity = ethnicity_from_py(v); },
          "GB 3304 code ('02'); set with a code or a name")
      .def_property(
          "political_status", [](const Person &p) { return p.political_status; },
          [](Person &p, py::handle v) { p.political_status = political_status_from_py(v); },
          "GB/T 4762 code ('01'); set with a code, full or short name")
      .def_readwrite("party_joined", &Person::party_joined)
      .def_readwrite("work_started", &Person::work_started)
      .def_readwrite("education", &Person::education)
      .def_property(
          "rank", [](const Person &p) { return p.rank; },
          [](Person &p, py::handle r) { p.rank = rank_from_py(r); })
      .def_readwrite("unit", &Person::unit)
      .def_readwrite("posts", &Person::posts, "list of Post (a copy: assign to change)")
      .def("three_ages", &three_ages, py::arg("as_of"),
           "三龄 as of a date: age, party standing (None for a non-member) and years of work.")
      .def_property_readonly("is_woman", &is_woman)
      .def_property_readonly("is_ethnic_minority", &is_ethnic_minority,
                             "any ethnic group but 汉族 (01)")
      .def_property_readonly("is_non_party", &is_non_party,
                             "not a CPC member (01) or probationary member (02)")
      .def("validate", &validate, "InvalidInput naming the first bad field and the id.")
      .def("to_json", &person_to_json, "Canonical JSON (docs/person.md).")
      .def_static(
          "from_json", [](const std::string &text) { return person_from_json(text); },
          py::arg("text"), "A record from its JSON form (codes or names accepted).")
      .def(
          "summary",
          [](const Person &p, Date as_of) { return json_loads(person_summary_json(p, as_of)); },
          py::arg("as_of"),
          "dict: id, three_ages {age, party_years, work_years}, is_woman, is_ethnic_minority, "
          "is_non_party (the C ABI's ck_person_summary_json).")
      .def(
          "__eq__", [](const Person &a, const Person &b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Person &p) { return "Person(id='" + p.id + "')"; });

  m.def(
      "three_ages_columns",
      [](py::handle birth, py::handle party_joined, py::handle work_started, py::handle as_of_arg) {
        // as_of is checked by the package's one rule (a datetime.date; otherwise an InvalidInput
        // naming it, never pybind11's TypeError, whose message would repeat every argument).
        const Date as_of = py::module_::import("cadrekit._frames").attr("as_of_date")(as_of_arg).cast<Date>();
        py::array b = day_column(birth, "birth_date");
        const auto n = static_cast<py::ssize_t>(b.size());
        py::array p, w;
        std::span<const std::int64_t> ps, ws;
        if (!party_joined.is_none()) ps = day_span(p = day_column(party_joined, "party_joined"));
        if (!work_started.is_none()) ws = day_span(w = day_column(work_started, "work_started"));
        py::array_t<std::int32_t> age(n), party_years(n), work_years(n);
        auto bs = day_span(b);
        auto span_of = [](py::array_t<std::int32_t> &a) {
          return std::span<std::int32_t>(a.mutable_data(), static_cast<std::size_t>(a.size()));
        };
        auto as = span_of(age), pys = span_of(party_years), wys = span_of(work_years);
        {
          py::gil_scoped_release release;
          three_ages_columns(bs, ps, ws, as_of, as, pys, wys);
        }
        py::dict out;
        out["age"] = age;
        out["party_years"] = party_years;
        out["work_years"] = work_years;
        return out;
      },
      py::arg("birth_date"), py::arg("party_joined") = py::none(),
      py::arg("work_started") = py::none(), py::kw_only(), py::arg("as_of"),
      "三龄 of many people as of one date. Columns of dates as WorkCalendar.add_working_days_array "
      "takes them (datetime64[D] zero-copy, other units / pandas Series converted); party_joined / "
      "work_started may be None (nobody has one) and hold NaT where a person has none — a date "
      "of joining counts as a member's, so pass NaT for non-members. Returns a dict of int32 "
      "arrays 'age', 'party_years', 'work_years', with -1 where the date is NaT. Same rule as "
      "Person.three_ages. All or nothing: InvalidInput names the row ('row 7') and the field. "
      "The GIL is released while computing.");
}

}  // namespace cadrekit::python

// The JSON form of the cadre record and of its summary (docs/person.md).
#include "cadrekit/core/person_json.hpp"

#include <array>
#include <boost/json.hpp>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/json_read.hpp"
#include "core/person_detail.hpp"

namespace json = boost::json;

namespace cadrekit {

namespace {

json::value date_or_null(const std::optional<Date> &d) {
  if (!d) return nullptr;
  return json::string(to_iso(*d));
}

// Reads one JSON object's members, naming the field and the record in every error.
class Reader {
 public:
  Reader(const json::object &obj, std::string prefix, const std::string &record)
      : obj_(obj), prefix_(std::move(prefix)), record_(record) {}

  template <std::size_t N>
  void only(const std::array<std::string_view, N> &known) const {
    for (const auto &kv : obj_) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || kv.key() == k;
      if (!ok)
        fail(json_read::unknown_member_message(kv.key(), std::span<const std::string_view>(known)),
             json_read::display_key(kv.key()));
    }
  }

  // nullptr when absent, null or a blank string — an empty cell, a missing value (docs/input.md)
  // — and not required.
  const json::value *get(std::string_view key, bool required) const {
    const json::value *v = obj_.if_contains(key);
    if (v != nullptr && (v->is_null() || json_read::blank_string(*v))) v = nullptr;
    if (v == nullptr && required) fail("member is missing", key);  // as json_read::Fields says it
    return v;
  }

  std::optional<std::string> string(std::string_view key, bool required) const {
    const json::value *v = get(key, required);
    if (v == nullptr) return std::nullopt;
    if (v->is_string()) return std::string(v->get_string());
    return json_read::text(*v, prefix_ + std::string(key), record_);  // a number as its cell's text
  }

  std::optional<Date> date(std::string_view key, bool required) const {
    auto s = string(key, required);
    if (!s) return std::nullopt;
    try {
      return vocabulary::parse_date(*s, key);  // the vocabulary's dates: 2014-01-01, 2014/1/1, 2014年1月1日…
    } catch (const InvalidInput &e) {
      fail(e.message(), key);
    }
  }

  // A code given as a string or as a whole number (2 -> "02"), or a name.
  std::optional<std::string> code_text(std::string_view key, bool required) const {
    const json::value *v = get(key, required);
    if (v == nullptr) return std::nullopt;
    if (v->is_string()) return std::string(v->get_string());
    if (v->is_int64()) {
      std::int64_t n = v->get_int64();
      if (n < 0 || n > 99) fail("not a known code", key);
      return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
    }
    if (v->is_uint64()) fail("not a known code", key);
    fail("must be a code (string or whole number) or a name", key);
  }

  const json::value *array(std::string_view key) const {
    const json::value *v = get(key, false);
    if (v != nullptr && !v->is_array()) fail("must be an array", key);
    return v;
  }

  [[noreturn]] void fail(const std::string &message, std::string_view key) const {
    throw InvalidInput(message, prefix_ + std::string(key), record_);
  }

 private:
  const json::object &obj_;
  std::string prefix_;
  const std::string &record_;
};

Rank read_rank(const Reader &r, std::string_view key) {
  auto s = r.string(key, false);
  if (!s) return Rank::keyuan;
  if (auto rank = detail::rank_from_text(*s)) return *rank;
  r.fail(vocabulary::code_expectation(vocabulary::ranks()), key);
}

}  // namespace

std::string person_to_json(const Person &p) {
  const CodeEntry *eth = detail::find_ethnic_group(p.ethnicity);
  if (eth == nullptr) throw InvalidInput("not a GB 3304 ethnic group code", "ethnicity", p.id);
  const CodeEntry *pol = p.political_status.empty() ? nullptr  // unknown: written as null
                                                     : detail::find_political_status(p.political_status);
  if (pol == nullptr && !p.political_status.empty())
    throw InvalidInput("not a GB/T 4762 political status code", "political_status", p.id);
  if (!detail::is_valid_sex(p.sex))
    throw InvalidInput("not a GB/T 2261.1 sex code (1 male, 2 female)", "sex", p.id);
  if (p.birth_date.is_special()) throw InvalidInput("the date is not set", "birth_date", p.id);
  if (!detail::is_valid_rank(p.rank)) throw InvalidInput("not a rank", "rank", p.id);

  json::object o;
  o["id"] = p.id;
  o["name"] = p.name;
  o["sex"] = p.sex == Sex::male ? "1" : "2";
  o["birth_date"] = to_iso(p.birth_date);
  o["ethnicity"] = eth->code;
  if (pol != nullptr) o["political_status"] = pol->code;
  else o["political_status"] = nullptr;
  o["party_joined"] = date_or_null(p.party_joined);
  o["work_started"] = date_or_null(p.work_started);
  o["education"] = p.education;
  o["rank"] = rank_name(p.rank);
  o["unit"] = p.unit;
  json::array posts;
  for (std::size_t i = 0; i < p.posts.size(); ++i) {
    const Post &post = p.posts[i];
    const std::string at = "posts[" + std::to_string(i) + "]";
    if (post.from.is_special()) throw InvalidInput("the date is not set", at + ".from", p.id);
    if (!detail::is_valid_rank(post.rank)) throw InvalidInput("not a rank", at + ".rank", p.id);
    json::object q;
    q["unit"] = post.unit;
    q["title"] = post.title;
    q["rank"] = rank_name(post.rank);
    q["from"] = to_iso(post.from);
    q["until"] = date_or_null(post.until);
    posts.push_back(std::move(q));
  }
  o["posts"] = std::move(posts);
  return json::serialize(o);
}

namespace {

// The members of a record as text (a cell's text, or a JSON member's: a number as its digits, a
// code number as its two digits); an empty view is a member not given. One reading of them for
// a JSON record and for a table row, so that both take the same texts and refuse them in the
// same words, naming the member and the record's id.
struct MemberTexts {
  std::string_view id, name, sex, birth_date, ethnicity, political_status, party_joined, work_started, education,
      rank, unit;
  bool political_status_unknown = false;  // JSON null: a form whose 入党时间 could not be read
};

Person person_from_texts(const MemberTexts &m) {
  Person p;
  // an empty or blank id is an empty id, as every module words it (a JSON id left out is
  // "member is missing", refused by the JSON reader before)
  if (vocabulary::blank(m.id)) throw InvalidInput("id is empty", "id");
  p.id = std::string(m.id);
  const auto fail = [&p](const std::string &message, std::string_view key) -> void {
    throw InvalidInput(message, std::string(key), p.id);
  };
  // a member left out, or an empty or blank text (an empty cell): not given
  const auto given = [](std::string_view t) { return !t.empty() && !vocabulary::blank(t); };
  const auto required = [&](std::string_view t, std::string_view key) {
    if (!given(t)) fail("member is missing", key);
    return t;
  };
  const auto date = [&](std::string_view t, std::string_view key) -> std::optional<Date> {
    if (!given(t)) return std::nullopt;
    try {
      return vocabulary::parse_date(t, key);  // the vocabulary's dates: 2014-01-01, 2014/1/1, 2014年1月1日…
    } catch (const InvalidInput &e) {
      fail(e.message(), key);
    }
    return std::nullopt;
  };
  if (given(m.name)) p.name = std::string(m.name);

  // Sex: the GB/T 2261.1 code, or 男/女, male/female.
  const std::optional<Sex> s = detail::sex_from_text(required(m.sex, "sex"));
  if (!s) fail(vocabulary::code_expectation(vocabulary::sexes()), "sex");
  p.sex = *s;

  p.birth_date = *date(required(m.birth_date, "birth_date"), "birth_date");

  const CodeEntry *eth = detail::find_ethnic_group(required(m.ethnicity, "ethnicity"));
  if (eth == nullptr) fail("not a GB 3304 ethnic group code or name", "ethnicity");
  p.ethnicity = eth->code;

  if (m.political_status_unknown) {
    p.political_status.clear();  // unknown, never the default 群众
  } else {
    const CodeEntry *pol = detail::find_political_status(required(m.political_status, "political_status"));
    if (pol == nullptr) fail(vocabulary::code_expectation(vocabulary::political_status_codes()), "political_status");
    p.political_status = pol->code;
  }

  p.party_joined = date(m.party_joined, "party_joined");
  p.work_started = date(m.work_started, "work_started");
  if (given(m.education)) p.education = std::string(m.education);
  if (given(m.rank)) {
    const std::optional<Rank> rank = detail::rank_from_text(m.rank);
    if (!rank) fail(vocabulary::code_expectation(vocabulary::ranks()), "rank");
    p.rank = *rank;
  } else {
    p.rank = Rank::keyuan;
  }
  if (given(m.unit)) p.unit = std::string(m.unit);
  return p;
}

}  // namespace

Person person_from_json(std::string_view text) {
  json_read::Parsed parsed = json_read::parse_checked(text);
  if (parsed.found)
    throw InvalidInput(parsed.found.message, parsed.found.path.empty() ? "person" : parsed.found.path);
  if (parsed.ec) throw InvalidInput("not valid JSON (" + parsed.ec.message() + ")", "person");
  const json::value v = std::move(parsed.value);
  const json::object *obj = v.if_object();
  if (obj == nullptr) throw InvalidInput("a person must be a JSON object", "person");

  // The id first, so that every later error names the record; a blank one is an empty id, as
  // every module words it (not a missing member).
  const json::value *id_value = obj->if_contains("id");
  const std::string no_record;
  const std::string id = id_value != nullptr && json_read::blank_string(*id_value)
                             ? std::string(id_value->get_string())
                             : Reader(*obj, "", no_record).string("id", true).value_or("");
  Reader r(*obj, "", id);
  r.only(std::array<std::string_view, 12>{"id", "name", "sex", "birth_date", "ethnicity",
                                          "political_status", "party_joined", "work_started",
                                          "education", "rank", "unit", "posts"});
  // Each member as its text (the texts live here while the record is read from them).
  const std::string name = r.string("name", false).value_or("");
  std::string sex;
  if (const json::value *x = r.get("sex", true); x->is_string()) {
    sex = std::string(x->get_string());
  } else if (x->is_int64() && (x->get_int64() == 1 || x->get_int64() == 2)) {
    sex = x->get_int64() == 1 ? "1" : "2";
  } else {
    r.fail(vocabulary::code_expectation(vocabulary::sexes()), "sex");
  }
  // (a member left out is refused by person_from_texts, in the order the members are checked)
  const std::string birth = r.string("birth_date", false).value_or("");
  const std::string eth = r.code_text("ethnicity", false).value_or("");
  // An explicit null is an unknown status; a missing member is still an error.
  const json::value *pol_value = obj->if_contains("political_status");
  const bool pol_unknown = pol_value != nullptr && pol_value->is_null();
  const std::string pol = pol_unknown ? std::string() : r.code_text("political_status", false).value_or("");
  const std::string party = r.string("party_joined", false).value_or("");
  const std::string work = r.string("work_started", false).value_or("");
  const std::string education = r.string("education", false).value_or("");
  const std::string rank = r.string("rank", false).value_or("");
  const std::string unit = r.string("unit", false).value_or("");
  Person p = person_from_texts({.id = id, .name = name, .sex = sex, .birth_date = birth, .ethnicity = eth,
                                .political_status = pol, .party_joined = party, .work_started = work,
                                .education = education, .rank = rank, .unit = unit,
                                .political_status_unknown = pol_unknown});

  if (const json::value *posts = r.array("posts")) {
    const json::array &arr = posts->get_array();
    for (std::size_t i = 0; i < arr.size(); ++i) {
      std::string at = "posts[" + std::to_string(i) + "]";
      const json::object *po = arr[i].if_object();
      if (po == nullptr) throw InvalidInput("a post must be a JSON object", at, p.id);
      Reader pr(*po, at + ".", p.id);
      pr.only(std::array<std::string_view, 5>{"unit", "title", "rank", "from", "until"});
      Post post;
      post.unit = pr.string("unit", false).value_or("");
      post.title = pr.string("title", false).value_or("");
      post.rank = read_rank(pr, "rank");
      post.from = *pr.date("from", true);
      post.until = pr.date("until", false);
      p.posts.push_back(std::move(post));
    }
  }
  validate(p);
  return p;
}

namespace detail {

Person person_from_cells(const PersonCells &c) {
  Person p = person_from_texts({.id = c.id, .name = c.name, .sex = c.sex, .birth_date = c.birth_date,
                                .ethnicity = c.ethnicity, .political_status = c.political_status,
                                .party_joined = c.party_joined, .work_started = c.work_started,
                                .education = c.education, .rank = c.rank, .unit = c.unit,
                                .political_status_unknown = false});
  validate(p);
  return p;
}

}  // namespace detail

std::string person_summary_json(const Person &p, Date as_of) {
  ThreeAges a = three_ages(p, as_of);
  json::object ages;
  ages["age"] = a.age;
  ages["party_years"] = a.party_years ? json::value(*a.party_years) : json::value(nullptr);
  ages["work_years"] = a.work_years ? json::value(*a.work_years) : json::value(nullptr);
  json::object o;
  o["id"] = p.id;
  o["three_ages"] = std::move(ages);
  o["is_woman"] = is_woman(p);
  o["is_ethnic_minority"] = is_ethnic_minority(p);
  o["is_non_party"] = is_non_party(p);
  return json::serialize(o);
}

}  // namespace cadrekit

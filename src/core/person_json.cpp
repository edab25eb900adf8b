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

Person person_from_json(std::string_view text) {
  json_read::Parsed parsed = json_read::parse_checked(text);
  if (parsed.found)
    throw InvalidInput(parsed.found.message, parsed.found.path.empty() ? "person" : parsed.found.path);
  if (parsed.ec) throw InvalidInput("not valid JSON (" + parsed.ec.message() + ")", "person");
  const json::value v = std::move(parsed.value);
  const json::object *obj = v.if_object();
  if (obj == nullptr) throw InvalidInput("a person must be a JSON object", "person");

  Person p;
  const std::string no_record;
  // The id first, so that every later error names the record; a blank one is an empty id, as
  // every module words it (not a missing member).
  const json::value *id = obj->if_contains("id");
  if (id != nullptr && json_read::blank_string(*id))
    throw InvalidInput("id is empty", "id");
  p.id = *Reader(*obj, "", no_record).string("id", true);
  Reader r(*obj, "", p.id);
  r.only(std::array<std::string_view, 12>{"id", "name", "sex", "birth_date", "ethnicity",
                                          "political_status", "party_joined", "work_started",
                                          "education", "rank", "unit", "posts"});
  p.name = r.string("name", false).value_or("");

  // Sex: the GB/T 2261.1 code as a string or a number, or 男/女, male/female.
  const json::value *sex = r.get("sex", true);
  std::optional<Sex> s;
  if (sex->is_string()) s = detail::sex_from_text(sex->get_string());
  else if (sex->is_int64() && (sex->get_int64() == 1 || sex->get_int64() == 2))
    s = static_cast<Sex>(sex->get_int64());
  if (!s) r.fail(vocabulary::code_expectation(vocabulary::sexes()), "sex");
  p.sex = *s;

  p.birth_date = *r.date("birth_date", true);

  const CodeEntry *eth = detail::find_ethnic_group(*r.code_text("ethnicity", true));
  if (eth == nullptr) r.fail("not a GB 3304 ethnic group code or name", "ethnicity");
  p.ethnicity = eth->code;

  // An explicit null is an unknown status (e.g. a form whose 入党时间 could not be read); a
  // missing member is still an error.
  const json::value *pol_value = obj->if_contains("political_status");
  if (pol_value != nullptr && pol_value->is_null()) {
    p.political_status.clear();
  } else {
    const CodeEntry *pol = detail::find_political_status(*r.code_text("political_status", true));
    if (pol == nullptr) r.fail(vocabulary::code_expectation(vocabulary::political_status_codes()), "political_status");
    p.political_status = pol->code;
  }

  p.party_joined = r.date("party_joined", false);
  p.work_started = r.date("work_started", false);
  p.education = r.string("education", false).value_or("");
  p.rank = read_rank(r, "rank");
  p.unit = r.string("unit", false).value_or("");

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

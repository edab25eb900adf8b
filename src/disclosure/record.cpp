// The disclosure record: its JSON form (structure) and its rules (validation). KAILU.1.
// Messages are fixed texts: they name the member path and the rule, never a value.
#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/person_json.hpp"
#include "cadrekit/core/utf8.hpp"
#include "cadrekit/disclosure.hpp"
#include "core/json_read.hpp"
#include "detail.hpp"

namespace json = boost::json;

namespace cadrekit::disclosure {

const std::vector<std::string> &address_levels() {
  static const std::vector<std::string> v{"province", "city",   "county",
                                          "township", "street", "detail"};
  return v;
}

const std::vector<std::string> &matter_keys() {
  static const std::vector<std::string> v{
      "marriage",    "passports",  "trips_abroad", "family_abroad", "employment_income",
      "real_estate", "securities", "investments",  "businesses"};
  return v;
}

const std::vector<MatterField> &matter_fields(std::string_view matter) {
  static const std::map<std::string, std::vector<MatterField>, std::less<>> fields{
      {"marriage",
       {{"change", true, "enum:married|divorced|remarried|widowed"}, {"date", true, "date"}}},
      {"passports",
       {{"kind", true, "enum:passport|hk_macao_permit|taiwan_permit"},
        {"number", false, "text"},
        {"issued", false, "date"},
        {"expires", false, "date_any"},
        {"custody", false, "enum:organisation|self"}}},
      {"trips_abroad",
       {{"destination", true, "text"},
        {"from", true, "date"},
        {"until", true, "date"},
        {"purpose", false, "text"}}},
      {"family_abroad",
       {{"holder", true, "holder"},
        {"country", true, "text"},
        {"status", true, "enum:settled|nationality|permanent_residence"},
        {"since", false, "date"}}},
      {"employment_income",
       {{"holder", true, "holder"},
        {"employer", false, "text"},
        {"position", false, "text"},
        {"year", false, "year"},
        {"kind", false, "enum:salary|bonus|allowance|subsidy"},
        {"amount", false, "money"}}},
      {"real_estate",
       {{"holder", true, "holder"},
        {"location", true, "address"},
        {"area", true, "area"},
        {"nature", true, "enum:commodity|affordable|self_built|inherited|other"},
        {"acquired", false, "date"}}},
      {"securities",
       {{"holder", true, "holder"},
        {"kind", true,
         "enum:stocks|funds|futures|bonds|investment_insurance|wealth_product|other"},
        {"amount", true, "money"},
        {"name", false, "text"}}},
      {"investments",
       {{"holder", true, "holder"},
        {"company", true, "text"},
        {"amount", true, "money"},
        {"share", false, "text"}}},
      {"businesses",
       {{"holder", true, "holder"},
        {"name", true, "text"},
        {"form", true, "enum:individual|sole_proprietorship|partnership"},
        {"registered", false, "date"}}},
  };
  auto it = fields.find(matter);
  if (it == fields.end()) throw InvalidInput("not one of the 9 matters", "matter");
  return it->second;
}

namespace detail {

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view part = text.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    start = comma + 1;
  }
  return out;
}

std::vector<std::string> enum_values(std::string_view kind) {
  std::vector<std::string> out;
  std::string_view rest = kind.substr(5);  // after "enum:"
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t bar = rest.find('|', start);
    if (bar == std::string_view::npos) bar = rest.size();
    out.emplace_back(rest.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

const FamilyMember *family_member(const Record &r, std::string_view id) {
  for (const auto &f : r.family)
    if (f.id == id) return &f;
  return nullptr;
}

}  // namespace detail

namespace {

using detail::enum_values;

// ---------------------------------------------------------------------------------------------
// Structure: JSON -> Record, collecting problems.
// ---------------------------------------------------------------------------------------------

class Parser {
 public:
  explicit Parser(std::vector<Problem> &out) : out_(out) {}

  void add(const std::string &path, const char *code, const std::string &message) {
    out_.push_back(Problem{path, code, message});
  }
  std::size_t count() const { return out_.size(); }

  static std::string join(const std::string &prefix, std::string_view key) {
    return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
  }
  static std::string at(const std::string &prefix, std::size_t i) {
    return prefix + "[" + std::to_string(i) + "]";
  }

  const json::object *object(const json::value *v, const std::string &path) {
    if (v == nullptr) return nullptr;
    if (!v->is_object()) {
      add(path, "wrong_type", "must be an object");
      return nullptr;
    }
    return &v->get_object();
  }

  void only(const json::object &o, const std::string &prefix,
            std::initializer_list<std::string_view> known) {
    for (const auto &kv : o) {
      if (std::find(known.begin(), known.end(), kv.key()) == known.end())
        add(join(prefix, json_read::display_key(kv.key())), "unknown_member",
            json_read::unknown_member_message(kv.key(), std::span<const std::string_view>(known.begin(), known.size())));
    }
  }

  const json::value *get(const json::object &o, std::string_view key, const std::string &prefix,
                         bool required) {
    const json::value *v = o.if_contains(key);
    if (v != nullptr && v->is_null()) v = nullptr;
    if (v == nullptr && required) add(join(prefix, key), "missing", "a required member is missing");
    return v;
  }

  std::string str(const json::object &o, std::string_view key, const std::string &prefix,
                  bool required = false) {
    const json::value *v = get(o, key, prefix, required);
    if (v == nullptr) return {};
    if (!v->is_string()) {
      add(join(prefix, key), "wrong_type", "must be a string");
      return {};
    }
    return std::string(v->get_string());
  }

  bool boolean(const json::object &o, std::string_view key, const std::string &prefix) {
    const json::value *v = get(o, key, prefix, false);
    if (v == nullptr) return false;
    if (!v->is_bool()) {
      add(join(prefix, key), "wrong_type", "must be true or false");
      return false;
    }
    return v->get_bool();
  }

  std::optional<Date> date(const json::object &o, std::string_view key, const std::string &prefix,
                           bool required = false) {
    const json::value *v = get(o, key, prefix, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) {
      add(join(prefix, key), "wrong_type", "must be an ISO date string");
      return std::nullopt;
    }
    try {
      return parse_iso_date(v->get_string());
    } catch (const InvalidInput &) {
      add(join(prefix, key), "bad_date", "not a valid date YYYY-MM-DD");
      return std::nullopt;
    }
  }

  const json::array *array(const json::object &o, std::string_view key, const std::string &prefix) {
    const json::value *v = get(o, key, prefix, false);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) {
      add(join(prefix, key), "wrong_type", "must be an array");
      return nullptr;
    }
    return &v->get_array();
  }

  Address address(const json::object &o, const std::string &prefix) {
    only(o, prefix, {"province", "city", "county", "township", "street", "detail"});
    Address a;
    a.province = str(o, "province", prefix);
    a.city = str(o, "city", prefix);
    a.county = str(o, "county", prefix);
    a.township = str(o, "township", prefix);
    a.street = str(o, "street", prefix);
    a.detail = str(o, "detail", prefix);
    return a;
  }

  Item item(const json::value &v, const std::string &matter, const std::string &path) {
    Item it;
    const json::object *o = object(&v, path);
    if (o == nullptr) return it;
    const auto &fields = matter_fields(matter);
    for (const auto &kv : *o) {
      std::string p = join(path, kv.key());
      auto f = std::find_if(fields.begin(), fields.end(),
                            [&](const MatterField &mf) { return mf.name == kv.key(); });
      if (f == fields.end()) {
        add(join(path, json_read::display_key(kv.key())), "unknown_member", "unknown member");
        continue;
      }
      const json::value &val = kv.value();
      if (val.is_null()) continue;
      if (f->kind == "address") {
        const json::object *ao = object(&val, p);
        if (ao == nullptr) continue;
        Address a = address(*ao, p);
        const std::string *parts[] = {&a.province, &a.city,   &a.county,
                                      &a.township, &a.street, &a.detail};
        for (std::size_t i = 0; i < 6; ++i)
          if (!parts[i]->empty()) it[f->name + "." + address_levels()[i]] = *parts[i];
        if (std::none_of(std::begin(parts), std::end(parts),
                         [](const std::string *s) { return !s->empty(); }))
          it[f->name + ".province"];  // present but empty: validation reports it
        continue;
      }
      bool numeric_ok = f->kind == "year" || f->kind == "money" || f->kind == "area";
      if (val.is_string()) {
        it[f->name] = std::string(val.get_string());
      } else if (numeric_ok && val.is_int64()) {
        it[f->name] = std::to_string(val.get_int64());
      } else {
        add(p, "wrong_type",
            numeric_ok ? "must be a string or a whole number (no floating point)"
                       : "must be a string");
      }
    }
    return it;
  }

  Matter matter(const json::value *v, const std::string &key, const std::string &path) {
    Matter m;
    if (v == nullptr) {
      add(path, "matter_missing", "a matter is missing (write {\"none\": true} when there is nothing)");
      return m;
    }
    const json::object *o = object(v, path);
    if (o == nullptr) return m;
    only(*o, path, {"none", "items"});
    m.none = boolean(*o, "none", path);
    if (const json::array *a = array(*o, "items", path)) {
      for (std::size_t i = 0; i < a->size(); ++i)
        m.items.push_back(item((*a)[i], key, at(join(path, "items"), i)));
    }
    return m;
  }

  Record record(const json::object &o) {
    Record r;
    only(o, "",
         {"schema", "id", "version", "reference_date", "person", "citizen_id", "identity",
          "current_post", "proposed_post", "proposed_rank", "field_in_charge", "residence",
          "education", "work_history", "family", "matters", "commitment", "self_assessment"});
    if (const json::value *s = get(o, "schema", "", false)) {
      if (!s->is_string() || s->get_string() != record_schema)
        add("schema", "bad_value", "schema must be cadrekit.disclosure.record/1");
    }
    r.id = str(o, "id", "", true);
    if (const json::value *v = get(o, "version", "", false)) {
      if (!v->is_int64() || v->get_int64() < 1 || v->get_int64() > 1000000)
        add("version", "bad_value", "must be a whole number from 1");
      else
        r.version = static_cast<int>(v->get_int64());
    }
    if (auto d = date(o, "reference_date", "", true)) r.reference_date = *d;
    if (const json::value *pv = get(o, "person", "", true)) {
      if (!pv->is_object()) {
        add("person", "wrong_type", "must be an object");
      } else {
        try {
          r.person = person_from_json(json::serialize(*pv));
        } catch (const InvalidInput &e) {
          add(join("person", e.field()), "person_invalid",
              "the cadre record is invalid (docs/person.md)");
        }
      }
    }
    r.citizen_id = str(o, "citizen_id", "");
    r.identity = str(o, "identity", "");
    r.current_post = str(o, "current_post", "");
    r.proposed_post = str(o, "proposed_post", "");
    {
      std::string rank = str(o, "proposed_rank", "", true);
      if (!rank.empty()) {
        try {
          r.proposed_rank = parse_rank(rank, "proposed_rank");
        } catch (const InvalidInput &) {
          add("proposed_rank", "bad_value", "not a rank (fu_ke, zheng_ke, …)");
        }
      }
    }
    r.field_in_charge = str(o, "field_in_charge", "");
    if (const json::object *a = object(get(o, "residence", "", false), "residence"))
      r.residence = address(*a, "residence");
    if (const json::array *a = array(o, "education", "")) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        std::string p = at("education", i);
        const json::object *e = object(&(*a)[i], p);
        if (e == nullptr) continue;
        only(*e, p, {"mode", "level", "degree", "school"});
        r.education.push_back(
            Education{str(*e, "mode", p, true), str(*e, "level", p, true), str(*e, "degree", p),
                      str(*e, "school", p)});
      }
    }
    if (const json::array *a = array(o, "work_history", "")) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        std::string p = at("work_history", i);
        const json::object *e = object(&(*a)[i], p);
        if (e == nullptr) continue;
        only(*e, p, {"from", "until", "text"});
        WorkEntry w;
        if (auto d = date(*e, "from", p, true)) w.from = *d;
        w.until = date(*e, "until", p);
        w.text = str(*e, "text", p, true);
        r.work_history.push_back(std::move(w));
      }
    }
    if (const json::array *a = array(o, "family", "")) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        std::string p = at("family", i);
        const json::object *e = object(&(*a)[i], p);
        if (e == nullptr) continue;
        only(*e, p, {"id", "relation", "name", "birth_date", "co_resident", "dependent"});
        FamilyMember f;
        f.id = str(*e, "id", p, true);
        f.relation = str(*e, "relation", p, true);
        f.name = str(*e, "name", p);
        f.birth_date = date(*e, "birth_date", p);
        f.co_resident = boolean(*e, "co_resident", p);
        f.dependent = boolean(*e, "dependent", p);
        r.family.push_back(std::move(f));
      }
    }
    if (const json::object *m = object(get(o, "matters", "", true), "matters")) {
      for (const auto &kv : *m) {
        const auto &keys = matter_keys();
        if (std::find(keys.begin(), keys.end(), kv.key()) == keys.end())
          add(join("matters", json_read::display_key(kv.key())), "unknown_member", "not one of the 9 matters");
      }
      for (const auto &key : matter_keys()) {
        const json::value *v = m->if_contains(key);
        if (v != nullptr && v->is_null()) v = nullptr;
        Matter m = matter(v, key, "matters." + key);
        if (v != nullptr) r.matters[key] = std::move(m);  // a missing matter stays missing
      }
    }
    if (const json::object *c = object(get(o, "commitment", "", false), "commitment")) {
      only(*c, "commitment", {"signed_by", "date"});
      r.commitment = Commitment{str(*c, "signed_by", "commitment"), date(*c, "date", "commitment")};
    }
    if (const json::object *s = object(get(o, "self_assessment", "", false), "self_assessment")) {
      only(*s, "self_assessment", {"date", "text"});
      r.self_assessment =
          SelfAssessment{date(*s, "date", "self_assessment"), str(*s, "text", "self_assessment")};
    }
    return r;
  }

 private:
  std::vector<Problem> &out_;
};

std::optional<Record> parse_collecting(std::string_view text, std::vector<Problem> &out) {
  Parser p(out);
  if (!is_valid_utf8(text)) {
    p.add("", "not_utf8", "the record is not valid UTF-8");
    return std::nullopt;
  }
  json_read::Parsed parsed = json_read::parse_checked(text);
  if (parsed.found) {
    p.add(parsed.found.path, parsed.found.code.c_str(), parsed.found.message);
    return std::nullopt;
  }
  if (parsed.ec) {
    p.add("", "not_json", "the record is not valid JSON");
    return std::nullopt;
  }
  const json::value v = std::move(parsed.value);
  if (!v.is_object()) {
    p.add("", "wrong_type", "the record must be a JSON object");
    return std::nullopt;
  }
  return p.record(v.get_object());
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

class Rules {
 public:
  Rules(const Record &r, const Policy &policy, std::vector<Problem> &out)
      : r_(r), policy_(policy), out_(out) {}

  void add(std::string path, const char *code, std::string message) {
    out_.push_back(Problem{std::move(path), code, std::move(message)});
  }

  bool have_birth() const { return !r_.person.birth_date.is_not_a_date(); }
  bool have_ref() const { return !r_.reference_date.is_not_a_date(); }

  // A date of the past: not after the reference date, not before birth.
  void past_date(const Date &d, const std::string &path) {
    if (have_ref() && d > r_.reference_date)
      add(path, "date_after_reference", "date lies after the record's reference date");
    if (have_birth() && d < r_.person.birth_date)
      add(path, "date_before_birth", "date lies before the candidate's birth");
  }

  void person(bool check_person) {
    if (check_person) {
      try {
        cadrekit::validate(r_.person);
      } catch (const InvalidInput &e) {
        add("person." + e.field(), "person_invalid", "the cadre record is invalid (docs/person.md)");
      }
    }
    if (have_ref() && have_birth()) {
      try {
        (void)three_ages(r_.person, r_.reference_date);
      } catch (const InvalidInput &e) {
        add(e.field() == "as_of" ? std::string("reference_date") : "person." + e.field(),
            "date_order", "a date of the cadre record lies after the reference date or before birth");
      }
    }
  }

  void citizen_id() {
    if (r_.citizen_id.empty()) return;
    CitizenId id;
    try {
      id = parse_citizen_id(r_.citizen_id, "citizen_id");
    } catch (const InvalidInput &) {
      add("citizen_id", "citizen_id_invalid", "not a valid citizen ID number");
      return;
    }
    if (have_birth() && id.birth_date != r_.person.birth_date)
      add("citizen_id", "citizen_id_mismatch",
          "the ID number's date of birth differs from the person's");
    if (id.sex != r_.person.sex)
      add("citizen_id", "citizen_id_mismatch", "the ID number's sex differs from the person's");
  }

  void history() {
    for (std::size_t i = 0; i < r_.education.size(); ++i) {
      const auto &e = r_.education[i];
      std::string p = "education[" + std::to_string(i) + "]";
      if (!e.mode.empty() && e.mode != "full_time" && e.mode != "in_service")
        add(p + ".mode", "bad_value", "must be full_time or in_service");
    }
    for (std::size_t i = 0; i < r_.work_history.size(); ++i) {
      const auto &w = r_.work_history[i];
      std::string p = "work_history[" + std::to_string(i) + "]";
      if (w.from.is_not_a_date()) continue;
      past_date(w.from, p + ".from");
      if (w.until && *w.until <= w.from)
        add(p + ".until", "date_order", "the end lies before the start");
    }
  }

  void family() {
    // The age limit is read as of the reference date; without one the age rule cannot apply.
    // A reference date before the profile's first value is the record's problem, named without
    // the date (it may be a birth date put in the wrong place), not a PolicyError for the batch.
    constexpr const char *kMaxAge = "disclosure.co_resident_child.max_age";
    std::optional<std::int64_t> max_age;
    if (have_ref()) {
      const auto &values = policy_.info(kMaxAge).values;
      if (!values.empty() && r_.reference_date < values.front().effective_from)
        add("reference_date", "before_the_profile",
            std::string("the reference date lies before the profile's first value of ") + kMaxAge);
      else
        max_age = policy_.integer(kMaxAge, r_.reference_date);
    }
    std::set<std::string> ids;
    int spouses = 0;
    for (std::size_t i = 0; i < r_.family.size(); ++i) {
      const auto &f = r_.family[i];
      std::string p = "family[" + std::to_string(i) + "]";
      if (f.id == "self") add(p + ".id", "bad_value", "\"self\" is reserved for the candidate");
      if (!f.id.empty() && !ids.insert(f.id).second)
        add(p + ".id", "duplicate_id", "another family member has the same id");
      if (f.relation == "spouse") ++spouses;
      if (!f.relation.empty() && f.relation != "spouse" && f.relation != "child")
        add(p + ".relation", "bad_value", "must be spouse or child");
      if (f.birth_date && have_ref() && *f.birth_date > r_.reference_date)
        add(p + ".birth_date", "date_after_reference", "date lies after the record's reference date");
      if (f.relation == "child" && f.co_resident && !f.dependent) {
        if (!f.birth_date) {
          add(p + ".birth_date", "date_missing", "a co-resident child needs a date of birth");
        } else if (max_age && *f.birth_date <= r_.reference_date &&
                   whole_years_between(*f.birth_date, r_.reference_date) >= *max_age) {
          add(p + ".co_resident", "child_over_age",
              "a co-resident child is older than the policy allows "
              "(disclosure.co_resident_child.max_age) and not marked dependent");
        }
      }
    }
    if (spouses > 1) add("family", "too_many_spouses", "more than one spouse");
  }

  // The holder of an item: "self" or a family member's id, allowed for the matter.
  void holder(const std::string &matter, const std::string &value, const std::string &path) {
    if (value == "self") {
      if (matter == "family_abroad" || matter == "investments" || matter == "businesses")
        add(path, "holder_not_allowed", "the candidate cannot hold an item of this matter");
      return;
    }
    const FamilyMember *f = detail::family_member(r_, value);
    if (f == nullptr) {
      add(path, "holder_unknown", "not \"self\" nor the id of a family member");
      return;
    }
    bool needs_co_resident = matter == "real_estate" || matter == "securities" ||
                             matter == "investments" || matter == "businesses";
    if (needs_co_resident && f->relation == "child" && !f->co_resident)
      add(path, "holder_not_co_resident",
          "only co-resident children's items belong to this matter");
  }

  void item(const std::string &matter, const Item &it, const std::string &path) {
    for (const auto &f : matter_fields(matter)) {
      std::string p = path + "." + f.name;
      bool present = f.kind == "address"
                         ? std::any_of(it.begin(), it.end(),
                                       [&](const auto &kv) {
                                         return kv.first.rfind(f.name + ".", 0) == 0;
                                       })
                         : it.count(f.name) > 0;
      if (!present) {
        if (f.required)
          add(p, f.kind.rfind("date", 0) == 0 ? "date_missing" : "missing",
              f.kind.rfind("date", 0) == 0 ? "a required date is missing"
                                           : "a required member is missing");
        continue;
      }
      if (f.kind == "address") {
        bool any = false;
        for (const auto &lvl : address_levels()) {
          auto v = it.find(f.name + "." + lvl);
          any = any || (v != it.end() && !v->second.empty());
        }
        if (!any) add(p, "missing", "the address is empty");
        continue;
      }
      const std::string &v = it.at(f.name);
      if (f.kind == "text") {
        if (v.empty() && f.required) add(p, "missing", "a required member is empty");
      } else if (f.kind.rfind("enum:", 0) == 0) {
        auto vals = enum_values(f.kind);
        if (std::find(vals.begin(), vals.end(), v) == vals.end())
          add(p, "bad_value", "not one of the allowed values (docs/disclosure.md)");
      } else if (f.kind == "date" || f.kind == "date_any") {
        try {
          Date dv = parse_iso_date(v);
          if (f.kind == "date") past_date(dv, p);
        } catch (const InvalidInput &) {
          add(p, "bad_date", "not a valid date YYYY-MM-DD");
        }
      } else if (f.kind == "money") {
        try {
          if (Money::parse(v, f.name).fen() <= 0)
            add(p, "amount_not_positive", "an amount must be positive");
        } catch (const InvalidInput &) {
          add(p, "bad_amount", "not an amount of yuan");
        }
      } else if (f.kind == "area") {
        try {
          if (parse_decimal(v, f.name) <= Rational(0))
            add(p, "area_not_positive", "an area must be positive");
        } catch (const InvalidInput &) {
          add(p, "bad_area", "not a decimal number of square metres");
        }
      } else if (f.kind == "year") {
        bool ok = !v.empty() && v.size() <= 4 &&
                  std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        int y = ok ? std::stoi(v) : 0;
        if (!ok || y < 1900 || (have_ref() && y > r_.reference_date.year()))
          add(p, "bad_year", "not a past calendar year");
      } else if (f.kind == "holder") {
        holder(matter, v, p);
      }
    }
    // Cross-member rules of some matters.
    auto date_of = [&](const char *k) -> std::optional<Date> {
      auto f = it.find(k);
      if (f == it.end()) return std::nullopt;
      try {
        return parse_iso_date(f->second);
      } catch (const InvalidInput &) {
        return std::nullopt;
      }
    };
    if (matter == "trips_abroad") {
      auto a = date_of("from"), b = date_of("until");
      if (a && b && *b < *a) add(path + ".until", "date_order", "the end lies before the start");
    }
    if (matter == "passports") {
      auto a = date_of("issued"), b = date_of("expires");
      if (a && b && *b <= *a) add(path + ".expires", "date_order", "expires before it was issued");
      // expiry may lie in the future: only "issued" is a past date.
    }
    if (matter == "employment_income") {
      auto h = it.find("holder");
      bool self = h != it.end() && h->second == "self";
      const char *need_self[] = {"year", "kind", "amount"};
      if (self) {
        for (const char *k : need_self)
          if (!it.count(k)) add(path + "." + k, "missing", "income needs year, kind and amount");
      } else if (h != it.end() && !it.count("employer")) {
        add(path + ".employer", "missing", "employment of a family member needs the employer");
      }
    }
  }

  void matters() {
    for (const auto &key : matter_keys()) {
      auto m = r_.matters.find(key);
      if (m == r_.matters.end()) continue;  // reported by the structure
      std::string p = "matters." + key;
      if (m->second.none && !m->second.items.empty())
        add(p, "none_with_items", "a matter declared none also lists items");
      if (!m->second.none && m->second.items.empty())
        add(p, "matter_empty", "a matter must list items or be declared none");
      for (std::size_t i = 0; i < m->second.items.size(); ++i)
        item(key, m->second.items[i], p + ".items[" + std::to_string(i) + "]");
    }
  }

  void commitment() {
    if (!r_.commitment) {
      add("commitment", "commitment_missing", "the signed commitment is missing");
    } else {
      if (r_.commitment->signed_by.empty())
        add("commitment.signed_by", "commitment_unsigned", "the commitment is not signed");
      else if (r_.commitment->signed_by != r_.person.name)
        add("commitment.signed_by", "commitment_signer_mismatch",
            "the commitment is not signed by the candidate");
      if (!r_.commitment->date)
        add("commitment.date", "date_missing", "the commitment is not dated");
      else if (have_birth() && *r_.commitment->date < r_.person.birth_date)
        add("commitment.date", "date_before_birth", "date lies before the candidate's birth");
    }
    if (!r_.self_assessment) {
      add("self_assessment", "self_assessment_missing", "the integrity self-assessment is missing");
    } else if (!r_.self_assessment->date) {
      add("self_assessment.date", "date_missing", "the self-assessment is not dated");
    }
  }

  void all(bool check_person) {
    person(check_person);
    citizen_id();
    history();
    family();
    matters();
    commitment();
  }

 private:
  const Record &r_;
  const Policy &policy_;
  std::vector<Problem> &out_;
};

// ---------------------------------------------------------------------------------------------
// Canonical JSON
// ---------------------------------------------------------------------------------------------

json::value date_or_null(const std::optional<Date> &d) {
  if (!d) return nullptr;
  return json::string(to_iso(*d));
}

json::object address_json(const Address &a) {
  json::object o;
  o["province"] = a.province;
  o["city"] = a.city;
  o["county"] = a.county;
  o["township"] = a.township;
  o["street"] = a.street;
  o["detail"] = a.detail;
  return o;
}

json::object item_json(const std::string &matter, const Item &it) {
  json::object o;
  for (const auto &f : matter_fields(matter)) {
    if (f.kind == "address") {
      json::object a;
      bool any = false;
      for (const auto &lvl : address_levels()) {
        auto v = it.find(f.name + "." + lvl);
        if (v != it.end()) {
          a[lvl] = v->second;
          any = true;
        }
      }
      if (any) o[f.name] = std::move(a);
      continue;
    }
    auto v = it.find(f.name);
    if (v != it.end()) o[f.name] = v->second;
  }
  return o;
}

}  // namespace

namespace detail {
json::array string_array(const std::vector<std::string> &v) {
  json::array a;
  for (const auto &s : v) a.push_back(json::string(s));
  return a;
}

json::value record_value(const Record &r) {
  json::object o;
  o["schema"] = record_schema;
  o["id"] = r.id;
  o["version"] = r.version;
  o["reference_date"] = to_iso(r.reference_date);
  o["person"] = json::parse(person_to_json(r.person));
  o["citizen_id"] = r.citizen_id;
  o["identity"] = r.identity;
  o["current_post"] = r.current_post;
  o["proposed_post"] = r.proposed_post;
  o["proposed_rank"] = rank_name(r.proposed_rank);
  o["field_in_charge"] = r.field_in_charge;
  o["residence"] = address_json(r.residence);
  json::array edu;
  for (const auto &e : r.education)
    edu.push_back(json::object{{"mode", e.mode}, {"level", e.level}, {"degree", e.degree},
                               {"school", e.school}});
  o["education"] = std::move(edu);
  json::array work;
  for (const auto &w : r.work_history) {
    json::object e;
    e["from"] = to_iso(w.from);
    e["until"] = date_or_null(w.until);
    e["text"] = w.text;
    work.push_back(std::move(e));
  }
  o["work_history"] = std::move(work);
  json::array fam;
  for (const auto &f : r.family) {
    json::object e;
    e["id"] = f.id;
    e["relation"] = f.relation;
    e["name"] = f.name;
    e["birth_date"] = date_or_null(f.birth_date);
    e["co_resident"] = f.co_resident;
    e["dependent"] = f.dependent;
    fam.push_back(std::move(e));
  }
  o["family"] = std::move(fam);
  json::object matters;
  for (const auto &key : matter_keys()) {
    auto m = r.matters.find(key);
    json::object mo;
    mo["none"] = m != r.matters.end() && m->second.none;
    json::array items;
    if (m != r.matters.end())
      for (const auto &it : m->second.items) items.push_back(item_json(key, it));
    mo["items"] = std::move(items);
    matters[key] = std::move(mo);
  }
  o["matters"] = std::move(matters);
  if (r.commitment)
    o["commitment"] = json::object{{"signed_by", r.commitment->signed_by},
                                   {"date", date_or_null(r.commitment->date)}};
  else
    o["commitment"] = nullptr;
  if (r.self_assessment)
    o["self_assessment"] = json::object{{"date", date_or_null(r.self_assessment->date)},
                                        {"text", r.self_assessment->text}};
  else
    o["self_assessment"] = nullptr;
  return o;
}

Record record_from_value(const json::value &v) {
  std::vector<Problem> problems;
  std::optional<Record> r;
  {
    Parser p(problems);
    if (!v.is_object())
      p.add("", "wrong_type", "the record must be a JSON object");
    else
      r = p.record(v.get_object());
  }
  if (!problems.empty()) {
    std::string id = r ? r->id : std::string();
    throw InvalidInput(problems.front().message, problems.front().path, id);
  }
  return *r;
}
}  // namespace detail

std::string record_to_json(const Record &r) { return json::serialize(detail::record_value(r)); }

Record record_from_json(std::string_view text) {
  if (!is_valid_utf8(text)) throw InvalidInput("the record is not valid UTF-8", "record");
  json_read::Parsed parsed = json_read::parse_checked(text);
  if (parsed.found)
    throw InvalidInput(parsed.found.message, parsed.found.path.empty() ? "record" : parsed.found.path);
  if (parsed.ec) throw InvalidInput("the record is not valid JSON", "record");
  return detail::record_from_value(parsed.value);
}

std::vector<Problem> validate(const Record &record, const Policy &policy) {
  std::vector<Problem> out;
  Rules(record, policy, out).all(true);
  return out;
}

std::vector<Problem> validate_json(std::string_view json_text, const Policy &policy) {
  std::vector<Problem> out;
  std::optional<Record> r = parse_collecting(json_text, out);
  if (!r) return out;
  bool person_ok = std::none_of(out.begin(), out.end(), [](const Problem &p) {
    return p.path == "person" || p.path.rfind("person.", 0) == 0;
  });
  Rules(*r, policy, out).all(person_ok);
  return out;
}

ThreeAges basic_three_ages(const Record &record) {
  return three_ages(record.person, record.reference_date);
}

}  // namespace cadrekit::disclosure

// Per-domain indicators and weights, the composite score, and the methods checklist (HORQIN.4).
#include <algorithm>
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "core/json_read.hpp"
#include "core/text.hpp"

namespace cadrekit::assessment {

namespace json = boost::json;

namespace {

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

struct Known {
  const char *id;
  const char *zh;
};
// The indicator families HORQIN.4 names (political quality, teamwork, performance and integrity,
// public rating, health).
constexpr Known kIndicators[] = {{"political_quality", "政治素质"}, {"teamwork", "团结协作"},
                                 {"performance", "工作实绩"},       {"integrity", "廉洁自律"},
                                 {"public_rating", "民意测评"},     {"health", "身体健康状况"}};

constexpr Method kMethodOrder[] = {Method::reports, Method::talks, Method::rating,
                                   Method::records, Method::site_visits, Method::sampling};

}  // namespace

const char *indicator_name_zh(std::string_view id) noexcept {
  for (const auto &k : kIndicators)
    if (id == k.id) return k.zh;
  return "";
}

std::vector<Indicator> indicators(Domain domain, const Policy &policy, Date as_of, Explanation *ex) {
  const std::string name = std::string("assessment.indicators.") + domain_name(domain);
  const std::string text = policy.text(name, as_of, ex);
  auto fail = [&](const std::string &msg) -> void { throw PolicyError("indicators: " + msg, name, policy.name()); };
  std::vector<Indicator> out;
  Rational sum = 0;
  for (const auto &item : text_util::key_values(text)) {
    if (!item.has_equals) fail("an entry is not id=weight");
    std::string id(item.key);
    if (!is_identifier(id)) fail("an indicator id must be lower-case letters, digits and _");
    for (const auto &i : out)
      if (i.id == id) fail("indicator " + id + " is given twice");
    Rational w;
    try {
      w = parse_decimal(item.value, name);
    } catch (const InvalidInput &) {
      fail("the weight of " + id + " is not an exact decimal or fraction");
    }
    if (w <= 0) fail("the weight of " + id + " is not positive");
    sum += w;
    out.push_back({std::move(id), w});
  }
  if (out.empty()) fail("no indicators");
  if (sum != 1) fail("the weights sum to " + to_exact_string(sum) + ", not 1");
  return out;
}

Composite composite_score(Domain domain, std::span<const std::pair<std::string, std::string>> scores,
                          Date as_of, const Policy &policy) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  Composite c;
  c.domain = domain;
  c.explanation.subject = std::string("composite score, domain ") + domain_name(domain);
  auto inds = indicators(domain, policy, as_of, &c.explanation);
  for (const auto &given : scores) {
    const std::string &id = given.first;  // not a structured binding: clang 14 cannot capture one
    if (std::none_of(inds.begin(), inds.end(), [&](const Indicator &i) { return i.id == id; }))
      throw InvalidInput(std::string("not an indicator of the domain ") + domain_name(domain),
                         "scores." + json_read::display_key(id));
  }
  c.score = 0;
  std::string sum_zh, sum_en;
  for (const auto &ind : inds) {
    const std::string field = "scores." + ind.id;
    const auto *found = static_cast<const std::pair<std::string, std::string> *>(nullptr);
    for (const auto &s : scores)
      if (s.first == ind.id) {
        if (found) throw InvalidInput("score given twice", field);
        found = &s;
      }
    if (!found) throw InvalidInput("score is missing", field);
    Rational v;
    try {
      v = parse_decimal(found->second, field);
    } catch (const InvalidInput &) {
      throw InvalidInput("score is not an exact decimal", field);
    }
    if (v < 0) throw InvalidInput("score is negative", field);
    Rational part = ind.weight * v;
    c.score += part;
    c.parts.push_back({ind.id, ind.weight, v, part});
    c.explanation.add_input(field, to_exact_string(v), /*detail=*/v == 0);  // a 0 adds nothing
    const std::string w = to_exact_string(ind.weight), p = to_exact_string(part);
    const char *zh = indicator_name_zh(ind.id);
    sum_zh += (sum_zh.empty() ? "" : " + ") + std::string(*zh ? zh : ind.id.c_str()) + " " + w + "×" + to_exact_string(v);
    sum_en += (sum_en.empty() ? "" : " + ") + ind.id + " " + w + "×" + to_exact_string(v);
  }
  const std::string total = to_exact_string(c.score);
  c.explanation.add_rule({"assessment.composite", "HORQIN.4",
                          std::string(domain_name(domain)) + "领域综合得分 = " + sum_zh + " = " + total,
                          std::string("composite score of the ") + domain_name(domain) + " domain = " + sum_en + " = " + total});
  return c;
}

MethodChecklist method_checklist(std::uint8_t done, Date as_of, const Policy &policy, Explanation *ex) {
  const std::string name = "assessment.methods.required";
  const std::string text = policy.text(name, as_of, ex);
  std::uint8_t required = 0;
  for (std::string_view item : text_util::split(text, '|')) {
    item = text_util::trim(item);
    if (item.empty() || item == "none") continue;
    try {
      required |= parse_method(item, name);
    } catch (const InvalidInput &e) {
      throw PolicyError(e.what(), name, policy.name());
    }
  }
  MethodChecklist out;
  for (Method m : kMethodOrder) {
    MethodCheck c{m, (required & method_flag(m)) != 0, (done & method_flag(m)) != 0};
    if (c.required && !c.done) out.missing.push_back(method_names(method_flag(m)).front());
    out.items.push_back(c);
  }
  out.complete = out.missing.empty();
  if (ex) {
    std::string miss;
    for (const auto &m : out.missing) miss += (miss.empty() ? "" : ", ") + m;
    ex->add_input("methods", std::to_string(done & 0x3f));
    ex->add_rule({"assessment.methods", "HORQIN.4",
                  out.complete ? "所要求的考核方式均已采用" : "尚未采用所要求的考核方式：" + miss,
                  out.complete ? "every required method was used" : "required methods not used: " + miss});
  }
  return out;
}

std::string composite_json(std::string_view request, const Policy &policy) {
  const json::value v = json_read::parse(request, "request");
  const json_read::Fields o(v, "request");
  o.only({"as_of", "domain", "scores"});
  Date as_of = o.date("as_of");
  Domain dom = parse_domain(o.text("domain"), "domain");
  const auto &so = json_read::as_object(o.need("scores"), "scores");
  std::vector<std::pair<std::string, std::string>> scores;
  for (const auto &kv : so) {
    std::string field = "scores." + json_read::display_key(kv.key());
    const auto &x = kv.value();
    if (x.is_string()) scores.emplace_back(std::string(kv.key()), std::string(x.get_string()));
    else if (x.is_int64()) scores.emplace_back(std::string(kv.key()), std::to_string(x.get_int64()));
    else if (x.is_uint64()) scores.emplace_back(std::string(kv.key()), std::to_string(x.get_uint64()));
    else throw InvalidInput("expected an exact decimal as a string or a whole number", field);
  }
  Composite c = composite_score(dom, scores, as_of, policy);
  json::array parts;
  for (const auto &p : c.parts)
    parts.emplace_back(json::object{{"indicator", p.indicator},
                                    {"name_zh", indicator_name_zh(p.indicator)},
                                    {"weight", to_exact_string(p.weight)},
                                    {"score", to_exact_string(p.score)},
                                    {"part", to_exact_string(p.part)}});
  json::object out;
  out["domain"] = domain_name(c.domain);
  out["score"] = to_exact_string(c.score);
  out["parts"] = std::move(parts);
  std::string s = json::serialize(out);
  s.pop_back();
  return s + ",\"explanation\":" + c.explanation.to_json() + "}";
}

std::string method_checklist_json(std::string_view request, const Policy &policy) {
  const json::value v = json_read::parse(request, "request");
  const json_read::Fields o(v, "request");
  o.only({"as_of", "methods"});
  Date as_of = o.date("as_of");
  std::uint8_t done = 0;
  for (const auto &m : o.texts("methods")) done |= parse_method(m, "methods");
  MethodChecklist c = method_checklist(done, as_of, policy);
  json::array items, missing;
  for (const auto &i : c.items) {
    const std::string code = method_names(method_flag(i.method)).front();
    items.emplace_back(json::object{{"method", code}, {"required", i.required}, {"done", i.done}});
  }
  for (const auto &m : c.missing) missing.emplace_back(m);
  json::object out;
  out["items"] = std::move(items);
  out["missing"] = std::move(missing);
  out["complete"] = c.complete;
  return json::serialize(out);
}

}  // namespace cadrekit::assessment

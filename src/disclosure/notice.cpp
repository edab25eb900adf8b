// Rounds and notices (KAILU.2, KAILU.5): venues by rank, the working-day window, and the notice
// built through the round's whitelist. Each whitelisted field has one fixed projection that
// reads only what that field names; the text is rendered from the projected fields alone.
#include <boost/json.hpp>
#include <functional>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/disclosure.hpp"
#include "detail.hpp"

namespace json = boost::json;

namespace cadrekit::disclosure {

namespace {

std::string round_param(int round, std::string_view what) {
  return "disclosure.round" + std::to_string(round) + "." + std::string(what);
}

void check_round(int round) {
  if (round != 1 && round != 2) throw InvalidInput("round must be 1 or 2", "round");
}

std::string zh_date(Date d) {
  return std::to_string(static_cast<int>(d.year())) + "年" + std::to_string(d.month().as_number()) +
         "月" + std::to_string(static_cast<int>(d.day())) + "日";
}

std::string zh_month(const std::string &iso) {
  // "2000-07-01" -> "2000.07"
  return iso.size() >= 7 ? iso.substr(0, 4) + "." + iso.substr(5, 2) : iso;
}

std::string holder_zh(const Record &r, const std::string &holder) {
  if (holder == "self") return "本人";
  const FamilyMember *f = detail::family_member(r, holder);
  if (f == nullptr) return "";
  return f->relation == "spouse" ? "配偶" : "子女";
}

std::string label_of(std::string_view value, std::initializer_list<std::pair<const char *, const char *>> map) {
  for (const auto &[k, v] : map)
    if (value == k) return v;
  return std::string(value);
}

std::string field(const Item &it, const char *key) {
  auto f = it.find(key);
  return f == it.end() ? std::string() : f->second;
}

Address item_address(const Item &it, const std::string &name) {
  Address a;
  std::string *parts[] = {&a.province, &a.city, &a.county, &a.township, &a.street, &a.detail};
  for (std::size_t i = 0; i < 6; ++i) *parts[i] = field(it, (name + "." + address_levels()[i]).c_str());
  return a;
}

struct Ctx {
  const Record &r;
  const Policy &policy;
  Date as_of;
  ThreeAges ages;
  Explanation *ex;  // parameters read by a projection are recorded here (may be null)
};

using Projection = std::function<json::value(const Ctx &)>;

const Matter &matter_of(const Ctx &c, const char *key) { return c.r.matters.at(key); }

// A matter's items through `project`, or "无" for an explicit none (or nothing selected).
json::value items_or_none(const Ctx &c, const char *key,
                          const std::function<std::optional<json::object>(const Item &)> &project) {
  const Matter &m = matter_of(c, key);
  json::array out;
  if (!m.none)
    for (const auto &it : m.items)
      if (auto o = project(it)) out.push_back(std::move(*o));
  if (out.empty()) return json::string("无");
  return out;
}

json::value opt_int(const std::optional<int> &v) {
  if (!v) return json::string("无");
  return *v;
}

const std::vector<std::pair<std::string, std::pair<std::string, Projection>>> &projections() {
  static const std::vector<std::pair<std::string, std::pair<std::string, Projection>>> p{
      {"name", {"姓名", [](const Ctx &c) -> json::value { return json::string(c.r.person.name); }}},
      {"sex",
       {"性别", [](const Ctx &c) -> json::value {
          return json::string(c.r.person.sex == Sex::female ? "女" : "男");
        }}},
      {"ethnicity",
       {"民族", [](const Ctx &c) -> json::value {
          return json::string(ethnic_group(c.r.person.ethnicity).name_zh);
        }}},
      {"political_status",
       {"政治面貌", [](const Ctx &c) -> json::value {
          return json::string(political_status(c.r.person.political_status).short_zh);
        }}},
      {"age", {"年龄", [](const Ctx &c) -> json::value { return c.ages.age; }}},
      {"party_years", {"党龄", [](const Ctx &c) { return opt_int(c.ages.party_years); }}},
      {"work_years", {"工龄", [](const Ctx &c) { return opt_int(c.ages.work_years); }}},
      {"education",
       {"学历", [](const Ctx &c) -> json::value {
          json::array a;
          for (const auto &e : c.r.education)
            a.push_back(json::object{{"mode", e.mode == "in_service" ? "在职教育" : "全日制教育"},
                                     {"level", e.level},
                                     {"degree", e.degree},
                                     {"school", e.school}});
          if (a.empty()) return json::string(c.r.person.education);
          return a;
        }}},
      {"work_history",
       {"工作经历", [](const Ctx &c) -> json::value {
          json::array a;
          for (const auto &w : c.r.work_history)
            a.push_back(json::object{{"from", to_iso(w.from)},
                                     {"until", w.until ? json::value(to_iso(*w.until)) : nullptr},
                                     {"text", w.text}});
          return a;
        }}},
      {"identity", {"身份", [](const Ctx &c) -> json::value { return json::string(c.r.identity); }}},
      {"current_post",
       {"现任职务", [](const Ctx &c) -> json::value { return json::string(c.r.current_post); }}},
      {"proposed_post",
       {"拟任职务", [](const Ctx &c) -> json::value { return json::string(c.r.proposed_post); }}},
      {"field_in_charge",
       {"拟分管工作领域",
        [](const Ctx &c) -> json::value { return json::string(c.r.field_in_charge); }}},
      {"citizen_id",
       {"身份证号", [](const Ctx &c) -> json::value {
          if (c.r.citizen_id.empty()) return json::string("");
          int head = static_cast<int>(c.policy.integer("disclosure.notice.id_mask_head", c.as_of, c.ex));
          int tail = static_cast<int>(c.policy.integer("disclosure.notice.id_mask_tail", c.as_of, c.ex));
          return json::string(mask_id(c.r.citizen_id, head, tail));
        }}},
      {"residence",
       {"居住地", [](const Ctx &c) -> json::value {
          return json::string(cut_address(
              c.r.residence, c.policy.text("disclosure.notice.address_level", c.as_of, c.ex)));
        }}},
      {"marriage",
       {"本人婚姻变化情况", [](const Ctx &c) {
          return items_or_none(c, "marriage", [](const Item &it) -> std::optional<json::object> {
            return json::object{{"change", label_of(field(it, "change"),
                                                    {{"married", "结婚"},
                                                     {"divorced", "离婚"},
                                                     {"remarried", "再婚"},
                                                     {"widowed", "丧偶"}})},
                                {"date", field(it, "date")}};
          });
        }}},
      {"passports",
       {"本人持有因私出国（境）证件情况", [](const Ctx &c) {
          // The document number is never published.
          return items_or_none(c, "passports", [](const Item &it) -> std::optional<json::object> {
            return json::object{
                {"kind", label_of(field(it, "kind"), {{"passport", "因私护照"},
                                                      {"hk_macao_permit", "往来港澳通行证"},
                                                      {"taiwan_permit", "往来台湾通行证"}})},
                {"custody", label_of(field(it, "custody"),
                                     {{"organisation", "组织统一保管"}, {"self", "本人保管"}})}};
          });
        }}},
      {"trips_abroad",
       {"本人因私出国（境）情况", [](const Ctx &c) {
          return items_or_none(c, "trips_abroad",
                               [](const Item &it) -> std::optional<json::object> {
                                 return json::object{{"destination", field(it, "destination")},
                                                     {"from", field(it, "from")},
                                                     {"until", field(it, "until")},
                                                     {"purpose", field(it, "purpose")}};
                               });
        }}},
      {"family_abroad",
       {"配偶、子女移居国（境）外情况", [](const Ctx &c) {
          return items_or_none(c, "family_abroad",
                               [&c](const Item &it) -> std::optional<json::object> {
                                 return json::object{
                                     {"holder", holder_zh(c.r, field(it, "holder"))},
                                     {"country", field(it, "country")},
                                     {"status", label_of(field(it, "status"),
                                                         {{"settled", "移居"},
                                                          {"nationality", "取得外国国籍"},
                                                          {"permanent_residence", "取得永久居留权"}})}};
                               });
        }}},
      {"family_employment",
       {"配偶、子女从业情况", [](const Ctx &c) {
          return items_or_none(c, "employment_income",
                               [&c](const Item &it) -> std::optional<json::object> {
                                 if (field(it, "holder") == "self") return std::nullopt;
                                 return json::object{
                                     {"holder", holder_zh(c.r, field(it, "holder"))},
                                     {"employer", field(it, "employer")},
                                     {"position", field(it, "position")}};
                               });
        }}},
      {"annual_income",
       {"本人年收入（工资及各类奖金、津贴、补贴）", [](const Ctx &c) -> json::value {
          const Matter &m = matter_of(c, "employment_income");
          std::map<std::string, Money> by_year;
          if (!m.none)
            for (const auto &it : m.items)
              if (field(it, "holder") == "self")
                by_year[field(it, "year")] += Money::parse(field(it, "amount"));
          if (by_year.empty()) return json::string("无");
          json::array a;
          for (const auto &[year, total] : by_year)
            a.push_back(json::object{{"year", year}, {"total", total.to_decimal_string()}});
          return a;
        }}},
      {"real_estate",
       {"本人、配偶、共同生活的子女房产情况", [](const Ctx &c) {
          std::string level = c.policy.text("disclosure.notice.address_level", c.as_of, c.ex);
          return items_or_none(
              c, "real_estate", [&c, level](const Item &it) -> std::optional<json::object> {
                return json::object{
                    {"holder", holder_zh(c.r, field(it, "holder"))},
                    {"location", cut_address(item_address(it, "location"), level)},
                    {"area", to_exact_string(parse_decimal(field(it, "area")))},
                    {"nature", label_of(field(it, "nature"), {{"commodity", "商品房"},
                                                              {"affordable", "保障性住房"},
                                                              {"self_built", "自建房"},
                                                              {"inherited", "继承房产"},
                                                              {"other", "其他"}})}};
              });
        }}},
      {"securities",
       {"本人、配偶、共同生活的子女持有有价证券、股票、期货、基金、投资型保险及其他金融理财产品情况",
        [](const Ctx &c) {
          return items_or_none(
              c, "securities", [&c](const Item &it) -> std::optional<json::object> {
                return json::object{
                    {"holder", holder_zh(c.r, field(it, "holder"))},
                    {"kind", label_of(field(it, "kind"), {{"stocks", "股票"},
                                                          {"funds", "基金"},
                                                          {"futures", "期货"},
                                                          {"bonds", "有价证券"},
                                                          {"investment_insurance", "投资型保险"},
                                                          {"wealth_product", "金融理财产品"},
                                                          {"other", "其他"}})},
                    {"amount", Money::parse(field(it, "amount")).to_decimal_string()}};
              });
        }}},
      {"investments",
       {"配偶、共同生活的子女投资非上市公司、企业情况", [](const Ctx &c) {
          return items_or_none(
              c, "investments", [&c](const Item &it) -> std::optional<json::object> {
                return json::object{
                    {"holder", holder_zh(c.r, field(it, "holder"))},
                    {"company", field(it, "company")},
                    {"amount", Money::parse(field(it, "amount")).to_decimal_string()}};
              });
        }}},
      {"businesses",
       {"配偶、共同生活的子女注册个体工商户、个人独资企业或者合伙企业情况", [](const Ctx &c) {
          return items_or_none(
              c, "businesses", [&c](const Item &it) -> std::optional<json::object> {
                return json::object{
                    {"holder", holder_zh(c.r, field(it, "holder"))},
                    {"name", field(it, "name")},
                    {"form", label_of(field(it, "form"), {{"individual", "个体工商户"},
                                                          {"sole_proprietorship", "个人独资企业"},
                                                          {"partnership", "合伙企业"}})}};
              });
        }}},
  };
  return p;
}

// The text of one projected value (only what the projection put into `v`).
std::string render(const std::string &name, const json::value &v) {
  auto s = [](const json::value &x) -> std::string {
    if (x.is_string()) return std::string(x.get_string());
    if (x.is_int64()) return std::to_string(x.get_int64());
    if (x.is_null()) return "";
    return json::serialize(x);
  };
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64()) {
    std::string n = std::to_string(v.get_int64());
    return name == "age" ? n + "岁" : n + "年";
  }
  if (!v.is_array()) return s(v);
  std::string out;
  int i = 0;
  for (const auto &e : v.get_array()) {
    const json::object &o = e.get_object();
    std::string line;
    if (name == "education") {
      line = s(o.at("mode")) + " " + s(o.at("level"));
      if (!s(o.at("degree")).empty()) line += " " + s(o.at("degree"));
      if (!s(o.at("school")).empty()) line += "（" + s(o.at("school")) + "）";
    } else if (name == "work_history") {
      line = zh_month(s(o.at("from"))) + "—" + zh_month(s(o.at("until"))) + " " + s(o.at("text"));
    } else if (name == "annual_income") {
      line = s(o.at("year")) + "年：" + s(o.at("total")) + "元";
    } else if (name == "real_estate") {
      line = s(o.at("holder")) + "，" + s(o.at("location")) + "，" + s(o.at("area")) + "平方米，" +
             s(o.at("nature"));
    } else if (name == "securities") {
      line = s(o.at("holder")) + "，" + s(o.at("kind")) + "，" + s(o.at("amount")) + "元";
    } else if (name == "investments") {
      line = s(o.at("holder")) + "，" + s(o.at("company")) + "，" + s(o.at("amount")) + "元";
    } else {
      bool first = true;
      for (const auto &kv : o) {
        std::string part = s(kv.value());
        if (part.empty()) continue;
        if (!first) line += "，";
        line += part;
        first = false;
      }
    }
    out += "\n  " + std::to_string(++i) + ". " + line;
  }
  return out;
}

}  // namespace

const std::vector<std::string> &notice_field_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto &p : projections()) v.push_back(p.first);
    return v;
  }();
  return names;
}

namespace {

// The venues a policy's disclosure.roundN.venues.<rank> may name, with their Chinese and English
// names (KAILU.2: "在所在单位、居住地和分管工作领域张贴公告公开"; "通过电视和网络媒体…公开").
struct Venue {
  std::string_view id, zh, en;
};
constexpr Venue kVenues[] = {{"work_unit", "所在单位", "Work unit"},
                             {"residence", "居住地", "Place of residence"},
                             {"field_in_charge", "分管工作领域", "Field in charge"},
                             {"television", "电视", "Television"},
                             {"internet", "网络媒体", "Internet media"}};

const Venue *find_venue(std::string_view id) noexcept {
  for (const Venue &v : kVenues)
    if (v.id == id) return &v;
  return nullptr;
}

}  // namespace

std::string venue_name_zh(std::string_view venue) {
  const Venue *v = find_venue(venue);
  return std::string(v != nullptr ? v->zh : venue);
}

std::string venue_name_en(std::string_view venue) {
  const Venue *v = find_venue(venue);
  return std::string(v != nullptr ? v->en : venue);
}

RoundPlan plan_round(int round, Rank rank, Date posted, const WorkCalendar &calendar,
                     const Policy &policy, Explanation *ex) {
  check_round(round);
  if (posted.is_not_a_date()) throw InvalidInput("not a date", "posted");
  std::string venues_param = round_param(round, "venues.") + rank_name(rank);
  if (!policy.has(venues_param))
    throw InvalidInput("the policy names no disclosure venues for this rank", "rank");
  RoundPlan plan;
  plan.round = round;
  plan.rank = rank;
  plan.posted = posted;
  plan.venues = detail::split_list(policy.text(venues_param, posted, ex));
  for (const auto &v : plan.venues)
    if (find_venue(v) == nullptr)
      throw PolicyError("unknown venue id in the list", venues_param, policy.name());
  std::int64_t n = policy.integer(round_param(round, "window_working_days"), posted, ex);
  if (n < 1 || n > 366)
    throw PolicyError("a window must be 1..366 working days", round_param(round, "window_working_days"),
                      policy.name());
  plan.working_days = static_cast<int>(n);
  plan.window = calendar.window(posted, plan.working_days);
  if (ex != nullptr) {
    std::string v;
    for (const auto &x : plan.venues) v += (v.empty() ? "" : "、") + venue_name_zh(x);
    ex->add_rule(RuleFired{"disclosure.round.venues", "KAILU.2",
                           "第" + std::to_string(round) + "次公开（" + rank_name_zh(rank) +
                               "）的公开范围：" + v,
                           "round " + std::to_string(round) + " venues for rank " +
                               rank_name(rank) + ": " + std::to_string(plan.venues.size())});
    ex->add_rule(RuleFired{"disclosure.round.window", "KAILU.2",
                           "公开时限" + std::to_string(n) + "个工作日：" + to_iso(plan.window.first) +
                               "至" + to_iso(plan.window.last),
                           std::to_string(n) + " working days: " + to_iso(plan.window.first) +
                               " to " + to_iso(plan.window.last)});
    ex->add_input("round", std::to_string(round));
    ex->add_input("rank", rank_name(rank));
    ex->add_input("posted", to_iso(posted));
  }
  return plan;
}

std::string mask_id(std::string_view id, int head, int tail) {
  if (head < 0 || tail < 0) throw InvalidInput("mask lengths must not be negative", "mask");
  std::string out(id);
  std::size_t n = out.size();
  std::size_t h = static_cast<std::size_t>(head), t = static_cast<std::size_t>(tail);
  if (h + t >= n) {  // nothing would be masked: mask everything rather than show it all
    return std::string(n, '*');
  }
  for (std::size_t i = h; i < n - t; ++i) out[i] = '*';
  return out;
}

std::string cut_address(const Address &a, std::string_view level) {
  const auto &levels = address_levels();
  auto it = std::find(levels.begin(), levels.end(), level);
  if (it == levels.end())
    throw PolicyError("address level must be province, city, county, township, street or detail",
                      "disclosure.notice.address_level");
  std::size_t keep = static_cast<std::size_t>(it - levels.begin()) + 1;
  const std::string *parts[] = {&a.province, &a.city, &a.county, &a.township, &a.street, &a.detail};
  std::string out;
  for (std::size_t i = 0; i < keep; ++i) out += *parts[i];
  return out;
}

Notice notice(const Record &record, int round, const Policy &policy,
              const std::optional<RoundPlan> &plan, Explanation *ex) {
  check_round(round);
  if (plan && plan->round != round) throw InvalidInput("the plan is of another round", "plan");
  auto problems = validate(record, policy);
  if (!problems.empty())
    throw InvalidInput("the record is not valid: " + problems.front().message,
                       problems.front().path, record.id);
  Date as_of = plan ? plan->posted : record.reference_date;
  // The whitelist: the fields the source states (notice_fields) and those cadrekit adds to name
  // the person and the post (notice_fields_added, assumed); `none` is an empty list. They are
  // shown in the fixed order of the notice (name first), whichever list names them.
  std::vector<std::string> wanted;
  for (const char *what : {"notice_fields", "notice_fields_added"}) {
    const std::string param = round_param(round, what);
    if (!policy.has(param)) continue;  // a profile of its own may declare only notice_fields
    const std::string list = policy.text(param, as_of, ex);
    if (list == "none") continue;
    for (auto &name : detail::split_list(list)) {
      if (std::none_of(projections().begin(), projections().end(),
                       [&](const auto &e) { return e.first == name; }))
        throw PolicyError("the whitelist names a field cadrekit does not know", param, policy.name());
      wanted.push_back(std::move(name));
    }
  }
  Ctx ctx{record, policy, as_of, three_ages(record.person, record.reference_date), ex};

  Notice n;
  n.round = round;
  json::object fields;
  std::string body;
  for (auto p = projections().begin(); p != projections().end(); ++p) {
    const std::string &name = p->first;
    if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
    if (fields.contains(name)) continue;
    json::value v = p->second.second(ctx);
    body += p->second.first + "：" + render(name, v) + "\n";
    fields[name] = std::move(v);
    n.field_names.push_back(name);
  }
  n.fields_json = json::serialize(fields);
  if (ex != nullptr) {
    ex->add_rule(RuleFired{"disclosure.notice.whitelist", round == 1 ? "KAILU.1" : "KAILU.2",
                           "第" + std::to_string(round) + "次公开只公开白名单所列的" +
                               std::to_string(n.field_names.size()) + "项（原文所列项目及为指明人选另列的项目）",
                           "round " + std::to_string(round) + " notice: only the " +
                               std::to_string(n.field_names.size()) +
                               " whitelisted fields (those the source lists and those added to name the person)"});
    ex->add_input("record", record.id);
    ex->add_input("round", std::to_string(round));
    ex->add_input("fields", std::to_string(n.field_names.size()));
  }

  std::string text = round == 1 ? "新提任科级领导干部考察对象有关事项公开\n"
                                : "拟任科级领导干部人选有关事项公开\n";
  text += round == 1 ? "根据干部选拔任用有关规定，现将考察对象有关事项公开如下：\n"
                     : "经县委常委会讨论决定（提名），现将拟任人选有关事项公开如下：\n";
  text += body;
  if (plan) {
    std::string v;
    for (const auto &x : plan->venues) v += (v.empty() ? "" : "、") + venue_name_zh(x);
    text += "公开范围：" + v + "\n";
    text += "公开时间：" + zh_date(plan->window.first) + "至" + zh_date(plan->window.last) + "（" +
            std::to_string(plan->working_days) + "个工作日）\n";
  }
  text += "公开期间，如对公开事项有异议，可通过举报电话、信箱、邮箱向县委组织部干部监督室反映。\n";
  n.text = std::move(text);
  return n;
}

}  // namespace cadrekit::disclosure

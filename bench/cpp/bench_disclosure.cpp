// Disclosure (KAILU): validate a record's JSON, build a notice, and replay a case's log. The
// volume is small (50–150 candidates a county a year); these show the per-record cost of the
// JSON paths, which a province-wide batch would pay.
#include <benchmark/benchmark.h>

#include <string>

#include "cadrekit/disclosure.hpp"

namespace {

using namespace cadrekit;
using namespace cadrekit::disclosure;

// A copy of tests/golden/disclosure_record.json (fictitious person).
const std::string &record_text() {
  static const std::string s = R"json({"schema": "cadrekit.disclosure.record/1", "id": "KL-2016-001", "version": 1, "reference_date": "2016-09-20", "person": {"id": "KL-2016-001", "name": "王晓梅", "sex": "2", "birth_date": "1978-12-18", "ethnicity": "02", "political_status": "01", "party_joined": "2001-07-01", "work_started": "2000-07-01", "education": "研究生", "rank": "keyuan", "unit": "示例县示例局", "posts": []}, "citizen_id": "150502197812186440", "identity": "公务员", "current_post": "示例县示例局办公室主任", "proposed_post": "示例县示例局副局长", "proposed_rank": "fu_ke", "field_in_charge": "财政预算", "residence": {"province": "内蒙古自治区", "city": "通辽市", "county": "开鲁县", "township": "开鲁镇", "street": "建华街道", "detail": "幸福小区3号楼2单元501"}, "education": [{"mode": "full_time", "level": "大学", "degree": "经济学学士", "school": "示例大学经济系财政学专业"}, {"mode": "in_service", "level": "研究生", "degree": "公共管理硕士", "school": "示例学院公共管理专业"}], "work_history": [{"from": "1996-09-01", "until": "2000-07-01", "text": "示例大学经济系财政学专业学习"}, {"from": "2000-07-01", "until": "2008-03-01", "text": "示例县示例局科员"}, {"from": "2008-03-01", "until": null, "text": "示例县示例局办公室主任"}], "family": [{"id": "f1", "relation": "spouse", "name": "李明远", "birth_date": "1977-05-01", "co_resident": true, "dependent": false}, {"id": "f2", "relation": "child", "name": "李晨", "birth_date": "2006-09-01", "co_resident": true, "dependent": false}], "matters": {"marriage": {"none": true, "items": []}, "passports": {"none": false, "items": [{"kind": "passport", "number": "E12345678", "issued": "2012-03-01", "expires": "2022-03-01", "custody": "organisation"}]}, "trips_abroad": {"none": false, "items": [{"destination": "泰国", "from": "2014-02-01", "until": "2014-02-07", "purpose": "旅游"}]}, "family_abroad": {"none": true, "items": []}, "employment_income": {"none": false, "items": [{"holder": "f1", "employer": "示例县第一中学", "position": "教师"}, {"holder": "self", "year": "2015", "kind": "salary", "amount": "86400"}, {"holder": "self", "year": "2015", "kind": "bonus", "amount": "12000.50"}]}, "real_estate": {"none": false, "items": [{"holder": "self", "location": {"province": "内蒙古自治区", "city": "通辽市", "county": "开鲁县", "township": "开鲁镇", "street": "建华街道", "detail": "幸福小区3号楼2单元501"}, "area": "118.56", "nature": "commodity", "acquired": "2009-05-01"}]}, "securities": {"none": false, "items": [{"holder": "f1", "kind": "funds", "amount": "50000", "name": "示例成长混合基金"}]}, "investments": {"none": true, "items": []}, "businesses": {"none": true, "items": []}}, "commitment": {"signed_by": "王晓梅", "date": "2016-09-20"}, "self_assessment": {"date": "2016-09-20", "text": "严格执行廉洁自律各项规定。"}})json";
  return s;
}

void BM_validate_json(benchmark::State &state) {
  Policy p = Policy::default_profile();
  for (auto _ : state) benchmark::DoNotOptimize(validate_json(record_text(), p));
}
BENCHMARK(BM_validate_json);

void BM_notice_round1(benchmark::State &state) {
  Policy p = Policy::default_profile();
  Record r = record_from_json(record_text());
  for (auto _ : state) benchmark::DoNotOptimize(notice(r, 1, p));
}
BENCHMARK(BM_notice_round1);

void BM_case_round_trip(benchmark::State &state) {
  Policy p = Policy::default_profile();
  WorkCalendar cal = WorkCalendar::china();
  Case c = Case::open(record_from_json(record_text()), Date(2016, 9, 26), "org", p);
  c.post_round(1, Date(2016, 9, 30), "org", cal, p);
  c.receive_complaint("phone", Date(2016, 10, 8), "sup");
  c.assign("C1", {"housing"}, Date(2016, 10, 8), "sup", p);
  c.record_finding("C1", disclosure::Finding::unfounded, {}, Date(2016, 10, 9), "team", p);
  c.decide("C1", disclosure::Outcome::proceed_inform_reporter, Date(2016, 10, 12), "org");
  std::string j = c.to_json();
  for (auto _ : state) benchmark::DoNotOptimize(Case::from_json(j).to_json());
}
BENCHMARK(BM_case_round_trip);

}  // namespace

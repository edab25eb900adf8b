/* Prints the layout of the C ABI's batch structs as this C compiler lays them out, one line per
 * struct ("S <name> <sizeof>") and per member ("M <name>.<member> <offsetof>"), members in the
 * header's order: the versioned in/out structs of every ck_*_columns call and the hit record of
 * screening. The Java tests (StructLayoutTest) compare JNA's layout of the same structs with it:
 * a mismatch there means Java would write into the wrong bytes, or set struct_size to a size the
 * library does not expect. */
#include <stddef.h>
#include <stdio.h>

#include <cadrekit.h>

#define S(type) printf("S %s %zu\n", #type, sizeof(type))
#define M(type, member) printf("M %s.%s %zu\n", #type, #member, offsetof(type, member))

int main(void) {
  S(ck_calendar_add_working_days_in);
  M(ck_calendar_add_working_days_in, struct_size);
  M(ck_calendar_add_working_days_in, len);
  M(ck_calendar_add_working_days_in, from);
  M(ck_calendar_add_working_days_in, n);

  S(ck_calendar_add_working_days_out);
  M(ck_calendar_add_working_days_out, struct_size);
  M(ck_calendar_add_working_days_out, date);

  S(ck_calendar_count_working_days_in);
  M(ck_calendar_count_working_days_in, struct_size);
  M(ck_calendar_count_working_days_in, len);
  M(ck_calendar_count_working_days_in, first);
  M(ck_calendar_count_working_days_in, last);

  S(ck_calendar_count_working_days_out);
  M(ck_calendar_count_working_days_out, struct_size);
  M(ck_calendar_count_working_days_out, count);

  S(ck_three_ages_in);
  M(ck_three_ages_in, struct_size);
  M(ck_three_ages_in, as_of);
  M(ck_three_ages_in, n);
  M(ck_three_ages_in, birth);
  M(ck_three_ages_in, party_joined);
  M(ck_three_ages_in, work_started);

  S(ck_three_ages_out);
  M(ck_three_ages_out, struct_size);
  M(ck_three_ages_out, age);
  M(ck_three_ages_out, party_years);
  M(ck_three_ages_out, work_years);

  S(ck_village_pay_sheet_in);
  M(ck_village_pay_sheet_in, struct_size);
  M(ck_village_pay_sheet_in, year);
  M(ck_village_pay_sheet_in, n_villages);
  M(ck_village_pay_sheet_in, village_township);
  M(ck_village_pay_sheet_in, population);
  M(ck_village_pay_sheet_in, scores);
  M(ck_village_pay_sheet_in, score_present);
  M(ck_village_pay_sheet_in, n_principals);
  M(ck_village_pay_sheet_in, principal_village);
  M(ck_village_pay_sheet_in, post);
  M(ck_village_pay_sheet_in, served_from);
  M(ck_village_pay_sheet_in, served_to);

  S(ck_village_pay_sheet_out);
  M(ck_village_pay_sheet_out, struct_size);
  M(ck_village_pay_sheet_out, village_team_grade);
  M(ck_village_pay_sheet_out, village_rank);
  M(ck_village_pay_sheet_out, base_fen);
  M(ck_village_pay_sheet_out, performance_fen);
  M(ck_village_pay_sheet_out, total_fen);
  M(ck_village_pay_sheet_out, grade);
  M(ck_village_pay_sheet_out, units);

  S(ck_audit_tier_in);
  M(ck_audit_tier_in, struct_size);
  M(ck_audit_tier_in, as_of);
  M(ck_audit_tier_in, n);
  M(ck_audit_tier_in, budget_fen);
  M(ck_audit_tier_in, admin_fees);
  M(ck_audit_tier_in, special_funds);
  M(ck_audit_tier_in, economic_power);
  M(ck_audit_tier_in, allocation_power);
  M(ck_audit_tier_in, attention);
  M(ck_audit_tier_in, complaints);
  M(ck_audit_tier_in, high_risk_sector);
  M(ck_audit_tier_in, special_need);
  M(ck_audit_tier_in, window_unit);

  S(ck_audit_tier_out);
  M(ck_audit_tier_out, struct_size);
  M(ck_audit_tier_out, level);
  M(ck_audit_tier_out, score);

  S(ck_assessment_hit);
  M(ck_assessment_hit, cadre);
  M(ck_assessment_hit, rule);
  M(ck_assessment_hit, first_period);
  M(ck_assessment_hit, last_period);
  M(ck_assessment_hit, count);

  S(ck_assessment_screen_in);
  M(ck_assessment_screen_in, struct_size);
  M(ck_assessment_screen_in, as_of);
  M(ck_assessment_screen_in, n);
  M(ck_assessment_screen_in, cadre);
  M(ck_assessment_screen_in, kind);
  M(ck_assessment_screen_in, period);
  M(ck_assessment_screen_in, rank);
  M(ck_assessment_screen_in, group_size);
  M(ck_assessment_screen_in, rating);
  M(ck_assessment_screen_in, n_findings);
  M(ck_assessment_screen_in, finding_cadre);
  M(ck_assessment_screen_in, finding_standard);
  M(ck_assessment_screen_in, finding_source);
  M(ck_assessment_screen_in, finding_class);
  M(ck_assessment_screen_in, finding_severity);
  M(ck_assessment_screen_in, finding_date);

  S(ck_assessment_screen_out);
  M(ck_assessment_screen_out, struct_size);
  M(ck_assessment_screen_out, hits);
  M(ck_assessment_screen_out, n_hits);

  S(ck_talent_team_structure_in);
  M(ck_talent_team_structure_in, struct_size);
  M(ck_talent_team_structure_in, as_of);
  M(ck_talent_team_structure_in, n_members);
  M(ck_talent_team_structure_in, team);
  M(ck_talent_team_structure_in, sex);
  M(ck_talent_team_structure_in, birth_date);
  M(ck_talent_team_structure_in, ethnicity);
  M(ck_talent_team_structure_in, political_status);
  M(ck_talent_team_structure_in, n_teams);

  S(ck_talent_team_structure_out);
  M(ck_talent_team_structure_out, struct_size);
  M(ck_talent_team_structure_out, size);
  M(ck_talent_team_structure_out, young);
  M(ck_talent_team_structure_out, women);
  M(ck_talent_team_structure_out, minority);
  M(ck_talent_team_structure_out, non_party);
  M(ck_talent_team_structure_out, gaps);

  S(ck_talent_pools_in);
  M(ck_talent_pools_in, struct_size);
  M(ck_talent_pools_in, as_of);
  M(ck_talent_pools_in, n_cadres);
  M(ck_talent_pools_in, birth_date);
  M(ck_talent_pools_in, sex);
  M(ck_talent_pools_in, ethnicity);
  M(ck_talent_pools_in, political_status);
  M(ck_talent_pools_in, rank);
  M(ck_talent_pools_in, civil_servant);
  M(ck_talent_pools_in, selected_graduate);
  M(ck_talent_pools_in, supervised);
  M(ck_talent_pools_in, n_ratings);
  M(ck_talent_pools_in, rating_cadre);
  M(ck_talent_pools_in, rating_year);
  M(ck_talent_pools_in, rating);

  S(ck_talent_pools_out);
  M(ck_talent_pools_out, struct_size);
  M(ck_talent_pools_out, member);
  M(ck_talent_pools_out, near_miss);
  M(ck_talent_pools_out, excluded);
  M(ck_talent_pools_out, age);
  return 0;
}

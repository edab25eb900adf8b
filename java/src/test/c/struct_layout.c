/* Prints the layout of the C ABI's batch structs as this C compiler lays them out, one line per
 * struct ("S <name> <sizeof>") and per member ("M <name>.<member> <offsetof>"). The Java tests
 * (StructLayoutTest) compare JNA's layout of the same structs with it: a mismatch there means
 * Java would write into the wrong bytes. */
#include <stddef.h>
#include <stdio.h>

#include <cadrekit.h>

#define S(type) printf("S %s %zu\n", #type, sizeof(type))
#define M(type, member) printf("M %s.%s %zu\n", #type, #member, offsetof(type, member))

int main(void) {
  S(ck_audit_units);
  M(ck_audit_units, n);
  M(ck_audit_units, budget_fen);
  M(ck_audit_units, admin_fees);
  M(ck_audit_units, special_funds);
  M(ck_audit_units, economic_power);
  M(ck_audit_units, allocation_power);
  M(ck_audit_units, attention);
  M(ck_audit_units, complaints);
  M(ck_audit_units, high_risk_sector);
  M(ck_audit_units, special_need);
  M(ck_audit_units, window_unit);

  S(ck_village_pay_in);
  M(ck_village_pay_in, n_villages);
  M(ck_village_pay_in, village_township);
  M(ck_village_pay_in, population);
  M(ck_village_pay_in, scores);
  M(ck_village_pay_in, score_present);
  M(ck_village_pay_in, n_principals);
  M(ck_village_pay_in, principal_village);
  M(ck_village_pay_in, post);
  M(ck_village_pay_in, served_from);
  M(ck_village_pay_in, served_to);

  S(ck_village_pay_out);
  M(ck_village_pay_out, village_team_grade);
  M(ck_village_pay_out, village_rank);
  M(ck_village_pay_out, base_fen);
  M(ck_village_pay_out, performance_fen);
  M(ck_village_pay_out, total_fen);
  M(ck_village_pay_out, grade);
  M(ck_village_pay_out, units);

  S(ck_assessment_hit);
  M(ck_assessment_hit, cadre);
  M(ck_assessment_hit, rule);
  M(ck_assessment_hit, first_period);
  M(ck_assessment_hit, last_period);
  M(ck_assessment_hit, count);
  return 0;
}

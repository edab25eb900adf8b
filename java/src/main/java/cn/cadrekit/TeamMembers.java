package cn.cadrekit;

import java.util.Objects;

/**
 * Members of leadership teams as columns, for {@link Talent#teamStructureColumns}, rows in any
 * order: the team index (0..teams-1), sex (1 male, 2 female), date of birth (day number),
 * ethnicity (GB 3304 code 1..56, 1 = Han) and political status (GB/T 4762 code 1..13; 1 and 2
 * are party members). The arrays are borrowed until the call.
 */
public final class TeamMembers {
  final int[] team;
  final byte[] sex;
  final int[] birthDate;
  final byte[] ethnicity;
  final byte[] politicalStatus;
  final int teams;

  public TeamMembers(int teams, int[] team, byte[] sex, int[] birthDate, byte[] ethnicity,
                     byte[] politicalStatus) {
    if (teams < 0) throw new IllegalArgumentException("teams < 0");
    this.teams = teams;
    this.team = Objects.requireNonNull(team, "team");
    int n = team.length;
    Columns.sameLength(n, "sex", sex.length);
    Columns.sameLength(n, "birth_date", birthDate.length);
    Columns.sameLength(n, "ethnicity", ethnicity.length);
    Columns.sameLength(n, "political_status", politicalStatus.length);
    this.sex = sex;
    this.birthDate = birthDate;
    this.ethnicity = ethnicity;
    this.politicalStatus = politicalStatus;
  }

  public int members() {
    return team.length;
  }

  public int teams() {
    return teams;
  }
}

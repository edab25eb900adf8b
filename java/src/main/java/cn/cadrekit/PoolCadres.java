package cn.cadrekit;

import java.util.Objects;

/**
 * Cadres as columns, for {@link Talent#poolsColumns}: per cadre the date of birth (day number),
 * sex (1 male, 2 female), ethnicity (GB 3304 code 1..56), political status (GB/T 4762 code
 * 1..13), rank (0 科员 … 6 正厅), civil servant and selected graduate (0/1), and supervised (0/1:
 * a red line or an open case, which keeps a cadre out of every pool); then the annual ratings
 * as rows of their own: the cadre's index, the year and the rating (1 excellent, 2 competent,
 * 3 basically competent, 4 incompetent). The arrays are borrowed until the call.
 */
public final class PoolCadres {
  final int[] birthDate;
  final byte[] sex;
  final byte[] ethnicity;
  final byte[] politicalStatus;
  final byte[] rank;
  final byte[] civilServant;
  final byte[] selectedGraduate;
  final byte[] supervised;
  final int[] ratingCadre;
  final int[] ratingYear;
  final byte[] rating;

  public PoolCadres(int[] birthDate, byte[] sex, byte[] ethnicity, byte[] politicalStatus,
                    byte[] rank, byte[] civilServant, byte[] selectedGraduate, byte[] supervised,
                    int[] ratingCadre, int[] ratingYear, byte[] rating) {
    this.birthDate = Objects.requireNonNull(birthDate, "birth_date");
    int n = birthDate.length;
    Columns.sameLength(n, "sex", sex.length);
    Columns.sameLength(n, "ethnicity", ethnicity.length);
    Columns.sameLength(n, "political_status", politicalStatus.length);
    Columns.sameLength(n, "rank", rank.length);
    Columns.sameLength(n, "civil_servant", civilServant.length);
    Columns.sameLength(n, "selected_graduate", selectedGraduate.length);
    Columns.sameLength(n, "supervised", supervised.length);
    Columns.sameLength(ratingCadre.length, "rating_year", ratingYear.length);
    Columns.sameLength(ratingCadre.length, "rating", rating.length);
    this.sex = sex;
    this.ethnicity = ethnicity;
    this.politicalStatus = politicalStatus;
    this.rank = rank;
    this.civilServant = civilServant;
    this.selectedGraduate = selectedGraduate;
    this.supervised = supervised;
    this.ratingCadre = ratingCadre;
    this.ratingYear = ratingYear;
    this.rating = rating;
  }

  public int cadres() {
    return birthDate.length;
  }

  public int ratings() {
    return ratingCadre.length;
  }
}

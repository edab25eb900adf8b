package cn.cadrekit;

import java.util.Objects;

/**
 * Assessment records (and optionally qualitative and audit findings) as columns, for
 * {@link Assessment#screenColumns}: struct-of-arrays rows sorted by cadre key, periods of each
 * kind increasing within a cadre (docs/assessment.md). Codes are those of the header:
 * {@link Kind}, {@link Rating}, and for findings {@link FindingSource}, {@link FindingClass},
 * {@link Severity}. The arrays are borrowed until the call.
 */
public final class ScreenInput {
  /** The kind of an assessment record. */
  public enum Kind {
    ANNUAL, KEY_WORK, PARTY_CONDUCT, REVIEW;

    /** The column's code: 0 annual … 3 review. */
    public byte code() {
      return (byte) ordinal();
    }
  }

  /** A record's rating. */
  public enum Rating {
    NONE, EXCELLENT, COMPETENT, BASICALLY_COMPETENT, INCOMPETENT, UP_TO_STANDARD,
    NOT_UP_TO_STANDARD, SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

    /** The column's code: 0 none … 9 unsatisfied. */
    public byte code() {
      return (byte) ordinal();
    }
  }

  /** Where a finding comes from. */
  public enum FindingSource {
    QUALITATIVE, AUDIT;

    public byte code() {
      return (byte) ordinal();
    }
  }

  /** How a finding is classified (the 三个区分开来 distinctions). */
  public enum FindingClass {
    OTHER, MUDDLED_VIEW, WAVERING_BELIEF, SELF_SERVING_ERROR, EXPLORATORY_MISTAKE,
    LACK_OF_ABILITY, NOT_ACTING;

    public byte code() {
      return (byte) ordinal();
    }
  }

  /** A finding's severity. */
  public enum Severity {
    MINOR, MODERATE, SERIOUS, GRAVE;

    public byte code() {
      return (byte) ordinal();
    }
  }

  /** "2015" as a period column value (year × 100). */
  public static int period(int year) {
    return year * 100;
  }

  /** "2015-2" as a period column value (year × 100 + n). */
  public static int period(int year, int n) {
    return year * 100 + n;
  }

  final long[] cadre;
  final byte[] kind;
  final int[] periodColumn;
  final int[] rank;
  final int[] groupSize;
  final byte[] rating;
  long[] fCadre;
  int[] fStandard;
  byte[] fSource;
  byte[] fClass;
  byte[] fSeverity;
  int[] fDate;

  /**
   * Records: the caller's cadre key, {@link Kind} code, period ({@link #period}), rank in the
   * comparison group (0 = not ranked), the group's size and the {@link Rating} code.
   */
  public ScreenInput(long[] cadre, byte[] kind, int[] period, int[] rank, int[] groupSize,
                     byte[] rating) {
    this.cadre = Objects.requireNonNull(cadre, "cadre");
    int n = cadre.length;
    Columns.sameLength(n, "kind", kind.length);
    Columns.sameLength(n, "period", period.length);
    Columns.sameLength(n, "rank", rank.length);
    Columns.sameLength(n, "group_size", groupSize.length);
    Columns.sameLength(n, "rating", rating.length);
    this.kind = kind;
    this.periodColumn = period;
    this.rank = rank;
    this.groupSize = groupSize;
    this.rating = rating;
  }

  /**
   * Adds finding rows, sorted by cadre key with the same keys as the records: the standard's
   * index in {@link Assessment#standards}' list (-1: none, audit findings only), the
   * {@link FindingSource}, {@link FindingClass} and {@link Severity} codes, and the date (day
   * number). A finding concerning a unit only is given once per cadre.
   */
  public ScreenInput withFindings(long[] cadre, int[] standard, byte[] source, byte[] cls,
                                  byte[] severity, int[] date) {
    int m = cadre.length;
    Columns.sameLength(m, "findings.standard", standard.length);
    Columns.sameLength(m, "findings.source", source.length);
    Columns.sameLength(m, "findings.class", cls.length);
    Columns.sameLength(m, "findings.severity", severity.length);
    Columns.sameLength(m, "findings.date", date.length);
    this.fCadre = cadre;
    this.fStandard = standard;
    this.fSource = source;
    this.fClass = cls;
    this.fSeverity = severity;
    this.fDate = date;
    return this;
  }

  public int records() {
    return cadre.length;
  }

  /** The number of finding rows (0 without findings). */
  public int findings() {
    return fCadre == null ? 0 : fCadre.length;
  }
}

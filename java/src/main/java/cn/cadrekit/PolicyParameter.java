package cn.cadrekit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One parameter's value in force on a date, as an explanation lists it. */
public final class PolicyParameter {
  private final String name;
  private final String value;
  private final String unit;
  private final LocalDate effectiveFrom;
  private final boolean assumed;
  private final String clause;

  private PolicyParameter(String name, String value, String unit, LocalDate effectiveFrom,
                          boolean assumed, String clause) {
    this.name = name;
    this.value = value;
    this.unit = unit;
    this.effectiveFrom = effectiveFrom;
    this.assumed = assumed;
    this.clause = clause;
  }

  static PolicyParameter of(JsonObject o) {
    return new PolicyParameter(o.getString("name"), o.getString("value"), o.getString("unit"),
        o.getDate("effective_from"), o.getBoolean("assumed"), o.getString("clause"));
  }

  /** "village.performance_pay.basic". */
  public String name() {
    return name;
  }

  /** The exact text of the value ("2000", "0.35", "1/3"). */
  public String value() {
    return value;
  }

  /**
   * The value as an exact decimal, for parameters written as decimals ("0.35", "7000"); a
   * ratio such as "1/3" has none and is a NumberFormatException.
   */
  public BigDecimal decimalValue() {
    return new BigDecimal(value);
  }

  /** "yuan/year", "share", "days", … */
  public String unit() {
    return unit;
  }

  /** The date this value took effect. */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** True where the source gives no number and the profile assumes one. */
  public boolean assumed() {
    return assumed;
  }

  /** The clause of the rule catalog ("JARUD.1"). */
  public String clause() {
    return clause;
  }

  @Override
  public String toString() {
    return name + " = " + value + " " + unit + " from " + effectiveFrom
        + (assumed ? " (assumed) " : " ") + clause;
  }
}

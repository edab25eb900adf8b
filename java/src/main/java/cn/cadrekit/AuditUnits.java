package cn.cadrekit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Units for {@link Audit#tierColumns}, as columns: budgets in fen and the nine factors, each a
 * {@code byte[]} of 0..the policy's {@code audit.factor.<name>.max} (booleans 0/1), or absent
 * (all zeros). The arrays are borrowed, not copied, until the call.
 *
 * <pre>{@code
 * AuditUnits units = AuditUnits.of(budgetFen)
 *     .with(AuditUnits.Factor.COMPLAINTS, complaints)
 *     .with(AuditUnits.Factor.WINDOW_UNIT, windowUnit);
 * }</pre>
 */
public final class AuditUnits {
  /** The supplementary factors of HOLINGOL.1, by their names in the library. */
  public enum Factor {
    ADMIN_FEES("admin_fees"),
    SPECIAL_FUNDS("special_funds"),
    ECONOMIC_POWER("economic_power"),
    ALLOCATION_POWER("allocation_power"),
    ATTENTION("attention"),
    COMPLAINTS("complaints"),
    HIGH_RISK_SECTOR("high_risk_sector"),
    SPECIAL_NEED("special_need"),
    WINDOW_UNIT("window_unit");

    private final String column;

    Factor(String column) {
      this.column = column;
    }

    /** The factor's name in the library ("economic_power"), as errors name its column. */
    public String column() {
      return column;
    }
  }

  private final long[] budgetFen;
  private final Map<Factor, byte[]> factors = new EnumMap<>(Factor.class);

  private AuditUnits(long[] budgetFen) {
    this.budgetFen = budgetFen;
  }

  /** Units with these budgets (fen, {@link Money#toFen}); every factor 0 until given. */
  public static AuditUnits of(long[] budgetFen) {
    return new AuditUnits(Objects.requireNonNull(budgetFen, "budgetFen"));
  }

  /** Sets a factor's column (one value per unit); null clears it back to zeros. */
  public AuditUnits with(Factor factor, byte[] values) {
    Objects.requireNonNull(factor, "factor");
    if (values == null) {
      factors.remove(factor);
    } else {
      Columns.sameLength(budgetFen.length, factor.column(), values.length);
      factors.put(factor, values);
    }
    return this;
  }

  /** The number of units. */
  public int size() {
    return budgetFen.length;
  }

  long[] budgetFen() {
    return budgetFen;
  }

  /** A factor's column, or null when not given. */
  byte[] factor(Factor f) {
    return factors.get(f);
  }
}

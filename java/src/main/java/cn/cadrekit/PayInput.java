package cn.cadrekit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The pay sheet's input as columns, for {@link Village#payColumns} (docs/village.md): per
 * village a township index (the grading group), population, five scores × 10,000 (Q1–Q4,
 * annual) and which of them were given; per principal the village row, post and dates served.
 * The arrays are borrowed until the call.
 */
public final class PayInput {
  /** A principal's post. */
  public static final byte SECRETARY = 0;
  /** A principal's post. */
  public static final byte DIRECTOR = 1;
  /** Both posts (一肩挑), paid once. */
  public static final byte BOTH = 2;
  /** {@code servedTo} of a principal still serving. */
  public static final int STILL_SERVING = Integer.MAX_VALUE;

  final int[] villageTownship;
  final long[] population;
  final long[] scores;
  final byte[] scorePresent;
  final int[] principalVillage;
  final byte[] post;
  final int[] servedFrom;
  final int[] servedTo;

  /**
   * @param villageTownship [villages] township index 0..villages-1: the grading group
   * @param population [villages] people
   * @param scores [5 × villages] scores × 10,000, village by village: Q1, Q2, Q3, Q4, annual
   *     ({@link #score})
   * @param scorePresent [villages] bit i set: score i was given
   * @param principalVillage [principals] the village's row
   * @param post [principals] {@link #SECRETARY}, {@link #DIRECTOR} or {@link #BOTH}
   * @param servedFrom [principals] day numbers ({@link Dates#toDay})
   * @param servedTo [principals] day numbers, {@link #STILL_SERVING} while serving
   */
  public PayInput(int[] villageTownship, long[] population, long[] scores, byte[] scorePresent,
                  int[] principalVillage, byte[] post, int[] servedFrom, int[] servedTo) {
    this.villageTownship = Objects.requireNonNull(villageTownship, "villageTownship");
    int v = villageTownship.length;
    Columns.sameLength(v, "population", population.length);
    Columns.sameLength(5 * v, "scores", scores.length);
    Columns.sameLength(v, "score_present", scorePresent.length);
    this.population = population;
    this.scores = scores;
    this.scorePresent = scorePresent;
    this.principalVillage = Objects.requireNonNull(principalVillage, "principalVillage");
    int p = principalVillage.length;
    Columns.sameLength(p, "post", post.length);
    Columns.sameLength(p, "served_from", servedFrom.length);
    Columns.sameLength(p, "served_to", servedTo.length);
    this.post = post;
    this.servedFrom = servedFrom;
    this.servedTo = servedTo;
  }

  public int villages() {
    return villageTownship.length;
  }

  public int principals() {
    return principalVillage.length;
  }

  /**
   * A score as the column holds it: × 10,000, exactly ("87.25" → 872500). More than four
   * decimals is an InvalidInputException, never a rounding.
   */
  public static long score(BigDecimal score) {
    BigDecimal x = score.movePointRight(4);
    if (x.signum() != 0 && x.stripTrailingZeros().scale() > 0) {
      throw CadreKitException.local(CadreKitException.INVALID_INPUT,
          "score has more than four decimals (field score)");
    }
    try {
      return x.longValueExact();
    } catch (ArithmeticException e) {
      throw CadreKitException.local(CadreKitException.INVALID_INPUT,
          "score out of range (field score)");
    }
  }
}

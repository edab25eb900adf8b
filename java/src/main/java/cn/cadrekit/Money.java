package cn.cadrekit;


import java.math.BigDecimal;

/**
 * Money in yuan as {@link BigDecimal} with exactly two decimals, i.e. exact fen (the library
 * counts int64 fen; docs/numbers.md). Never a double. Parsing reads amounts as people write
 * them ("7,000.50", "¥7000", "500万", "1亿").
 */
public final class Money {
  private Money() {}

  /** The amount of "7,000.50", "500万", "1亿"… in yuan, scale 2 (exact fen). */
  public static BigDecimal parse(String text) {
    return ofFen(parseFen(text));
  }

  /** The amount of a text in fen. More than two decimals of a yuan is an InvalidInputException. */
  public static long parseFen(String text) {
    long[] out = new long[1];
    Lib.check(Lib.ck_money_parse(out, Lib.utf8(text, "text")));
    return out[0];
  }

  /** "¥7,000.00" for 7000 yuan; "-¥0.50" for a negative amount. */
  public static String format(BigDecimal yuan) {
    return formatFen(toFen(yuan));
  }

  /** "¥7,000.00" for 700000 fen. */
  public static String formatFen(long fen) {
    long[] out = new long[1];
    Lib.check(Lib.ck_money_format(out, fen));
    return Lib.take(out);
  }

  /** The yuan amount of a count of fen, scale 2. */
  public static BigDecimal ofFen(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  /**
   * The fen of a yuan amount, exactly: a third decimal (a fraction of a fen) is an
   * InvalidInputException and an amount beyond int64 fen an OverflowException — never rounded.
   */
  public static long toFen(BigDecimal yuan) {
    if (yuan == null) throw new NullPointerException("yuan is null");
    BigDecimal fen = yuan.movePointRight(2);
    if (fen.signum() != 0 && fen.stripTrailingZeros().scale() > 0) {
      throw CadreKitException.local(CadreKitException.INVALID_INPUT,
          "amount has more than two decimals of a yuan (field yuan)");
    }
    try {
      return fen.longValueExact();
    } catch (ArithmeticException e) {
      throw CadreKitException.local(CadreKitException.OVERFLOW,
          "amount beyond the range of int64 fen (field yuan)");
    }
  }
}

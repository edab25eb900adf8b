package cn.cadrekit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Typed reads of parsed JSON values, shared by JsonObject and JsonArray. */
final class JsonValues {
  private JsonValues() {}

  static ClassCastException wrong(String where, String want, Object v) {
    return new ClassCastException("JSON " + where + ": expected " + want + ", found "
        + (v == null ? "null" : v.getClass().getSimpleName()));
  }

  static String string(String where, Object v) {
    if (v instanceof String) return (String) v;
    throw wrong(where, "a string", v);
  }

  static long longValue(String where, Object v) {
    if (v instanceof Long) return (Long) v;
    if (v instanceof BigDecimal) {
      try {
        return ((BigDecimal) v).longValueExact();
      } catch (ArithmeticException e) {
        throw wrong(where, "a whole number within long", v);
      }
    }
    throw wrong(where, "a number", v);
  }

  static int intValue(String where, Object v) {
    long l = longValue(where, v);
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) throw wrong(where, "an int", v);
    return (int) l;
  }

  /** A number, or the decimal text the library writes money and shares in ("7000.00"). */
  static BigDecimal decimal(String where, Object v) {
    if (v instanceof Long) return BigDecimal.valueOf((Long) v);
    if (v instanceof BigDecimal) return (BigDecimal) v;
    if (v instanceof String) {
      try {
        return new BigDecimal((String) v);
      } catch (NumberFormatException e) {
        throw wrong(where, "a decimal number or its text", v);
      }
    }
    throw wrong(where, "a number", v);
  }

  static boolean bool(String where, Object v) {
    if (v instanceof Boolean) return (Boolean) v;
    throw wrong(where, "true or false", v);
  }

  static LocalDate date(String where, Object v) {
    return LocalDate.parse(string(where, v));
  }

  static JsonObject object(String where, Object v) {
    if (v instanceof JsonObject) return (JsonObject) v;
    throw wrong(where, "an object", v);
  }

  static JsonArray array(String where, Object v) {
    if (v instanceof JsonArray) return (JsonArray) v;
    throw wrong(where, "an array", v);
  }
}

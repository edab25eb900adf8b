package cn.cadrekit;

/** Checks shared by the column calls, made before any native call. */
final class Columns {
  private Columns() {}

  /** A column of {@code length} rows where {@code expected} are needed: InvalidInputException. */
  static void sameLength(int expected, String field, int length) {
    if (length != expected) {
      throw CadreKitException.local(CadreKitException.INVALID_INPUT,
          "column has " + length + " rows, expected " + expected + " (field " + field + ")");
    }
  }

  /** An optional column: absent (null) or {@code expected} rows. */
  static void optionalLength(int expected, String field, Object column, int length) {
    if (column != null) sameLength(expected, field, length);
  }
}

package cn.cadrekit;

/** Sex by GB/T 2261.1: 1 male, 2 female (a record always has one). */
public enum Sex {
  MALE(1),
  FEMALE(2);

  private final int code;

  Sex(int code) {
    this.code = code;
  }

  /** The GB/T 2261.1 code: 1 or 2. */
  public int code() {
    return code;
  }

  /** The sex of a GB/T 2261.1 code; other codes are an IllegalArgumentException. */
  public static Sex ofCode(int code) {
    switch (code) {
      case 1: return MALE;
      case 2: return FEMALE;
      default: throw new IllegalArgumentException("sex code must be 1 or 2");
    }
  }
}

package cn.cadrekit;

import java.time.LocalDate;

/**
 * What a valid citizen ID number (GB 11643-1999) says: region, date of birth, sex. The number
 * itself is not kept, and no error message ever repeats it or a run of its digits
 * (docs/person.md).
 */
public final class CitizenId {
  private final String regionCode;
  private final LocalDate birthDate;
  private final Sex sex;

  private CitizenId(String regionCode, LocalDate birthDate, Sex sex) {
    this.regionCode = regionCode;
    this.birthDate = birthDate;
    this.sex = sex;
  }

  /** Whether {@code id} is a valid number (false for null). Never throws. */
  public static boolean isValid(String id) {
    if (id == null || id.indexOf('\0') >= 0) return false;
    byte[] text;
    try {
      text = Lib.utf8(id, "citizen_id");
    } catch (InvalidInputException notUnicode) {
      return false;
    }
    return Lib.ck_citizen_id_is_valid(text) == 1;
  }

  /**
   * Parses a number; an invalid one is an InvalidInputException (field citizen_id) that says
   * which part is wrong.
   */
  public static CitizenId parse(String id) {
    int[] birth = new int[1];
    int[] sex = new int[1];
    Lib.check(Lib.ck_citizen_id_parse(birth, sex, Lib.utf8(id, "citizen_id")));
    return new CitizenId(id.substring(0, 6), LocalDate.ofEpochDay(birth[0]), Sex.ofCode(sex[0]));
  }

  /** The 6-digit region code (GB/T 2260) the number begins with. */
  public String regionCode() {
    return regionCode;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public Sex sex() {
    return sex;
  }

  /** Region, date of birth and sex; never the number. */
  @Override
  public String toString() {
    return "CitizenId[region " + regionCode + ", born " + birthDate + ", " + sex + "]";
  }
}

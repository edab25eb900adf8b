package cn.cadrekit;

/** 三龄 and the group flags of one person as of a date (docs/person.md). */
public final class PersonSummary {
  private final String id;
  private final ThreeAges threeAges;
  private final boolean woman;
  private final boolean ethnicMinority;
  private final boolean nonParty;

  private PersonSummary(String id, ThreeAges threeAges, boolean woman, boolean ethnicMinority,
                        boolean nonParty) {
    this.id = id;
    this.threeAges = threeAges;
    this.woman = woman;
    this.ethnicMinority = ethnicMinority;
    this.nonParty = nonParty;
  }

  /** The summary of the library's JSON. */
  public static PersonSummary of(JsonObject o) {
    JsonObject t = o.getObject("three_ages");
    return new PersonSummary(o.getString("id"),
        new ThreeAges(t.getInt("age"), t.has("party_years") ? t.getInt("party_years") : -1,
            t.has("work_years") ? t.getInt("work_years") : -1),
        o.getBoolean("is_woman"), o.getBoolean("is_ethnic_minority"),
        o.getBoolean("is_non_party"));
  }

  public String id() {
    return id;
  }

  public ThreeAges threeAges() {
    return threeAges;
  }

  public boolean isWoman() {
    return woman;
  }

  /** Any ethnic group but 01 汉族. */
  public boolean isEthnicMinority() {
    return ethnicMinority;
  }

  /** Any political status but 01 and 02 (party members). */
  public boolean isNonParty() {
    return nonParty;
  }

  @Override
  public String toString() {
    return "PersonSummary[" + id + ", " + threeAges + (woman ? ", woman" : "")
        + (ethnicMinority ? ", minority" : "") + (nonParty ? ", non-party" : "") + "]";
  }
}

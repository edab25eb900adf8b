package cn.cadrekit;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cadre record every module shares (docs/person.md), built in Java and sent to the library
 * in its JSON form. Codes may be given as codes ("02") or names ("蒙古族"); the library checks
 * the record on every call and names the first bad field with the record's id.
 *
 * <pre>{@code
 * Person p = Person.builder("C001").sex(Sex.FEMALE).birthDate(LocalDate.of(1972, 2, 29))
 *     .ethnicity("02").politicalStatus("01").partyJoined(LocalDate.of(1995, 7, 1)).build();
 * PersonSummary s = p.summary(LocalDate.of(2021, 2, 28)); // age 48, party 25, woman, minority
 * }</pre>
 */
public final class Person {
  private final Map<String, Object> fields;

  private Person(Map<String, Object> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** A record with the caller's key {@code id} (a key, not the citizen ID number). */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The record's key. */
  public String id() {
    return (String) fields.get("id");
  }

  /** The record in its JSON form (docs/person.md), members in the documented order. */
  public String toJson() {
    return Json.write(fields);
  }

  /** 三龄 and the group flags as of a date, checked by the library. */
  public PersonSummary summary(LocalDate asOf) {
    return PersonSummary.of(Json.parseObject(summaryJson(toJson(), asOf)));
  }

  /**
   * The summary of a person record given as JSON text: {"id", "three_ages": {"age",
   * "party_years", "work_years"}, "is_woman", "is_ethnic_minority", "is_non_party"}.
   */
  public static String summaryJson(String personJson, LocalDate asOf) {
    byte[] json = Lib.utf8(personJson, "person_json");
    int d = Dates.toDay(asOf, "as_of");
    long[] out = new long[1];
    Lib.check(Lib.ck_person_summary_json(out, json, d));
    return Lib.take(out);
  }

  @Override
  public String toString() {
    return "Person[" + id() + "]";
  }

  /** One post of the history: [from, until), until null while current. */
  public static Map<String, Object> post(String unit, String title, String rank, LocalDate from,
                                         LocalDate until) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("unit", unit);
    m.put("title", title);
    m.put("rank", rank);
    m.put("from", Objects.requireNonNull(from, "from"));
    m.put("until", until);
    return m;
  }

  /** Builds a {@link Person}; only id, sex, birth date, ethnicity and political status are required. */
  public static final class Builder {
    private final String id;
    private Sex sex;
    private LocalDate birthDate;
    private String ethnicity;
    private String politicalStatus;
    private String name;
    private LocalDate partyJoined;
    private LocalDate workStarted;
    private String education;
    private String rank;
    private String unit;
    private final List<Map<String, Object>> posts = new ArrayList<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder sex(Sex v) {
      sex = v;
      return this;
    }

    public Builder birthDate(LocalDate v) {
      birthDate = v;
      return this;
    }

    /** GB 3304 code ("02") or name ("蒙古族"). */
    public Builder ethnicity(String v) {
      ethnicity = v;
      return this;
    }

    /** GB/T 4762 code ("01") or name ("中共党员"). */
    public Builder politicalStatus(String v) {
      politicalStatus = v;
      return this;
    }

    public Builder partyJoined(LocalDate v) {
      partyJoined = v;
      return this;
    }

    public Builder workStarted(LocalDate v) {
      workStarted = v;
      return this;
    }

    public Builder education(String v) {
      education = v;
      return this;
    }

    /** "zheng_ke", "正科级", "乡科级正职"… */
    public Builder rank(String v) {
      rank = v;
      return this;
    }

    public Builder unit(String v) {
      unit = v;
      return this;
    }

    /** Adds a post ({@link Person#post}). */
    public Builder post(Map<String, Object> post) {
      posts.add(Objects.requireNonNull(post, "post"));
      return this;
    }

    public Person build() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      if (name != null) m.put("name", name);
      if (sex != null) m.put("sex", String.valueOf(sex.code()));
      if (birthDate != null) m.put("birth_date", birthDate);
      if (ethnicity != null) m.put("ethnicity", ethnicity);
      if (politicalStatus != null) m.put("political_status", politicalStatus);
      if (partyJoined != null) m.put("party_joined", partyJoined);
      if (workStarted != null) m.put("work_started", workStarted);
      if (education != null) m.put("education", education);
      if (rank != null) m.put("rank", rank);
      if (unit != null) m.put("unit", unit);
      if (!posts.isEmpty()) m.put("posts", new ArrayList<>(posts));
      return new Person(m);
    }
  }
}

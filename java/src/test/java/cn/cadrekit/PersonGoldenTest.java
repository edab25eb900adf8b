package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Citizen IDs, 三龄 and the person record through Java: tests/golden/citizen_ids.csv (the table
 * of the C++, C and Python tests), then the cases of test_person.c.
 */
class PersonGoldenTest {
  static Stream<Arguments> ids() {
    List<String> lines = TestData.lines(TestData.golden("citizen_ids.csv"));
    List<Arguments> out = new ArrayList<>();
    boolean header = false;
    for (String line : lines) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (!header) {
        assertEquals("id,valid,birth_date,sex,region_code,message_contains,note", line);
        header = true;
        continue;
      }
      String[] f = line.split(",", -1);
      assertEquals(7, f.length, line);
      out.add(Arguments.of(f[0], f[1].equals("1"), f[2], f[3], f[4], f[5], f[6]));
    }
    return out.stream();
  }

  /** No run of six characters of the number appears in the message. */
  static void assertNoRunOf(String id, String message) {
    for (int i = 0; i + 6 <= id.length(); ++i) {
      assertFalse(message.contains(id.substring(i, i + 6)), "message holds a run of the number");
    }
  }

  @ParameterizedTest(name = "{6}")
  @MethodSource("ids")
  void golden(String id, boolean valid, String birth, String sex, String region, String contains,
              String note) {
    assertEquals(valid, CitizenId.isValid(id), note);
    if (valid) {
      CitizenId c = CitizenId.parse(id);
      assertEquals(LocalDate.parse(birth), c.birthDate(), note);
      assertEquals(Integer.parseInt(sex), c.sex().code(), note);
      assertEquals(region, c.regionCode(), note);
      assertFalse(c.toString().contains(id), "toString never shows the number");
    } else {
      CadreKitException e = Golden.assertFails("invalid_input", () -> CitizenId.parse(id), note);
      Golden.assertContains(e.getMessage(), contains, note);
      if (!id.isEmpty()) Golden.assertNotEchoed(e, id, note);
      assertNoRunOf(id, e.getMessage());
    }
  }

  @Test
  void tableSize() {
    List<Arguments> rows = new ArrayList<>();
    ids().forEach(rows::add);
    assertTrue(rows.size() >= 30);
    assertTrue(rows.stream().filter(a -> (Boolean) a.get()[1]).count() >= 10);
  }

  @Test
  void citizenIdEdges() {
    assertFalse(CitizenId.isValid(null));
    assertFalse(CitizenId.isValid(""));
    assertTrue(CitizenId.isValid("11010519491231002X"));
    assertFalse(CitizenId.isValid("11010519491231002x"));
    assertFalse(CitizenId.isValid("11010519491231002X0"));
    assertFalse(CitizenId.isValid("11010519491231002X\0"));
    CitizenId c = CitizenId.parse("152301196802290519");
    assertEquals(LocalDate.of(1968, 2, 29), c.birthDate());
    assertEquals(Sex.MALE, c.sex());
    CadreKitException e = Golden.assertFails("invalid_input",
        () -> CitizenId.parse("312718201902290011"), "planted marker");
    assertFalse(e.getMessage().contains("312718"));
    Golden.assertContains(e.getMessage(), "date of birth", "which part");
    assertThrows(NullPointerException.class, () -> CitizenId.parse(null));
  }

  static LocalDate d(int y, int m, int day) {
    return LocalDate.of(y, m, day);
  }

  @Test
  void threeAges() {
    LocalDate b = d(2000, 2, 29);
    ThreeAges t = ThreeAges.of(b, null, null, d(2001, 2, 28));
    assertEquals(0, t.age());
    assertEquals(OptionalInt.empty(), t.partyYears());
    assertEquals(OptionalInt.empty(), t.workYears());
    assertEquals(1, ThreeAges.of(b, null, null, d(2001, 3, 1)).age());
    assertEquals(4, ThreeAges.of(b, null, null, d(2004, 2, 29)).age());
    b = d(1970, 6, 15);
    t = ThreeAges.of(b, d(1995, 7, 1), d(1990, 8, 1), d(2020, 6, 15));
    assertEquals(50, t.age());
    assertEquals(OptionalInt.of(24), t.partyYears());
    assertEquals(OptionalInt.of(29), t.workYears());
    t = ThreeAges.of(b, d(1995, 7, 1), d(1990, 8, 1), d(2020, 6, 14));
    assertEquals(49, t.age());
    t = ThreeAges.of(b, d(1995, 7, 1), null, d(2020, 7, 1));
    assertEquals(new ThreeAges(50, 25, -1), t);

    LocalDate born = b;
    Golden.assertContains(Golden.assertFails("invalid_input",
        () -> ThreeAges.of(born, null, null, d(1970, 6, 14)), "as_of").getMessage(), "as_of", "");
    Golden.assertContains(Golden.assertFails("invalid_input",
        () -> ThreeAges.of(born, d(2021, 1, 1), null, d(2020, 1, 1)), "party").getMessage(),
        "party_joined", "");
    Golden.assertContains(Golden.assertFails("invalid_input",
        () -> ThreeAges.of(born, null, d(1969, 1, 1), d(2020, 1, 1)), "work").getMessage(),
        "work_started", "");
  }

  @Test
  void threeAgesColumnsMatchOneByOne() {
    int[] birth = Dates.toDays(new LocalDate[] {d(2000, 2, 29), d(1970, 6, 15), d(1970, 6, 15)}, "birth");
    int[] party = {Dates.NO_DATE, Dates.toDay(d(1995, 7, 1), "p"), Dates.toDay(d(1995, 7, 1), "p")};
    int[] work = {Dates.NO_DATE, Dates.toDay(d(1990, 8, 1), "w"), Dates.NO_DATE};
    ThreeAges.Columns c = ThreeAges.columns(birth, party, work, d(2020, 6, 15));
    assertEquals(3, c.size());
    for (int i = 0; i < 3; ++i) {
      ThreeAges one = ThreeAges.of(Dates.fromDay(birth[i]), Dates.fromDay(party[i]),
          Dates.fromDay(work[i]), d(2020, 6, 15));
      assertEquals(one, new ThreeAges(c.age()[i], c.partyYears()[i], c.workYears()[i]), "row " + i);
    }
    ThreeAges.Columns noParty = ThreeAges.columns(birth, null, null, d(2020, 6, 15));
    assertEquals(-1, noParty.partyYears()[1]);
    birth[2] = Dates.toDay(d(2021, 1, 1), "b");
    CadreKitException e = Golden.assertFails("invalid_input",
        () -> ThreeAges.columns(birth, party, work, d(2020, 6, 15)), "row 3 born later");
    Golden.assertContains(e.getMessage(), "row 3", "row");
    assertEquals("as_of", e.field(), "as the one-row call names it: " + e.getMessage());
    assertEquals("row 3", e.record(), "the row, counted from 1");
    Golden.assertFails("invalid_input",
        () -> ThreeAges.columns(birth, new int[2], null, d(2020, 6, 15)), "lengths");
  }

  @Test
  void summaryOfARecord() {
    Person p = Person.builder("C001").name("测试甲").sex(Sex.FEMALE).birthDate(d(1972, 2, 29))
        .ethnicity("蒙古族").politicalStatus("中共党员").partyJoined(d(1995, 7, 1))
        .workStarted(d(1993, 8, 1)).rank("正科级").build();
    PersonSummary s = p.summary(d(2021, 2, 28));
    assertEquals("C001", s.id());
    assertEquals(new ThreeAges(48, 25, 27), s.threeAges());
    assertTrue(s.isWoman());
    assertTrue(s.isEthnicMinority());
    assertFalse(s.isNonParty());
    assertEquals("{\"id\":\"C001\",\"three_ages\":{\"age\":48,\"party_years\":25,"
        + "\"work_years\":27},\"is_woman\":true,\"is_ethnic_minority\":true,"
        + "\"is_non_party\":false}", Person.summaryJson(p.toJson(), d(2021, 2, 28)));
    assertEquals("{\"id\":\"C002\",\"three_ages\":{\"age\":30,\"party_years\":null,"
        + "\"work_years\":null},\"is_woman\":false,\"is_ethnic_minority\":false,"
        + "\"is_non_party\":true}",
        Person.summaryJson("{\"id\":\"C002\",\"sex\":1,\"birth_date\":\"1990-01-01\","
            + "\"ethnicity\":\"01\",\"political_status\":\"13\"}", d(2020, 12, 31)));
    Person noBirth = Person.builder("C003").sex(Sex.MALE).build();
    CadreKitException e = Golden.assertFails("invalid_input", () -> noBirth.summary(d(2020, 1, 1)),
        "no birth date");
    Golden.assertContains(e.getMessage(), "birth_date", "field");
    Golden.assertContains(e.getMessage(), "C003", "record");
    Golden.assertFails("invalid_input", () -> Person.summaryJson("not json", d(2020, 1, 1)), "");
  }

  @Test
  void postsAreWrittenAsTheDocumentedForm() {
    Person p = Person.builder("C001").sex(Sex.FEMALE).birthDate(d(1972, 2, 29)).ethnicity("02")
        .politicalStatus("01").post(Person.post("某旗某镇", "副镇长", "fu_ke", d(2008, 3, 1), d(2013, 3, 1)))
        .post(Person.post("某旗某镇", "镇长", "zheng_ke", d(2013, 3, 1), null)).build();
    assertEquals("{\"id\":\"C001\",\"sex\":\"2\",\"birth_date\":\"1972-02-29\",\"ethnicity\":\"02\","
        + "\"political_status\":\"01\",\"posts\":[{\"unit\":\"某旗某镇\",\"title\":\"副镇长\","
        + "\"rank\":\"fu_ke\",\"from\":\"2008-03-01\",\"until\":\"2013-03-01\"},{\"unit\":\"某旗某镇\","
        + "\"title\":\"镇长\",\"rank\":\"zheng_ke\",\"from\":\"2013-03-01\",\"until\":null}]}",
        p.toJson());
    assertEquals(41, p.summary(d(2013, 6, 1)).threeAges().age());
    // overlapping posts at one unit: the library names the later one
    Person bad = Person.builder("C009").sex(Sex.FEMALE).birthDate(d(1972, 2, 29)).ethnicity("02")
        .politicalStatus("01").post(Person.post("甲", "a", "fu_ke", d(2008, 3, 1), d(2013, 3, 1)))
        .post(Person.post("甲", "b", "fu_ke", d(2012, 3, 1), null)).build();
    Golden.assertContains(Golden.assertFails("invalid_input", () -> bad.summary(d(2014, 1, 1)),
        "overlap").getMessage(), "posts[1]", "");
  }
}

package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * JNA lays out each batch struct from its Java fields (a size_t is a Java long there); the C
 * compiler lays out the same struct from cadrekit.h. A mismatch would make Java write columns
 * into the wrong bytes, or set struct_size (JNA's size of the struct) to a size the library does
 * not expect, so every size, every member's name in order and every member's offset is compared
 * with what the C helper java_struct_layout prints (sizeof and offsetof, compiled against the
 * header).
 */
class StructLayoutTest {
  /** The structs the binding writes or reads, by their C names. */
  static Map<String, BatchStruct> javaStructs() {
    Map<String, BatchStruct> s = new LinkedHashMap<>();
    s.put("ck_calendar_add_working_days_in", new CalendarBatch.AddIn());
    s.put("ck_calendar_add_working_days_out", new CalendarBatch.AddOut());
    s.put("ck_calendar_count_working_days_in", new CalendarBatch.CountIn());
    s.put("ck_calendar_count_working_days_out", new CalendarBatch.CountOut());
    s.put("ck_three_ages_in", new PersonBatch.In());
    s.put("ck_three_ages_out", new PersonBatch.Out());
    s.put("ck_village_pay_sheet_in", new VillageBatch.In());
    s.put("ck_village_pay_sheet_out", new VillageBatch.Out());
    s.put("ck_audit_tier_in", new AuditBatch.In());
    s.put("ck_audit_tier_out", new AuditBatch.Out());
    s.put("ck_assessment_hit", new AssessmentBatch.Hit());
    s.put("ck_assessment_screen_in", new AssessmentBatch.In());
    s.put("ck_assessment_screen_out", new AssessmentBatch.Out());
    s.put("ck_talent_team_structure_in", new TalentBatch.In());
    s.put("ck_talent_team_structure_out", new TalentBatch.Out());
    s.put("ck_talent_pools_in", new TalentBatch.PoolsIn());
    s.put("ck_talent_pools_out", new TalentBatch.PoolsOut());
    return s;
  }

  /** A struct's layout as the C compiler sees it. */
  static final class CStruct {
    long size = -1;
    final Map<String, Long> offsets = new LinkedHashMap<>();
  }

  static Map<String, CStruct> cLayout() throws Exception {
    String helper = System.getProperty("cadrekit.struct.layout");
    assertTrue(helper != null && !helper.isEmpty(), "run with -Dcadrekit.struct.layout=<helper>");
    Process p = new ProcessBuilder(helper).redirectErrorStream(true).start();
    Map<String, CStruct> out = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(" ");
        assertEquals(3, f.length, line);
        long value = Long.parseLong(f[2]);
        if (f[0].equals("S")) {
          out.computeIfAbsent(f[1], k -> new CStruct()).size = value;
        } else {
          assertEquals("M", f[0], line);
          int dot = f[1].indexOf('.');
          out.computeIfAbsent(f[1].substring(0, dot), k -> new CStruct())
              .offsets.put(f[1].substring(dot + 1), value);
        }
      }
    }
    assertEquals(0, p.waitFor());
    return out;
  }

  @Test
  void javasLayoutIsTheCCompilers() throws Exception {
    Map<String, CStruct> c = cLayout();
    Map<String, BatchStruct> java = javaStructs();
    assertEquals(java.keySet(), c.keySet(), "the structs the helper prints are the binding's");
    for (Map.Entry<String, BatchStruct> e : java.entrySet()) {
      String name = e.getKey();
      BatchStruct s = e.getValue();
      CStruct cs = c.get(name);
      assertEquals(cs.size, s.size(), "sizeof(" + name + ")");
      assertEquals(new ArrayList<>(cs.offsets.keySet()), s.fields(), "the members of " + name);
      for (Map.Entry<String, Long> m : cs.offsets.entrySet()) {
        assertEquals(m.getValue().longValue(), s.offsetOf(m.getKey()),
            "offsetof(" + name + ", " + m.getKey() + ")");
      }
      if (!name.equals("ck_assessment_hit")) {
        // NativeBlock.struct writes struct_size at offset 0 as a Java long (size_t, 8 bytes)
        assertEquals("struct_size", s.fields().get(0), name);
        assertEquals(long.class, s.getClass().getField("struct_size").getType(), name);
      }
    }
  }

  /**
   * Every versioned struct of the header (first member {@code size_t struct_size}) is one the
   * binding declares and the helper prints: a batch call added to the C ABI shows up here as well
   * as in ApiCoverageTest.
   */
  @Test
  void everyVersionedStructOfTheHeaderIsLaidOut() {
    String h = TestData.read(TestData.sourceDir().resolve("capi/cadrekit.h"))
        .replaceAll("(?s)/\\*.*?\\*/", " ");
    Matcher m = Pattern.compile("typedef\\s+struct\\s+(ck_\\w+)\\s*\\{\\s*size_t\\s+struct_size\\s*;")
        .matcher(h);
    Set<String> versioned = new TreeSet<>();
    while (m.find()) versioned.add(m.group(1));
    assertTrue(versioned.size() >= 14, "versioned structs read from the header: " + versioned);
    Set<String> declared = new TreeSet<>(javaStructs().keySet());
    declared.remove("ck_assessment_hit");
    assertEquals(versioned, declared);
  }

  @Test
  void aStructIsWrittenZeroedWithItsSize() {
    List<Integer> sizes = new ArrayList<>();
    for (BatchStruct s : javaStructs().values()) sizes.add(s.size());
    try (NativeBlock b = new NativeBlock(256)) {
      b.base.setMemory(0, 256, (byte) 0x5a);
      for (int size : sizes) {
        assertTrue(size <= 248, "room in the test's block");
        b.struct(8, size);
        assertEquals(size, b.base.getLong(8), "struct_size");
        for (int i = 8; i < size; ++i) assertEquals(0, b.base.getByte(8 + i), "byte " + i);
        assertEquals(0x5a, b.base.getByte(8 + size), "nothing written beyond the struct");
        assertEquals(0x5a, b.base.getByte(7), "nothing written before it");
        b.base.setMemory(8, size, (byte) 0x5a);
      }
    }
  }
}

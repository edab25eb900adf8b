package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Structure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JNA lays out each batch struct from its Java fields (a size_t is a Java long there); the C
 * compiler lays out the same struct from cadrekit.h. A mismatch would make Java write columns
 * into the wrong bytes, so every size and every member's offset is compared with what the C
 * helper java_struct_layout prints (sizeof and offsetof, compiled against the header).
 */
class StructLayoutTest {
  static Map<String, Long> cLayout() throws Exception {
    String helper = System.getProperty("cadrekit.struct.layout");
    assertTrue(helper != null && !helper.isEmpty(), "run with -Dcadrekit.struct.layout=<helper>");
    Process p = new ProcessBuilder(helper).redirectErrorStream(true).start();
    Map<String, Long> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(" ");
        assertEquals(3, f.length, line);
        out.put(f[0] + " " + f[1], Long.parseLong(f[2]));
      }
    }
    assertEquals(0, p.waitFor());
    return out;
  }

  interface Offsets {
    int of(String field);
  }

  static int check(Map<String, Long> c, String name, Structure s, Offsets offsets) {
    assertEquals(c.get("S " + name), Long.valueOf(s.size()), "sizeof(" + name + ")");
    int members = 0;
    for (Map.Entry<String, Long> e : c.entrySet()) {
      if (!e.getKey().startsWith("M " + name + ".")) continue;
      String field = e.getKey().substring(("M " + name + ".").length());
      assertEquals(e.getValue(), Long.valueOf(offsets.of(field)), "offsetof(" + name + ", " + field + ")");
      ++members;
    }
    return members;
  }

  @Test
  void javasLayoutIsTheCCompilers() throws Exception {
    Map<String, Long> c = cLayout();
    AuditBatch.Units units = new AuditBatch.Units();
    assertEquals(11, check(c, "ck_audit_units", units, units::offsetOf));
    VillageBatch.In in = new VillageBatch.In();
    assertEquals(10, check(c, "ck_village_pay_in", in, in::offsetOf));
    VillageBatch.Out out = new VillageBatch.Out();
    assertEquals(7, check(c, "ck_village_pay_out", out, out::offsetOf));
    AssessmentBatch.Hit hit = new AssessmentBatch.Hit();
    assertEquals(5, check(c, "ck_assessment_hit", hit, hit::offsetOf));
    assertEquals(4, c.keySet().stream().filter(k -> k.startsWith("S ")).count(),
        "every struct the helper prints is checked here");
  }
}

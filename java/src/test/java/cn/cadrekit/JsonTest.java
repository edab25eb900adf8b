package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The binding's own JSON reader and writer: exact numbers, strict syntax, no floats out. */
class JsonTest {
  @Test
  void readsExactly() {
    JsonObject o = Json.parseObject("{\"a\":1,\"b\":-2.50,\"c\":\"7000.00\",\"d\":[true,false,null],"
        + "\"e\":{\"x\":\"\\u4f18\\ud83d\\ude00\\n\"},\"f\":12345678901234567890,\"g\":1e3,"
        + "\"h\":\"2016-09-22\"}");
    assertEquals(Long.valueOf(1), o.get("a"));
    assertEquals(new BigDecimal("-2.50"), o.get("b"));
    assertEquals(new BigDecimal("7000.00"), o.getDecimal("c"));
    assertEquals(Arrays.asList(true, false, null), o.getArray("d"));
    assertEquals("优\uD83D\uDE00\n", o.getObject("e").getString("x"));
    assertEquals(new BigDecimal("12345678901234567890"), o.get("f"));
    assertEquals(1000L, o.getLong("g"));
    assertEquals(LocalDate.of(2016, 9, 22), o.getDate("h"));
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"), List.copyOf(o.keySet()), "member order kept");
    assertThrows(NoSuchElementException.class, () -> o.getString("zz"));
    assertThrows(ClassCastException.class, () -> o.getString("a"));
    assertNull(o.optString("zz"));
    assertThrows(UnsupportedOperationException.class, () -> o.put("z", 1));
  }

  @Test
  void refusesMalformedText() {
    for (String bad : new String[] {"", "{", "{\"a\":}", "[1,]", "01", "1.", "\"\\x\"", "{\"a\":1}x",
        "{\"a\":1,\"a\":2}", "nul", "\"a\nb\"", "-", "[" .repeat(600) + "]".repeat(600)}) {
      assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
    }
  }

  @Test
  void writesRequests() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("as_of", LocalDate.of(2017, 1, 1));
    m.put("budget", new BigDecimal("2999999.99"));
    m.put("n", 3);
    m.put("ok", true);
    m.put("none", null);
    m.put("list", List.of("a\"b", "\u0001"));
    m.put("ints", new int[] {1, 2});
    assertEquals("{\"as_of\":\"2017-01-01\",\"budget\":2999999.99,\"n\":3,\"ok\":true,\"none\":null,"
        + "\"list\":[\"a\\\"b\",\"\\u0001\"],\"ints\":[1,2]}", Json.write(m));
    assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", 1.5)), "no doubles");
    assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", 1.5f)), "no floats");
    JsonObject back = Json.parseObject(Json.write(m));
    assertEquals(back, Json.parseObject(back.toJson()));
    assertTrue(back.has("n"));
  }
}

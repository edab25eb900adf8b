package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Money and shares through Java: tests/golden/money_cases.csv, the table the C++, C and Python
 * tests read (same inputs, same outputs), then what the Java side adds (BigDecimal yuan).
 */
class MoneyGoldenTest {
  static Stream<Arguments> rows() {
    List<String> lines = TestData.lines(TestData.golden("money_cases.csv"));
    List<Arguments> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); ++i) {
      if (lines.get(i).isEmpty()) continue;
      List<String> f = TestData.splitCsv(lines.get(i));
      assertEquals(6, f.size(), "line " + (i + 1));
      out.add(Arguments.of(i + 1, f.get(0), f.get(1), f.get(2), f.get(3), f.get(4)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "line {0}: {1} {2}")
  @MethodSource("rows")
  void golden(int line, String kind, String input, String n, String expected, String error) {
    String what = "money_cases.csv line " + line;
    switch (kind) {
      case "money_parse":
        if (error.isEmpty()) {
          long fen = Long.parseLong(expected);
          assertEquals(fen, Money.parseFen(input), what);
          BigDecimal yuan = Money.parse(input);
          assertEquals(BigDecimal.valueOf(fen, 2), yuan, what);
          assertEquals(2, yuan.scale(), what + ": two places, exact fen");
        } else {
          CadreKitException e = Golden.assertFails(error, () -> Money.parseFen(input), what);
          String t = input.strip();
          if (Golden.hasDigit(t)) Golden.assertNotEchoed(e, t, what);
        }
        break;
      case "money_format": {
        long fen = Long.parseLong(input);
        assertEquals(expected, Money.formatFen(fen), what);
        assertEquals(expected, Money.format(Money.ofFen(fen)), what);
        assertEquals(fen, Money.parseFen(expected), what + ": format parses back");
        break;
      }
      case "at_least_share":
        if (error.isEmpty()) {
          assertEquals(Long.parseLong(expected), Shares.atLeast(Long.parseLong(n), input), what);
        } else {
          CadreKitException e =
              Golden.assertFails(error, () -> Shares.atLeast(Long.parseLong(n), input), what);
          String t = input.strip();
          if (Golden.hasDigit(t)) Golden.assertNotEchoed(e, t, what);
        }
        break;
      case "share_parse":
        // The C ABI has no share parser of its own (as in the C test); at_least_share covers it.
        break;
      default:
        throw new AssertionError(what + ": unknown kind " + kind);
    }
  }

  @Test
  void tableHoldsTheSourcesFigures() {
    long rows = rows().count();
    long source = TestData.lines(TestData.golden("money_cases.csv")).stream()
        .filter(l -> l.contains("source")).count();
    assertTrue(rows > 50, "rows: " + rows);
    assertTrue(source >= 5, "source rows: " + source);
  }

  @Test
  void yuanToFenIsExactOrRefused() {
    assertEquals(700050L, Money.toFen(new BigDecimal("7000.50")));
    assertEquals(700050L, Money.toFen(new BigDecimal("7000.5000")));
    assertEquals(-1L, Money.toFen(new BigDecimal("-0.01")));
    assertEquals(0L, Money.toFen(new BigDecimal("0E-9")));
    assertEquals(100_000_000_000L, Money.toFen(new BigDecimal("1E+9")));
    CadreKitException e = Golden.assertFails("invalid_input",
        () -> Money.toFen(new BigDecimal("1.005")), "a fraction of a fen");
    Golden.assertNotEchoed(e, "1.005", "fraction");
    Golden.assertFails("overflow", () -> Money.toFen(new BigDecimal("1E+17")), "beyond int64 fen");
    assertThrows(OverflowException.class, () -> Money.format(new BigDecimal("99999999999999999")));
    // overflow is an invalid input too, as in Python
    assertThrows(InvalidInputException.class, () -> Money.parseFen("99999999999999999999"));
    assertEquals("-¥0.50", Money.format(new BigDecimal("-0.5")));
    assertEquals("¥7,000.00", Money.format(BigDecimal.valueOf(7000)));
  }

  @Test
  void textThatCannotCrossIsRefusedNotCut() {
    // C would read "7000" and stop at the NUL: a silent change, refused here.
    CadreKitException e = Golden.assertFails("invalid_input", () -> Money.parseFen("7000\0" + "5"),
        "NUL inside");
    assertEquals("text", e.field());
    Golden.assertFails("invalid_input", () -> Money.parseFen("7000\uD800"), "lone surrogate");
    assertThrows(NullPointerException.class, () -> Money.parseFen(null));
    assertEquals(100000L, Money.parseFen("1,000元"), "a success after failures");
  }

  @Test
  void sharesTakeDecimals() {
    assertEquals(7L, Shares.atLeast(20, new BigDecimal("0.35")));
    assertEquals(7L, Shares.atLeast(20, "7/20"));
  }
}

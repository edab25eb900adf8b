package cn.cadrekit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Where the shared test data lives (tests/golden, data/, tests/cli), and small readers. */
final class TestData {
  private TestData() {}

  static Path sourceDir() {
    String dir = System.getProperty("cadrekit.source.dir");
    if (dir == null || dir.isEmpty()) {
      throw new IllegalStateException("run with -Dcadrekit.source.dir=<the source tree>");
    }
    return Paths.get(dir);
  }

  static Path golden(String name) {
    return sourceDir().resolve("tests/golden").resolve(name);
  }

  static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + p, e);
    }
  }

  /** The lines of a file, without the line ends. */
  static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + p, e);
    }
  }

  /** One CSV record split by RFC 4180 quoting (no newline inside a field). */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); ++i) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  /** A mutable deep copy of parsed JSON (LinkedHashMap / ArrayList), to patch a golden record. */
  @SuppressWarnings("unchecked")
  static <T> T mutable(Object v) {
    if (v instanceof java.util.Map) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      for (java.util.Map.Entry<String, Object> e : ((java.util.Map<String, Object>) v).entrySet()) {
        m.put(e.getKey(), mutable(e.getValue()));
      }
      return (T) m;
    }
    if (v instanceof java.util.List) {
      List<Object> l = new ArrayList<>();
      for (Object o : (List<Object>) v) l.add(mutable(o));
      return (T) l;
    }
    return (T) v;
  }
}

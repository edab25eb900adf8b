package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The .lrmx corpus (tests/data/lrmx, written by scripts/gen-lrmx-corpus) through Java: every form
 * against its row of expected.tsv, the table the C++, C, Python and command-line tests read.
 */
class LrmxCorpusTest {
  static final Path DIR = TestData.sourceDir().resolve("tests/data/lrmx");

  @Test
  void everyFormReadsAsTheTableSays() throws Exception {
    List<String> lines = TestData.lines(DIR.resolve("expected.tsv"));
    String[] header = null;
    int checked = 0;
    for (String line : lines) {
      if (line.startsWith("#") || line.isEmpty()) continue;
      String[] cells = line.split("\t", -1);
      if (header == null) {
        header = cells;
        continue;
      }
      String file = cells[col(header, "file")];
      if (file.startsWith("@")) continue;  // made at run time by the C++ and C tests
      byte[] form = Files.readAllBytes(DIR.resolve(file));
      String outcome = cells[col(header, "outcome")];
      if (outcome.equals("refused")) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> Disclosure.readLrmx(form, "F1"), file);
        assertEquals(cells[col(header, "error_field")], e.field(), file + ": " + e.getMessage());
      } else {
        JsonObject read = Disclosure.readLrmx(form, "F1");
        JsonObject person = read.getObject("record").getObject("person");
        assertEquals(cells[col(header, "encoding")], read.getString("encoding"), file);
        assertEquals(cells[col(header, "name")], person.getString("name"), file);
        assertEquals(cells[col(header, "sex")], person.getString("sex"), file);
        assertEquals(cells[col(header, "birth_date")], person.getString("birth_date"), file);
        String political = person.optString("political_status");
        assertEquals(cells[col(header, "political_status")],
            political == null ? "unknown" : political, file);
        List<String> warnings = new ArrayList<>();
        for (JsonObject w : read.getArray("warnings").objects()) {
          warnings.add(w.getString("code") + "@" + w.getString("path"));
        }
        assertEquals(cells[col(header, "warnings")], String.join(";", warnings), file);
        assertEquals(outcome.equals("warnings"), !warnings.isEmpty(), file);
      }
      ++checked;
    }
    assertTrue(checked >= 80, "forms checked: " + checked);
  }

  static int col(String[] header, String name) {
    for (int i = 0; i < header.length; ++i) {
      if (header[i].equals(name)) return i;
    }
    throw new IllegalStateException("expected.tsv has no column " + name);
  }
}

// cadrekit from Java: the audit level of every unit of a CSV table (HOLINGOL.1), as a vendor's
// application would call it. Run with cadrekit.jar and JNA on the class path and the directory
// of libcadrekit_c.so in -Djna.library.path (docs/java.md):
//
//   java -cp cadrekit.jar:/usr/share/java/jna.jar -Djna.library.path=/opt/cadrekit/lib \
//        TierUnits.java units.csv 2016-12-31 [county.yaml]
//
// The CSV has a header row: unit_id, name, budget (yuan as people write it: "500万",
// "7,000,000"), then the nine factors (empty = 0). Names stay in this program: only ids, budgets
// and factors go to the library.
import cn.cadrekit.Audit;
import cn.cadrekit.CadreKit;
import cn.cadrekit.CadreKitException;
import cn.cadrekit.Explanations;
import cn.cadrekit.JsonObject;
import cn.cadrekit.Policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class TierUnits {
  static final List<String> FACTORS = Arrays.asList("admin_fees", "special_funds",
      "economic_power", "allocation_power", "attention", "complaints", "high_risk_sector",
      "special_need", "window_unit");

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: TierUnits UNITS.csv AS_OF [POLICY.yaml]");
      System.exit(64);
    }
    List<String> lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
    LocalDate asOf = LocalDate.parse(args[1]);
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));

    // The units as the request of the tiering call: ids, budgets in fen, factors.
    List<Map<String, Object>> units = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) continue;
      String[] cell = line.split(",", -1);
      Map<String, Object> unit = new LinkedHashMap<>();
      unit.put("unit_id", cell[header.indexOf("unit_id")]);
      // The library reads amounts as people write them ("500万", "7,000,000"), exactly; a bad
      // one is an InvalidInputException naming "budget" and the row.
      unit.put("budget", cell[header.indexOf("budget")]);
      for (String f : FACTORS) {
        int at = header.indexOf(f);
        if (at >= 0 && !cell[at].isEmpty()) unit.put(f, Long.parseLong(cell[at]));
      }
      units.add(unit);
    }

    // A county's profile when one is given, else the embedded default: either way a handle
    // to close, here by try-with-resources.
    try (Policy policy = args.length > 2 ? Policy.load(Paths.get(args[2])) : Policy.defaultProfile()) {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("as_of", asOf);
      request.put("units", units);
      request.put("explain", false); // explanations on request, for the rows asked about
      int[] perLevel = new int[4];
      System.out.println("unit_id,level,score");
      for (JsonObject r : Audit.tier(policy, request).getArray("results").objects()) {
        System.out.println(r.getString("unit_id") + "," + r.getInt("level") + "," + r.getLong("score"));
        ++perLevel[r.getInt("level")];
      }
      System.out.printf("cadrekit %s, profile %s, as of %s: level 1: %d, level 2: %d, level 3: %d%n",
          CadreKit.version(), policy.name(), asOf, perLevel[1], perLevel[2], perLevel[3]);

      // Why the first unit got its level: its explanation, rendered in Chinese.
      request.put("units", units.subList(0, 1));
      request.put("explain", true);
      JsonObject first = Audit.tier(policy, request).getArray("results").getObject(0);
      System.out.print(Explanations.toText(first.getObject("explanation").toJson(), "zh"));
    } catch (CadreKitException e) {
      // The library's message names the field and the record, never a personal value.
      System.err.println("cadrekit: " + e.code() + ": " + e.getMessage());
      System.exit(2);
    }
  }

  private TierUnits() {}
}

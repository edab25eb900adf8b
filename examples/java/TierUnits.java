// cadrekit from Java: the audit level of every unit of a CSV table (HOLINGOL.1), as a vendor's
// application would call it. Run with cadrekit.jar and JNA on the class path and the directory
// of libcadrekit_c.so in -Djna.library.path (docs/java.md):
//
//   java -cp cadrekit.jar:/usr/share/java/jna.jar -Djna.library.path=/opt/cadrekit/lib \
//        TierUnits.java units.csv 2016-12-31 [county.yaml]
//
// The CSV has a header row: unit_id, name, budget (yuan as people write it: "500万",
// "7,000,000"), then any of the nine factors (empty = 0). Names and ids stay in this program:
// only budgets and factors go to the library, as columns, in one call; the JSON call then
// explains one unit.
import cn.cadrekit.Audit;
import cn.cadrekit.AuditUnits;
import cn.cadrekit.CadreKit;
import cn.cadrekit.CadreKitException;
import cn.cadrekit.Explanations;
import cn.cadrekit.JsonObject;
import cn.cadrekit.Money;
import cn.cadrekit.Policy;
import cn.cadrekit.TierColumns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class TierUnits {
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: TierUnits UNITS.csv AS_OF [POLICY.yaml]");
      System.exit(64);
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8));
    lines.removeIf(String::isEmpty);
    LocalDate asOf = LocalDate.parse(args[1]);
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int n = lines.size() - 1;

    // The table as columns: ids stay here, budgets in fen, one byte column per factor given.
    String[] ids = new String[n];
    String[] budgetText = new String[n];
    long[] budgetFen = new long[n];
    AuditUnits units = AuditUnits.of(budgetFen);
    Map<AuditUnits.Factor, byte[]> factors = new LinkedHashMap<>();
    for (AuditUnits.Factor f : AuditUnits.Factor.values()) {
      if (header.contains(f.column())) factors.put(f, new byte[n]);
    }
    try {
      for (int i = 0; i < n; ++i) {
        String[] cell = lines.get(i + 1).split(",", -1);
        ids[i] = cell[header.indexOf("unit_id")];
        budgetText[i] = cell[header.indexOf("budget")];
        // Amounts as people write them ("500万", "7,000,000"), exactly, in fen.
        try {
          budgetFen[i] = Money.parseFen(budgetText[i]);
        } catch (CadreKitException e) {
          System.err.println("cadrekit: " + args[0] + " line " + (i + 2) + ": budget: " + e.getMessage());
          System.exit(2);
        }
        for (Map.Entry<AuditUnits.Factor, byte[]> f : factors.entrySet()) {
          String v = cell[header.indexOf(f.getKey().column())];
          f.getValue()[i] = v.isEmpty() ? 0 : Byte.parseByte(v);
        }
      }
      factors.forEach(units::with);

      // A county's profile when one is given, else the embedded default: either way a handle
      // to close, here by try-with-resources.
      try (Policy policy = args.length > 2 ? Policy.load(Paths.get(args[2])) : Policy.defaultProfile()) {
        // Every unit in one native call: levels and scores, no explanations.
        TierColumns tiers = Audit.tierColumns(policy, asOf, units);
        int[] perLevel = new int[4];
        System.out.println("unit_id,level,score");
        for (int i = 0; i < n; ++i) {
          System.out.println(ids[i] + "," + tiers.level(i) + "," + tiers.score(i));
          ++perLevel[tiers.level(i)];
        }
        System.out.printf("cadrekit %s, profile %s, as of %s: level 1: %d, level 2: %d, level 3: %d%n",
            CadreKit.version(), policy.name(), asOf, perLevel[1], perLevel[2], perLevel[3]);

        // Why the first unit got its level: the JSON call for that row only, with its
        // explanation, rendered in Chinese.
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("unit_id", ids[0]);
        unit.put("budget", budgetText[0]);
        factors.forEach((f, col) -> unit.put(f.column(), (long) col[0]));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("as_of", asOf);
        request.put("units", List.of(unit));
        request.put("explain", true);
        JsonObject first = Audit.tier(policy, request).getArray("results").getObject(0);
        System.out.print(Explanations.toText(first.getObject("explanation").toJson(), "zh"));
      }
    } catch (CadreKitException e) {
      // The library's message names the field and the record, never a personal value.
      System.err.println("cadrekit: " + e.code() + ": " + e.getMessage());
      System.exit(2);
    }
  }

  private TierUnits() {}
}

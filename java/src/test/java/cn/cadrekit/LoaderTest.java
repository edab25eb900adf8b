package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the library is found, each in a fresh JVM: by file (-Dcadrekit.library), by directory
 * (-Djna.library.path, as docs/java.md tells a vendor), and the message a vendor meets first
 * when it is nowhere: where it looked and the two properties to set.
 */
class LoaderTest {
  static String probe(String... jvmOptions) throws Exception {
    String cp = System.getProperty("cadrekit.test.classpath");
    assertTrue(cp != null && !cp.isEmpty(), "run with -Dcadrekit.test.classpath");
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String o : jvmOptions) cmd.add(o);
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add("cn.cadrekit.LoaderProbe");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertEquals(0, p.waitFor());
    return out.toString(StandardCharsets.UTF_8).trim();
  }

  @Test
  void byFileByDirectoryAndNowhere() throws Exception {
    String file = System.getProperty("cadrekit.library");
    String byFile = probe("-Dcadrekit.library=" + file);
    assertTrue(byFile.startsWith("loaded " + CadreKit.bindingVersion()), byFile);

    String dir = Paths.get(file).getParent().toString();
    String byDir = probe("-Djna.library.path=" + dir);
    assertTrue(byDir.startsWith("loaded " + CadreKit.bindingVersion()), byDir);
    assertTrue(byDir.contains(dir), byDir);

    String nowhere = probe("-Djna.library.path=/nonexistent", "-Dcadrekit.library=/nonexistent/libcadrekit_c.so");
    assertTrue(nowhere.startsWith("java.lang.UnsatisfiedLinkError: cadrekit: cannot load libcadrekit_c"), nowhere);
    assertTrue(nowhere.contains("-Djna.library.path") && nowhere.contains("-Dcadrekit.library"), nowhere);
  }
}

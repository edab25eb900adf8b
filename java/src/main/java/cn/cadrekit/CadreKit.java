package cn.cadrekit;

/**
 * The library as loaded: its version and file. The native library is found by JNA: the file
 * named by {@code -Dcadrekit.library=/path/libcadrekit_c.so}, or {@code libcadrekit_c.so} in
 * {@code -Djna.library.path} or the system's library paths (docs/java.md). It is loaded once,
 * on first use of any class of this package, and its version checked against this jar's.
 */
public final class CadreKit {
  private CadreKit() {}

  /** "MAJOR.MINOR.PATCH" of the library actually loaded. */
  public static String version() {
    return Lib.string(Lib.ck_version_string());
  }

  /** MAJOR * 10000 + MINOR * 100 + PATCH of the library actually loaded. */
  public static int versionNumber() {
    return Lib.ck_version_number();
  }

  /** The version of the C header this jar was built against. */
  public static String bindingVersion() {
    return Version.STRING;
  }

  /** The file the library was loaded from. */
  public static String libraryFile() {
    return Lib.LIBRARY.getFile().getPath();
  }

  /**
   * How many Policy and WorkCalendar handles this process freed through the Cleaner because
   * their owner never closed them. The memory is not lost, but it was held until a garbage
   * collection; a number that keeps growing points at a missing close() (try-with-resources).
   */
  public static long unclosedHandlesFreed() {
    return NativeHandle.UNCLOSED_FREED.get();
  }
}

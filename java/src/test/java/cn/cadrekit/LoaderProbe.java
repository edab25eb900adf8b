package cn.cadrekit;

/**
 * A program for LoaderTest, run in a JVM of its own (the library loads once per JVM): prints
 * the loaded version, or the class and message of what loading threw.
 */
public final class LoaderProbe {
  private LoaderProbe() {}

  public static void main(String[] args) {
    try {
      System.out.println("loaded " + CadreKit.version() + " from " + CadreKit.libraryFile());
    } catch (Throwable e) {
      Throwable t = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
      System.out.println(t.getClass().getName() + ": " + t.getMessage());
    }
  }
}

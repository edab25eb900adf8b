package cn.cadrekit;

/**
 * Explanations travel as their JSON form "cadrekit.explanation/1" (docs/explanation.md); every
 * decision's response carries them when asked ({@code "explain": true}).
 */
public final class Explanations {
  private Explanations() {}

  /**
   * The explanation in canonical form (fixed member order, no white space): equal
   * explanations give identical text. Invalid JSON is an InvalidInputException naming the
   * member path.
   */
  public static String normalize(String explanationJson) {
    return Calls.text(Lib::ck_explanation_normalize, explanationJson, "json");
  }

  /**
   * The explanation as text for people, one line per rule, parameter and input, assumed values
   * marked; {@code lang} "zh" or "en". For reading, not exchange: exchange the JSON.
   */
  public static String toText(String explanationJson, String lang) {
    return Calls.text(Lib::ck_explanation_to_text, explanationJson, "json", lang, "lang");
  }

  /**
   * The {@code index}-th explanation (from 0, in document order; null ones not counted) of any
   * text that holds explanations — the response of a JSON call, one of its rows, the command
   * line's {@code --format json --explain} output — as text for people, without parsing the
   * JSON here. {@code full} false gives the short form (the rules that fired, the parameters
   * and inputs that decided), true every parameter and input. Fewer explanations than
   * {@code index + 1} is an InvalidInputException naming "index".
   */
  public static String text(String json, long index, String lang, boolean full) {
    byte[] x = Lib.utf8(json, "json");
    byte[] l = Lib.utf8(lang, "lang");
    long[] out = new long[1];
    Lib.check(Lib.ck_explanation_text(out, x, index, l, full ? 1 : 0));
    return Lib.take(out);
  }
}

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
}

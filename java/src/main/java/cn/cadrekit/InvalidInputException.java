package cn.cadrekit;

/** Input that breaks the rules: a malformed date, an unknown code, a bad row (invalid_input); also the base of the two below, as Python's InvalidInput is. */
public class InvalidInputException extends CadreKitException {
  private static final long serialVersionUID = 1L;

  InvalidInputException(int status, String code, String message) {
    super(status, code, message);
  }
}

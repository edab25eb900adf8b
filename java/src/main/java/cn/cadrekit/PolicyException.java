package cn.cadrekit;

/** A malformed policy profile, an unknown parameter, or a date before its first value (policy); the message names the file, line and key. */
public class PolicyException extends CadreKitException {
  private static final long serialVersionUID = 1L;

  PolicyException(int status, String code, String message) {
    super(status, code, message);
  }
}

package cn.cadrekit;

/** A workflow transition the case's state does not allow (state); the case given is unchanged. */
public class StateException extends CadreKitException {
  private static final long serialVersionUID = 1L;

  StateException(int status, String code, String message) {
    super(status, code, message);
  }
}

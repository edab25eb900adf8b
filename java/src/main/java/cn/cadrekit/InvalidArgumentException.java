package cn.cadrekit;

/** A caller's bug the library caught (invalid_argument): a closed or foreign handle, an option out of range, arrays of different lengths. */
public class InvalidArgumentException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  InvalidArgumentException(int status, String code, String message) {
    super(status, code, message);
  }
}

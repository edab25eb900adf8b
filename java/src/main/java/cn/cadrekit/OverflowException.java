package cn.cadrekit;

/** An exact quantity beyond its range (overflow): money beyond int64 fen. */
public class OverflowException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  OverflowException(int status, String code, String message) {
    super(status, code, message);
  }
}

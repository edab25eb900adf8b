package cn.cadrekit;

/** A date outside a strict working-day calendar's coverage (calendar_coverage). */
public class CalendarCoverageException extends CadreKitException {
  private static final long serialVersionUID = 1L;

  CalendarCoverageException(int status, String code, String message) {
    super(status, code, message);
  }
}

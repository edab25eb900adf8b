package cn.cadrekit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base of every error cadrekit reports: a failed C call turned into an exception of the class
 * its status code maps to (docs/errors.md, docs/java.md):
 *
 * <pre>
 * CadreKitException                      internal, out_of_memory, a code this jar does not know
 * ├── InvalidInputException              invalid_input
 * │   ├── InvalidArgumentException       invalid_argument (a caller's bug: bad handle, bad option)
 * │   └── OverflowException              overflow (an exact quantity beyond its range)
 * ├── PolicyException                    policy
 * ├── CalendarCoverageException          calendar_coverage
 * └── StateException                     state
 * </pre>
 *
 * The message is the library's own ({@code ck_last_error_message()} of the failed call): one
 * line, {@code what went wrong (field F, record R)}, never a personal value. {@link #field()} and
 * {@link #record()} are read back from that trailing context. Unchecked, like the JDK's own
 * {@link IllegalArgumentException}: a bad row is the caller's input, and most callers let it
 * travel to one handler that shows the message.
 */
public class CadreKitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** C status {@code CK_E_INVALID_ARGUMENT}. */
  public static final int INVALID_ARGUMENT = 1;
  /** C status {@code CK_E_INVALID_INPUT}. */
  public static final int INVALID_INPUT = 2;
  /** C status {@code CK_E_POLICY}. */
  public static final int POLICY = 3;
  /** C status {@code CK_E_CALENDAR_COVERAGE}. */
  public static final int CALENDAR_COVERAGE = 4;
  /** C status {@code CK_E_STATE}. */
  public static final int STATE = 5;
  /** C status {@code CK_E_OVERFLOW}. */
  public static final int OVERFLOW = 6;
  /** C status {@code CK_E_NO_MEMORY}. */
  public static final int NO_MEMORY = 7;
  /** C status {@code CK_E_INTERNAL}. */
  public static final int INTERNAL = 99;

  private static final Pattern CONTEXT =
      Pattern.compile("\\((?:field ([^,()]*))?(?:, )?(?:record ([^()]*))?\\)$");

  private final int status;
  private final String code;
  private final String field;
  private final String record;

  CadreKitException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
    String f = "";
    String r = "";
    Matcher m = CONTEXT.matcher(message);
    if (m.find()) {
      f = m.group(1) == null ? "" : m.group(1);
      r = m.group(2) == null ? "" : m.group(2);
    }
    this.field = f;
    this.record = r;
  }

  /** The exception for a failed C call's status and the library's message. */
  static CadreKitException of(int status, String message) {
    return ofCode(status, Lib.statusName(status), message);
  }

  private static CadreKitException ofCode(int status, String code, String message) {
    switch (status) {
      case INVALID_INPUT: return new InvalidInputException(status, code, message);
      case INVALID_ARGUMENT: return new InvalidArgumentException(status, code, message);
      case OVERFLOW: return new OverflowException(status, code, message);
      case POLICY: return new PolicyException(status, code, message);
      case CALENDAR_COVERAGE: return new CalendarCoverageException(status, code, message);
      case STATE: return new StateException(status, code, message);
      default: return new CadreKitException(status, code, message);
    }
  }

  /**
   * An error the binding raises itself, before calling the library, in the library's words
   * and with the same code and class the library would give (a NUL inside a text, a date
   * beyond ck_date's range, columns of different lengths).
   */
  static CadreKitException local(int status, String message) {
    String code;
    switch (status) {
      case INVALID_INPUT: code = "invalid_input"; break;
      case INVALID_ARGUMENT: code = "invalid_argument"; break;
      case OVERFLOW: code = "overflow"; break;
      default: throw new IllegalArgumentException("no local errors of status " + status);
    }
    return ofCode(status, code, message);
  }

  /** The C status code (CK_E_*): 1 invalid_argument … 99 internal. Stable. */
  public int status() {
    return status;
  }

  /** The stable lower-case name of the status ("invalid_input"), as on every surface. */
  public String code() {
    return code;
  }

  /** The field concerned ("budget", "records[3].rank"), or "" when the message names none. */
  public String field() {
    return field;
  }

  /** The record concerned ("row 3", a unit id, "file.yaml:12"), or "" when none is named. */
  public String record() {
    return record;
  }
}

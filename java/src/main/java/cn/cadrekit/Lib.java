package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

/**
 * The scalar and JSON functions of libcadrekit_c, bound by JNA direct mapping (one JNI stub per
 * function, no proxy), and the conversions every wrapper shares: UTF-8 text in, library text
 * out, status codes to exceptions. The batch functions are bound in one class per module
 * ({@code *Batch}), so that a change of the C batch convention touches only those.
 *
 * <p>Text crosses as {@code byte[]} that this class encodes itself (strict UTF-8 plus a NUL),
 * never through JNA's default string encoding, which follows the JVM's locale. An output
 * pointer ({@code char **out}, {@code ck_policy **out}) is a one-element {@code long[]}: JNA's
 * PointerByReference allocates native memory with a cleaner for every call (about 10 µs, more
 * than most calls take), and the loader checks that pointers and size_t are 64 bits.
 */
final class Lib {
  private Lib() {}

  /** The loaded library, shared by every class that binds functions of it. */
  static final NativeLibrary LIBRARY = Loader.load();

  static {
    Native.register(Lib.class, LIBRARY);
  }

  // ---- errors, memory, version -------------------------------------------------------------
  static native Pointer ck_last_error_message();
  static native int ck_last_error_code();
  static native Pointer ck_status_name(int status);
  static native void ck_free(Pointer p);
  static native int ck_version_number();
  static native Pointer ck_version_string();

  // ---- dates -------------------------------------------------------------------------------
  static native int ck_date_from_ymd(int[] out, int year, int month, int day);
  static native int ck_date_parse_iso(int[] out, byte[] text);

  // ---- calendar ----------------------------------------------------------------------------
  static native int ck_calendar_china(long[] out, int lenient);
  static native int ck_calendar_from_csv(long[] out, byte[] csv, int lenient);
  static native int ck_calendar_with_csv(long[] out, Pointer cal, byte[] csv);
  static native void ck_calendar_free(Pointer cal);
  static native int ck_calendar_coverage(int[] outFirst, int[] outLast, Pointer cal);
  static native int ck_calendar_is_working_day(int[] out, Pointer cal, int d);
  static native int ck_calendar_add_working_days(int[] out, Pointer cal, int from, int n);
  static native int ck_calendar_window(int[] outFirst, int[] outLast, Pointer cal, int start, int n);
  static native int ck_calendar_count_working_days(int[] out, Pointer cal, int first, int last);
  static native int ck_calendar_calendar_window(int[] outFirst, int[] outLast, Pointer cal,
                                                int start, int n);

  // ---- money and shares --------------------------------------------------------------------
  static native int ck_money_parse(long[] outFen, byte[] text);
  static native int ck_money_format(long[] out, long fen);
  static native int ck_at_least_share(long[] out, long n, byte[] share);

  // ---- policy ------------------------------------------------------------------------------
  static native int ck_policy_default(long[] out);
  static native int ck_policy_load(long[] out, byte[] path);
  static native int ck_policy_loads(long[] out, byte[] yaml);
  static native void ck_policy_free(Pointer policy);
  static native Pointer ck_policy_name(Pointer policy);
  static native int ck_policy_value(long[] out, Pointer policy, byte[] name, int asOf);
  static native int ck_policy_lookup_json(long[] out, Pointer policy, byte[] name,
                                          int asOf);
  static native int ck_policy_set(long[] out, Pointer base, byte[] setting);

  // ---- explanations ------------------------------------------------------------------------
  static native int ck_explanation_normalize(long[] out, byte[] json);
  static native int ck_explanation_to_text(long[] out, byte[] json, byte[] lang);
  static native int ck_explanation_text(long[] out, byte[] json, long index, byte[] lang, int full);

  // ---- people ------------------------------------------------------------------------------
  static native int ck_citizen_id_is_valid(byte[] id);
  static native int ck_citizen_id_parse(int[] outBirth, int[] outSex, byte[] id);
  static native int ck_three_ages(int[] outAge, int[] outPartyYears, int[] outWorkYears, int birth,
                                  int hasParty, int partyJoined, int hasWork, int workStarted,
                                  int asOf);
  static native int ck_person_summary_json(long[] out, byte[] personJson, int asOf);

  // ---- village (JARUD) ---------------------------------------------------------------------
  static native int ck_village_pay_sheet_json(long[] out, Pointer policy, byte[] req);
  static native int ck_village_budget_what_if_json(long[] out, Pointer a, Pointer b,
                                                   byte[] req);
  static native int ck_village_selection_json(long[] out, Pointer policy, byte[] req);

  // ---- audit (HOLINGOL) --------------------------------------------------------------------
  static native int ck_audit_tier_json(long[] out, Pointer policy, byte[] req);
  static native int ck_audit_special_funds_json(long[] out, Pointer policy, byte[] req);
  static native int ck_audit_tier_history_json(long[] out, Pointer policy, byte[] req);
  static native int ck_audit_plan_json(long[] out, Pointer policy, byte[] req);
  static native int ck_audit_verify_json(long[] out, Pointer policy, byte[] req);

  // ---- disclosure (KAILU) ------------------------------------------------------------------
  static native int ck_disclosure_validate_json(long[] out, Pointer policy,
                                                byte[] record);
  static native int ck_disclosure_plan_round_json(long[] out, Pointer policy,
                                                  Pointer cal, byte[] req);
  static native int ck_disclosure_notice_json(long[] out, Pointer policy, Pointer cal,
                                              byte[] req);
  static native int ck_disclosure_case_open_json(long[] out, Pointer policy,
                                                 byte[] req);
  static native int ck_disclosure_case_apply_json(long[] out, Pointer policy,
                                                  Pointer cal, byte[] caseJson, byte[] action);
  static native int ck_disclosure_case_apply_explained_json(long[] out, Pointer policy,
                                                            Pointer cal, byte[] caseJson,
                                                            byte[] action);
  static native int ck_disclosure_case_can_proceed_json(long[] out, byte[] caseJson,
                                                        int asOf);
  static native int ck_disclosure_yearly_counts_json(long[] out, byte[] cases);
  /** size is a size_t: 64 bits, as the loader checks. */
  static native int ck_disclosure_lrmx_read_json(long[] out, byte[] form, long size,
                                                 byte[] recordId);
  static native int ck_disclosure_record_from_lrmx_json(long[] out, byte[] lrmx,
                                                        byte[] recordId);
  static native int ck_disclosure_record_to_lrmx(long[] out, byte[] record);

  // ---- assessment (HORQIN) -----------------------------------------------------------------
  static native int ck_assessment_rules_json(long[] out, Pointer policy, int asOf);
  static native int ck_assessment_standards_json(long[] out, Pointer policy, int asOf);
  static native int ck_assessment_screen_json(long[] out, Pointer policy, byte[] req);
  static native int ck_assessment_findings_from_audit_json(long[] out, byte[] findings);
  static native int ck_assessment_composite_json(long[] out, Pointer policy, byte[] req);
  static native int ck_assessment_method_checklist_json(long[] out, Pointer policy,
                                                        byte[] req);
  static native int ck_assessment_disposal_apply_json(long[] out, byte[] caseJson,
                                                      byte[] action);
  static native int ck_assessment_follow_up_json(long[] out, Pointer policy, byte[] req);
  static native int ck_assessment_promotion_apply_json(long[] out, Pointer policy,
                                                       byte[] caseJson, byte[] action);

  // ---- talent (HURE) -----------------------------------------------------------------------
  static native int ck_talent_pools_json(long[] out, Pointer policy, byte[] req);
  static native int ck_talent_pool_changes_json(long[] out, Pointer policy, byte[] req);
  static native int ck_talent_team_structure_json(long[] out, Pointer policy,
                                                  byte[] req);
  static native int ck_talent_gaps_json(long[] out, Pointer policy, byte[] req);
  static native int ck_talent_postings_json(long[] out, Pointer policy, byte[] req);

  // ---- the whole year and the what-if -----------------------------------------------------
  static native int ck_year_run_json(long[] out, Pointer policy, byte[] dataDir, int year);
  static native int ck_year_compare_json(long[] out, byte[] a, byte[] b);

  // ---- shared conversions ------------------------------------------------------------------

  /**
   * {@code s} as NUL-terminated strict UTF-8. A NUL inside the text (C would silently cut it
   * there) or a lone surrogate (a lossy encoder would silently write '?') is refused, naming
   * {@code field}; null is a NullPointerException naming it.
   */
  static byte[] utf8(String s, String field) {
    if (s == null) throw new NullPointerException(field + " is null");
    if (s.indexOf('\0') >= 0) {
      throw CadreKitException.local(CadreKitException.INVALID_INPUT,
          "text contains a NUL character (field " + field + ")");
    }
    CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer b;
    try {
      b = enc.encode(CharBuffer.wrap(s));
    } catch (CharacterCodingException e) {
      throw CadreKitException.local(CadreKitException.INVALID_INPUT,
          "text is not valid Unicode (a lone surrogate) (field " + field + ")");
    }
    byte[] out = new byte[b.remaining() + 1];
    b.get(out, 0, out.length - 1);
    return out;
  }

  /** A NUL-terminated UTF-8 string owned by the library (not freed here). */
  static String string(Pointer p) {
    return p == null ? "" : p.getString(0, "UTF-8");
  }

  /** The string the library returned through {@code char **out} (a long[1]), released with ck_free. */
  static String take(long[] out) {
    if (out[0] == 0) {
      throw new CadreKitException(CadreKitException.INTERNAL, "internal",
          "the library returned no text on success");
    }
    Pointer p = new Pointer(out[0]);
    try {
      return p.getString(0, "UTF-8");
    } finally {
      ck_free(p);
    }
  }

  /**
   * Throws the exception of a failed call. Must run on the thread that made the call, right
   * after it: the message is the library's per-thread last error.
   */
  static void check(int status) {
    if (status != 0) throw CadreKitException.of(status, string(ck_last_error_message()));
  }

  /** The library's stable name of a status code ("invalid_input"). */
  static String statusName(int status) {
    return string(ck_status_name(status));
  }

  /** Loads the library once: an explicit file, or by name through JNA's search path. */
  static final class Loader {
    private Loader() {}

    /** System property naming the library file (overrides the search). */
    static final String LIBRARY_PROPERTY = "cadrekit.library";

    static NativeLibrary load() {
      Map<String, Object> options = Collections.emptyMap();
      String file = System.getProperty(LIBRARY_PROPERTY, "").trim();
      NativeLibrary lib;
      try {
        lib = NativeLibrary.getInstance(file.isEmpty() ? "cadrekit_c" : file, options);
      } catch (UnsatisfiedLinkError e) {
        UnsatisfiedLinkError wrapped = new UnsatisfiedLinkError(
            "cadrekit: cannot load libcadrekit_c ("
                + (file.isEmpty() ? "searched jna.library.path and the system's paths"
                                  : "-D" + LIBRARY_PROPERTY + "=" + file)
                + "); put the directory holding libcadrekit_c.so in -Djna.library.path, "
                + "or name the file with -D" + LIBRARY_PROPERTY + " (docs/java.md): "
                + e.getMessage());
        wrapped.initCause(e);
        throw wrapped;
      }
      if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
        throw new UnsatisfiedLinkError("cadrekit: the Java binding needs a 64-bit JVM (pointers and "
            + "size_t of 8 bytes; this one has " + Native.POINTER_SIZE + " and "
            + Native.SIZE_T_SIZE + ")");
      }
      int loaded = lib.getFunction("ck_version_number").invokeInt(new Object[0]);
      if (loaded / 10000 != Version.NUMBER / 10000
          || (Version.NUMBER / 10000 == 0 && loaded / 100 != Version.NUMBER / 100)
          || loaded < Version.NUMBER) {
        throw new UnsatisfiedLinkError("cadrekit: this cadrekit.jar needs libcadrekit_c "
            + Version.STRING + " or a later compatible version, but the library at "
            + lib.getFile() + " is version " + loaded / 10000 + "." + loaded / 100 % 100 + "."
            + loaded % 100);
      }
      return lib;
    }
  }
}

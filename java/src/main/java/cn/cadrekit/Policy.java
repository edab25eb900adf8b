package cn.cadrekit;

import com.sun.jna.Pointer;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A policy profile (docs/policy.md): every number the rules use, dated, with unit, labels,
 * clause and an assumed flag. A county profile layers on the default with {@code extends:} and
 * changes only what it decided. Owns a native ck_policy: close it (try-with-resources); a
 * forgotten one is freed by a Cleaner once unreachable. Immutable and shareable between
 * threads; the module calls borrow it for the length of one call.
 *
 * <pre>{@code
 * try (Policy county = Policy.load(Path.of("/etc/cadrekit/horqin-2018.yaml"))) {
 *   String pay = county.value("village.performance_pay.excellent", LocalDate.of(2018, 1, 1));
 * }
 * }</pre>
 */
public final class Policy extends NativeHandle {
  private final String name;

  private Policy(Pointer peer) {
    super(peer, Lib::ck_policy_free, "Policy");
    this.name = Lib.string(Lib.ck_policy_name(peer));
  }

  /** The embedded default profile tongliao-2016. */
  public static Policy defaultProfile() {
    long[] out = new long[1];
    Lib.check(Lib.ck_policy_default(out));
    return new Policy(new Pointer(out[0]));
  }

  /**
   * A profile file. Its {@code extends:} names an embedded profile or a file relative to this
   * one, so a county file stands on the default and changes only what the county decided.
   */
  public static Policy load(Path path) {
    byte[] p = Lib.utf8(path.toString(), "path");
    long[] out = new long[1];
    Lib.check(Lib.ck_policy_load(out, p));
    return new Policy(new Pointer(out[0]));
  }

  /** A profile from YAML text; its {@code extends:} may name an embedded profile only. */
  public static Policy fromYaml(String yaml) {
    byte[] y = Lib.utf8(yaml, "yaml");
    long[] out = new long[1];
    Lib.check(Lib.ck_policy_loads(out, y));
    return new Policy(new Pointer(out[0]));
  }

  /**
   * A new profile: this one with one parameter changed, checked as a profile file layered on it
   * would be (the command line's {@code --set}). {@code setting} is "NAME=VALUE" (the value
   * replaces every dated value) or "NAME=VALUE@YYYY-MM-DD" (in force from that date). An unknown
   * name, a value not of the parameter's type or outside its bounds is a {@link PolicyException}.
   * This profile stays as it is; close both.
   */
  public Policy set(String setting) {
    byte[] s = Lib.utf8(setting, "setting");
    long[] out = new long[1];
    Pointer p = acquire();
    try {
      Lib.check(Lib.ck_policy_set(out, p, s));
    } finally {
      release();
    }
    return new Policy(new Pointer(out[0]));
  }

  /** The profile's name ("tongliao-2016"). */
  public String name() {
    return name;
  }

  /**
   * The exact text of the value in force on {@code asOf} ("4000", "0.35", "1/3"). An unknown
   * name or a date before the first value is a {@link PolicyException} naming the parameter.
   */
  public String value(String parameter, LocalDate asOf) {
    byte[] n = Lib.utf8(parameter, "name");
    int d = Dates.toDay(asOf, "as_of");
    long[] out = new long[1];
    Pointer p = acquire();
    try {
      Lib.check(Lib.ck_policy_value(out, p, n, d));
    } finally {
      release();
    }
    return Lib.take(out);
  }

  /** The value in force on {@code asOf} with its unit, effective date, assumed flag and clause. */
  public PolicyParameter lookup(String parameter, LocalDate asOf) {
    return PolicyParameter.of(Json.parseObject(lookupJson(parameter, asOf)));
  }

  /** {@link #lookup} as the library's JSON (an explanation's "parameters" entry). */
  public String lookupJson(String parameter, LocalDate asOf) {
    byte[] n = Lib.utf8(parameter, "name");
    int d = Dates.toDay(asOf, "as_of");
    long[] out = new long[1];
    Pointer p = acquire();
    try {
      Lib.check(Lib.ck_policy_lookup_json(out, p, n, d));
    } finally {
      release();
    }
    return Lib.take(out);
  }

  @Override
  public String toString() {
    return "Policy[" + name + (isClosed() ? ", closed]" : "]");
  }
}

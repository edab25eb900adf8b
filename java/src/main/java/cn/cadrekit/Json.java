package cn.cadrekit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the library's request/response calls, read and written without a dependency (a
 * vendor's application brings its own Jackson or Gson, of its own version; this binding must
 * not fight it).
 *
 * <p>Reading: objects become {@link JsonObject} (a read-only {@code Map<String, Object>} in the
 * text's member order), arrays {@link JsonArray} (a read-only {@code List<Object>}), strings
 * {@code String}, whole numbers {@code Long} (or {@code BigDecimal} beyond long), other numbers
 * {@code BigDecimal} (exact: never a double), true/false {@code Boolean}, null {@code null}.
 *
 * <p>Writing ({@link #write}): Maps, Collections, arrays, Strings, Booleans, null, integral
 * numbers and BigDecimal, and {@link LocalDate} as "YYYY-MM-DD". A {@code double} or
 * {@code float} is refused (IllegalArgumentException): money and shares are exact here.
 */
public final class Json {
  private Json() {}

  /** Deepest nesting read; the library's own responses stay far below it. */
  static final int MAX_DEPTH = 512;

  /** Parses JSON text. Malformed text is an IllegalArgumentException giving the offset. */
  public static Object parse(String text) {
    Reader r = new Reader(text);
    r.space();
    Object v = r.value(0);
    r.space();
    if (r.pos != text.length()) throw r.error("text after the value");
    return v;
  }

  /** Parses JSON text that must be an object. */
  public static JsonObject parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof JsonObject)) throw new IllegalArgumentException("JSON: not an object");
    return (JsonObject) v;
  }

  /** Parses JSON text that must be an array. */
  public static JsonArray parseArray(String text) {
    Object v = parse(text);
    if (!(v instanceof JsonArray)) throw new IllegalArgumentException("JSON: not an array");
    return (JsonArray) v;
  }

  /** Compact JSON text of a value built from Maps, Lists, Strings, numbers, dates (see above). */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.toString();
  }

  /** The request text of a call: a String is taken as JSON text as is, anything else written. */
  static String request(Object request) {
    if (request == null) throw new NullPointerException("request is null");
    return request instanceof String ? (String) request : write(request);
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (depth > MAX_DEPTH) throw new IllegalArgumentException("JSON: nested too deep (a cycle?)");
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      quote(sb, (String) v);
    } else if (v instanceof Boolean) {
      sb.append(v.toString());
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short
        || v instanceof Byte || v instanceof BigInteger) {
      sb.append(v.toString());
    } else if (v instanceof BigDecimal) {
      sb.append(((BigDecimal) v).toPlainString());
    } else if (v instanceof Number) {
      throw new IllegalArgumentException("JSON: " + v.getClass().getSimpleName()
          + " is not exact; give a BigDecimal, a long or the text");
    } else if (v instanceof LocalDate) {
      quote(sb, v.toString());
    } else if (v instanceof Character) {
      quote(sb, v.toString());
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("JSON: an object's keys must be strings");
        }
        if (!first) sb.append(',');
        first = false;
        quote(sb, (String) e.getKey());
        sb.append(':');
        write(sb, e.getValue(), depth + 1);
      }
      sb.append('}');
    } else if (v instanceof Collection) {
      sb.append('[');
      boolean first = true;
      for (Object o : (Collection<?>) v) {
        if (!first) sb.append(',');
        first = false;
        write(sb, o, depth + 1);
      }
      sb.append(']');
    } else if (v instanceof Object[]) {
      writeArray(sb, (Object[]) v, depth);
    } else if (v instanceof int[]) {
      sb.append('[');
      int[] a = (int[]) v;
      for (int i = 0; i < a.length; ++i) sb.append(i == 0 ? "" : ",").append(a[i]);
      sb.append(']');
    } else if (v instanceof long[]) {
      sb.append('[');
      long[] a = (long[]) v;
      for (int i = 0; i < a.length; ++i) sb.append(i == 0 ? "" : ",").append(a[i]);
      sb.append(']');
    } else {
      throw new IllegalArgumentException("JSON: cannot write a " + v.getClass().getName());
    }
  }

  private static void writeArray(StringBuilder sb, Object[] a, int depth) {
    sb.append('[');
    for (int i = 0; i < a.length; ++i) {
      if (i > 0) sb.append(',');
      write(sb, a[i], depth + 1);
    }
    sb.append(']');
  }

  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); ++i) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        case '\b': sb.append("\\b"); break;
        case '\f': sb.append("\\f"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  /** A recursive-descent reader over the text, depth-bounded. */
  private static final class Reader {
    private final String s;
    int pos;

    Reader(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
    }

    void space() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        ++pos;
      }
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
      if (pos >= s.length()) throw error("end of text where a value was expected");
      char c = s.charAt(pos);
      switch (c) {
        case '{': return object(depth);
        case '[': return array(depth);
        case '"': return string();
        case 't': return word("true", Boolean.TRUE);
        case 'f': return word("false", Boolean.FALSE);
        case 'n': return word("null", null);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) return number();
          throw error("unexpected character");
      }
    }

    private Object word(String w, Object v) {
      if (!s.startsWith(w, pos)) throw error("unexpected word");
      pos += w.length();
      return v;
    }

    private JsonObject object(int depth) {
      ++pos;
      LinkedHashMap<String, Object> m = new LinkedHashMap<>();
      space();
      if (pos < s.length() && s.charAt(pos) == '}') {
        ++pos;
        return new JsonObject(m);
      }
      for (;;) {
        space();
        if (pos >= s.length() || s.charAt(pos) != '"') throw error("expected a member name");
        String k = string();
        space();
        if (pos >= s.length() || s.charAt(pos) != ':') throw error("expected ':'");
        ++pos;
        space();
        Object v = value(depth + 1);
        if (m.containsKey(k)) throw error("duplicate member \"" + k + "\"");
        m.put(k, v);
        space();
        if (pos >= s.length()) throw error("unterminated object");
        char c = s.charAt(pos++);
        if (c == '}') return new JsonObject(m);
        if (c != ',') throw error("expected ',' or '}'");
      }
    }

    private JsonArray array(int depth) {
      ++pos;
      List<Object> l = new ArrayList<>();
      space();
      if (pos < s.length() && s.charAt(pos) == ']') {
        ++pos;
        return new JsonArray(l);
      }
      for (;;) {
        space();
        l.add(value(depth + 1));
        space();
        if (pos >= s.length()) throw error("unterminated array");
        char c = s.charAt(pos++);
        if (c == ']') return new JsonArray(l);
        if (c != ',') throw error("expected ',' or ']'");
      }
    }

    private String string() {
      ++pos;
      StringBuilder sb = new StringBuilder();
      for (;;) {
        if (pos >= s.length()) throw error("unterminated string");
        char c = s.charAt(pos++);
        if (c == '"') return sb.toString();
        if (c < 0x20) throw error("control character in a string");
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (pos >= s.length()) throw error("unterminated escape");
        char e = s.charAt(pos++);
        switch (e) {
          case '"': sb.append('"'); break;
          case '\\': sb.append('\\'); break;
          case '/': sb.append('/'); break;
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'n': sb.append('\n'); break;
          case 'r': sb.append('\r'); break;
          case 't': sb.append('\t'); break;
          case 'u':
            if (pos + 4 > s.length()) throw error("short \\u escape");
            try {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException x) {
              throw error("bad \\u escape");
            }
            pos += 4;
            break;
          default: throw error("bad escape");
        }
      }
    }

    private Object number() {
      int start = pos;
      if (s.charAt(pos) == '-') ++pos;
      int digits = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') ++pos;
      if (pos == digits) throw error("a number without digits");
      if (s.charAt(digits) == '0' && pos - digits > 1) throw error("a number with a leading zero");
      boolean integral = true;
      if (pos < s.length() && s.charAt(pos) == '.') {
        integral = false;
        ++pos;
        int f = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') ++pos;
        if (pos == f) throw error("a number without digits after '.'");
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        integral = false;
        ++pos;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) ++pos;
        int f = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') ++pos;
        if (pos == f) throw error("a number without exponent digits");
      }
      String t = s.substring(start, pos);
      if (integral && pos - digits <= 18) return Long.parseLong(t);
      BigDecimal d = new BigDecimal(t);
      if (integral) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException beyondLong) {
          return d;
        }
      }
      return d;
    }
  }
}

package cn.cadrekit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A parsed JSON object: a read-only {@code Map<String, Object>} in the text's member order,
 * with typed getters. A getter throws NoSuchElementException for an absent member and
 * ClassCastException for a member of another type; {@code opt*} getters give null instead.
 */
public final class JsonObject extends AbstractMap<String, Object> {
  private final Map<String, Object> members;

  JsonObject(LinkedHashMap<String, Object> members) {
    this.members = Collections.unmodifiableMap(members);
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return members.entrySet();
  }

  @Override
  public Object get(Object key) {
    return members.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return members.containsKey(key);
  }

  private Object need(String key) {
    if (!members.containsKey(key)) throw new NoSuchElementException("JSON: no member \"" + key + "\"");
    return members.get(key);
  }

  /** Whether the member is there and not null. */
  public boolean has(String key) {
    return members.get(key) != null;
  }

  public String getString(String key) {
    return JsonValues.string(key, need(key));
  }

  /** The string member, or null when absent or null. */
  public String optString(String key) {
    Object v = members.get(key);
    return v == null ? null : JsonValues.string(key, v);
  }

  public int getInt(String key) {
    return JsonValues.intValue(key, need(key));
  }

  public long getLong(String key) {
    return JsonValues.longValue(key, need(key));
  }

  /** A number, or the decimal text the library writes money in ("7000.00"), exactly. */
  public BigDecimal getDecimal(String key) {
    return JsonValues.decimal(key, need(key));
  }

  public boolean getBoolean(String key) {
    return JsonValues.bool(key, need(key));
  }

  /** A "YYYY-MM-DD" member as a date. */
  public LocalDate getDate(String key) {
    return JsonValues.date(key, need(key));
  }

  /** The date member, or null when absent or null. */
  public LocalDate optDate(String key) {
    Object v = members.get(key);
    return v == null ? null : JsonValues.date(key, v);
  }

  public JsonObject getObject(String key) {
    return JsonValues.object(key, need(key));
  }

  /** The object member, or null when absent or null. */
  public JsonObject optObject(String key) {
    Object v = members.get(key);
    return v == null ? null : JsonValues.object(key, v);
  }

  public JsonArray getArray(String key) {
    return JsonValues.array(key, need(key));
  }

  /** The array member, or null when absent or null. */
  public JsonArray optArray(String key) {
    Object v = members.get(key);
    return v == null ? null : JsonValues.array(key, v);
  }

  /** Compact JSON text of this object. */
  public String toJson() {
    return Json.write(this);
  }

  @Override
  public String toString() {
    return toJson();
  }
}

package cn.cadrekit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Collections;
import java.util.List;

/** A parsed JSON array: a read-only {@code List<Object>} with typed getters. */
public final class JsonArray extends AbstractList<Object> {
  private final List<Object> items;

  JsonArray(List<Object> items) {
    this.items = Collections.unmodifiableList(items);
  }

  @Override
  public Object get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  private static String at(int i) {
    return "[" + i + "]";
  }

  public String getString(int i) {
    return JsonValues.string(at(i), items.get(i));
  }

  public int getInt(int i) {
    return JsonValues.intValue(at(i), items.get(i));
  }

  public long getLong(int i) {
    return JsonValues.longValue(at(i), items.get(i));
  }

  public BigDecimal getDecimal(int i) {
    return JsonValues.decimal(at(i), items.get(i));
  }

  public boolean getBoolean(int i) {
    return JsonValues.bool(at(i), items.get(i));
  }

  public LocalDate getDate(int i) {
    return JsonValues.date(at(i), items.get(i));
  }

  public JsonObject getObject(int i) {
    return JsonValues.object(at(i), items.get(i));
  }

  public JsonArray getArray(int i) {
    return JsonValues.array(at(i), items.get(i));
  }

  /** The elements as objects (each must be one), for a for-each loop over records. */
  public List<JsonObject> objects() {
    for (int i = 0; i < items.size(); ++i) getObject(i);
    @SuppressWarnings("unchecked")
    List<JsonObject> l = (List<JsonObject>) (List<?>) items;
    return l;
  }

  /** Compact JSON text of this array. */
  public String toJson() {
    return Json.write(this);
  }

  @Override
  public String toString() {
    return toJson();
  }
}

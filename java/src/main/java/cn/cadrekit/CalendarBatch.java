package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The calendar's batch calls of the C ABI, bound here alone so that the C batch convention
 * shows in one class: {@code ck_calendar_add_working_days_columns} and
 * {@code ck_calendar_count_working_days_columns}, each with its versioned in/out structs.
 */
final class CalendarBatch {
  private CalendarBatch() {}

  static {
    Native.register(CalendarBatch.class, Lib.LIBRARY);
  }

  private static native int ck_calendar_add_working_days_columns(Pointer out, Pointer cal,
                                                                 Pointer in);
  private static native int ck_calendar_count_working_days_columns(Pointer out, Pointer cal,
                                                                   Pointer in);

  /** ck_calendar_add_working_days_in. */
  @Structure.FieldOrder({"struct_size", "len", "from", "n"})
  public static final class AddIn extends BatchStruct {
    public long struct_size;
    public long len;
    public Pointer from;
    public Pointer n;
  }

  /** ck_calendar_add_working_days_out. */
  @Structure.FieldOrder({"struct_size", "date"})
  public static final class AddOut extends BatchStruct {
    public long struct_size;
    public Pointer date;
  }

  /** ck_calendar_count_working_days_in. */
  @Structure.FieldOrder({"struct_size", "len", "first", "last"})
  public static final class CountIn extends BatchStruct {
    public long struct_size;
    public long len;
    public Pointer first;
    public Pointer last;
  }

  /** ck_calendar_count_working_days_out. */
  @Structure.FieldOrder({"struct_size", "count"})
  public static final class CountOut extends BatchStruct {
    public long struct_size;
    public Pointer count;
  }

  private static final AddIn ADD_IN = new AddIn();
  private static final AddOut ADD_OUT = new AddOut();
  private static final CountIn COUNT_IN = new CountIn();
  private static final CountOut COUNT_OUT = new CountOut();
  private static final int ADD_IN_SIZE = ADD_IN.size();
  private static final int ADD_OUT_SIZE = ADD_OUT.size();
  private static final int COUNT_IN_SIZE = COUNT_IN.size();
  private static final int COUNT_OUT_SIZE = COUNT_OUT.size();
  private static final int ADD_LEN = ADD_IN.offsetOf("len");
  private static final int ADD_FROM = ADD_IN.offsetOf("from");
  private static final int ADD_N = ADD_IN.offsetOf("n");
  private static final int ADD_DATE = ADD_OUT.offsetOf("date");
  private static final int COUNT_LEN = COUNT_IN.offsetOf("len");
  private static final int COUNT_FIRST = COUNT_IN.offsetOf("first");
  private static final int COUNT_LAST = COUNT_IN.offsetOf("last");
  private static final int COUNT_COUNT = COUNT_OUT.offsetOf("count");

  /**
   * {@code out[i] = add_working_days(from[i], n[i])}, the arrays of one length. The inputs are
   * copied to native memory before the call and {@code out} is written only on success, so it
   * may be {@code from} or {@code n} itself, and is unchanged on failure.
   */
  static void addWorkingDays(int[] out, Pointer cal, int[] from, int[] n) {
    int len = from.length;
    NativeBlock.Layout l = new NativeBlock.Layout();
    long inAt = l.take(ADD_IN_SIZE);
    long outAt = l.take(ADD_OUT_SIZE);
    long fromAt = l.take(4L * len);
    long nAt = l.take(4L * len);
    long dateAt = l.take(4L * len);
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer m = b.base;
      m.write(fromAt, from, 0, len);
      m.write(nAt, n, 0, len);
      Pointer s = b.struct(inAt, ADD_IN_SIZE);
      s.setLong(ADD_LEN, len);
      s.setPointer(ADD_FROM, b.at(fromAt));
      s.setPointer(ADD_N, b.at(nAt));
      Pointer o = b.struct(outAt, ADD_OUT_SIZE);
      o.setPointer(ADD_DATE, b.at(dateAt));
      Lib.check(ck_calendar_add_working_days_columns(o, cal, s));
      m.read(dateAt, out, 0, len);
    }
  }

  /** {@code out[i] = count_working_days(first[i], last[i])}, the arrays of one length. */
  static void countWorkingDays(int[] out, Pointer cal, int[] first, int[] last) {
    int len = first.length;
    NativeBlock.Layout l = new NativeBlock.Layout();
    long inAt = l.take(COUNT_IN_SIZE);
    long outAt = l.take(COUNT_OUT_SIZE);
    long firstAt = l.take(4L * len);
    long lastAt = l.take(4L * len);
    long countAt = l.take(4L * len);
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer m = b.base;
      m.write(firstAt, first, 0, len);
      m.write(lastAt, last, 0, len);
      Pointer s = b.struct(inAt, COUNT_IN_SIZE);
      s.setLong(COUNT_LEN, len);
      s.setPointer(COUNT_FIRST, b.at(firstAt));
      s.setPointer(COUNT_LAST, b.at(lastAt));
      Pointer o = b.struct(outAt, COUNT_OUT_SIZE);
      o.setPointer(COUNT_COUNT, b.at(countAt));
      Lib.check(ck_calendar_count_working_days_columns(o, cal, s));
      m.read(countAt, out, 0, len);
    }
  }
}

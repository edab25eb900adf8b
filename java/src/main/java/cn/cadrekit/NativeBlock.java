package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * One malloc'd block for a batch call's structs and columns, freed when the call returns. Not
 * JNA's Memory: that registers every allocation with a cleaner (about 15 µs each); a call's
 * scratch block has an owner and a finally, and needs neither.
 */
final class NativeBlock implements AutoCloseable {
  private final long address;
  final Pointer base;
  private long used;

  /** A block for {@code layout}'s bytes. */
  NativeBlock(long bytes) {
    long a = Native.malloc(Math.max(bytes, 8));
    if (a == 0) throw new OutOfMemoryError("cadrekit: no native memory for a batch call's columns");
    this.address = a;
    this.base = new Pointer(a);
  }

  /**
   * Offsets for a block laid out part after part, each at an 8-byte aligned offset: first
   * {@link #take} every part, then allocate {@link #size()} bytes.
   */
  static final class Layout {
    private long at;

    long take(long bytes) {
      long here = at;
      at += (bytes + 7) & ~7L;
      return here;
    }

    long size() {
      return at;
    }
  }

  /** The address of the part at {@code offset}. */
  Pointer at(long offset) {
    return base.share(offset);
  }

  /**
   * The versioned struct of {@code size} bytes at {@code offset} (a part taken for it), zeroed,
   * with its first member {@code size_t struct_size} set to {@code size}: as C's
   * {@code ck_X_in in = {.struct_size = sizeof in};}, every member not written afterwards is
   * NULL or 0. {@code size} is what JNA computes for the struct as this binding declares it, so
   * a later library that appends members reads them as zero. size_t is written as a Java long:
   * 8 bytes, as size_t is on the 64-bit Linux (LP64) this binding runs on, and the loader
   * refuses a JVM whose size_t is not 8 bytes ({@code Native.SIZE_T_SIZE}).
   */
  Pointer struct(long offset, int size) {
    Pointer s = at(offset);
    s.setMemory(0, size, (byte) 0);
    s.setLong(0, size);
    return s;
  }

  @Override
  public void close() {
    Native.free(address);
  }
}

package cn.cadrekit;

import com.sun.jna.Pointer;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An owned C handle (ck_policy, ck_calendar): released exactly once, by {@link #close()} or, for
 * a handle its owner forgot, by a {@link Cleaner} once it is unreachable.
 *
 * <p>The C handles are immutable and may be used by many threads at once. What must never
 * happen is a free while another thread is inside a call with the handle: that would be a
 * use-after-free in native code and could take the JVM down. So every call brackets its use
 * with {@link #acquire()} / {@link #release()}, which count the calls in flight; close() marks
 * the handle closed (new calls then fail with IllegalStateException) and the free runs when
 * the last call in flight returns. Two atomic operations a call, no lock.
 */
abstract class NativeHandle implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create(r -> {
    Thread t = new Thread(r, "cadrekit-cleaner");
    t.setDaemon(true);
    return t;
  });

  /** Handles the Cleaner freed because nobody closed them (see {@link CadreKit#unclosedHandlesFreed}). */
  static final AtomicLong UNCLOSED_FREED = new AtomicLong();

  private final State state;
  private final Cleaner.Cleanable cleanable;

  NativeHandle(Pointer peer, Consumer<Pointer> free, String kind) {
    this.state = new State(peer, free, kind);
    this.cleanable = CLEANER.register(this, state);
  }

  /** The pointer for one call; pair with {@link #release()} in a finally block. */
  final Pointer acquire() {
    return state.acquire();
  }

  /** Ends the call that {@link #acquire()} began; frees the handle if it was closed meanwhile. */
  final void release() {
    state.release();
  }

  /** True once {@link #close()} ran (or the cleaner did). */
  public final boolean isClosed() {
    return state.closed();
  }

  /**
   * Releases the native handle. Idempotent; safe while other threads are still inside calls
   * with this handle (the free waits for them). Calls started after close() throw
   * IllegalStateException.
   */
  @Override
  public final void close() {
    state.closedByOwner = true;
    cleanable.clean();
  }

  /** Whether the native handle has been freed (for tests: close() defers it past calls in flight). */
  final boolean isFreed() {
    return state.freed;
  }

  /** The cleaner's action; holds no reference to the handle object itself. */
  private static final class State implements Runnable {
    private static final long CLOSED = 1L << 62;

    private final Pointer peer;
    private final Consumer<Pointer> free;
    private final String kind;
    /** Calls in flight, plus the CLOSED bit. */
    private final AtomicLong word = new AtomicLong();
    /** Set by close() before it runs this action, so that the Cleaner's runs can be counted. */
    volatile boolean closedByOwner;
    volatile boolean freed;

    State(Pointer peer, Consumer<Pointer> free, String kind) {
      this.peer = peer;
      this.free = free;
      this.kind = kind;
    }

    Pointer acquire() {
      for (;;) {
        long w = word.get();
        if ((w & CLOSED) != 0) throw new IllegalStateException("cadrekit: this " + kind + " is closed");
        if (word.compareAndSet(w, w + 1)) return peer;
      }
    }

    void release() {
      if (word.decrementAndGet() == CLOSED) free();
    }

    private void free() {
      freed = true;
      free.accept(peer);
    }

    boolean closed() {
      return (word.get() & CLOSED) != 0;
    }

    /** Runs once (Cleaner guarantees it): marks closed; frees now if no call is in flight. */
    @Override
    public void run() {
      if (!closedByOwner) UNCLOSED_FREED.incrementAndGet();
      long before = word.getAndUpdate(w -> w | CLOSED);
      if (before == 0) free();
    }
  }
}

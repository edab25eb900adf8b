/**
 * cadrekit for Java: the cadre-management rules of Chinese local government as exact,
 * explainable calculations, over the C ABI of {@code libcadrekit_c.so} with JNA (docs/java.md).
 *
 * <p>Start with {@link cn.cadrekit.Policy} and {@link cn.cadrekit.WorkCalendar} (handles to
 * close, shareable between threads), then the module classes {@link cn.cadrekit.Audit},
 * {@link cn.cadrekit.Village}, {@link cn.cadrekit.Assessment}, {@link cn.cadrekit.Talent} and
 * {@link cn.cadrekit.Disclosure}: JSON requests and responses, and column calls over primitive
 * arrays for volume. Dates are {@link java.time.LocalDate}, money {@link java.math.BigDecimal}
 * yuan with two decimals (exact fen), errors {@link cn.cadrekit.CadreKitException} and its
 * subclasses with the library's message. Nothing reads the clock: every computation takes its
 * as-of date.
 */
package cn.cadrekit;

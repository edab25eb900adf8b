package cn.cadrekit;

import com.sun.jna.Structure;
import java.util.List;

/**
 * A struct of the C ABI's batch calls, as JNA lays it out from the public fields of a subclass
 * in the order of its {@code @Structure.FieldOrder} (each at its type's natural alignment, as a
 * C compiler does; size_t members are Java longs, pointers {@code Pointer}). The layout is
 * computed once per struct and checked against the C compiler's by StructLayoutTest; each call
 * then writes the members at these offsets into its own {@link NativeBlock}, as building a JNA
 * Structure per call would cost more than the call. Subclasses are public static nested classes
 * (JNA reads their fields by reflection) of the package-private {@code *Batch} classes.
 */
abstract class BatchStruct extends Structure {
  /** The offset of {@code field} in the struct. */
  int offsetOf(String field) {
    return fieldOffset(field);
  }

  /** The members in their order, as {@code @Structure.FieldOrder} gives them. */
  List<String> fields() {
    return getFieldOrder();
  }
}

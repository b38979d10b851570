package org.osvif.objects.base;

/**
 * A Java enum whose constants travel as fixed strings, as the values of an o.vo
 * {@code Enum} field do.
 */
public interface WireEnum {
    /** @return the value on the wire, e.g. {@code "server"} */
    String wireValue();
}

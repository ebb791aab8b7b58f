package dev.fastffi;

/** Which path a bound method takes. */
public enum CallPath {
    /** Generated code with an exact downcall handle; no allocation, no boxing. */
    FAST,
    /** Runtime conversions around an erased handle: correct for every type in the table, slower. */
    COMPAT
}

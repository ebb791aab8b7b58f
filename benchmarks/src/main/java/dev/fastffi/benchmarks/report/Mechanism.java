package dev.fastffi.benchmarks.report;

import java.util.Arrays;
import java.util.Optional;

/** The ways of calling C that the suite compares; {@code id} is the benchmark method's name. */
enum Mechanism {
    FFM("ffm", "hand-written FFM", "#555555", false),
    FFM_CRITICAL("ffmCritical", "hand-written FFM, critical", "#999999", false),
    FASTFFI_GLOBAL("fastffiGlobal", "fastffi FAST, FastFfi.load", "#1f5fbf", true),
    FASTFFI_GLOBAL_CRITICAL("fastffiGlobalCritical", "fastffi FAST critical, FastFfi.load", "#5b8fe0", true),
    FASTFFI_CLOSEABLE("fastffiCloseable", "fastffi FAST, Library.bind", "#163f80", true),
    FASTFFI_CLOSEABLE_FIELD("fastffiCloseableField", "fastffi FAST, Library.bind, instance field", "#0b2a5c", true),
    FASTFFI_COMPAT("fastffiCompat", "fastffi COMPAT (boxed types)", "#8fb3e8", false),
    DYNAMIC_HANDLE("dynamicHandle", "DynamicFunction.handle()", "#2a9d8f", true),
    DYNAMIC_INVOKE("dynamicInvoke", "DynamicFunction.invoke", "#7fcdc3", false),
    JNA_DIRECT("jnaDirect", "JNA direct", "#e07b1f", false),
    JNA_INTERFACE("jnaInterface", "JNA interface", "#f2b36f", false),
    JNR("jnr", "jnr-ffi", "#3a9a3a", false),
    JNI("jni", "JNI", "#8e44ad", false);

    final String id;
    final String label;
    final String colour;
    /** Whether the mechanism is fastffi's fast path, which must not allocate. */
    final boolean fastffiFast;

    Mechanism(String id, String label, String colour, boolean fastffiFast) {
        this.id = id;
        this.label = label;
        this.colour = colour;
        this.fastffiFast = fastffiFast;
    }

    static Optional<Mechanism> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}

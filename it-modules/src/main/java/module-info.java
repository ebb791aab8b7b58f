/**
 * Bindings of the C library and zlib in a named module, as an application module would declare
 * them: it requires the runtime and nothing else, exports only its API package and opens nothing,
 * and needs no native access of its own.
 */
module dev.fastffi.it.modules {
    requires dev.fastffi;

    exports dev.fastffi.it.modules.api;
}

/**
 * The fastffi runtime: opens libraries, binds generated classes, serves signatures known only at
 * run time, and carries the compatibility path.
 *
 * <p>On the module path, {@code --enable-native-access=dev.fastffi} is all a program needs: this
 * module creates every downcall handle and upcall stub, so the user's module needs no native access.
 *
 * <p>The packages {@code dev.fastffi.internal} and {@code dev.fastffi.internal.memory} are exported
 * only because generated binding classes, which live in the user's module, call into them. They are
 * not API and may change in any release.
 */
module dev.fastffi {
    requires transitive dev.fastffi.annotations;
    requires transitive dev.fastffi.model;

    exports dev.fastffi;
    exports dev.fastffi.internal;
    exports dev.fastffi.internal.memory;
}

package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.lang.foreign.MemorySegment;

/**
 * Checks, once per process, that the JVM lets this module make restricted FFM calls, before the
 * first one: when it refuses, every entry point that would need them throws {@code LIBRARY_NOT_FOUND}
 * saying which flag or manifest line enables them; when it only warns, the same advice is logged
 * once. Every native call fastffi makes comes from this module, so it is the only one that needs
 * native access.
 */
public final class NativeAccess {
    /** The manifest attribute that enables native access for an executable jar started with {@code java -jar}. */
    static final String MANIFEST_LINE = "Enable-Native-Access: ALL-UNNAMED";

    private NativeAccess() {}

    /** What stands for "the JVM allowed the probe's call" once it ran. */
    private static final Object ALLOWED = new Object();
    /**
     * The result of the one probe, made when the first entry point asks (not when this class is
     * initialized, which asking for a message also does): null before, then {@link #ALLOWED} or
     * what the JVM threw at the probe's restricted call. Guarded by the class for writes.
     */
    private static volatile Object probed;

    /**
     * Throws when the JVM refuses native access to this module; called by every public entry point
     * that leads to a restricted call, before it. Where native access is enabled there is nothing
     * to check: {@code FastFfi.load}, {@code Library.open} and {@code Library.system}, the ways to
     * a first call, then skip the call, and do not load this class.
     *
     * @throws FfiException {@code LIBRARY_NOT_FOUND} naming the flag and the manifest line to add
     */
    public static void check() {
        Object result = probed;
        if (result == null) {
            result = probeOnce();
        }
        if (result instanceof IllegalCallerException refused) {
            throw new FfiException(FfiException.Code.LIBRARY_NOT_FOUND,
                    refusal(NativeAccess.class.getModule()), refused);
        }
    }

    private static synchronized Object probeOnce() {
        if (probed == null) {
            IllegalCallerException refused = probe(NativeAccess.class.getModule());
            probed = refused != null ? refused : ALLOWED;
        }
        return probed;
    }

    /**
     * Makes one restricted call, which is where the JVM decides: it throws under
     * {@code --illegal-native-access=deny}; under {@code warn}, the default, it prints its warning
     * and grants access from then on, which is when the advice is logged; under {@code allow} it
     * neither warns nor records a grant, and fastffi stays quiet too.
     */
    @SuppressWarnings("restricted")
    private static IllegalCallerException probe(Module module) {
        if (module.isNativeAccessEnabled()) {
            return null;
        }
        try {
            MemorySegment.NULL.reinterpret(0);
        } catch (IllegalCallerException e) {
            return e;
        }
        if (module.isNativeAccessEnabled()) {
            // looked up only here: System.getLogger costs tens of milliseconds on the first call
            System.getLogger("dev.fastffi").log(System.Logger.Level.WARNING, warning(module));
        }
        return null;
    }

    /** The message of the exception thrown when the JVM refuses native access to {@code module}. */
    static String refusal(Module module) {
        return "the JVM refuses native access to " + who(module) + ", and fastffi cannot load or call a"
                + " native library without it; " + advice(module);
    }

    /** The message logged once when the JVM grants native access to {@code module} only with a warning. */
    static String warning(Module module) {
        return "native access is not enabled for " + who(module) + ": the JVM allows it with a warning for"
                + " now and refuses it under --illegal-native-access=deny, as future releases will by"
                + " default; " + advice(module);
    }

    /** The exact option that enables native access for {@code module}: its name, or ALL-UNNAMED on the class path. */
    static String flag(Module module) {
        return "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
    }

    private static String who(Module module) {
        return module.isNamed()
                ? "module " + module.getName()
                : "the class path (fastffi is in the unnamed module)";
    }

    private static String advice(Module module) {
        String scope = module.isNamed()
                ? " (fastffi makes every native call itself, so no other module needs it)"
                : "";
        return "start java with " + flag(module) + scope + " or, for an executable jar started with java -jar,"
                + " add the line '" + MANIFEST_LINE + "' to its manifest";
    }
}

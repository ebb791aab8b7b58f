package dev.fastffi;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import dev.fastffi.internal.Binder;
import dev.fastffi.internal.Bindings;
import dev.fastffi.internal.BoundInterfaces;
import dev.fastffi.internal.CompatBinding;
import dev.fastffi.internal.LibraryLoader;
import dev.fastffi.internal.LibraryState;
import dev.fastffi.internal.NativeAccess;
import dev.fastffi.internal.NativeMethod;
import dev.fastffi.internal.SystemLibrary;
import dev.fastffi.internal.UpcallFailures;
import dev.fastffi.model.Eligibility;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Entry point: binds annotated interfaces for the whole process and explains how each method is called.
 *
 * <p>Methods returning {@code CompletableFuture} run on one pool of daemon platform threads
 * ({@value #ASYNC_THREADS_PROPERTY}) with a bounded queue ({@value #ASYNC_QUEUE_PROPERTY}). When the
 * queue is full the call is not made and its future fails at once with
 * {@link java.util.concurrent.RejectedExecutionException}: the caller is never blocked and the
 * queue never grows. Every other failure completes the future with the {@link FfiException} a
 * synchronous call would throw.
 */
public final class FastFfi {
    /** The run-time switch: {@code -Dfastffi.fast=false} puts every call on the compatibility path. */
    public static final String FAST_PROPERTY = "fastffi.fast";
    /**
     * How many threads run asynchronous calls, {@code -Dfastffi.async.threads=N}; by default the
     * number of processors, at least 2. Read once, when the first asynchronous call is made.
     */
    public static final String ASYNC_THREADS_PROPERTY = "fastffi.async.threads";
    /**
     * How many asynchronous calls may wait for a thread, {@code -Dfastffi.async.queue=N}; 1024 by
     * default. Read once, when the first asynchronous call is made.
     */
    public static final String ASYNC_QUEUE_PROPERTY = "fastffi.async.queue";

    /**
     * Where {@code classpath:} library candidates are extracted, {@code -Dfastffi.library.cache=DIR}:
     * a writable directory on a file system that allows executables. By default {@code fastffi} in
     * the user's cache directory: {@code $XDG_CACHE_HOME} or {@code ~/.cache} on Linux,
     * {@code ~/Library/Caches} on macOS, {@code %LOCALAPPDATA%} on Windows. Read at every extraction.
     */
    public static final String LIBRARY_CACHE_PROPERTY = "fastffi.library.cache";

    private static final Map<List<String>, LibraryState> GLOBAL_LIBRARIES = new ConcurrentHashMap<>();
    /**
     * The interfaces whose missing binding was logged, weakly, so an unloaded class loader takes
     * its own along; in a holder, loaded only by a binding without generated code.
     */
    private static final class Warned {
        static final Set<Class<?>> INTERFACES = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    }

    private FastFfi() {}

    /**
     * Binds {@code iface} to the library its {@link NativeLibrary} names (or to the process and C
     * library without one), loaded for the lifetime of the process and never closed. Its
     * {@code classpath:} candidates are resources of {@code iface}'s class loader.
     *
     * @throws FfiException {@code LIBRARY_NOT_FOUND} (also when the JVM refuses native access: the
     *     message names the flag to add), {@code SYMBOL_NOT_FOUND}, {@code INVALID_SIGNATURE}, or
     *     {@code INVALID_ARGUMENT} when {@code iface} is null
     */
    public static <T> T load(Class<T> iface) {
        requireInterface(iface, "FastFfi.load(iface)");
        // enabled by the flag or the manifest line, native access needs no check: its class is not even loaded
        if (!FastFfi.class.getModule().isNativeAccessEnabled()) {
            NativeAccess.check();
        }
        String[] libraries = libraryNames(iface);
        LibraryState state = libraries == null ? SystemLibrary.state() : globalLibrary(iface, libraries);
        return bind(iface, state, true);
    }

    /*
     * The process-wide library for these names, loaded once. Written without a lambda, as is the
     * rest of the way to a first call: each lambda spins a class the first time it runs.
     */
    private static LibraryState globalLibrary(Class<?> iface, String[] names) {
        List<String> key = LibraryLoader.identity(iface, names);
        LibraryState state = GLOBAL_LIBRARIES.get(key);
        if (state != null) {
            return state;
        }
        synchronized (GLOBAL_LIBRARIES) {
            state = GLOBAL_LIBRARIES.get(key);
            if (state == null) {
                state = LibraryLoader.openFor(iface, names);
                GLOBAL_LIBRARIES.put(key, state);
            }
            return state;
        }
    }

    /**
     * The names of {@code iface}'s {@code @NativeLibrary}, or null without one: as its generated
     * class registered them, so no annotation is read (that costs tens of milliseconds at start-up),
     * or from the annotation when the processor did not run.
     */
    private static String[] libraryNames(Class<?> iface) {
        Optional<? extends Bindings.Factory<?>> generated = Bindings.find(iface);
        if (generated.isPresent()) {
            return generated.get().libraries();
        }
        NativeLibrary library = iface.getAnnotation(NativeLibrary.class);
        return library == null ? null : library.value();
    }

    /** Per method, in a stable order (name, then parameter types): FAST or COMPAT and why. */
    public static List<CallPlan> describe(Class<?> iface) {
        requireInterface(iface, "FastFfi.describe(iface)");
        Optional<String> everyMethod = compatForAll(iface);
        return NativeMethod.of(iface).stream().map(method -> {
            Optional<String> reason = everyMethod.or(() ->
                    method.plan().fast() ? Optional.empty() : Optional.of(method.plan().reason()));
            return new CallPlan(method.method().getName(), method.plan().display(),
                    reason.isPresent() ? CallPath.COMPAT : CallPath.FAST,
                    (method.async() ? Eligibility.ASYNC_PREFIX : "") + reason.orElse(Eligibility.FAST_REASON));
        }).toList();
    }

    /**
     * Whether the methods named {@code method} (the Java name; all overloads) of {@code binding}
     * can be called: false when the library lacks an {@code optional = true} symbol, whose calls
     * throw {@code SYMBOL_NOT_FOUND}; true for every other method, as {@code bind} resolved it.
     *
     * @param binding what {@link #load} or {@link Library#bind} returned
     * @throws FfiException {@code INVALID_ARGUMENT} when {@code binding} is not such an object or
     *     its interface has no {@code @NativeFunction} method named {@code method}
     */
    public static boolean isAvailable(Object binding, String method) {
        return BoundInterfaces.isAvailable(binding, method);
    }

    /**
     * Sets what receives the failure of a Java callback that C ran on a thread it started itself,
     * where no fastffi call is in progress to throw it. The callback has returned zero to C; the
     * failure is a {@code CALLBACK_FAILED} {@link FfiException} naming the callback and the thread,
     * with what the callback threw as its cause, and it never goes to a call on another thread.
     * The handler runs on that thread before the upcall returns to C, so it should be short; what
     * it throws goes, added to the failure as suppressed, to the thread's uncaught-exception handler.
     *
     * @param handler what receives those failures, or null for the default: the uncaught-exception
     *     handler of the thread the callback ran on
     */
    public static void onCallbackFailure(Consumer<FfiException> handler) {
        UpcallFailures.handler(handler);
    }

    /** Refuses a null interface with {@code INVALID_ARGUMENT}; {@code where} names the method it was passed to. */
    static void requireInterface(Class<?> iface, String where) {
        if (iface == null) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, where + ": iface is null; pass the class of"
                    + " an interface whose methods are annotated @NativeFunction");
        }
    }

    /** {@code iface} bound to {@code state}: the library {@code FastFfi.load} chose for it when {@code global}. */
    static <T> T bind(Class<T> iface, LibraryState state, boolean global) {
        Optional<Bindings.Factory<T>> generated = Bindings.fastEnabled() ? Bindings.find(iface) : Optional.empty();
        if (generated.isPresent()) {
            if (global) {
                generated.get().loadedGlobally(state);
            }
            Binder binder = new Binder(state);
            return binder.remember(generated.get().bind(iface, state, binder), iface);
        }
        // made first, so that what cannot be bound at all (a class, an interface without a function) warns of nothing
        T binding = CompatBinding.create(iface, state);
        if (Bindings.fastEnabled() && Warned.INTERFACES.add(iface)) {
            // looked up only here: System.getLogger costs tens of milliseconds on the first call
            System.getLogger("dev.fastffi").log(System.Logger.Level.WARNING, noBindingReason(iface));
        }
        return binding;
    }

    /** Why every method of {@code iface} is on the compatibility path, if one reason covers them all. */
    private static Optional<String> compatForAll(Class<?> iface) {
        if (!Bindings.fastEnabled()) {
            return Optional.of("-D" + FAST_PROPERTY + "=false puts every call on the compatibility path");
        }
        return Bindings.find(iface).map(factory -> factory.fastPath()
                        ? Optional.<String>empty()
                        : Optional.of(Eligibility.FAST_DISABLED_REASON))
                .orElseGet(() -> Optional.of("no generated binding: "
                        + NotGenerated.of(iface).map(skipped -> skipped.reason)
                                .orElse("the fastffi annotation processor did not run")));
    }

    /** Why the processor generated no class for an interface even where it ran, and what to do about it. */
    private enum NotGenerated {
        UNNAMEABLE("the fastffi annotation processor generates none for an interface declared inside a method, an"
                + " initializer or an anonymous class, or private, as the generated class could not name it",
                "declare it as a top-level interface or as a member of a class that is not private"),
        NOT_PROCESSED("the fastffi annotation processor generates one for an interface that declares a"
                + " @NativeFunction method itself or is annotated @NativeLibrary, and this one does neither",
                "annotate it with the @NativeLibrary it binds, or redeclare one of its functions in it");

        final String reason;
        final String advice;

        NotGenerated(String reason, String advice) {
            this.reason = reason;
            this.advice = advice;
        }

        /** Why the processor generates no binding for {@code iface} even where it runs; empty when it generates one. */
        static Optional<NotGenerated> of(Class<?> iface) {
            if (unnameable(iface)) {
                return Optional.of(UNNAMEABLE);
            }
            return processorSkips(iface) ? Optional.of(NOT_PROCESSED) : Optional.empty();
        }
    }

    private static String noBindingReason(Class<?> iface) {
        String intro = "no generated binding for " + iface.getName() + ": ";
        return NotGenerated.of(iface)
                .map(skipped -> intro + skipped.reason + ", so calls take the compatibility path; " + skipped.advice)
                .orElse(intro + "the fastffi annotation processor did not run, so calls take the compatibility"
                        + " path; add dev.fastffi:fastffi-processor to the maven-compiler-plugin's"
                        + " annotationProcessorPaths to generate it");
    }

    /**
     * Whether a class generated beside {@code iface} cannot implement it: a local interface, one in an
     * anonymous or local class, or a private one (or one in a private class). The processor reports such
     * an interface as a compile error wherever javac shows it the declaration.
     */
    private static boolean unnameable(Class<?> iface) {
        for (Class<?> type = iface; type != null; type = type.getEnclosingClass()) {
            if (type.isLocalClass() || type.isAnonymousClass() || Modifier.isPrivate(type.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the processor passes {@code iface} by: it finds interfaces through the methods they
     * annotate and through {@code @NativeLibrary}, so one that only inherits its functions has no
     * generated class even where the processor ran.
     */
    private static boolean processorSkips(Class<?> iface) {
        return !iface.isAnnotationPresent(NativeLibrary.class) && Arrays.stream(iface.getDeclaredMethods())
                .noneMatch(method -> method.isAnnotationPresent(NativeFunction.class));
    }
}

package dev.fastffi;

import dev.fastffi.internal.CallbackType;
import dev.fastffi.internal.NativeAccess;
import dev.fastffi.internal.UpcallStubs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A registered callback: one C function pointer that calls a Java object until {@link #close()}.
 *
 * <p>Pass it where a signature has {@code function} (the call stays on the fast path) or pass
 * {@link #address()} to C code that stores it. Whatever the callback throws never reaches C: the
 * callback returns zero (NULL) to C and the fastffi call during which it ran throws
 * {@code CALLBACK_FAILED} with it as cause. That is the call running on the callback's thread,
 * also when C stored the pointer earlier. When C calls it on a thread C started, no call throws it:
 * the failure goes to the handler set with {@link FastFfi#onCallbackFailure}, by default that
 * thread's uncaught-exception handler. When C calls it during a downcall fastffi did not make (a
 * handle linked with plain FFM, JNI, another FFI) on a Java thread, that downcall cannot throw it:
 * the next fastffi call that returns on that thread does, as it cannot tell such a downcall from
 * a call through {@link DynamicFunction#handle()}.
 *
 * <p>C must not call the pointer after {@code close()}: its memory is freed, as with any FFI.
 *
 * <p>A callback object passed as its {@code @NativeCallback} interface, without an {@code Upcall},
 * gets one pointer per object instead, valid while Java holds the object strongly; after the
 * object is garbage-collected the pointer returns zero for a while, then goes to a new callback
 * object of the same interface or is freed. C may keep that pointer as long as Java keeps the object.
 */
public final class Upcall<T> implements AutoCloseable {
    private final Class<T> type;
    private final Arena arena;
    private final MemorySegment address;
    private volatile boolean closed;

    private Upcall(Class<T> type, Arena arena, MemorySegment address) {
        this.type = type;
        this.arena = arena;
        this.address = address;
    }

    /**
     * Creates the upcall stub now; it lives until {@link #close()}.
     *
     * @throws FfiException {@code INVALID_SIGNATURE} when {@code callbackIface} is not a valid
     *     {@code @NativeCallback} interface; {@code INVALID_ARGUMENT} when either argument is null,
     *     {@code target} does not implement {@code callbackIface}, or the JVM's code heap has no room
     *     for the stub even after a collection (the JVM's {@code OutOfMemoryError} is the cause);
     *     {@code LIBRARY_NOT_FOUND} naming the flag to add when the JVM refuses native access
     */
    public static <T> Upcall<T> of(Class<T> callbackIface, T target) {
        NativeAccess.check();
        if (callbackIface == null) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "Upcall.of(callbackIface, target): callbackIface"
                    + " is null; pass the class of an interface annotated @NativeCallback");
        }
        CallbackType callback = CallbackType.of(callbackIface);
        if (target == null) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT,
                    "Upcall.of(" + callbackIface.getSimpleName() + "): the target is null");
        }
        // a raw or unchecked Class lets any object through the compiler
        if (!callbackIface.isInstance(target)) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "Upcall.of(" + callbackIface.getSimpleName()
                    + "): the target is a " + target.getClass().getName() + ", which does not implement "
                    + callbackIface.getName());
        }
        Arena arena = Arena.ofShared();
        return new Upcall<>(callbackIface, arena, UpcallStubs.create(callback, callbackIface.cast(target), arena));
    }

    /**
     * The C function pointer. FFM keeps the stub alive while a call that was passed it runs.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} after {@link #close()}
     */
    public MemorySegment address() {
        if (closed) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, this + " is closed; its address is freed");
        }
        return address;
    }

    /** Whether the stub is still usable: false once {@link #close()} has been called. */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * Frees the stub; idempotent, also when threads close it at once. While a call that was passed
     * this upcall still runs (its callback may be the one closing it), FFM keeps the stub alive
     * and this throws {@code IllegalStateException} saying so; the upcall is closed all the same,
     * and calling this again once that call has returned frees the stub.
     *
     * @throws IllegalStateException while a call that was passed this upcall runs
     */
    @Override
    public void close() {
        closed = true;
        try {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        } catch (IllegalStateException refused) {
            // refused because a call holds the arena, or because another thread closed it first
            if (arena.scope().isAlive()) {
                throw new IllegalStateException(this + ": a call that was passed this upcall is still running, and"
                        + " FFM keeps its stub until that call returns; close it again after that to free it",
                        refused);
            }
        }
    }

    @Override
    public String toString() {
        return "Upcall<" + type.getSimpleName() + ">" + (closed ? "[closed]" : "");
    }
}

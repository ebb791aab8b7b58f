package dev.fastffi;

import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.internal.NativeAccess;
import dev.fastffi.internal.StructMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes memory at an address C handed out: a {@code char *} or {@code char **} it
 * returned, a struct pointer, a buffer. The address is typically the zero-length segment a
 * {@code pointer} result or field carries; these methods size it themselves, so code using them
 * needs no restricted FFM method and no native access of its own.
 *
 * <p>Like any FFI, they trust the address and size they are given: fastffi cannot know how much
 * memory C owns there or for how long. A {@code null} reference counts as NULL. Memory that C keeps
 * after a call, such as a struct it fills later, comes from an {@link java.lang.foreign.Arena} the
 * caller owns; allocating it needs no native access.
 */
public final class NativeMemory {
    /** As far as any native segment may reach. */
    private static final long UNBOUNDED = Long.MAX_VALUE;

    private NativeMemory() {}

    /**
     * The NUL-terminated UTF-8 string at {@code address}, decoded as
     * {@link MemorySegment#getString(long)} decodes (malformed bytes become U+FFFD); null for NULL.
     * The memory is not freed.
     */
    public static String string(MemorySegment address) {
        if (isNull(address)) {
            return null;
        }
        return sized("string(address)", address, UNBOUNDED).getString(0, StandardCharsets.UTF_8);
    }

    /**
     * The strings of the NULL-terminated array of {@code char *} at {@code address} (an {@code argv}
     * or {@code environ}), each read as {@link #string} reads it; null for NULL. The memory is not freed.
     */
    public static String[] strings(MemorySegment address) {
        if (isNull(address)) {
            return null;
        }
        MemorySegment array = sized("strings(address)", address, UNBOUNDED);
        int count = 0;
        while (array.getAtIndex(ValueLayout.ADDRESS_UNALIGNED, count).address() != 0) {
            count++;
        }
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = string(array.getAtIndex(ValueLayout.ADDRESS_UNALIGNED, i));
        }
        return strings;
    }

    /**
     * A copy of the {@code length} bytes at {@code address}.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for NULL, a negative length or one no
     *     {@code byte[]} can hold
     */
    public static byte[] bytes(MemorySegment address, long length) {
        String where = "bytes(address, length)";
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw invalid(where, "length " + length + (length < 0 ? " is negative" : " is more than a byte[] holds"));
        }
        return sized(where, notNull(where, address, "no bytes"), length).toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * The {@code @NativeStruct} record {@code struct} read from the struct at {@code address}: every
     * field, nested structs and fixed arrays included, as a struct result is read. A {@code function}
     * field whose component is a {@code @NativeCallback} interface is read as a view of the function
     * pointer (null for NULL), as {@code Library.system().function(type, pointer)} gives it: no
     * library is known here, so the view belongs to the system library and is never closed; it
     * stays callable only as long as the code it points at stays loaded.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for NULL, an address not aligned for the struct
     *     or a class that is no {@code @NativeStruct} record; {@code INVALID_SIGNATURE} when the
     *     record does not match its {@code @NativeStruct} text
     */
    public static <R extends Record> R read(Class<R> struct, MemorySegment address) {
        String where = "read(struct, address)";
        StructLayout layout = layout(where, struct);
        return StructMemory.read(struct, structAt(where, address, layout, "no struct to read"));
    }

    /**
     * Writes the {@code @NativeStruct} record {@code value} into the struct at {@code address}.
     * Every field is converted and range-checked as a struct argument is, before anything is
     * written, so a rejected value leaves the memory as it was. A {@code function} field whose
     * component is a {@code @NativeCallback} interface is written as a callback argument is: a view
     * of a C function as that function's address, any other callback object as its stub, valid
     * while Java holds the object, and null as NULL.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for NULL, an address not aligned for the struct or
     *     read-only, a null value, a value that is no {@code @NativeStruct} record or a field value C
     *     cannot hold; {@code INVALID_SIGNATURE} when the record does not match its {@code @NativeStruct} text
     */
    public static void write(MemorySegment address, Record value) {
        String where = "write(address, value)";
        if (value == null) {
            throw invalid(where, "value is null; pass a @NativeStruct record");
        }
        StructLayout layout = layout(where, value.getClass());
        MemorySegment struct = structAt(where, address, layout, "nowhere to write");
        if (struct.isReadOnly()) {
            throw invalid(where, "address is a read-only segment; nothing is written");
        }
        StructMemory.write(struct, value);
    }

    /**
     * The layout fastffi reads, writes and passes {@code struct} with: natural C alignment and
     * padding, as a C compiler lays the struct out; members (nested structs too) are named after the
     * record's components, so {@code byteOffset(PathElement.groupElement("x"))} finds a field.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for a class that is no {@code @NativeStruct}
     *     record; {@code INVALID_SIGNATURE} when the record does not match its {@code @NativeStruct} text
     */
    public static StructLayout layout(Class<? extends Record> struct) {
        return layout("layout(struct)", struct);
    }

    /**
     * A segment of {@code byteSize} bytes at {@code address}, for the plain FFM API: {@code get} and
     * {@code set} of any layout, {@code MemorySegment.copy}, {@code asSlice}. It lives as long as
     * {@code address} does (for an address C returned: always), so it is only as valid as the
     * memory C keeps there.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for NULL or a negative size
     */
    public static MemorySegment view(MemorySegment address, long byteSize) {
        String where = "view(address, byteSize)";
        if (byteSize < 0) {
            throw invalid(where, "byteSize " + byteSize + " is negative");
        }
        return sized(where, notNull(where, address, "no memory to view"), byteSize);
    }

    private static StructLayout layout(String where, Class<?> struct) {
        if (struct == null) {
            throw invalid(where, "struct is null; pass a @NativeStruct record class");
        }
        if (!struct.isRecord() || !struct.isAnnotationPresent(NativeStruct.class)) {
            throw invalid(where, struct.getName() + " is not a @NativeStruct record; declare it as a record"
                    + " annotated @NativeStruct(\"{...}\") whose components match the fields");
        }
        return StructMemory.layout(struct);
    }

    private static MemorySegment structAt(String where, MemorySegment address, StructLayout layout, String nothing) {
        notNull(where, address, nothing);
        if (address.address() % layout.byteAlignment() != 0) {
            throw invalid(where, "address 0x" + Long.toHexString(address.address()) + " is not aligned to the "
                    + layout.byteAlignment() + " bytes " + layout.name().orElseThrow() + " needs");
        }
        return sized(where, address, layout.byteSize());
    }

    private static boolean isNull(MemorySegment address) {
        return address == null || (address.isNative() && address.address() == 0);
    }

    private static MemorySegment notNull(String where, MemorySegment address, String nothing) {
        if (isNull(address)) {
            throw invalid(where, "address is NULL, " + nothing + " there");
        }
        return address;
    }

    /** {@code address} as a segment of {@code size} bytes, in the scope it has. */
    @SuppressWarnings("restricted")
    private static MemorySegment sized(String where, MemorySegment address, long size) {
        if (!address.isNative()) {
            throw invalid(where, "address is a heap segment, which is no address C can hand out; pass the"
                    + " segment C returned or memory from an Arena");
        }
        if (!address.scope().isAlive()) {
            throw invalid(where, "address belongs to an arena that is closed; its memory is freed");
        }
        if (!address.isAccessibleBy(Thread.currentThread())) {
            throw invalid(where, "address belongs to a confined Arena of another thread, which alone may use it");
        }
        NativeAccess.check();
        return address.reinterpret(size);
    }

    private static FfiException invalid(String where, String problem) {
        return new FfiException(FfiException.Code.INVALID_ARGUMENT, "NativeMemory." + where + ": " + problem);
    }
}

package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import java.util.concurrent.CompletableFuture;

/**
 * String arguments next to fast-path types: COMPAT by contract, but with a generated body that
 * copies the strings into scratch memory and calls the exact handle, as buffers do.
 */
interface StringCalls {
    @NativeStruct("{i32, i32}")
    record Offset(int x, int y) {}

    @NativeFunction(value = "usize(string)", symbol = "byte_length")
    long byteLength(String s);

    @NativeFunction(value = "i32(str)", symbol = "is_null")
    int isNull(String s);

    @NativeFunction(value = "i32(string, buffer, usize)", symbol = "string_equals_bytes")
    int equalsBytes(String s, byte[] expected, long n);

    @NativeFunction(value = "i32(string, buffer, usize)", symbol = "string_equals_bytes", critical = true)
    int equalsBytesCritical(String s, byte[] expected, long n);

    @NativeFunction(value = "usize(string, buffer, usize)", symbol = "copy_string")
    long copyString(String s, byte[] out, long n);

    @NativeFunction(value = "usize(string, u8)", symbol = "count_byte")
    long countByte(String s, int c);

    @NativeFunction(value = "i32(string, string)", symbol = "compare_strings")
    int compare(String a, String b);

    @NativeFunction(value = "Offset(string, Offset)", symbol = "offset_by_length")
    Offset offsetByLength(String s, Offset p);

    @NativeFunction(value = "i32(string)", symbol = "fail_with_errno_of_length", errno = true)
    int failWithErrnoOfLength(String s);

    @NativeFunction(value = "usize(string)", symbol = "byte_length")
    CompletableFuture<Long> byteLengthLater(String s);

    @NativeFunction(value = "usize(string)", symbol = "no_such_string_function", optional = true)
    long missing(String s);
}

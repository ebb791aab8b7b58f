package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;

/** String arguments and results, always on the compatibility path; {@code str} is the alias of {@code string}. */
interface Utf8Strings {
    @NativeFunction(value = "usize(string)", symbol = "byte_length")
    long byteLength(String s);

    @NativeFunction(value = "i32(str, buffer, usize)", symbol = "string_equals_bytes")
    int equalsBytes(String s, byte[] expected, long n);

    @NativeFunction(value = "string(string)", symbol = "echo_string")
    String echo(String s);

    @NativeFunction(value = "str()", symbol = "static_ascii")
    String staticAscii();

    @NativeFunction(value = "string()", symbol = "static_utf8")
    String staticUtf8();

    @NativeFunction(value = "string()", symbol = "static_empty")
    String staticEmpty();

    @NativeFunction(value = "string()", symbol = "null_string")
    String nullString();

    @NativeFunction(value = "i32(string)", symbol = "is_null")
    int isNull(String s);
}

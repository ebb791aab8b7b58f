package dev.fastffi.it.robustness;

import dev.fastffi.annotations.NativeFunction;

/** fixture.c's fail_with_errno, which sets errno without a system call, captured on both paths. */
interface ErrnoCalls {
    @NativeFunction(value = "i32(i32)", symbol = "fail_with_errno", errno = true)
    int fail(int code);

    @NativeFunction(value = "i32(i32)", symbol = "fail_with_errno", errno = true)
    Integer failCompat(Integer code);
}

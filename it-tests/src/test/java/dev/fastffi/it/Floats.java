package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;

/** f32 and f64 functions of the fixture, with C-side bit conversions to check what C saw. */
interface Floats {
    @NativeFunction(value = "f32(f32)", symbol = "echo_f32")
    float echoF32(float v);

    @NativeFunction(value = "f32()", symbol = "nan_f32")
    float nanF32();

    @NativeFunction(value = "f32()", symbol = "inf_f32")
    float infF32();

    @NativeFunction(value = "f32()", symbol = "neg_inf_f32")
    float negInfF32();

    @NativeFunction(value = "f32()", symbol = "neg_zero_f32")
    float negZeroF32();

    @NativeFunction(value = "f32()", symbol = "payload_nan_f32")
    float payloadNanF32();

    @NativeFunction(value = "u32(f32)", symbol = "u32_bits_of_f32")
    int u32BitsOfF32(float v);

    @NativeFunction(value = "f32(u32)", symbol = "f32_of_u32_bits")
    float f32OfU32Bits(int bits);

    @NativeFunction(value = "f64(f64)", symbol = "echo_f64")
    double echoF64(double v);

    @NativeFunction(value = "f64()", symbol = "nan_f64")
    double nanF64();

    @NativeFunction(value = "f64()", symbol = "inf_f64")
    double infF64();

    @NativeFunction(value = "f64()", symbol = "neg_inf_f64")
    double negInfF64();

    @NativeFunction(value = "f64()", symbol = "neg_zero_f64")
    double negZeroF64();

    @NativeFunction(value = "f64()", symbol = "payload_nan_f64")
    double payloadNanF64();

    @NativeFunction(value = "u64(f64)", symbol = "u64_bits_of_f64")
    long u64BitsOfF64(double v);

    @NativeFunction(value = "f64(u64)", symbol = "f64_of_u64_bits")
    double f64OfU64Bits(long bits);
}

/**
 * The annotations that declare a native binding: {@code @NativeLibrary}, {@code @NativeFunction},
 * {@code @NativeCallback}, {@code @NativeStruct} and their companions. No dependencies.
 */
module dev.fastffi.annotations {
    exports dev.fastffi.annotations;
}

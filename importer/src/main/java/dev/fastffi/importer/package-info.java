/**
 * The header importer: reads C headers through the system C compiler's preprocessor and writes
 * fastffi interfaces, {@code @NativeStruct} records and {@code @NativeCallback} interfaces. Its entry
 * points are {@link dev.fastffi.importer.ImporterMain} (the command line) and
 * {@link dev.fastffi.importer.Importer}.
 */
package dev.fastffi.importer;

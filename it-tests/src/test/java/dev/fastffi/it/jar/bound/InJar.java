package dev.fastffi.it.jar.bound;

import dev.fastffi.annotations.NativeLibrary;
import dev.fastffi.it.jar.Adder;

/**
 * Bound to the fixture inside a jar. The tests define this package afresh in a class loader that
 * also sees the jar ({@code FixtureJar.loaderOf}), so the interface's own class loader is the one
 * that finds the resource, and the application class loader never does.
 */
@NativeLibrary("classpath:native/{platform}/libfastffi_fixture.so")
public interface InJar extends Adder {}

package dev.fastffi.processor;

import static dev.fastffi.processor.GoldenFiles.check;

import org.junit.jupiter.api.Test;

/** Generated code compared with reviewed text; each case also compiles with -Xlint:all, doclint and -Werror. */
class GoldenTest {

    @Test
    void everyScalarConversionOnTheFastPathMatchesGolden() {
        check("scalars");
    }

    @Test
    void compatibilityMethodsCallCompatFunctionWithTheJavaResultType() {
        check("compat");
    }

    @Test
    void fastDisabledPutsEveryMethodOnTheCompatibilityPath() {
        check("fast-disabled", "-Afastffi.fast=false");
    }

    @Test
    void overloadsGetDistinctMembersAndClashingParametersAreRenamed() {
        check("overloads");
    }

    @Test
    void nestedInterfaceBindsUnderItsBinaryName() {
        check("nested");
    }

    @Test
    void buffersGoThroughScratchMemoryOrZeroCopyWhenCritical() {
        check("buffers");
    }

    @Test
    void callbacksErrnoAndVariadicsMatchGolden() {
        check("callbacks");
    }

    @Test
    void everyCallbackGetsAViewAndFunctionResultsReturnIt() {
        check("views");
    }

    @Test
    void optionalSymbolsResolveWithoutFailingTheBinding() {
        check("optional");
    }

    @Test
    void asynchronousMethodsHandTheirBodyToTheRuntimePool() {
        check("async");
    }

    @Test
    void structsAreCopiedByGeneratedPutAndGetMethodsThroughScratchMemory() {
        check("structs");
    }

    @Test
    void widenedStructComponentsAreRangeCheckedInAndExtendedOutOneCodecPerStruct() {
        check("struct-carriers");
    }

    @Test
    void structPointersAreCopiedThroughScratchMemoryAndOwnedResultsFreed() {
        check("struct-pointers");
    }

    @Test
    void methodsWhoseOnlyCompatTypesAreStringArgumentsCopyThemAndCallTheHandle() {
        check("strings");
    }

    @Test
    void anInterfaceThatNamesItsLibraryAndInheritsEveryFunctionIsBound() {
        check("inherited");
    }
}

package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import org.junit.jupiter.api.Test;

/** Interfaces read at run time resolve struct names and check records as the processor does. */
class StructMethodTest {

    @NativeStruct("{f64, f64}")
    record Point(double x, double y) {}

    @NativeStruct("{i32, Point}")
    record Labeled(int label, Point point) {}

    record Wrong(double x, int y) {}

    interface Named {
        @NativeFunction("Labeled(Labeled, Point)")
        Labeled move(Labeled what, Point by);
    }

    interface Mismatched {
        @NativeFunction("f64({f64, f64})")
        double length(Wrong point);
    }

    @NativeStruct("{f64, flot}")
    record Misspelled(double x, float y) {}

    interface UsesMisspelled {
        @NativeFunction("f64(Misspelled)")
        double length(Misspelled point);
    }

    interface Unknown {
        @NativeFunction("f64(Pointt)")
        double length(Point point);
    }

    @Test
    void namedStructsResolveThroughTheMethodsRecords() {
        NativeMethod method = NativeMethod.of(Named.class).get(0);

        assertEquals("{i32, {f64, f64}}({i32, {f64, f64}}, {f64, f64})", method.signature().toString());
    }

    @Test
    void aRecordThatDoesNotMatchIsRejectedNamingTheComponent() {
        FfiException e = assertThrows(FfiException.class, () -> NativeMethod.of(Mismatched.class));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
        assertTrue(e.getMessage().contains("Mismatched.length: Argument 0 of @NativeFunction(\"f64({f64, f64})\") is the"
                + " struct {f64, f64}: record Wrong component 'y' is int, but the field is f64; declare it as double or Double."), e.getMessage());
    }

    @Test
    void anUnknownStructNameListsTheKnownNames() {
        FfiException e = assertThrows(FfiException.class, () -> NativeMethod.of(Unknown.class));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
        assertTrue(e.getMessage().contains("unknown struct 'Pointt' at column 5; known structs are Point"), e.getMessage());
    }

    @Test
    void anInvalidNativeStructIsRejectedNamingTheRecord() {
        FfiException e = assertThrows(FfiException.class, () -> NativeMethod.of(UsesMisspelled.class));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
        assertTrue(e.getMessage().startsWith("INVALID_SIGNATURE: UsesMisspelled.length: @NativeStruct(\"{f64, flot}\"):"
                + " unknown type 'flot' at column 7"), e.getMessage());
    }
}

package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.model.JavaTypes.Support;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The function rows of the type table and the rows of callback parameters and results. */
class CallbackJavaTypesTest {

    @Test
    void functionArgumentIsFastAsSegmentOrUpcallAndCompatAsCallbackObject() {
        assertEquals(Support.FAST, JavaTypes.argument(NativeType.FUNCTION, JavaTypes.SEGMENT));
        assertEquals(Support.FAST, JavaTypes.argument(NativeType.FUNCTION, JavaTypes.UPCALL));
        assertEquals(Support.COMPAT, JavaTypes.argument(NativeType.FUNCTION, JavaTypes.CALLBACK));
        assertEquals(Support.NONE, JavaTypes.argument(NativeType.FUNCTION, "long"));
    }

    @Test
    void functionResultIsASegmentOrACallbackViewFastWhenTheViewIs() {
        assertEquals(List.of(JavaTypes.SEGMENT, JavaTypes.CALLBACK), JavaTypes.allowedResults(NativeType.FUNCTION));
        assertEquals(Support.FAST, JavaTypes.result(NativeType.FUNCTION, JavaTypes.SEGMENT));
        assertEquals(Support.FAST, JavaTypes.result(NativeType.FUNCTION, JavaTypes.CALLBACK));
        assertEquals(Support.COMPAT, JavaTypes.result(NativeType.FUNCTION, JavaTypes.CALLBACK_COMPAT_VIEW));
        assertEquals(Support.NONE, JavaTypes.result(NativeType.FUNCTION, "java.lang.Runnable"));
    }

    @Test
    void callbacksReceiveAndReturnFunctionPointersAsSegmentsOnly() {
        assertEquals(Support.FAST, JavaTypes.callbackArgument(NativeType.FUNCTION, JavaTypes.SEGMENT));
        assertEquals(Support.NONE, JavaTypes.callbackArgument(NativeType.FUNCTION, JavaTypes.CALLBACK));
        assertEquals(Support.NONE, JavaTypes.callbackResult(NativeType.FUNCTION, JavaTypes.CALLBACK));
        assertEquals(List.of(JavaTypes.SEGMENT), JavaTypes.allowedCallbackArguments(NativeType.FUNCTION));
        assertEquals(List.of(JavaTypes.SEGMENT), JavaTypes.allowedCallbackResults(NativeType.FUNCTION));
    }

    @Test
    void callbacksReceiveAndReturnStructsAsRecordsTheRulesCheck() {
        assertEquals(Support.FAST, JavaTypes.callbackArgument(NativeType.STRUCT, "com.x.Point"));
        assertEquals(Support.FAST, JavaTypes.callbackResult(NativeType.STRUCT, "com.x.Point"));
    }

    @Test
    void callbackParametersTakeResultTypesAndStrings() {
        assertEquals(Support.FAST, JavaTypes.callbackArgument(NativeType.U8, "int"));
        assertEquals(Support.COMPAT, JavaTypes.callbackArgument(NativeType.U64, JavaTypes.BIG_INTEGER));
        assertEquals(Support.COMPAT, JavaTypes.callbackArgument(NativeType.STRING, JavaTypes.STRING));
        assertEquals(Support.NONE, JavaTypes.callbackArgument(NativeType.BUFFER, "byte[]"));
        assertEquals(List.of(), JavaTypes.allowedCallbackArguments(NativeType.BUFFER));
    }

    @Test
    void callbackResultsAreFastTypesOnly() {
        assertEquals(Support.FAST, JavaTypes.callbackResult(NativeType.VOID, "void"));
        assertEquals(Support.FAST, JavaTypes.callbackResult(NativeType.U32, "long"));
        assertEquals(Support.NONE, JavaTypes.callbackResult(NativeType.I32, "java.lang.Integer"));
        assertEquals(Support.NONE, JavaTypes.callbackResult(NativeType.STRING, JavaTypes.STRING));
    }
}

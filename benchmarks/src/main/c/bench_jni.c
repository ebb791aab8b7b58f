/*
 * JNI entry points of dev.fastffi.benchmarks.Jni: each one calls the same function of
 * libfastffi_bench.so that the other mechanisms call, the way a careful JNI author would.
 */
#include <jni.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

void noop(void);
int32_t add(int32_t a, int32_t b);
double mul(double a, double b);
uint64_t xor_u64(uint64_t a, uint64_t b);
int64_t sum_bytes(const uint8_t *data, size_t length);
size_t length_of(const char *text);
int32_t fail_with_errno(int32_t code);
void sort_ints(int32_t *data, size_t count, int (*compare)(const void *, const void *));

/* Looked up once: a jmethodID stays valid while its class is loaded, and this one is the JDK's. */
static jmethodID apply_as_int;

/* The comparator of the sort running on this thread. */
static __thread JNIEnv *sort_env;
static __thread jobject sort_comparator;

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    jclass operator = (*env)->FindClass(env, "java/util/function/IntBinaryOperator");
    if (operator == NULL) {
        return JNI_ERR;
    }
    apply_as_int = (*env)->GetMethodID(env, operator, "applyAsInt", "(II)I");
    return apply_as_int == NULL ? JNI_ERR : JNI_VERSION_1_8;
}

JNIEXPORT void JNICALL Java_dev_fastffi_benchmarks_Jni_noop(JNIEnv *env, jclass cls) {
    noop();
}

JNIEXPORT jint JNICALL Java_dev_fastffi_benchmarks_Jni_add(JNIEnv *env, jclass cls, jint a, jint b) {
    return add(a, b);
}

JNIEXPORT jdouble JNICALL Java_dev_fastffi_benchmarks_Jni_mul(JNIEnv *env, jclass cls, jdouble a, jdouble b) {
    return mul(a, b);
}

JNIEXPORT jlong JNICALL Java_dev_fastffi_benchmarks_Jni_xor(JNIEnv *env, jclass cls, jlong a, jlong b) {
    return (jlong) xor_u64((uint64_t) a, (uint64_t) b);
}

/* Copied in and back, like every other copying mechanism; small arrays on the stack, as JNI code does. */
JNIEXPORT jlong JNICALL Java_dev_fastffi_benchmarks_Jni_sumBytes(JNIEnv *env, jclass cls, jbyteArray data, jlong length) {
    jbyte stack[4096];
    jbyte *copy = length <= (jlong) sizeof stack ? stack : malloc((size_t) length);
    (*env)->GetByteArrayRegion(env, data, 0, (jsize) length, copy);
    jlong sum = sum_bytes((const uint8_t *) copy, (size_t) length);
    (*env)->SetByteArrayRegion(env, data, 0, (jsize) length, copy);
    if (copy != stack) {
        free(copy);
    }
    return sum;
}

JNIEXPORT jlong JNICALL Java_dev_fastffi_benchmarks_Jni_sumBytesCritical(JNIEnv *env, jclass cls, jbyteArray data, jlong length) {
    jbyte *bytes = (*env)->GetPrimitiveArrayCritical(env, data, NULL);
    jlong sum = sum_bytes((const uint8_t *) bytes, (size_t) length);
    (*env)->ReleasePrimitiveArrayCritical(env, data, bytes, 0);
    return sum;
}

/* Modified UTF-8 equals UTF-8 for the benchmark's ASCII text. */
JNIEXPORT jlong JNICALL Java_dev_fastffi_benchmarks_Jni_lengthOf(JNIEnv *env, jclass cls, jstring text) {
    char stack[256];
    jsize chars = (*env)->GetStringLength(env, text);
    jsize bytes = (*env)->GetStringUTFLength(env, text);
    char *copy = bytes < (jsize) sizeof stack ? stack : malloc((size_t) bytes + 1);
    (*env)->GetStringUTFRegion(env, text, 0, chars, copy);
    copy[bytes] = 0;
    jlong length = (jlong) length_of(copy);
    if (copy != stack) {
        free(copy);
    }
    return length;
}

/* errno read right after the call, before any other code can change it. */
JNIEXPORT jint JNICALL Java_dev_fastffi_benchmarks_Jni_failWithErrno(JNIEnv *env, jclass cls, jint code) {
    fail_with_errno(code);
    return errno;
}

static int compare_through_java(const void *a, const void *b) {
    return (*sort_env)->CallIntMethod(sort_env, sort_comparator, apply_as_int,
            *(const int32_t *) a, *(const int32_t *) b);
}

JNIEXPORT void JNICALL Java_dev_fastffi_benchmarks_Jni_sortInts(JNIEnv *env, jclass cls, jobject buffer, jlong count, jobject comparator) {
    sort_env = env;
    sort_comparator = comparator;
    sort_ints((*env)->GetDirectBufferAddress(env, buffer), (size_t) count, compare_through_java);
}

/* The C functions every benchmark mechanism calls: the same code behind fastffi, FFM, JNA, jnr-ffi and JNI. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

void noop(void) {}

int32_t add(int32_t a, int32_t b) { return a + b; }

double mul(double a, double b) { return a * b; }

uint64_t xor_u64(uint64_t a, uint64_t b) { return a ^ b; }

/* Reads every byte, so that a copied buffer's contents matter to the result. */
int64_t sum_bytes(const uint8_t *data, size_t length) {
    int64_t sum = 0;
    for (size_t i = 0; i < length; i++) {
        sum += data[i];
    }
    return sum;
}

size_t length_of(const char *text) {
    size_t n = 0;
    while (text[n] != 0) {
        n++;
    }
    return n;
}

/* Fails the way a system call does: -1 with errno set. */
int32_t fail_with_errno(int32_t code) {
    errno = code;
    return -1;
}

/* qsort through the caller's comparator: one upcall per comparison. */
void sort_ints(int32_t *data, size_t count, int (*compare)(const void *, const void *)) {
    qsort(data, count, sizeof(int32_t), compare);
}

/* Twenty functions of twenty distinct signatures for the cold-start measurement: FFM links each
 * signature separately, so binding them all costs what a real library's binding costs. */
int32_t cold_0(int32_t a, int32_t b) { return (int32_t) (a + b) + 0; }
int64_t cold_1(int64_t a, int64_t b) { return (int64_t) (a + b) + 1; }
double cold_2(double a, double b) { return (double) (a + b) + 2; }
float cold_3(float a, float b) { return (float) (a + b) + 3; }
int32_t cold_4(int32_t a) { return (int32_t) (a) + 4; }
int64_t cold_5(int64_t a) { return (int64_t) (a) + 5; }
double cold_6(double a) { return (double) (a) + 6; }
float cold_7(float a) { return (float) (a) + 7; }
int32_t cold_8(int32_t a, int32_t b, int32_t c) { return (int32_t) (a + b + c) + 8; }
int64_t cold_9(int64_t a, int64_t b, int64_t c) { return (int64_t) (a + b + c) + 9; }
double cold_10(double a, double b, double c) { return (double) (a + b + c) + 10; }
int32_t cold_11(int64_t a, int32_t b) { return (int32_t) (a + b) + 11; }
int64_t cold_12(int32_t a, int64_t b) { return (int64_t) (a + b) + 12; }
double cold_13(int32_t a, double b) { return (double) (a + b) + 13; }
double cold_14(double a, int32_t b) { return (double) (a + b) + 14; }
int32_t cold_15(double a) { return (int32_t) (a) + 15; }
int64_t cold_16(double a, double b) { return (int64_t) (a + b) + 16; }
int32_t cold_17(int32_t a, int32_t b, int32_t c, int32_t d) { return (int32_t) (a + b + c + d) + 17; }
int64_t cold_18(int32_t a, int32_t b, int32_t c, int32_t d) { return (int64_t) (a + b + c + d) + 18; }
double cold_19(int64_t a) { return (double) (a) + 19; }

/* A 16-byte struct by value, a double and an integer: one SSE and one integer register each way. */
typedef struct { double x; int64_t n; } pair;

pair pair_step(pair p) {
    pair r = { p.x * 2, p.n + 1 };
    return r;
}

/* The C functions every benchmark mechanism calls: the same code behind fastffi, FFM, JNA and JNI. */
#include <stddef.h>
#include <stdint.h>

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

/* A 16-byte struct by value, a double and an integer: one SSE and one integer register each way. */
typedef struct { double x; int64_t n; } pair;

pair pair_step(pair p) {
    pair r = { p.x * 2, p.n + 1 };
    return r;
}

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

/* Twenty distinct functions for the cold-start measurement: bind twenty, call one. */
#define COLD(n) int32_t cold_##n(int32_t a, int32_t b) { return a + b + n; }
COLD(0) COLD(1) COLD(2) COLD(3) COLD(4) COLD(5) COLD(6) COLD(7) COLD(8) COLD(9)
COLD(10) COLD(11) COLD(12) COLD(13) COLD(14) COLD(15) COLD(16) COLD(17) COLD(18) COLD(19)

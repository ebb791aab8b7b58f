/* The C fixture library of the integration tests: echoes and boundary values for every scalar type. */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

/* Calls and arithmetic. */

void noop(void) {}

int32_t add_i32(int32_t a, int32_t b) { return a + b; }

/*
 * Sums 0..n-1 in a loop the optimizer cannot fold, so that a call stays inside native code long
 * enough for another thread to close the library meanwhile.
 */
uint64_t slow_sum(uint32_t n) {
    volatile uint64_t sum = 0;
    for (uint32_t i = 0; i < n; i++) {
        sum += i;
    }
    return sum;
}

/* A side effect another Library of the same file can observe, to show that no native code ran. */
static int32_t counter;
int32_t bump_counter(void) { return ++counter; }
int32_t read_counter(void) { return counter; }

/* Every narrow type at once, so that an argument index other than 0 shows up in messages. */
int32_t sum_narrow(int8_t a, uint8_t b, int16_t c, uint16_t d) { return a + b + c + d; }

/* bool */

bool echo_bool(bool v) { return v; }
bool true_bool(void) { return true; }
bool false_bool(void) { return false; }
int32_t bool_as_i32(bool v) { return v; }

/* 8-bit */

int8_t echo_i8(int8_t v) { return v; }
int8_t min_i8(void) { return INT8_MIN; }
int8_t max_i8(void) { return INT8_MAX; }
int32_t i8_as_i32(int8_t v) { return v; }

uint8_t echo_u8(uint8_t v) { return v; }
uint8_t max_u8(void) { return UINT8_MAX; }
uint32_t u8_as_u32(uint8_t v) { return v; }

/* 16-bit */

int16_t echo_i16(int16_t v) { return v; }
int16_t min_i16(void) { return INT16_MIN; }
int16_t max_i16(void) { return INT16_MAX; }
int32_t i16_as_i32(int16_t v) { return v; }

uint16_t echo_u16(uint16_t v) { return v; }
uint16_t max_u16(void) { return UINT16_MAX; }
uint32_t u16_as_u32(uint16_t v) { return v; }

/* 32-bit */

int32_t echo_i32(int32_t v) { return v; }
int32_t min_i32(void) { return INT32_MIN; }
int32_t max_i32(void) { return INT32_MAX; }
int64_t i32_as_i64(int32_t v) { return v; }

uint32_t echo_u32(uint32_t v) { return v; }
uint32_t max_u32(void) { return UINT32_MAX; }
uint64_t u32_as_u64(uint32_t v) { return v; }

/* 64-bit and pointer-sized */

int64_t echo_i64(int64_t v) { return v; }
int64_t min_i64(void) { return INT64_MIN; }
int64_t max_i64(void) { return INT64_MAX; }

uint64_t echo_u64(uint64_t v) { return v; }
uint64_t max_u64(void) { return UINT64_MAX; }
/* 1 when C received exactly 2^64-1, so the argument direction is checked on the C side. */
int32_t is_max_u64(uint64_t v) { return v == UINT64_MAX; }
/* The high half as C sees it, to tell zero- from sign-extension of a 64-bit value. */
uint32_t high_u32_of_u64(uint64_t v) { return (uint32_t) (v >> 32); }

intptr_t echo_isize(intptr_t v) { return v; }
intptr_t min_isize(void) { return INTPTR_MIN; }
intptr_t max_isize(void) { return INTPTR_MAX; }
ssize_t echo_ssize(ssize_t v) { return v; }

size_t echo_usize(size_t v) { return v; }
size_t max_usize(void) { return SIZE_MAX; }
int32_t is_max_usize(size_t v) { return v == SIZE_MAX; }

/* f32: bit patterns are converted with memcpy, which never canonicalizes a NaN. */

float echo_f32(float v) { return v; }
float nan_f32(void) { return NAN; }
float inf_f32(void) { return INFINITY; }
float neg_inf_f32(void) { return -INFINITY; }
float neg_zero_f32(void) { return -0.0f; }
/* A quiet NaN whose payload differs from Java's canonical 0x7fc00000. */
float payload_nan_f32(void) {
    uint32_t bits = 0x7fc12345u;
    float v;
    memcpy(&v, &bits, sizeof v);
    return v;
}
uint32_t u32_bits_of_f32(float v) {
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits;
}
float f32_of_u32_bits(uint32_t bits) {
    float v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* f64 */

double echo_f64(double v) { return v; }
double nan_f64(void) { return NAN; }
double inf_f64(void) { return INFINITY; }
double neg_inf_f64(void) { return -INFINITY; }
double neg_zero_f64(void) { return -0.0; }
/* A quiet NaN whose payload differs from Java's canonical 0x7ff8000000000000. */
double payload_nan_f64(void) {
    uint64_t bits = 0x7ff80000deadbeefull;
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}
uint64_t u64_bits_of_f64(double v) {
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits;
}
double f64_of_u64_bits(uint64_t bits) {
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* pointer */

void *echo_pointer(void *p) { return p; }
uintptr_t pointer_to_address(void *p) { return (uintptr_t) p; }
void *address_to_pointer(uintptr_t address) { return (void *) address; }
int32_t is_null(void *p) { return p == NULL; }
void *null_pointer(void) { return NULL; }
/* Reads through the pointer, so a test sees that C got the memory and not just a number. */
int32_t read_i32(const int32_t *p) { return *p; }

/*
 * How an argument arrives in its register, which C code cannot see: a C callee may re-extend it
 * (gcc does), so these are written in assembly and return the first argument register's low 32
 * bits unmodified. Clang-built callees rely on the caller having zero-extended a uint8_t (and
 * sign-extended an int8_t) to 32 bits; FFM by itself sign-extends every byte. raw_register_32 is
 * the same code under an architecture-neutral name, for tests that declare it with several
 * signatures ("u32(u8)", "u32(i8)", "u32(u16)", ...).
 */
#if defined(__x86_64__)
__asm__(
    ".text\n"
    ".globl raw_edi_u8\n"
    ".type raw_edi_u8, @function\n"
    ".globl raw_register_32\n"
    ".type raw_register_32, @function\n"
    "raw_edi_u8:\n"
    "raw_register_32:\n"
    "    movl %edi, %eax\n"
    "    ret\n"
    ".size raw_edi_u8, . - raw_edi_u8\n"
    ".size raw_register_32, . - raw_register_32\n");
#elif defined(__aarch64__)
/* w0 is both the first argument and the result register, so returning at once hands it back. */
__asm__(
    ".text\n"
    ".globl raw_w0_u8\n"
    ".type raw_w0_u8, %function\n"
    ".globl raw_register_32\n"
    ".type raw_register_32, %function\n"
    "raw_w0_u8:\n"
    "raw_register_32:\n"
    "    ret\n"
    ".size raw_w0_u8, . - raw_w0_u8\n"
    ".size raw_register_32, . - raw_register_32\n");
#endif

/*
 * Buffers. The sums only read, so they show what C received; the increments read and write every
 * element, so that a test sees both the copy into native memory and the copy back.
 */

int64_t sum_i8(const int8_t *p, size_t n) {
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}
int64_t sum_u8(const uint8_t *p, size_t n) {
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}
int64_t sum_i16(const int16_t *p, size_t n) {
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}
int64_t sum_u16(const uint16_t *p, size_t n) {
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}
int64_t sum_i32(const int32_t *p, size_t n) {
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}
int64_t sum_i64(const int64_t *p, size_t n) {
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}
double sum_f32(const float *p, size_t n) {
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}
double sum_f64(const double *p, size_t n) {
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}

void increment_u8(uint8_t *p, size_t n) { for (size_t i = 0; i < n; i++) p[i]++; }
void increment_i16(int16_t *p, size_t n) { for (size_t i = 0; i < n; i++) p[i]++; }
void increment_u16(uint16_t *p, size_t n) { for (size_t i = 0; i < n; i++) p[i]++; }
/* Through unsigned arithmetic: INT32_MAX + 1 wraps, as in Java, instead of overflowing (undefined in C). */
void increment_i32(int32_t *p, size_t n) { for (size_t i = 0; i < n; i++) p[i] = (int32_t) ((uint32_t) p[i] + 1u); }
void increment_i64(int64_t *p, size_t n) { for (size_t i = 0; i < n; i++) p[i] = (int64_t) ((uint64_t) p[i] + 1u); }
void increment_f32(float *p, size_t n) { for (size_t i = 0; i < n; i++) p[i] += 1.0f; }
void increment_f64(double *p, size_t n) { for (size_t i = 0; i < n; i++) p[i] += 1.0; }

size_t count_nonzero(const uint8_t *p, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += p[i] != 0;
    return count;
}

/* Two buffers in one call: to[i] += from[i]; returns the sum of from, which C only reads. */
int64_t add_into_i32(int32_t *to, const int32_t *from, size_t n) {
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        to[i] += from[i];
        sum += from[i];
    }
    return sum;
}

/* Strings. The results are static, so a binding that freed them would crash. */

size_t byte_length(const char *s) { return s == NULL ? SIZE_MAX : strlen(s); }
/* 1 when s holds exactly the n bytes of expected, then its NUL: what C received, byte by byte. */
int32_t string_equals_bytes(const char *s, const uint8_t *expected, size_t n) {
    return s != NULL && strlen(s) == n && memcmp(s, expected, n) == 0;
}
const char *echo_string(const char *s) { return s; }
const char *static_ascii(void) { return "hello, world"; }
const char *static_utf8(void) { return "h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93"; }
const char *static_empty(void) { return ""; }
const char *null_string(void) { return NULL; }

/*
 * Robustness suite. mix_scalars takes one argument of every scalar type, more than the
 * argument registers hold, so narrow values also travel on the stack; it folds each argument's
 * bits as C received them, widened as its C type says, into one 64-bit value, position by position.
 */
static uint64_t mix_step(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}
uint64_t mix_scalars(bool b, int8_t i8, uint8_t u8, int16_t i16, uint16_t u16, int32_t i32, uint32_t u32,
                     int64_t i64, uint64_t u64, intptr_t isz, size_t usz, float f32, double f64, void *p) {
    uint32_t f32_bits;
    uint64_t f64_bits;
    memcpy(&f32_bits, &f32, sizeof f32_bits);
    memcpy(&f64_bits, &f64, sizeof f64_bits);
    uint64_t h = 0;
    h = mix_step(h, (uint64_t) b);
    h = mix_step(h, (uint64_t) (int64_t) i8);
    h = mix_step(h, (uint64_t) u8);
    h = mix_step(h, (uint64_t) (int64_t) i16);
    h = mix_step(h, (uint64_t) u16);
    h = mix_step(h, (uint64_t) (int64_t) i32);
    h = mix_step(h, (uint64_t) u32);
    h = mix_step(h, (uint64_t) i64);
    h = mix_step(h, u64);
    h = mix_step(h, (uint64_t) isz);
    h = mix_step(h, (uint64_t) usz);
    h = mix_step(h, (uint64_t) f32_bits);
    h = mix_step(h, f64_bits);
    h = mix_step(h, (uint64_t) (uintptr_t) p);
    return h;
}

/* Slow calls over a buffer and a string, so that close() can land while C is reading them. */
int64_t slow_sum_u8(const uint8_t *p, size_t n, uint32_t rounds) {
    volatile int64_t sum = 0;
    for (uint32_t r = 0; r < rounds; r++) {
        for (size_t i = 0; i < n; i++) sum += p[i];
    }
    return sum;
}
size_t slow_strlen(const char *s, uint32_t rounds) {
    volatile size_t length = 0;
    for (uint32_t r = 0; r < rounds; r++) length = strlen(s);
    return length;
}

/* Sets errno and returns -1, as a failing libc call does, without a system call. */
#include <errno.h>
int32_t fail_with_errno(int32_t code) {
    errno = code;
    return -1;
}

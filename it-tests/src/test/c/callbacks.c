/* Fixture functions for callbacks (direct, stored, from a native thread) and variadic calls. */
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef int32_t (*cb_int_op)(int32_t);
typedef uint8_t (*cb_u8_op)(uint8_t);
typedef void (*cb_text_sink)(const char *, int32_t);

int32_t cb_apply(cb_int_op f, int32_t x) { return f(x); }

int32_t cb_apply_twice(cb_int_op f, int32_t x) { return f(f(x)); }

/* Zero-extends what the callback returned, so a test sees the bits C received. */
int32_t cb_apply_u8(cb_u8_op f, uint8_t x) { return f(x); }

void cb_send_text(cb_text_sink f) { f("h\xc3\xa9llo", 5); }

static cb_int_op cb_stored;

void cb_store(cb_int_op f) { cb_stored = f; }

/* Calls the callback stored by an earlier call; this call has no callback argument of its own. */
int32_t cb_call_stored(int32_t x) { return cb_stored ? cb_stored(x) : -1; }

#define CB_SLOTS 16

static cb_int_op cb_kept[CB_SLOTS];

/* Keeps a callback in one of CB_SLOTS slots, so that threads can each keep their own. */
void cb_keep(int32_t slot, cb_int_op f) {
    if (slot >= 0 && slot < CB_SLOTS) {
        cb_kept[slot] = f;
    }
}

/* Calls the callback kept in a slot by an earlier call; -1 when the slot is empty or out of range. */
int32_t cb_call_kept(int32_t slot, int32_t x) {
    return slot >= 0 && slot < CB_SLOTS && cb_kept[slot] ? cb_kept[slot](x) : -1;
}

struct cb_thread_call {
    cb_int_op f;
    int32_t x;
    int32_t result;
};

static void *cb_thread_main(void *arg) {
    struct cb_thread_call *call = arg;
    call->result = call->f(call->x);
    return NULL;
}

/* Runs the callback on a thread C starts, and waits for it. */
int32_t cb_apply_in_thread(cb_int_op f, int32_t x) {
    pthread_t thread;
    struct cb_thread_call call = {f, x, 0};
    if (pthread_create(&thread, NULL, cb_thread_main, &call) != 0) {
        return -2;
    }
    pthread_join(thread, NULL);
    return call.result;
}

/* Calls the callback, then fills the n ints at p: a call the callback makes must leave p in place. */
int32_t cb_then_fill(int32_t *p, int32_t n, cb_int_op f) {
    int32_t result = f(n);
    for (int32_t i = 0; i < n; i++) {
        p[i] = i;
    }
    return result;
}

/* The sum of count variadic int arguments. */
int64_t variadic_sum_i32(int32_t count, ...) {
    va_list args;
    va_start(args, count);
    int64_t sum = 0;
    for (int32_t i = 0; i < count; i++) {
        sum += va_arg(args, int32_t);
    }
    va_end(args);
    return sum;
}

/* The sum of variadic arguments typed by types: 'i' int, 'l' int64_t, 'd' double; '?' is unknown. */
double variadic_sum_mixed(const char *types, ...) {
    va_list args;
    va_start(args, types);
    double sum = 0;
    for (const char *t = types; *t; t++) {
        switch (*t) {
            case 'i': sum += va_arg(args, int32_t); break;
            case 'l': sum += (double) va_arg(args, int64_t); break;
            case 'd': sum += va_arg(args, double); break;
            default: va_end(args); return -1;
        }
    }
    va_end(args);
    return sum;
}

/* Function pointers C hands out, for views: an adder and a subtractor chosen by which, NULL otherwise. */
typedef int32_t (*cb_binary)(int32_t, int32_t);

static int32_t cb_add(int32_t a, int32_t b) { return a + b; }

static int32_t cb_sub(int32_t a, int32_t b) { return a - b; }

cb_binary cb_binary_op(int32_t which) { return which == 0 ? cb_add : which == 1 ? cb_sub : NULL; }

/* Zero-extends its u8 argument and returns a u32, so a view's conversions show. */
static uint32_t cb_widen(uint8_t x, int64_t y) { return (uint32_t) x + (uint32_t) y; }

void *cb_widen_op(void) { return (void *) cb_widen; }

static size_t cb_count(const char *text) { return strlen(text); }

void *cb_count_op(void) { return (void *) cb_count; }

/* qsort's comparator of int32_t, for a view that a Java Comparator calls. */
typedef int32_t (*cb_compare)(const void *, const void *);

static int32_t cb_compare_ints(const void *a, const void *b) {
    int32_t x = *(const int32_t *) a;
    int32_t y = *(const int32_t *) b;
    return (x > y) - (x < y);
}

cb_compare cb_compare_op(void) { return cb_compare_ints; }

/* Structs by value through callbacks and function pointers. */
struct cb_pair { int32_t left; int32_t right; };
typedef struct cb_pair (*cb_pair_op)(struct cb_pair);

/* Calls f with {left, right} and reads what it returns as left * 1000 + right. */
int64_t cb_pair_call(cb_pair_op f, int32_t left, int32_t right) {
    struct cb_pair in = {left, right};
    struct cb_pair out = f(in);
    return (int64_t) out.left * 1000 + out.right;
}

static struct cb_pair cb_swap(struct cb_pair pair) {
    struct cb_pair swapped = {pair.right, pair.left};
    return swapped;
}

cb_pair_op cb_swap_op(void) { return cb_swap; }

/* A struct with padding (and one FFM returns in memory): f64, u8, then i64 at offset 16. */
struct cb_mixed { double x; uint8_t tag; int64_t n; };
typedef struct cb_mixed (*cb_mixed_op)(struct cb_mixed, int32_t);

/* Calls f with {x, tag, n} and k, and sums the fields of what it returns. */
double cb_mixed_call(cb_mixed_op f, double x, uint8_t tag, int64_t n, int32_t k) {
    struct cb_mixed in = {x, tag, n};
    struct cb_mixed out = f(in, k);
    return out.x + out.tag + (double) out.n;
}

/* Struct pointers through callbacks and function pointers. */
struct cb_point { int32_t x; int32_t y; };
typedef void (*cb_point_visit)(struct cb_point *);
typedef int32_t (*cb_point_read)(const struct cb_point *);
typedef struct cb_point *(*cb_point_make)(int32_t);

/* Calls f with a pointer to a struct on C's stack, then reads what f left there as x * 1000 + y. */
int64_t cb_point_call(cb_point_visit f, int32_t x, int32_t y) {
    struct cb_point p = {x, y};
    f(&p);
    return (int64_t) p.x * 1000 + p.y;
}

/* Calls f with NULL, then returns 1. */
int32_t cb_point_null(cb_point_visit f) {
    f(NULL);
    return 1;
}

/* Calls f with the struct p points to and returns what it returns. */
int32_t cb_point_apply(cb_point_read f, const struct cb_point *p) { return f(p); }

/* Reads the struct at the pointer f returns as x * 1000 + y; NULL reads as -1. */
int64_t cb_point_made(cb_point_make f, int32_t seed) {
    struct cb_point *p = f(seed);
    return p == NULL ? -1 : (int64_t) p->x * 1000 + p->y;
}

/* Function pointers taking struct pointers, for views: doubling both fields in place, and their sum. */
static void cb_point_double(struct cb_point *p) {
    if (p != NULL) {
        p->x *= 2;
        p->y *= 2;
    }
}

static int32_t cb_point_sum(const struct cb_point *p) { return p == NULL ? -1 : p->x + p->y; }

static struct cb_point cb_point_made_here;

static struct cb_point *cb_point_make_here(int32_t seed) {
    if (seed < 0) {
        return NULL;
    }
    cb_point_made_here.x = seed;
    cb_point_made_here.y = seed + 1;
    return &cb_point_made_here;
}

cb_point_visit cb_point_double_op(void) { return cb_point_double; }
cb_point_read cb_point_sum_op(void) { return cb_point_sum; }
cb_point_make cb_point_make_op(void) { return cb_point_make_here; }

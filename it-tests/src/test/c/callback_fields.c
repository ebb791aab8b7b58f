/* Fixture functions for structs holding a function pointer: returned, passed in, kept and called by C. */
#include <stddef.h>
#include <stdint.h>

typedef int64_t (*cf_op)(int64_t);
typedef struct { int32_t tag; cf_op op; } cf_handler;

static int64_t cf_negate(int64_t x) { return -x; }
static int64_t cf_square(int64_t x) { return x * x; }

static cf_handler cf_kept;

/* tag 1: square, tag 2: negate, any other tag: NULL */
cf_handler cf_make(int32_t tag) {
    cf_handler h = { tag, tag == 1 ? cf_square : tag == 2 ? cf_negate : NULL };
    return h;
}

/* the same handler in static memory, so the caller reads it through the pointer */
cf_handler *cf_make_at(int32_t tag) {
    static cf_handler made;
    made = cf_make(tag);
    return &made;
}

/* op(x) + tag, or -1 for a NULL op */
int64_t cf_apply(cf_handler h, int64_t x) { return h.op == NULL ? -1 : h.op(x) + h.tag; }

int64_t cf_apply_at(const cf_handler *h, int64_t x) { return h == NULL ? -2 : cf_apply(*h, x); }

/* C keeps the handler and calls it later */
void cf_keep(cf_handler h) { cf_kept = h; }

int64_t cf_call_kept(int64_t x) { return cf_apply(cf_kept, x); }

/* swaps square and negate in every handler, bumps its tag */
void cf_swap_all(cf_handler *hs, int32_t n) {
    for (int32_t i = 0; i < n; i++) {
        hs[i].op = hs[i].op == cf_square ? cf_negate : cf_square;
        hs[i].tag += 1;
    }
}

/* passes the handler of tag to a Java callback, which may call its op */
int64_t cf_visit(int64_t (*visit)(cf_handler), int32_t tag) { return visit(cf_make(tag)); }

/* what a Java callback returns, applied to x */
int64_t cf_produce(cf_handler (*produce)(int32_t), int32_t tag, int64_t x) { return cf_apply(produce(tag), x); }

/* Fixture functions taking and returning structs by value: 8, 16 and 24+ bytes, padding, nesting, arrays. */
#include <stdarg.h>
#include <stdint.h>

typedef struct { int32_t x; int32_t y; } st_small;              /* 8 B, one register */
typedef struct { int32_t i; float f; double d; } st_medium;     /* 16 B, an integer and an SSE register */
typedef struct { double a; int64_t b; int32_t c; } st_large;    /* 24 B, in memory */
typedef struct { uint8_t tag; double value; } st_padded;        /* 7 bytes of padding after tag */
typedef struct { uint8_t id; st_small point; double weight; } st_nested;
typedef struct { int32_t n; int32_t values[4]; float scale[2]; } st_arrays;

st_small st_small_add(st_small a, st_small b) {
    st_small r = { a.x + b.x, a.y + b.y };
    return r;
}

int32_t st_small_dot(st_small a, st_small b) { return a.x * b.x + a.y * b.y; }

st_small st_small_make(int32_t x, int32_t y) {
    st_small r = { x, y };
    return r;
}

st_medium st_medium_scale(st_medium m, int32_t k) {
    st_medium r = { m.i * k, m.f * (float) k, m.d * k };
    return r;
}

double st_medium_total(st_medium m) { return m.i + m.f + m.d; }

st_large st_large_next(st_large l) {
    st_large r = { l.a * 2, l.b + 1, -l.c };
    return r;
}

double st_large_sum(int32_t first, st_large l, int32_t last) { return first + l.a + (double) l.b + l.c + last; }

st_padded st_padded_next(st_padded p) {
    st_padded r = { (uint8_t) (p.tag + 1), p.value / 2 };
    return r;
}

/* Reads the raw tag byte, so a test sees that u8 255 arrived as 255. */
uint32_t st_padded_tag(st_padded p) { return p.tag; }

st_nested st_nested_move(st_nested n, int32_t dx, int32_t dy) {
    st_nested r = { (uint8_t) (n.id + 1), { n.point.x + dx, n.point.y + dy }, n.weight * 10 };
    return r;
}

st_arrays st_arrays_reverse(st_arrays a) {
    st_arrays r;
    r.n = a.n;
    for (int i = 0; i < 4; i++) {
        r.values[i] = a.values[3 - i];
    }
    r.scale[0] = a.scale[1];
    r.scale[1] = a.scale[0];
    return r;
}

int64_t st_arrays_sum(st_arrays a) {
    int64_t sum = a.n;
    for (int i = 0; i < 4; i++) {
        sum += a.values[i];
    }
    return sum + (int64_t) (a.scale[0] + a.scale[1]);
}

typedef struct { void *address; int64_t tag; } st_tagged;

st_tagged st_tagged_next(st_tagged t) {
    st_tagged r = { (char *) t.address + 1, t.tag * 2 };
    return r;
}

/* Arrays of structs through 'buffer': C strides by sizeof, padding included. */
int64_t st_small_total(const st_small *s, int32_t n) {
    int64_t total = 0;
    for (int32_t i = 0; i < n; i++) {
        total += s[i].x * 10 + s[i].y;
    }
    return total;
}

void st_padded_bump(st_padded *p, int32_t n) {
    for (int32_t i = 0; i < n; i++) {
        p[i].tag++;
        p[i].value *= 2;
    }
}

/* A struct among the fixed arguments of a variadic function, and one returned from it. */
st_small st_small_shift_va(st_small s, int32_t count, ...) {
    va_list values;
    va_start(values, count);
    for (int32_t i = 0; i < count; i++) {
        s.x += va_arg(values, int32_t);
    }
    va_end(values);
    return s;
}

/* Every narrow carrier in one struct: bool, u16, i16 and i8 fields. */
typedef struct { _Bool on; uint16_t code; int16_t delta; int8_t small; } st_flags;

st_flags st_flags_flip(st_flags f) {
    st_flags r = { !f.on, (uint16_t) (f.code + 1), (int16_t) -f.delta, (int8_t) (f.small - 1) };
    return r;
}

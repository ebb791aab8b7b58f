/* Fixture functions taking and returning pointers to structs, and results the caller owns and frees. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int32_t x; int32_t y; } sp_point;
typedef struct { uint8_t tag; double value; } sp_padded;

static int32_t sp_frees;
static int32_t sp_null_frees;
static sp_point sp_origin = { 3, 4 };

/* Reads a struct through its pointer; NULL reads as -1. */
int32_t sp_sum(const sp_point *p) { return p == NULL ? -1 : p->x + p->y; }

/* Writes through the pointer: an out-parameter. */
void sp_move(sp_point *p, int32_t dx, int32_t dy) { p->x += dx; p->y += dy; }

/* Fills an array of structs; returns how many were all zero before. */
int32_t sp_fill(sp_point *points, int32_t n) {
    int32_t zero = 0;
    for (int32_t i = 0; i < n; i++) {
        zero += points[i].x == 0 && points[i].y == 0;
        points[i].x = i;
        points[i].y = i * i;
    }
    return zero;
}

/* Fills as sp_fill, then calls back into Java. */
void sp_fill_then_call(sp_point *points, int32_t n, void (*callback)(void)) {
    sp_fill(points, n);
    callback();
}

/* Reads the tag and value of a padded struct, as tag + value. */
double sp_padded_total(const sp_padded *p) { return p->tag + p->value; }

/* A pointer into static memory that C keeps, and NULL. */
sp_point *sp_static(void) { return &sp_origin; }
sp_point *sp_null(void) { return NULL; }

/* Results the caller owns: a struct and a string from malloc, NULL when asked. */
sp_point *sp_new(int32_t x, int32_t y) {
    if (x < 0) {
        return NULL;
    }
    sp_point *p = malloc(sizeof *p);
    p->x = x;
    p->y = y;
    return p;
}

char *sp_greeting(const char *name) {
    if (name == NULL) {
        return NULL;
    }
    char *text = malloc(strlen(name) + 7);
    strcpy(text, "hello ");
    strcat(text, name);
    return text;
}

/* Frees what sp_new and sp_greeting made and counts the calls, NULL ones apart. */
void sp_release(void *p) {
    if (p == NULL) {
        sp_null_frees++;
    } else {
        sp_frees++;
    }
    free(p);
}

int32_t sp_free_count(void) { return sp_frees; }
int32_t sp_null_free_count(void) { return sp_null_frees; }

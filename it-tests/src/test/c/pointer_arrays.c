/* Arrays of pointers as buffers: T** out-parameters C fills, and NULL-terminated char** argument vectors. */
#include <stdint.h>
#include <string.h>

static int32_t cells[8];

/* Writes a pointer to one of C's cells into *out, as sqlite3_open writes its handle; NULL name fails. */
int32_t pa_open(const char *name, void **out) {
    if (name == NULL) {
        *out = NULL;
        return -1;
    }
    *out = &cells[strlen(name) % 8];
    return 0;
}

/* The address of cell i, for tests to compare with what pa_open and pa_fill wrote. */
int64_t pa_cell(int32_t i) { return (int64_t) (intptr_t) &cells[i]; }

void pa_swap(void **pair) {
    void *first = pair[0];
    pair[0] = pair[1];
    pair[1] = first;
}

/* Even slots get cell i, odd slots NULL. */
void pa_fill(void **slots, int32_t n) {
    for (int32_t i = 0; i < n; i++) {
        slots[i] = i % 2 == 0 ? &cells[i % 8] : NULL;
    }
}

/* Sums the addresses C was given, so that tests see exactly what was passed; NULL counts 0. */
int64_t pa_sum(void **slots, int32_t n) {
    int64_t sum = 0;
    for (int32_t i = 0; i < n; i++) {
        sum += (int64_t) (intptr_t) slots[i];
    }
    return sum;
}

/* argc of a NULL-terminated argv; -1 for a NULL argv. */
int32_t pa_argc(const char **argv) {
    if (argv == NULL) {
        return -1;
    }
    int32_t n = 0;
    while (argv[n] != NULL) {
        n++;
    }
    return n;
}

/* Joins n strings with '|' into out (NUL-terminated, at most cap bytes), NULL as "(null)"; returns the length. */
int64_t pa_join(const char **argv, int32_t n, char *out, int64_t cap) {
    int64_t length = 0;
    out[0] = '\0';
    for (int32_t i = 0; i < n; i++) {
        const char *part = argv[i] == NULL ? "(null)" : argv[i];
        size_t size = strlen(part) + (i > 0 ? 1 : 0);
        if (length + (int64_t) size + 1 > cap) {
            return -1;
        }
        if (i > 0) {
            out[length++] = '|';
        }
        memcpy(out + length, part, strlen(part) + 1);
        length += (int64_t) strlen(part);
    }
    /* the terminating NULL pointer is part of the contract: report it through the sign bit if missing */
    return argv[n] == NULL ? length : -2;
}

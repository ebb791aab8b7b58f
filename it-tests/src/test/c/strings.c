/* String arguments next to other kinds of argument, for the generated string bodies. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* How many bytes of s equal c; SIZE_MAX for NULL. */
size_t count_byte(const char *s, uint8_t c) {
    if (s == NULL) return SIZE_MAX;
    size_t count = 0;
    for (; *s != '\0'; s++) count += (uint8_t) *s == c;
    return count;
}

/* Copies the first n bytes of s (fewer if s is shorter) into out, which the caller reads back; returns strlen(s). */
size_t copy_string(const char *s, uint8_t *out, size_t n) {
    size_t length = strlen(s);
    memcpy(out, s, length < n ? length : n);
    return length;
}

/* The sign of strcmp(a, b), with NULL before every string. */
int32_t compare_strings(const char *a, const char *b) {
    if (a == NULL || b == NULL) return (a != NULL) - (b != NULL);
    int result = strcmp(a, b);
    return (result > 0) - (result < 0);
}

/* Sets errno to the length of s and returns -1, as a failing libc call does. */
int32_t fail_with_errno_of_length(const char *s) {
    errno = (int) strlen(s);
    return -1;
}

/* A struct by value next to a string, both ways: p moved right by the length of s. */
typedef struct { int32_t x; int32_t y; } str_offset;
str_offset offset_by_length(const char *s, str_offset p) {
    str_offset r = { p.x + (int32_t) strlen(s), p.y };
    return r;
}

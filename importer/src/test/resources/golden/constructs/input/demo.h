/* Every construct the importer maps, and every one it leaves out, in one header. */
#ifndef DEMO_H
#define DEMO_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Integer and string macros; function-like macros and casts to pointer types are not constants. */
#define DEMO_VERSION "1.2.3"
#define DEMO_ANSWER 42
#define DEMO_HEX 0x7f
#define DEMO_NEGATIVE (-5)
#define DEMO_FLAG_A (1 << 0)
#define DEMO_FLAG_B (1 << 4)
#define DEMO_FLAGS (DEMO_FLAG_A | DEMO_FLAG_B)
#define DEMO_BIG 0x100000000ULL
#define DEMO_ALL_BITS 0xFFFFFFFFu
#define DEMO_CHAR 'A'
#define DEMO_MAX(a, b) ((a) > (b) ? (a) : (b))
#define DEMO_NULL_HANDLE ((demo_handle *) 0)
#define DEMO_EXPORT __attribute__((visibility("default")))

enum demo_color { DEMO_RED, DEMO_GREEN = 5, DEMO_BLUE, DEMO_MASK = DEMO_GREEN << 2 };
enum { DEMO_ANONYMOUS = -1 };

typedef struct demo_handle demo_handle;               /* opaque */

typedef struct { int32_t x; int32_t y; } demo_point;
struct demo_rect { demo_point min; demo_point max; };
typedef struct demo_record {
    char name[16];
    uint8_t grid[2][3];
    const char *label;
    struct demo_record *next;
    void (*on_change)(struct demo_record *);
    double weight;
    _Bool active;
    enum demo_color color;
} demo_record;

typedef int (*demo_compare)(const void *, const void *);
typedef void (*demo_visit)(const demo_point *point, void *user_data);
/* A struct field named by a function pointer typedef is the callback interface; an inline one a pointer. */
typedef struct { int32_t flags; demo_compare compare; int (*raw)(int); } demo_sorter;

union demo_value { int32_t i; float f; };
struct demo_bits { unsigned flag : 1; unsigned rest : 31; };
struct __attribute__((packed)) demo_packed { uint8_t tag; uint32_t value; };
struct demo_flexible { size_t length; char data[]; };
struct demo_anonymous { int kind; union { int i; float f; }; };

/* Scalars: fixed widths for LP64, size_t as usize. */
DEMO_EXPORT int demo_add(int a, int b);
unsigned demo_unsigned(unsigned value, unsigned long wide, unsigned long long wider);
long demo_long(long value, long long longer, short narrow, unsigned short unarrow);
char demo_char(char c, signed char s, unsigned char u);
float demo_scale(float f, double d);
_Bool demo_is_ready(bool ready);
size_t demo_size(size_t length, ssize_t offset, intptr_t address, ptrdiff_t difference);
int64_t demo_fixed(int8_t a, uint16_t b, uint32_t c, uint64_t d);
enum demo_color demo_next_color(enum demo_color color);
void demo_void(void);

/* Pointers: const char* is a string, other pointers are pointers, struct pointers name the struct. */
const char *demo_version(void);
char *demo_strdup(const char *text);
void *demo_alloc(size_t size);
int demo_read(const char *path, uint8_t *buffer, size_t length, size_t *read_count);
demo_handle *demo_open(const char *__restrict name, int flags) __attribute__((nonnull(1)));
void demo_close(demo_handle **handle);
int demo_handles(demo_handle *const *handles, int count);

/* Structs by value and by pointer. */
demo_point demo_midpoint(demo_point a, demo_point b);
double demo_area(struct demo_rect rect);
int demo_record_init(demo_record *record, const char *name);
const demo_record *demo_record_next(const demo_record *record);

/* Callbacks, typedef'd and inline. */
void demo_sort(void *base, size_t count, size_t size, demo_compare compare);
void demo_each(const demo_point *points, int count, demo_visit visit, void *user_data);
int demo_on_event(void (*handler)(int event, const char *detail), void (*cleanup)(void *));
demo_compare demo_default_compare(void);
demo_sorter demo_sorter_default(void);

/* Variadic functions take the variadic arguments as Object... */
int demo_printf(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Names: a stripped prefix, Java keywords, a collision. */
demo_handle *demo_new(void);
int demo_class(int class, int default_);
int open(const char *path, int flags) __asm__("demo_open_alias");
int demo_wait(int timeout);

/* Left out, each with its reason. */
union demo_value demo_union(int32_t i);
int demo_bits_get(struct demo_bits bits);
long double demo_precise(long double x);
int demo_vprintf(const char *format, va_list args);
int demo_packed_sum(struct demo_packed packed);
int demo_opaque_by_value(demo_handle handle);
int demo_flexible_length(struct demo_flexible flexible);
int demo_anonymous_kind(struct demo_anonymous value);
__int128 demo_huge(void);
_Float128 demo_quad(void);
double _Complex demo_complex(void);
int demo_no_prototype();
int demo_kr(a, b);
static inline int demo_inline(int x) { return x + 1; }
__extension__ extern int demo_extension(int x) __attribute__((deprecated));

#endif

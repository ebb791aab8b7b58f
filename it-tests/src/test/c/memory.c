/* Memory C owns: strings and structs C hands out or keeps, the layouts the compiler gives them, a function pointer. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

typedef struct { int32_t x; int32_t y; } mem_point;
typedef struct { uint8_t tag; mem_point at; double weight; int16_t codes[3]; void *next; } mem_item;
typedef struct { _Bool on; uint16_t code; int16_t delta; int8_t small; } mem_flags;

/* sizeof, alignof and every field's offsetof, struct by struct, for the layout test to compare with. */
static const int64_t layouts[] = {
    sizeof(mem_point), alignof(mem_point), offsetof(mem_point, x), offsetof(mem_point, y),
    sizeof(mem_item), alignof(mem_item), offsetof(mem_item, tag), offsetof(mem_item, at),
    offsetof(mem_item, weight), offsetof(mem_item, codes), offsetof(mem_item, next),
    sizeof(mem_flags), alignof(mem_flags), offsetof(mem_flags, on), offsetof(mem_flags, code),
    offsetof(mem_flags, delta), offsetof(mem_flags, small),
};

int64_t mem_layout(int32_t index) { return layouts[index]; }

/* "grüße aus C" in UTF-8, and a NULL-terminated array of strings, both static: C owns them. */
const char *mem_greeting(void) { return "gr\xc3\xbc\xc3\x9f" "e aus C"; }

const char *mem_no_string(void) { return NULL; }

static const char *words[] = { "alpha", "", "gamma", NULL };

const char **mem_words(void) { return words; }

static mem_item item = { 200, { -3, 4 }, 2.5, { 1, -2, 3 }, &item };

mem_item *mem_item_get(void) { return &item; }

/* One field of an item as C reads it (weight in thousandths), so a test sees what Java wrote. */
int64_t mem_item_field(const mem_item *i, int32_t field) {
    switch (field) {
        case 0: return i->tag;
        case 1: return i->at.x;
        case 2: return i->at.y;
        case 3: return (int64_t) (i->weight * 1000);
        case 4: return i->codes[0];
        case 5: return i->codes[1];
        case 6: return i->codes[2];
        default: return (int64_t) (intptr_t) i->next;
    }
}

/* C keeps the point it is given and moves it on later calls: the memory must outlive the first call. */
static mem_point *kept;

void mem_keep(mem_point *p) { kept = p; }

void mem_kept_move(int32_t dx, int32_t dy) {
    kept->x += dx;
    kept->y += dy;
}

typedef int32_t (*mem_binop)(int32_t, int32_t);

int32_t mem_add(int32_t a, int32_t b) { return a + b; }

mem_binop mem_adder(void) { return mem_add; }

mem_binop mem_no_function(void) { return NULL; }

/* The C fixture library of the integration tests: echoes and boundary values for every scalar type. */
#include <stdint.h>

int32_t add_i32(int32_t a, int32_t b) { return a + b; }

/* Fixture for optional symbols, globals and asynchronous calls. */
#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

/* Optional symbols: this one exists, async_opt_missing does not. */
int32_t async_opt_present(int32_t x) { return x + 1; }

/* Globals Java reads and writes; the functions below show what C sees. */
int32_t glob_counter = 7;
double glob_ratio = 0.25;
uint8_t glob_small = 200;
uint64_t glob_big = 0xFFFFFFFFFFFFFFFFull;
void *glob_pointer = 0;

int32_t glob_read_counter(void) { return glob_counter; }

double glob_read_ratio(void) { return glob_ratio; }

void *glob_read_pointer(void) { return glob_pointer; }

void glob_bump_counter(void) { glob_counter++; }

/* Asynchronous calls: a sleeping function, and a gate calls wait at until a test opens it. */
static int32_t sleeping = 0;

int32_t async_sleep_add(int32_t ms, int32_t a, int32_t b) {
    __atomic_add_fetch(&sleeping, 1, __ATOMIC_SEQ_CST);
    usleep((useconds_t) ms * 1000);
    __atomic_sub_fetch(&sleeping, 1, __ATOMIC_SEQ_CST);
    return a + b;
}

/* How many calls are inside async_sleep_add right now. */
int32_t async_sleeping(void) { return __atomic_load_n(&sleeping, __ATOMIC_SEQ_CST); }

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_changed = PTHREAD_COND_INITIALIZER;
static int gate_open = 1;
static int32_t gate_waiting = 0;

void async_gate_close(void) {
    pthread_mutex_lock(&gate_lock);
    gate_open = 0;
    pthread_mutex_unlock(&gate_lock);
}

void async_gate_open(void) {
    pthread_mutex_lock(&gate_lock);
    gate_open = 1;
    pthread_cond_broadcast(&gate_changed);
    pthread_mutex_unlock(&gate_lock);
}

/* How many calls wait at the gate right now. */
int32_t async_gate_waiting(void) {
    pthread_mutex_lock(&gate_lock);
    int32_t waiting = gate_waiting;
    pthread_mutex_unlock(&gate_lock);
    return waiting;
}

/* Waits until the gate is open, then returns x. */
int32_t async_pass_gate(int32_t x) {
    pthread_mutex_lock(&gate_lock);
    gate_waiting++;
    while (!gate_open) {
        pthread_cond_wait(&gate_changed, &gate_lock);
    }
    gate_waiting--;
    pthread_mutex_unlock(&gate_lock);
    return x;
}

/* A u8 argument, to show range checks of asynchronous calls. */
int32_t async_u8_twice(uint8_t x) { return x * 2; }

/*
 * rand.c - thread-local rand() and srand() for Flite's vocoder.
 *
 * Flite calls libc rand() once per output sample to make excitation noise.
 * glibc's rand() is one global stream behind a lock, so with several workers
 * the noise (and the output bytes) would depend on how threads interleave,
 * and the lock costs CPU.  Defining rand() and srand() here interposes them
 * for libflite: each thread gets its own stream, reseeded per utterance by
 * nr_rand_seed(), so any split of the work gives the same bits.
 *
 * The generator is a 32-bit xorshift; Flite only needs white-ish noise.
 * Both are exported from libnarrate.so (NR_API), or libflite would bind to
 * libc's; narrate.h says what that means for a program that embeds it.
 */
#include <stdint.h>
#include <stdlib.h>

#include "narrate.h"
#include "synth.h"

static _Thread_local uint32_t rand_state = 0x9e3779b9u;

void nr_rand_seed(uint32_t seed)
{
    /* xorshift must never hold 0 */
    rand_state = seed ? seed : 0x9e3779b9u;
}

NR_API int rand(void)
{
    uint32_t x = rand_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rand_state = x;
    return (int)(x & RAND_MAX);
}

NR_API void srand(unsigned seed)
{
    nr_rand_seed((uint32_t)seed);
}

/*
 * limiter.h - gain with a look-ahead peak limiter (internal).
 *
 * Raising a quiet voice to the loudness target pushes its rare loud
 * transients past full scale; this applies the gain and pulls just those
 * peaks under a ceiling, smoothly.  The output is delayed by the look-ahead
 * (5 ms) inside the limiter but leaves with exactly as many samples as came
 * in, sample i of the output belonging to sample i of the input, so chapter
 * and cue times are untouched.
 *
 * How: r[k] = the reduction sample k needs to stay under the ceiling; m[t] =
 * min of r over the next W samples; env follows m down at once and recovers
 * slowly (release 80 ms); the applied gain is the mean of env over the last W
 * samples.  Every env value in [p-W, p] is <= r[p], so the mean at a peak p
 * is too: the ceiling holds exactly, and the gain never steps.
 */
#ifndef NR_LIMITER_H
#define NR_LIMITER_H

#include <stddef.h>
#include <stdint.h>

typedef struct nr_limiter nr_limiter;

/* gain_db: applied to every sample; ceiling_dbfs: highest sample peak out. */
nr_limiter *nr_limiter_new(int rate, double gain_db, double ceiling_dbfs);
void nr_limiter_free(nr_limiter *l);
/* Takes n samples, writes up to n samples to out (returns how many: fewer
   at the start while the look-ahead fills). */
size_t nr_limiter_run(nr_limiter *l, const int16_t *in, size_t n, int16_t *out);
/* Writes the samples still held (at most the look-ahead); returns how many. */
size_t nr_limiter_flush(nr_limiter *l, int16_t *out);
/* The largest number of samples flush can return. */
size_t nr_limiter_delay(const nr_limiter *l);

#endif

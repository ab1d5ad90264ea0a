/* limiter.c - see limiter.h. */
#include "audio/limiter.h"

#include <math.h>
#include <stdlib.h>

/* True-peak estimate: 4x oversampling with an 8-tap windowed-sinc per phase,
   as BS.1770 meters do, because 16 kHz speech has energy near Nyquist and
   its peaks between samples run 2 dB above the sample peaks. */
#define TAPS 8          /* taps per phase, centred: x[k-3] .. x[k+4] */
#define PHASES 4
#define LEAD 4          /* future samples an estimate for segment k needs */

struct nr_limiter {
    double gain, ceiling, release;
    size_t w;            /* look-ahead, samples */
    size_t ring;         /* ring size for x, r and seg: a power of two, so a
                            slot is a mask, not a division (24 per sample) */
    double h[PHASES][TAPS];
    double hsum;         /* largest sum of |h| over a phase: the most the
                            interpolation can raise the largest tap */
    int16_t *x;
    double *seg;         /* peak between sample k and k+1 (true-peak estimate) */
    double *r;           /* reduction sample k needs */
    size_t *dq;          /* monotonic deque of indices (sliding minimum of r) */
    size_t dq_head, dq_len;
    double *env;
    size_t env_i;        /* slot of env for the next output: out_count % w */
    double env_sum, env_last;
    uint64_t in_count, seg_count, fin_count, out_count;
};

nr_limiter *nr_limiter_new(int rate, double gain_db, double ceiling_dbfs)
{
    nr_limiter *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->gain = pow(10.0, gain_db / 20.0);
    l->ceiling = 32767.0 * pow(10.0, ceiling_dbfs / 20.0);
    l->w = (size_t)rate / 200 + 1;                     /* 5 ms */
    l->release = 1.0 - exp(-1.0 / (0.080 * rate));     /* 80 ms */
    l->ring = 1;
    while (l->ring < l->w + 2 * TAPS + 2)
        l->ring *= 2;
    for (int p = 1; p < PHASES; p++) {
        double frac = (double)p / PHASES;
        for (int i = 0; i < TAPS; i++) {
            double t = (double)(i - (TAPS / 2 - 1)) - frac;  /* tap offset -3..4 */
            double sinc = sin(M_PI * t) / (M_PI * t);
            double win = 0.5 + 0.5 * cos(M_PI * t / (TAPS / 2 + 1));
            l->h[p][i] = sinc * win;
        }
    }
    for (int p = 1; p < PHASES; p++) {
        double sum = 0.0;
        for (int i = 0; i < TAPS; i++)
            sum += fabs(l->h[p][i]);
        if (sum > l->hsum)
            l->hsum = sum;
    }
    l->x = calloc(l->ring, sizeof *l->x);
    l->seg = calloc(l->ring, sizeof *l->seg);
    l->r = calloc(l->ring, sizeof *l->r);
    l->dq = calloc(l->ring, sizeof *l->dq);
    l->env = calloc(l->w, sizeof *l->env);
    if (!l->x || !l->seg || !l->r || !l->dq || !l->env) {
        nr_limiter_free(l);
        return NULL;
    }
    for (size_t i = 0; i < l->w; i++)
        l->env[i] = 1.0;
    l->env_sum = (double)l->w;
    l->env_last = 1.0;
    return l;
}

void nr_limiter_free(nr_limiter *l)
{
    if (!l)
        return;
    free(l->x);
    free(l->seg);
    free(l->r);
    free(l->dq);
    free(l->env);
    free(l);
}

size_t nr_limiter_delay(const nr_limiter *l)
{
    return l->w + LEAD + 1;
}

#define SLOT(l, k) ((size_t)(k) & ((l)->ring - 1))

/* sample k, or 0 outside what has been pushed */
static double xs(const nr_limiter *l, int64_t k)
{
    return k < 0 || (uint64_t)k >= l->in_count ? 0.0 : (double)l->x[SLOT(l, k)];
}

/* peak of the interpolated signal strictly between samples k and k+1 */
static void make_seg(nr_limiter *l)
{
    int64_t k = (int64_t)l->seg_count++;
    double x[TAPS], peak = 0.0, big = 0.0;
    for (int i = 0; i < TAPS; i++) {  /* read once for the three phases */
        x[i] = xs(l, k + i - (TAPS / 2 - 1));
        if (fabs(x[i]) > big)
            big = fabs(x[i]);
    }
    /* most of speech is far below the ceiling: when even the bound on
       the interpolated peak stays under it, the estimate cannot call for
       any reduction (finalize takes maxima against the ceiling), so the
       bound stands in for it and the output is the same */
    if (big * l->hsum * l->gain <= l->ceiling) {
        l->seg[SLOT(l, k)] = big * l->hsum;
        return;
    }
    for (int p = 1; p < PHASES; p++) {
        double v = 0.0;
        for (int i = 0; i < TAPS; i++)
            v += l->h[p][i] * x[i];
        if (fabs(v) > peak)
            peak = fabs(v);
    }
    l->seg[SLOT(l, k)] = peak;
}

/* r for sample k from its own value and the segments on both sides */
static void finalize(nr_limiter *l)
{
    uint64_t k = l->fin_count++;
    double a = fabs(xs(l, (int64_t)k));
    if (l->seg[SLOT(l, k)] > a)
        a = l->seg[SLOT(l, k)];
    if (k > 0 && l->seg[SLOT(l, k - 1)] > a)
        a = l->seg[SLOT(l, k - 1)];
    a *= l->gain;
    double need = a > l->ceiling ? l->ceiling / a : 1.0;
    l->r[SLOT(l, k)] = need;
    while (l->dq_len) {
        size_t back = SLOT(l, l->dq_head + l->dq_len - 1);
        if (l->r[SLOT(l, l->dq[back])] < need)
            break;
        l->dq_len--;
    }
    l->dq[SLOT(l, l->dq_head + l->dq_len)] = (size_t)k;
    l->dq_len++;
}

static int16_t pop(nr_limiter *l)
{
    uint64_t t = l->out_count++;
    while (l->dq_len && l->dq[l->dq_head] < t) {
        l->dq_head = SLOT(l, l->dq_head + 1);
        l->dq_len--;
    }
    double m = l->dq_len ? l->r[SLOT(l, l->dq[l->dq_head])] : 1.0;
    double e = l->env_last + (1.0 - l->env_last) * l->release;
    if (m < e)
        e = m;
    l->env_last = e;
    size_t ei = l->env_i;
    l->env_i = ei + 1 == l->w ? 0 : ei + 1;
    l->env_sum += e - l->env[ei];
    l->env[ei] = e;
    double g = l->env_sum / (double)l->w;
    if (g > 1.0)
        g = 1.0;
    long v = lrint((double)l->x[SLOT(l, t)] * l->gain * g);
    if (v > 32767)
        v = 32767;
    if (v < -32768)
        v = -32768;
    return (int16_t)v;
}

size_t nr_limiter_run(nr_limiter *l, const int16_t *in, size_t n, int16_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        l->x[SLOT(l, l->in_count)] = in[i];
        l->in_count++;
        /* segment k needs samples up to k + LEAD */
        while (l->seg_count + LEAD < l->in_count)
            make_seg(l);
        /* r[k] needs segments k-1 and k */
        while (l->fin_count < l->seg_count)
            finalize(l);
        /* output t needs r over [t, t + w] */
        while (l->out_count + l->w < l->fin_count)
            out[k++] = pop(l);
    }
    return k;
}

size_t nr_limiter_flush(nr_limiter *l, int16_t *out)
{
    size_t k = 0;
    /* no input follows: the estimates treat it as silence */
    while (l->seg_count < l->in_count)
        make_seg(l);
    while (l->fin_count < l->in_count)
        finalize(l);
    while (l->out_count < l->in_count)
        out[k++] = pop(l);
    return k;
}

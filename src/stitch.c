/* stitch.c - see stitch.h. */
#include "stitch.h"

#include <stdlib.h>

int nr_pause_between(nr_segment_kind prev, nr_segment_kind next, int opens_chapter)
{
    if (opens_chapter)
        return NR_PAUSE_CHAPTER;
    if (prev == NR_SEG_INTRO)
        return NR_PAUSE_AFTER_INTRO;
    if (prev == NR_SEG_HEADING)
        return NR_PAUSE_AFTER_HEADING;
    if (prev == NR_SEG_LIST_ITEM && next == NR_SEG_LIST_ITEM)
        return NR_PAUSE_ITEM;
    return NR_PAUSE_PARAGRAPH;
}

/*
 * Flite starts every utterance with about 200 ms of near-silence and ends
 * with about 140 ms, with vocoder noise in it (peaks near 300 for slt).  The
 * noise floor is measured on the utterance's own first 40 ms, so the rule
 * holds for every voice; speech starts where the signal first rises well
 * above it.  A margin is kept on both sides so soft onsets (s, f, h) and
 * decays are not clipped.
 */
void nr_trim_silence(const int16_t *pcm, size_t len, size_t *first, size_t *n,
                     int rate)
{
    size_t probe = (size_t)rate / 25;  /* 40 ms */
    if (probe > len)
        probe = len;
    int floor = 0;
    for (size_t i = 0; i < probe; i++) {
        int a = abs(pcm[i]);
        if (a > floor)
            floor = a;
    }
    int thr = floor * 2 > 200 ? floor * 2 : 200;
    size_t lo = len, hi = 0;
    for (size_t i = 0; i < len; i++)
        if (abs(pcm[i]) > thr) {
            lo = i;
            break;
        }
    if (lo == len) {  /* no speech at all */
        *first = 0;
        *n = 0;
        return;
    }
    for (size_t i = len; i-- > lo;)
        if (abs(pcm[i]) > thr) {
            hi = i + 1;
            break;
        }
    size_t lead = (size_t)rate / 100;      /* 10 ms before the onset */
    size_t tail = (size_t)rate * 4 / 100;  /* 40 ms after the last peak */
    lo = lo > lead ? lo - lead : 0;
    hi = hi + tail < len ? hi + tail : len;
    *first = lo;
    *n = hi - lo;
}

int nr_stitch_pause(nr_stitcher *st, int ms)
{
    static const int16_t zeros[1024];
    uint64_t n = (uint64_t)((double)ms * st->rate / 1000.0 / st->speed + 0.5);
    while (n) {
        size_t k = n > 1024 ? 1024 : (size_t)n;
        int rc = st->sink->write(st->sink, zeros, k);
        if (rc)
            return rc;
        st->pos += k;
        n -= k;
    }
    return 0;
}

int nr_stitch_segment(nr_stitcher *st, nr_segment_kind kind, int opens_chapter)
{
    int rc = 0;
    if (st->started)
        rc = nr_stitch_pause(st, nr_pause_between(st->prev, kind, opens_chapter));
    st->prev = kind;
    return rc;
}

int nr_stitch_sentence(nr_stitcher *st, int opens_segment)
{
    return st->started && !opens_segment ? nr_stitch_pause(st, NR_PAUSE_SENTENCE) : 0;
}

int nr_stitch_end(nr_stitcher *st)
{
    return nr_stitch_pause(st, NR_PAUSE_END);
}

int nr_stitch_audio(nr_stitcher *st, const int16_t *pcm, size_t n)
{
    st->started = 1;
    if (!n)
        return 0;
    int rc = st->sink->write(st->sink, pcm, n);
    if (rc == 0)
        st->pos += n;
    return rc;
}

uint64_t nr_stitch_ms(const nr_stitcher *st, uint64_t samples)
{
    return (samples * 1000 + (uint64_t)st->rate / 2) / (uint64_t)st->rate;
}

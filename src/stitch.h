/*
 * stitch.h - the stitcher: the one place that counts samples (internal).
 *
 * Synthesized sentences arrive in order; the stitcher trims each one's own
 * leading and trailing silence, inserts the pauses narrate chooses, pushes the
 * PCM to the sink and records where every chapter and sentence lands.  Since
 * nothing else counts samples, chapter times, transcript cues and the
 * duration share one source of truth.
 *
 * Pauses (milliseconds at rate 1.0; divided by the rate):
 *   between sentences of a paragraph   350   (about Flite's own gap)
 *   between paragraphs                 750
 *   between list items                 500
 *   after the introduction             900
 *   after a heading                    700
 *   before a heading (new chapter)    1500
 *   at the very end                    500
 * A chapter starts at the first sample of its heading's speech, so a player
 * that jumps to a chapter lands on the heading, not on the silence before.
 */
#ifndef NR_STITCH_H
#define NR_STITCH_H

#include <stddef.h>
#include <stdint.h>

#include "audio/sink.h"
#include "plan.h"

enum {
    NR_PAUSE_SENTENCE = 350,
    NR_PAUSE_PARAGRAPH = 750,
    NR_PAUSE_ITEM = 500,
    NR_PAUSE_AFTER_INTRO = 900,
    NR_PAUSE_AFTER_HEADING = 700,
    NR_PAUSE_CHAPTER = 1500,
    NR_PAUSE_END = 500
};

/* Pause in ms at rate 1.0 before a segment of kind next that follows prev. */
int nr_pause_between(nr_segment_kind prev, nr_segment_kind next, int opens_chapter);

/* Trims silence at both ends of a synthesized utterance in place: returns the
   first sample to keep in *first and the count in *n. */
void nr_trim_silence(const int16_t *pcm, size_t len, size_t *first, size_t *n,
                     int rate);

/* Set sink, rate and speed; the rest starts at zero. */
typedef struct nr_stitcher {
    nr_sink *sink;
    int rate;             /* samples per second */
    double speed;         /* speech rate; pauses are divided by it */
    uint64_t pos;         /* samples written so far */
    int started;          /* a sentence has been written */
    nr_segment_kind prev; /* kind of the last segment begun */
} nr_stitcher;

/*
 * The stitcher is driven in plan order:
 *
 *     for each item:
 *         if it is the first item of its segment: nr_stitch_segment
 *         for each sentence: nr_stitch_sentence, then nr_stitch_audio
 *     nr_stitch_end
 *
 * st->pos read between the calls is where the next sound starts: after
 * nr_stitch_segment, the segment's (and its chapter's) first sample.
 * Each returns 0 or the sink's error.
 */
/* The pause before a segment after the one before it; none before the
   first speech of the episode. */
int nr_stitch_segment(nr_stitcher *st, nr_segment_kind kind, int opens_chapter);
/* The pause between sentences, unless the sentence opens its segment (the
   segment's pause came first) or nothing has been spoken yet. */
int nr_stitch_sentence(nr_stitcher *st, int opens_segment);
/* A sentence's trimmed speech. */
int nr_stitch_audio(nr_stitcher *st, const int16_t *pcm, size_t n);
/* The silence at the very end. */
int nr_stitch_end(nr_stitcher *st);

/* Writes ms of silence (scaled by the speed). */
int nr_stitch_pause(nr_stitcher *st, int ms);
/* Samples -> milliseconds, rounded to nearest. */
uint64_t nr_stitch_ms(const nr_stitcher *st, uint64_t samples);

#endif

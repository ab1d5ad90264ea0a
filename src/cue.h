/*
 * cue.h - a sentence as heard: what the stitcher records for every sentence
 * of a render (render.c), and what the sidecars and talking books built
 * from that render read (sidecar.c, book/) (internal).
 */
#ifndef NR_CUE_H
#define NR_CUE_H

#include <stddef.h>
#include <stdint.h>

/* A sentence as heard: its time in the audio and where it is written. */
typedef struct nr_cue_rec {
    uint64_t start_ms, end_ms;  /* its speech, from the stitcher's sample counts */
    uint32_t segment;           /* plan segment */
    size_t start, end;          /* byte range in the segment's text */
} nr_cue_rec;

#endif

/*
 * sink_mp3.c - MP3 through libmp3lame, with an ID3v2.3 tag and chapters.
 *
 * Layout of a seekable output:  [ID3 tag, padded][Info/LAME frame][audio].
 * The tag's size is fixed before the first audio byte: chapter titles are
 * known from the article before synthesis, and every field that depends on
 * the audio (times, TLEN) has a bounded width (nr_id3_size_bound).  At
 * finish the final tag is written over the reserved space and LAME's Info
 * frame, which carries the encoder delay and padding that gapless decoders
 * trim, replaces the placeholder frame LAME emitted first.  Chapter times
 * are in input samples, and a gapless decoder puts input sample n exactly at
 * n (docs/formats.md, LAME section), so no correction is applied.
 *
 * A pipe cannot be rewritten: it gets a tag with title and author only and
 * no Info frame (as the lame CLI does), and frames leave as soon as they are
 * encoded.
 */
#include "audio/sink.h"
#include "audio/id3.h"
#include "buf.h"

#include <errno.h>
#include <lame/lame.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID3_SLACK 1024  /* room to edit the tag in place later */
#define CHUNK     8192  /* samples per lame_encode_buffer call */

typedef struct mp3_sink {
    nr_sink base;
    nr_sink_error *err;
    int fd, seekable;
    lame_t gf;
    uint64_t audio_off;   /* where the first MP3 frame starts */
    unsigned char *mp3;   /* encoder output buffer */
    size_t mp3_cap;
    size_t tag_size;      /* reserved ID3 size (seekable only) */
    char encoder[64];     /* TSSE text */
} mp3_sink;

/* Fills t from m.  ch (may be NULL: no chapters) needs m->nchapters slots. */
static void meta_to_id3(const mp3_sink *s, const nr_sink_meta *m,
                        nr_id3_meta *t, nr_id3_chapter *ch,
                        uint64_t duration_ms)
{
    memset(t, 0, sizeof *t);
    t->title = m->title;
    t->artist = m->artist;
    t->album = m->album;
    t->genre = "Podcast";
    t->year = m->year;
    t->date_ddmm = m->date_ddmm;
    t->comment = m->comment;
    t->encoder = s->encoder;
    t->length_ms = (uint32_t)(duration_ms > UINT32_MAX ? UINT32_MAX : duration_ms);
    t->cover = m->cover;
    t->cover_len = m->cover_len;
    t->cover_mime = m->cover_mime;
    if (ch) {
        for (size_t i = 0; i < m->nchapters; i++) {
            ch[i].title = m->chapters[i].title;
            ch[i].start_ms = (uint32_t)m->chapters[i].start_ms;
            ch[i].end_ms = (uint32_t)m->chapters[i].end_ms;
        }
        t->chapters = ch;
        t->nchapters = m->nchapters;
    }
}

/* Renders the tag for meta; size 0 = unpadded.  Returns 0 or -1 (errno). */
static int render_tag(const mp3_sink *s, const nr_sink_meta *m, int chapters,
                      uint64_t duration_ms, size_t size, nr_buf *out)
{
    nr_id3_chapter *ch = NULL;
    if (chapters && m->nchapters) {
        ch = calloc(m->nchapters, sizeof *ch);
        if (!ch) {
            errno = ENOMEM;
            return -1;
        }
    }
    nr_id3_meta t;
    meta_to_id3(s, m, &t, ch, duration_ms);
    int rc = nr_id3_render(&t, size, out);
    free(ch);
    if (rc == -1) {
        errno = ENOMEM;
        return -1;
    }
    if (rc != 0) {
        errno = EOVERFLOW;
        return nr_sink_fail(s->err, "the tags do not fit in an ID3v2 tag (%zu chapters)",
                            m->nchapters);
    }
    return 0;
}

/* What LAME's encoding calls' negative returns mean (lame.h) */
static const char *lame_error(int n)
{
    switch (n) {
    case -1: return "its output buffer is too small";
    case -2: return "out of memory";
    case -3: return "lame_init_params was not called";
    case -4: return "psychoacoustic problems";
    default: return "unknown error";
    }
}

static int mp3_emit(mp3_sink *s, int n)
{
    if (n < 0)
        return nr_sink_fail(s->err, "LAME failed to encode at %d kbit/s, %d Hz: %s (%d)",
                            lame_get_brate(s->gf), lame_get_out_samplerate(s->gf),
                            lame_error(n), n);
    if (n > 0 && nr_write_all(s->fd, s->mp3, (size_t)n) != 0)
        return -1;
    return 0;
}

static int mp3_write(nr_sink *base, const int16_t *pcm, size_t n)
{
    mp3_sink *s = (mp3_sink *)base;
    while (n) {
        int k = n > CHUNK ? CHUNK : (int)n;
        /* lame.h: worst case 1.25 * samples + 7200 bytes */
        int got = lame_encode_buffer(s->gf, pcm, pcm, k, s->mp3, (int)s->mp3_cap);
        int rc = mp3_emit(s, got);
        if (rc)
            return rc;
        pcm += k;
        n -= (size_t)k;
    }
    return 0;
}

static int mp3_finish(nr_sink *base, const nr_sink_meta *m, uint64_t dur)
{
    mp3_sink *s = (mp3_sink *)base;
    int rc = mp3_emit(s, lame_encode_flush(s->gf, s->mp3, (int)s->mp3_cap));
    if (rc || !s->seekable)
        return rc;

    unsigned char frame[2880];  /* an Info frame is one MP3 frame */
    size_t k = lame_get_lametag_frame(s->gf, frame, sizeof frame);
    if (k == 0 || k > sizeof frame)
        return nr_sink_fail(s->err, "LAME made no Info frame at %d kbit/s, %d Hz",
                            lame_get_brate(s->gf), lame_get_out_samplerate(s->gf));
    if (nr_pwrite_all(s->fd, frame, k, s->audio_off) != 0)
        return -1;

    nr_buf tag;
    nr_buf_init(&tag, 0);
    rc = render_tag(s, m, 1, dur, s->tag_size, &tag);
    if (rc == 0 && nr_pwrite_all(s->fd, tag.data, tag.len, 0) != 0)
        rc = -1;
    nr_buf_free(&tag);
    return rc;
}

static void mp3_destroy(nr_sink *base)
{
    mp3_sink *s = (mp3_sink *)base;
    if (!s)
        return;
    if (s->gf)
        lame_close(s->gf);
    free(s->mp3);
    free(s);
}

nr_sink *nr_sink_mp3_new(const nr_sink_opts *o)
{
    mp3_sink *s = calloc(1, sizeof *s);
    if (!s) {
        errno = ENOMEM;
        return NULL;
    }
    s->base.write = mp3_write;
    s->base.finish = mp3_finish;
    s->base.destroy = mp3_destroy;
    s->err = o->error;
    s->fd = o->fd;
    s->seekable = o->seekable;
    snprintf(s->encoder, sizeof s->encoder, "%s (LAME %s)",
             o->meta->software ? o->meta->software : "narrate", get_lame_version());

    s->mp3_cap = CHUNK * 5 / 4 + 7200;
    s->mp3 = malloc(s->mp3_cap);
    s->gf = lame_init();
    if (!s->mp3 || !s->gf)
        goto nomem;
    lame_set_in_samplerate(s->gf, o->rate);
    lame_set_out_samplerate(s->gf, o->out_rate ? o->out_rate : o->rate);
    lame_set_num_channels(s->gf, 1);
    lame_set_mode(s->gf, MONO);
    lame_set_VBR(s->gf, vbr_off);
    lame_set_brate(s->gf, o->bitrate);
    /* 3 is the lame CLI's default; 2 costs 2.5 times the encoding CPU for no
       audible gain on 64 kbit/s speech (measured: docs/bench.md) */
    lame_set_quality(s->gf, 3);
    lame_set_bWriteVbrTag(s->gf, o->seekable);
    lame_set_write_id3tag_automatic(s->gf, 0);
    if (lame_init_params(s->gf) < 0) {
        nr_sink_fail(o->error, "LAME cannot encode %d kbit/s at %d Hz", o->bitrate,
                     o->out_rate ? o->out_rate : o->rate);
        mp3_destroy(&s->base);
        errno = EINVAL;
        return NULL;
    }

    nr_buf tag;
    nr_buf_init(&tag, 0);
    int rc;
    if (o->seekable) {
        nr_id3_meta t;
        nr_id3_chapter *ch = o->meta->nchapters
            ? calloc(o->meta->nchapters, sizeof *ch) : NULL;
        if (o->meta->nchapters && !ch)
            goto nomem;
        meta_to_id3(s, o->meta, &t, ch, 0);
        size_t bound = nr_id3_size_bound(&t);
        free(ch);
        if (bound > SIZE_MAX - ID3_SLACK) {  /* too many chapters for ID3 */
            nr_sink_fail(o->error, "the tags do not fit in an ID3v2 tag (%zu chapters)",
                         o->meta->nchapters);
            mp3_destroy(&s->base);
            errno = EOVERFLOW;
            return NULL;
        }
        s->tag_size = bound + ID3_SLACK;
        rc = render_tag(s, o->meta, 1, 0, s->tag_size, &tag);
    } else {
        rc = render_tag(s, o->meta, 0, 0, 0, &tag);
    }
    if (rc == 0)
        rc = nr_write_all(s->fd, tag.data, tag.len);
    s->audio_off = tag.len;
    nr_buf_free(&tag);
    if (rc != 0) {
        int e = errno;
        mp3_destroy(&s->base);
        errno = e;
        return NULL;
    }
    return &s->base;

nomem:
    mp3_destroy(&s->base);
    errno = ENOMEM;
    return NULL;
}

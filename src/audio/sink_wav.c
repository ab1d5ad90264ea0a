/*
 * sink_wav.c - WAV through libsndfile (seekable outputs), and a streaming
 * WAV writer of our own for pipes.
 *
 * libsndfile fixes the RIFF sizes by seeking back when the file is closed,
 * which a pipe cannot do; for a pipe the header is written once with the
 * largest sizes, the convention streaming readers (ffmpeg, sox, aplay)
 * accept for "length unknown".  Title and author go into the INFO chunk
 * through libsndfile's string API, which must be set before the first write.
 */
#include "audio/sink.h"

#include <errno.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>

typedef struct wav_sink {
    nr_sink base;
    nr_sink_error *err;
    int fd;
    SNDFILE *sf;   /* NULL for the pipe writer */
} wav_sink;

static int wav_write(nr_sink *base, const int16_t *pcm, size_t n)
{
    wav_sink *s = (wav_sink *)base;
    if (!s->sf) {
        /* little-endian host assumed by the raw writer, checked there */
        return nr_write_all(s->fd, pcm, n * sizeof *pcm);
    }
    if (sf_write_short(s->sf, pcm, (sf_count_t)n) != (sf_count_t)n)
        return nr_sink_fail(s->err, "libsndfile: %s", sf_strerror(s->sf));
    return 0;
}

static int wav_finish(nr_sink *base, const nr_sink_meta *m, uint64_t dur)
{
    (void)m;
    (void)dur;
    wav_sink *s = (wav_sink *)base;
    if (s->sf) {
        int rc = sf_close(s->sf);
        s->sf = NULL;
        if (rc != 0)
            return nr_sink_fail(s->err, "libsndfile: %s", sf_error_number(rc));
    }
    return 0;
}

static void wav_destroy(nr_sink *base)
{
    wav_sink *s = (wav_sink *)base;
    if (!s)
        return;
    if (s->sf)
        sf_close(s->sf);
    free(s);
}

static void put_le(unsigned char *p, uint32_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static int write_stream_header(int fd, int rate)
{
    unsigned char h[44];
    memcpy(h, "RIFF", 4);
    put_le(h + 4, 0xFFFFFFFFu, 4);
    memcpy(h + 8, "WAVEfmt ", 8);
    put_le(h + 16, 16, 4);
    put_le(h + 20, 1, 2);               /* PCM */
    put_le(h + 22, 1, 2);               /* mono */
    put_le(h + 24, (uint32_t)rate, 4);
    put_le(h + 28, (uint32_t)rate * 2, 4);
    put_le(h + 32, 2, 2);
    put_le(h + 34, 16, 2);
    memcpy(h + 36, "data", 4);
    put_le(h + 40, 0xFFFFFFFFu, 4);
    return nr_write_all(fd, h, sizeof h);
}

static wav_sink *wav_alloc(const nr_sink_opts *o)
{
    wav_sink *s = calloc(1, sizeof *s);
    if (!s) {
        errno = ENOMEM;
        return NULL;
    }
    s->base.write = wav_write;
    s->base.finish = wav_finish;
    s->base.destroy = wav_destroy;
    s->err = o->error;
    s->fd = o->fd;
    return s;
}

nr_sink *nr_sink_wav_new(const nr_sink_opts *o)
{
    wav_sink *s = wav_alloc(o);
    if (!s)
        return NULL;
    if (!o->seekable) {
        if (write_stream_header(o->fd, o->rate) != 0) {
            int e = errno;
            free(s);
            errno = e;
            return NULL;
        }
        return &s->base;
    }
    SF_INFO info = {0};
    info.samplerate = o->rate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    s->sf = sf_open_fd(o->fd, SFM_WRITE, &info, 0);
    if (!s->sf) {
        nr_sink_fail(o->error, "libsndfile: %s", sf_strerror(NULL));
        free(s);
        errno = EIO;
        return NULL;
    }
    if (o->meta->title && *o->meta->title)
        sf_set_string(s->sf, SF_STR_TITLE, o->meta->title);
    if (o->meta->artist && *o->meta->artist)
        sf_set_string(s->sf, SF_STR_ARTIST, o->meta->artist);
    if (o->meta->software)
        sf_set_string(s->sf, SF_STR_SOFTWARE, o->meta->software);
    return &s->base;
}

/* Raw PCM: signed 16-bit little-endian, the voice's rate, mono. */
nr_sink *nr_sink_raw_new(const nr_sink_opts *o)
{
    const uint16_t probe = 1;
    if (*(const unsigned char *)&probe != 1) {
        nr_sink_fail(o->error, "raw PCM output needs a little-endian host");
        errno = ENOTSUP;  /* big-endian hosts would need a byte swap */
        return NULL;
    }
    wav_sink *s = wav_alloc(o);
    return s ? &s->base : NULL;
}

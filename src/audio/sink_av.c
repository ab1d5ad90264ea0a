/*
 * sink_av.c - FLAC, Ogg Vorbis, Opus and M4B (AAC in MP4) through FFmpeg's
 * libraries, each with title, author, date and chapters in its own
 * convention: Vorbis comments CHAPTERnnn / CHAPTERnnnNAME for FLAC, Vorbis
 * and Opus; a chapter track for M4B.  FFmpeg's muxers already write those
 * conventions the way players read them, and its encoders record their
 * priming (Opus pre-skip, MP4 edit list), so chapter times hold after
 * decoding.
 *
 * These containers put tags (and chapters) in the header, so this sink is
 * always created behind the loudness spool (render.c), when every chapter
 * time is known.  Bytes reach our file descriptor through a custom
 * AVIOContext, so temporary-file-and-rename stays with outfile.c.
 */
#include "audio/sink.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <pthread.h>
#include "audio/av_api.h"

#include <libavutil/intreadwrite.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* FFmpeg's functions, through the table loaded on first use; av_new()
   checks that it loaded before anything else here runs */
#define FF (nr_av_api_get(NULL))

typedef struct av_kind {
    const char *muxer, *encoder;
    int bitrate;          /* bit/s; 0 = lossless */
} av_kind;

static const av_kind kinds[] = {
    [NR_AV_FLAC] = {"flac", "flac", 0},
    [NR_AV_VORBIS] = {"ogg", "libvorbis", 48000},
    [NR_AV_OPUS] = {"opus", "libopus", 32000},
    [NR_AV_M4B] = {"mp4", "aac", 64000},
};

typedef struct av_sink {
    nr_sink base;
    nr_sink_error *err;
    const av_kind *kind;
    int fd;
    int seekable;
    AVFormatContext *fc;
    AVCodecContext *cc;
    AVStream *st;
    AVStream *pic;        /* attached cover (FLAC, MP4), or NULL */
    AVFrame *frame;
    AVPacket *pkt;
    int frame_len;        /* samples per encoder frame */
    int have;             /* samples waiting in frame */
    int64_t pts;
    int io_error;         /* errno of a failed write, 0 if none */
} av_sink;

static int io_write(void *opaque, uint8_t *buf, int n)
{
    av_sink *s = opaque;
    if (nr_write_all(s->fd, buf, (size_t)n) != 0) {
        s->io_error = errno;
        return AVERROR(errno);
    }
    return n;
}

static int64_t io_seek(void *opaque, int64_t off, int whence)
{
    av_sink *s = opaque;
    if (whence == AVSEEK_SIZE) {
        off_t cur = lseek(s->fd, 0, SEEK_CUR), end = lseek(s->fd, 0, SEEK_END);
        lseek(s->fd, cur, SEEK_SET);
        return end;
    }
    off_t r = lseek(s->fd, (off_t)off, whence & ~AVSEEK_FORCE);
    return r < 0 ? AVERROR(errno) : r;
}

/* FFmpeg's words for an AVERROR code, in buf */
static const char *av_words(int rc, char *buf, size_t n)
{
    if (FF->av_strerror(rc, buf, n) < 0)
        snprintf(buf, n, "error %d", rc);
    return buf;
}

/* Reports FFmpeg's failure rc after what fmt says was being done; -2. */
static int av_fail(nr_sink_error *e, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int av_fail(nr_sink_error *e, int rc, const char *fmt, ...)
{
    char words[128], head[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(head, sizeof head, fmt, ap);
    va_end(ap);
    return nr_sink_fail(e, "%s: %s", head, av_words(rc, words, sizeof words));
}

/* Sends the waiting frame (or NULL to drain) and writes what comes out. */
static int encode(av_sink *s, AVFrame *f)
{
    int rc = FF->avcodec_send_frame(s->cc, f);
    while (rc >= 0) {
        rc = FF->avcodec_receive_packet(s->cc, s->pkt);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
            return 0;
        if (rc < 0)
            break;
        FF->av_packet_rescale_ts(s->pkt, s->cc->time_base, s->st->time_base);
        s->pkt->stream_index = s->st->index;
        rc = FF->av_interleaved_write_frame(s->fc, s->pkt);
    }
    if (s->io_error) {
        errno = s->io_error;
        return -1;
    }
    return rc < 0 ? av_fail(s->err, rc, "FFmpeg's %s encoder failed", s->kind->encoder) : 0;
}

static int flush_frame(av_sink *s)
{
    if (!s->have)
        return 0;
    s->frame->nb_samples = s->have;
    s->frame->pts = s->pts;
    s->pts += s->have;
    s->have = 0;
    return encode(s, s->frame);
}

static int av_write(nr_sink *base, const int16_t *pcm, size_t n)
{
    av_sink *s = (av_sink *)base;
    for (size_t i = 0; i < n; i++) {
        int av;
        if (s->have == 0 && (av = FF->av_frame_make_writable(s->frame)) < 0)
            return av_fail(s->err, av, "FFmpeg had no frame for the %s encoder", s->kind->encoder);
        switch (s->cc->sample_fmt) {
        case AV_SAMPLE_FMT_S16:
        case AV_SAMPLE_FMT_S16P:
            ((int16_t *)s->frame->data[0])[s->have] = pcm[i];
            break;
        case AV_SAMPLE_FMT_FLT:
        case AV_SAMPLE_FMT_FLTP:
            ((float *)s->frame->data[0])[s->have] = (float)pcm[i] / 32768.0f;
            break;
        case AV_SAMPLE_FMT_S32:
        case AV_SAMPLE_FMT_S32P:
            ((int32_t *)s->frame->data[0])[s->have] = (int32_t)pcm[i] * 65536;
            break;
        default:
            return nr_sink_fail(s->err, "FFmpeg's %s encoder wants a sample format narrate "
                                "does not make (%d)", s->kind->encoder, (int)s->cc->sample_fmt);
        }
        if (++s->have == s->frame_len) {
            int rc = flush_frame(s);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static int av_finish(nr_sink *base, const nr_sink_meta *m, uint64_t dur)
{
    (void)m;
    (void)dur;
    av_sink *s = (av_sink *)base;
    int rc = flush_frame(s);
    if (rc == 0)
        rc = encode(s, NULL);
    int av;
    if (rc == 0 && (av = FF->av_write_trailer(s->fc)) < 0)
        rc = s->io_error ? (errno = s->io_error, -1)
                         : av_fail(s->err, av, "FFmpeg's %s muxer could not finish", s->kind->muxer);
    if (rc == 0) {
        FF->avio_flush(s->fc->pb);
        if (s->io_error) {
            errno = s->io_error;
            rc = -1;
        }
    }
    return rc;
}

static void av_destroy(nr_sink *base)
{
    av_sink *s = (av_sink *)base;
    if (!s)
        return;
    FF->avcodec_free_context(&s->cc);
    FF->av_frame_free(&s->frame);
    FF->av_packet_free(&s->pkt);
    if (s->fc) {
        if (s->fc->pb) {
            FF->av_freep(&s->fc->pb->buffer);
            FF->avio_context_free(&s->fc->pb);
        }
        FF->avformat_free_context(s->fc);
    }
    free(s);
}

static int set_tag(AVDictionary **d, const char *k, const char *v)
{
    return v && *v ? FF->av_dict_set(d, k, v, 0) : 0;
}

/* Vorbis-comment chapters (FLAC, Vorbis, Opus) are written here as tags,
   CHAPTER000=HH:MM:SS.mmm and CHAPTER000NAME=title, the form every reader
   uses: FFmpeg 5.1's FLAC and Vorbis muxers drop fc->chapters, and its Opus
   muxer rounds the seconds, so a chapter at 50.642 s came out as 51.642. */
static int add_chapter_tags(AVDictionary **d, const nr_sink_meta *m)
{
    for (size_t i = 0; i < m->nchapters; i++) {
        char key[32], val[32];
        uint64_t ms = m->chapters[i].start_ms;
        snprintf(key, sizeof key, "CHAPTER%03zu", i);
        snprintf(val, sizeof val, "%02u:%02u:%02u.%03u", (unsigned)(ms / 3600000),
                 (unsigned)(ms / 60000 % 60), (unsigned)(ms / 1000 % 60), (unsigned)(ms % 1000));
        if (FF->av_dict_set(d, key, val, 0) < 0)
            return -1;
        snprintf(key, sizeof key, "CHAPTER%03zuNAME", i);
        if (set_tag(d, key, m->chapters[i].title) < 0)
            return -1;
    }
    return 0;
}

/* Ogg streams carry cover art as a Vorbis comment holding a base64 FLAC
   picture block (the METADATA_BLOCK_PICTURE convention); FFmpeg 5.1's Ogg
   muxer takes no picture stream, so the comment is made here. */
static int add_picture_comment(AVDictionary **d, const nr_sink_meta *m)
{
    size_t mlen = strlen(m->cover_mime);
    size_t n = 32 + mlen + m->cover_len;
    if (n > (size_t)INT_MAX / 2)
        return -1;
    unsigned char *b = malloc(n);
    if (!b)
        return -1;
    unsigned char *p = b;
    uint32_t fields[] = {3, (uint32_t)mlen};   /* front cover, MIME length */
    for (int i = 0; i < 2; i++, p += 4)
        AV_WB32(p, fields[i]);
    memcpy(p, m->cover_mime, mlen);
    p += mlen;
    uint32_t rest[] = {0, m->cover_w, m->cover_h, 24, 0};  /* desc, w, h, depth, colours */
    for (int i = 0; i < 5; i++, p += 4)
        AV_WB32(p, rest[i]);
    AV_WB32(p, (uint32_t)m->cover_len);
    p += 4;
    memcpy(p, m->cover, m->cover_len);
    int outlen = AV_BASE64_SIZE((int)n);
    char *out = FF->av_malloc((size_t)outlen);
    int rc = -1;
    if (out && FF->av_base64_encode(out, outlen, b, (int)n))
        rc = FF->av_dict_set(d, "METADATA_BLOCK_PICTURE", out, 0) < 0 ? -1 : 0;
    FF->av_free(out);
    free(b);
    return rc;
}

/* MP4 chapters before the header: the muxer writes them from fc->chapters. */
static int add_chapters(AVFormatContext *fc, const nr_sink_meta *m)
{
    if (!m->nchapters)
        return 0;
    fc->chapters = FF->av_calloc(m->nchapters, sizeof *fc->chapters);
    if (!fc->chapters)
        return -1;
    for (size_t i = 0; i < m->nchapters; i++) {
        AVChapter *c = FF->av_mallocz(sizeof *c);
        if (!c)
            return -1;
        fc->chapters[fc->nb_chapters++] = c;
        c->id = (int64_t)i;
        c->time_base = (AVRational){1, 1000};
        c->start = (int64_t)m->chapters[i].start_ms;
        c->end = (int64_t)m->chapters[i].end_ms;
        if (set_tag(&c->metadata, "title", m->chapters[i].title) < 0)
            return -1;
    }
    return 0;
}

static void quiet_ffmpeg(void)
{
    /* the library never prints: FFmpeg's notes would reach the host's stderr
       (NARRATE_FFMPEG_LOG=1 keeps its warnings, for debugging) */
    const char *e = getenv("NARRATE_FFMPEG_LOG");
    FF->av_log_set_level(e && *e == '1' ? AV_LOG_WARNING : AV_LOG_QUIET);
}

const char *nr_sink_av_unavailable(void)
{
    const char *why = NULL;
    return nr_av_api_get(&why) ? NULL : why;
}

static nr_sink *av_new(const nr_sink_opts *o, nr_av_format kind)
{
    if (nr_sink_av_unavailable()) {
        errno = ENOSYS;
        return NULL;
    }
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, quiet_ffmpeg);
    const av_kind *k = &kinds[kind];
    av_sink *s = calloc(1, sizeof *s);
    if (!s) {
        errno = ENOMEM;
        return NULL;
    }
    s->base.write = av_write;
    s->base.finish = av_finish;
    s->base.destroy = av_destroy;
    s->err = o->error;
    s->kind = k;
    s->fd = o->fd;
    s->seekable = o->seekable;
    errno = EINVAL;

    if (kind == NR_AV_M4B && !o->seekable) {
        /* MP4 writes its index at the end, pointing back into the file:
           not a setting that could be changed, an output that cannot
           take the format (ESPIPE, an output error) */
        nr_sink_fail(s->err, "M4B needs a seekable file (MP4 writes its index at the end); "
                     "write it to a file, not a pipe");
        errno = ESPIPE;
        goto fail;
    }
    int rc = FF->avformat_alloc_output_context2(&s->fc, NULL, k->muxer, NULL);
    if (rc < 0 || !s->fc) {
        av_fail(s->err, rc, "FFmpeg has no %s muxer", k->muxer);
        goto fail;
    }
    const AVCodec *codec = FF->avcodec_find_encoder_by_name(k->encoder);
    if (!codec) {
        nr_sink_fail(s->err, "FFmpeg has no %s encoder", k->encoder);
        goto fail;
    }
    s->st = FF->avformat_new_stream(s->fc, NULL);
    s->cc = FF->avcodec_alloc_context3(codec);
    s->frame = FF->av_frame_alloc();
    s->pkt = FF->av_packet_alloc();
    if (!s->st || !s->cc || !s->frame || !s->pkt)
        goto nomem;

    s->cc->sample_rate = o->rate;
    FF->av_channel_layout_default(&s->cc->ch_layout, 1);
    s->cc->sample_fmt = codec->sample_fmts ? codec->sample_fmts[0] : AV_SAMPLE_FMT_S16;
    for (const enum AVSampleFormat *f = codec->sample_fmts; f && *f != AV_SAMPLE_FMT_NONE; f++)
        if (*f == AV_SAMPLE_FMT_S16)
            s->cc->sample_fmt = AV_SAMPLE_FMT_S16;  /* no conversion when possible */
    s->cc->bit_rate = k->bitrate;
    s->cc->time_base = (AVRational){1, o->rate};
    if (s->fc->oformat->flags & AVFMT_GLOBALHEADER)
        s->cc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((rc = FF->avcodec_open2(s->cc, codec, NULL)) < 0) {
        av_fail(s->err, rc, "FFmpeg's %s encoder refused the settings", k->encoder);
        goto fail;
    }
    if (FF->avcodec_parameters_from_context(s->st->codecpar, s->cc) < 0)
        goto nomem;
    s->st->time_base = (AVRational){1, o->rate};
    s->frame_len = s->cc->frame_size > 0 ? s->cc->frame_size : 4096;
    s->frame->format = s->cc->sample_fmt;
    s->frame->sample_rate = o->rate;
    s->frame->nb_samples = s->frame_len;
    if (FF->av_channel_layout_copy(&s->frame->ch_layout, &s->cc->ch_layout) < 0
        || FF->av_frame_get_buffer(s->frame, 0) < 0)
        goto nomem;

    const nr_sink_meta *m = o->meta;
    AVDictionary **d = &s->fc->metadata;
    if (set_tag(d, "title", m->title) < 0 || set_tag(d, "artist", m->artist) < 0
        || set_tag(d, "album", m->album) < 0 || set_tag(d, "date", m->year) < 0
        || set_tag(d, "comment", m->comment) < 0 || set_tag(d, "genre", "Podcast") < 0
        || (kind == NR_AV_M4B ? add_chapters(s->fc, m) : add_chapter_tags(d, m)) < 0)
        goto nomem;
    if (m->cover && (kind == NR_AV_VORBIS || kind == NR_AV_OPUS)
        && add_picture_comment(d, m) < 0)
        goto nomem;
    if (m->cover && (kind == NR_AV_FLAC || kind == NR_AV_M4B)) {
        s->pic = FF->avformat_new_stream(s->fc, NULL);
        if (!s->pic)
            goto nomem;
        s->pic->disposition = AV_DISPOSITION_ATTACHED_PIC;
        s->pic->codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
        s->pic->codecpar->codec_id = strcmp(m->cover_mime, "image/png") == 0
                                     ? AV_CODEC_ID_PNG : AV_CODEC_ID_MJPEG;
        /* FFmpeg maps this comment to picture type 3, the front cover */
        if (FF->av_dict_set(&s->pic->metadata, "comment", "Cover (front)", 0) < 0)
            goto nomem;
        s->pic->codecpar->width = (int)m->cover_w;
        s->pic->codecpar->height = (int)m->cover_h;
        s->pic->time_base = (AVRational){1, 90000};
    }

    unsigned char *buf = FF->av_malloc(65536);
    if (!buf)
        goto nomem;
    s->fc->pb = FF->avio_alloc_context(buf, 65536, 1, s, NULL, io_write,
                                   o->seekable ? io_seek : NULL);
    if (!s->fc->pb) {
        FF->av_free(buf);
        goto nomem;
    }
    s->fc->pb->seekable = o->seekable ? AVIO_SEEKABLE_NORMAL : 0;
    /* no bitexact flag: players show the encoder; keep it off */
    if ((rc = FF->avformat_write_header(s->fc, NULL)) < 0) {
        if (s->io_error)
            errno = s->io_error;
        else
            av_fail(s->err, rc, "FFmpeg's %s muxer could not write its header", k->muxer);
        goto fail_keep_errno;
    }
    if (s->pic) {
        /* the picture goes out as the one packet of its stream */
        if (FF->av_new_packet(s->pkt, (int)m->cover_len) < 0)
            goto nomem;
        memcpy(s->pkt->data, m->cover, m->cover_len);
        s->pkt->stream_index = s->pic->index;
        s->pkt->flags |= AV_PKT_FLAG_KEY;
        if ((rc = FF->av_interleaved_write_frame(s->fc, s->pkt)) < 0) {
            if (s->io_error)
                errno = s->io_error;
            else
                av_fail(s->err, rc, "FFmpeg's %s muxer could not write the cover", k->muxer);
            goto fail_keep_errno;
        }
    }
    return &s->base;

nomem:
    errno = ENOMEM;
fail:
    {
        int e = errno;
        av_destroy(&s->base);
        errno = e;
        return NULL;
    }
fail_keep_errno:
    {
        int e = errno ? errno : EIO;
        av_destroy(&s->base);
        errno = e;
        return NULL;
    }
}

nr_sink *nr_sink_flac_new(const nr_sink_opts *o) { return av_new(o, NR_AV_FLAC); }
nr_sink *nr_sink_vorbis_new(const nr_sink_opts *o) { return av_new(o, NR_AV_VORBIS); }
nr_sink *nr_sink_opus_new(const nr_sink_opts *o) { return av_new(o, NR_AV_OPUS); }
nr_sink *nr_sink_m4b_new(const nr_sink_opts *o) { return av_new(o, NR_AV_M4B); }

/*
 * sidecar.c - files that travel with the audio: the transcript (WebVTT or
 * SubRip, one cue per sentence as written) and Podcasting 2.0 chapters JSON.
 *
 * Both come from what the stitcher recorded during the last render, so their
 * times are the audio's own sample counts, not estimates.  They are written
 * through the same temporary-file-and-rename path as the audio.
 */
#include "nr_private.h"
#include "audio/sink.h"
#include "audio/textout.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct text_arg {
    const nr_buf *text;
} text_arg;

static nr_status write_buf(nr_ctx *ctx, int fd, int seekable, void *arg)
{
    (void)seekable;
    const nr_buf *b = ((text_arg *)arg)->text;
    if (b->len && nr_write_all(fd, b->data, b->len) != 0)
        return nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': %s", ctx->out_name,
                       strerror(errno));
    return NR_OK;
}

static int is_srt(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && strcasecmp(dot, ".srt") == 0;
}

nr_status nr_write_transcript(nr_ctx *ctx, const char *path)
{
    if (!ctx->chapter_times)
        return nr_fail(ctx, NR_ERR_STATE, "no render to transcribe");
    const nr_plan *p = &ctx->plan;
    int srt = is_srt(path);
    nr_buf out;
    nr_buf_init(&out, 0);
    int rc = srt ? 0 : nr_vtt_begin(&out);
    unsigned index = 0;
    size_t next_chapter = 0;
    nr_buf text;
    nr_buf_init(&text, 0);
    for (size_t i = 0; i < ctx->ncues && rc == 0; i++) {
        const nr_cue_rec *c = &ctx->cues[i];
        const nr_segment *u = &p->segments[c->segment];
        /* a chapter title goes before the chapter's first cue */
        while (rc == 0 && next_chapter < p->nchapters && next_chapter <= u->chapter) {
            nr_cue ch = {ctx->chapter_times[next_chapter].start_ms,
                         ctx->chapter_times[next_chapter].end_ms,
                         p->chapter_titles[next_chapter], 1};
            if (!srt)  /* SubRip has no notes; its cues carry the text alone */
                rc = nr_vtt_cue(&out, 0, &ch);
            next_chapter++;
        }
        nr_buf_reset(&text);
        rc |= nr_buf_append(&text, u->text + c->start, c->end - c->start);
        nr_cue cue = {c->start_ms, c->end_ms, text.data ? text.data : "", 0};
        index++;
        rc |= srt ? nr_srt_cue(&out, index, &cue) : nr_vtt_cue(&out, index, &cue);
    }
    nr_buf_free(&text);
    nr_status s = rc ? nr_fail(ctx, NR_ERR_NOMEM, "out of memory") : NR_OK;
    if (s == NR_OK) {
        text_arg a = {&out};
        s = nr_with_output_file(ctx, path, write_buf, &a);
    }
    nr_buf_free(&out);
    return s;
}

nr_status nr_write_chapters_json(nr_ctx *ctx, const char *path)
{
    if (!ctx->chapter_times)
        return nr_fail(ctx, NR_ERR_STATE, "no render to take chapters from");
    const nr_plan *p = &ctx->plan;
    nr_json_chapter *ch = calloc(p->nchapters, sizeof *ch);
    if (!ch)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < p->nchapters; i++) {
        ch[i].title = p->chapter_titles[i];
        ch[i].start_ms = (uint32_t)ctx->chapter_times[i].start_ms;
        ch[i].end_ms = (uint32_t)ctx->chapter_times[i].end_ms;
    }
    nr_buf out;
    nr_buf_init(&out, 0);
    nr_status s = NR_OK;
    if (nr_chapters_json(&out, ch, p->nchapters) != 0)
        s = nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    free(ch);
    if (s == NR_OK) {
        text_arg a = {&out};
        s = nr_with_output_file(ctx, path, write_buf, &a);
    }
    nr_buf_free(&out);
    return s;
}

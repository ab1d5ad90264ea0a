/*
 * plan.c - from the article model to the plan: the ordered segments that
 * will be spoken, the chapters they belong to, and the items (runs of
 * sentences) that are the pieces of synthesis work.  See plan.h.
 *
 * The plan borrows the article's block texts; only the generated
 * introduction ("Title. By Name, Publication. Date.") is owned here.
 */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

void nr_plan_free(nr_plan *p)
{
    free(p->segments);
    free(p->items);
    free(p->chapter_titles);
    free(p->intro);
    memset(p, 0, sizeof *p);
}

static int ends_with_stop(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' '))
        n--;
    return n && strchr(".?!", s[n - 1]) != NULL;
}

/* "Title. By Name. Date." with the metadata overrides applied. */
static char *build_intro(const nr_article *a, const nr_plan_opts *o)
{
    const char *title = o->title ? o->title : a->title;
    const char *by = o->author ? o->author : a->byline;
    const char *date = a->date;
    nr_buf b;
    nr_buf_init(&b, 0);
    int rc = nr_buf_puts(&b, title ? title : "");
    if (title && *title && !ends_with_stop(title))
        rc |= nr_buf_putc(&b, '.');
    if (by && *by) {
        rc |= nr_buf_puts(&b, b.len ? " By " : "By ");
        rc |= nr_buf_puts(&b, by);
        if (!ends_with_stop(by))
            rc |= nr_buf_putc(&b, '.');
    }
    if (date && *date) {
        rc |= nr_buf_putc(&b, ' ');
        rc |= nr_buf_puts(&b, date);
        if (!ends_with_stop(date))
            rc |= nr_buf_putc(&b, '.');
    }
    if (rc) {
        nr_buf_free(&b);
        return NULL;
    }
    return nr_buf_steal(&b);
}

typedef struct item_builder {
    nr_plan *p;
    size_t cap;
    uint32_t segment;
    int have_open;        /* an item of this segment is being grown */
    int failed;
} item_builder;

static int push_item(item_builder *ib, size_t start, size_t end, int first)
{
    nr_plan *p = ib->p;
    if (p->nitems == ib->cap) {
        size_t cap = ib->cap ? ib->cap * 2 : 64;
        nr_item *n = realloc(p->items, cap * sizeof *n);
        if (!n)
            return -1;
        p->items = n;
        ib->cap = cap;
    }
    nr_item *it = &p->items[p->nitems++];
    it->segment = ib->segment;
    it->first = (uint32_t)first;
    it->start = start;
    it->end = end;
    return 0;
}

/* Groups whole sentences into items of at most NR_ITEM_CHARS. */
static int on_sentence(void *ud, size_t start, size_t end)
{
    item_builder *ib = ud;
    nr_plan *p = ib->p;
    if (ib->have_open) {
        nr_item *last = &p->items[p->nitems - 1];
        if (end - last->start <= NR_ITEM_CHARS) {
            last->end = end;
            return 0;
        }
    }
    if (push_item(ib, start, end, !ib->have_open) != 0) {
        ib->failed = 1;
        return 1;
    }
    ib->have_open = 1;
    return 0;
}

static int add_segment(nr_plan *p, size_t *cap, nr_segment_kind kind, size_t chapter,
                       int opens, const char *text, size_t len, const nr_srcmap *map)
{
    if (p->nsegments == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        nr_segment *n = realloc(p->segments, c * sizeof *n);
        if (!n)
            return -1;
        p->segments = n;
        *cap = c;
    }
    nr_segment *u = &p->segments[p->nsegments++];
    u->kind = kind;
    u->chapter = chapter;
    u->opens_chapter = opens;
    u->text = text;
    u->len = len;
    u->src_map = map;
    return 0;
}

nr_status nr_plan_build(nr_plan *p, const nr_article *a, const nr_plan_opts *o)
{
    nr_plan_free(p);

    int has_sub = a->subtitle && *a->subtitle;
    /* without an introduction the first segment opens the first chapter;
       when that is a heading it does not open a second, empty one */
    int heading_first = o->no_intro && !has_sub && a->nblocks
                        && a->blocks[0].kind == NR_BLOCK_HEADING;
    size_t nheadings = 0;
    for (size_t i = 0; i < a->nblocks; i++)
        nheadings += a->blocks[i].kind == NR_BLOCK_HEADING;
    p->nchapters = nheadings + 1 - (size_t)heading_first;
    p->chapter_titles = calloc(p->nchapters, sizeof *p->chapter_titles);
    p->intro = build_intro(a, o);
    if (!p->chapter_titles || !p->intro)
        goto nomem;
    /* the label names the first chapter when there is no title; it is
       never spoken (build_intro uses the title only) */
    p->chapter_titles[0] = o->title ? o->title : a->label ? a->label
                           : a->title ? a->title : "";

    size_t scap = 0, chapter = 0;
    if (!o->no_intro
        && add_segment(p, &scap, NR_SEG_INTRO, 0, 1, p->intro, strlen(p->intro), NULL))
        goto nomem;
    /* the standfirst is body text the reader sees under the title */
    if (has_sub && add_segment(p, &scap, NR_SEG_PARA, 0, p->nsegments == 0, a->subtitle,
                               strlen(a->subtitle), NULL))
        goto nomem;
    for (size_t i = 0; i < a->nblocks; i++) {
        const nr_block *b = &a->blocks[i];
        nr_segment_kind k = NR_SEG_PARA;
        int opens = p->nsegments == 0;
        switch (b->kind) {
        case NR_BLOCK_HEADING:
            k = NR_SEG_HEADING;
            if (!(heading_first && i == 0))
                p->chapter_titles[++chapter] = b->text;
            opens = 1;
            break;
        case NR_BLOCK_ITEM:  k = NR_SEG_LIST_ITEM; break;
        case NR_BLOCK_QUOTE: k = NR_SEG_QUOTE;     break;
        default: break;
        }
        if (add_segment(p, &scap, k, chapter, opens, b->text, b->len, &b->src_map))
            goto nomem;
    }

    item_builder ib = {.p = p};
    for (size_t i = 0; i < p->nsegments; i++) {
        ib.segment = (uint32_t)i;
        ib.have_open = 0;
        nr_split_sentences(p->segments[i].text, p->segments[i].len, on_sentence, &ib);
        if (ib.failed)
            goto nomem;
        /* a segment with no sentence still opens its chapter: give it an item */
        if (!ib.have_open && push_item(&ib, 0, 0, 1) != 0)
            goto nomem;
    }
    return NR_OK;

nomem:
    nr_plan_free(p);
    return NR_ERR_NOMEM;
}

typedef struct speak_state {
    const nr_norm *norm;
    const char *text;
    nr_buf *out;
    size_t base;      /* bytes spoken (out->len + flushed) when the range started */
    size_t flushed;   /* bytes already handed to flush and dropped from out */
    nr_buf scratch;   /* one sentence's spoken form */
    nr_speak_flush_fn flush;  /* NULL: everything stays in out */
    void *ud;
    int failed;       /* -1 out of memory, -2 flush failed */
} speak_state;

static int speak_sentence(void *ud, size_t start, size_t end)
{
    speak_state *s = ud;
    nr_buf_reset(&s->scratch);
    if (nr_norm_text(s->norm, s->text + start, end - start, &s->scratch) != 0)
        goto fail;
    const char *p = s->scratch.data;
    size_t n = s->scratch.len;
    while (n && *p == ' ') {
        p++;
        n--;
    }
    while (n && p[n - 1] == ' ')
        n--;
    if (!n)
        return 0;  /* nothing spoken: no stray space */
    if (s->out->len + s->flushed > s->base && nr_buf_putc(s->out, ' ') != 0)
        goto fail;
    if (nr_buf_append(s->out, p, n) != 0)
        goto fail;
    if (s->flush && s->out->len >= NR_SPEAK_CHUNK) {
        if (s->flush(s->ud, s->out->data, s->out->len) != 0) {
            s->failed = -2;
            return 1;
        }
        s->flushed += s->out->len;
        nr_buf_reset(s->out);
    }
    return 0;
fail:
    s->failed = -1;
    return 1;
}

int nr_speak_stream(const nr_norm *norm, const nr_segment *seg, size_t start,
                    size_t end, nr_buf *out, nr_speak_flush_fn flush, void *ud,
                    size_t *spoken)
{
    speak_state s = {norm, seg->text + start, out, out->len, 0, {0}, flush, ud, 0};
    nr_buf_init(&s.scratch, out->max);
    nr_split_sentences(seg->text + start, end - start, speak_sentence, &s);
    nr_buf_free(&s.scratch);
    if (spoken)
        *spoken = out->len + s.flushed - s.base;
    return s.failed;
}

int nr_speak_range(const nr_norm *norm, const nr_segment *seg, size_t start,
                   size_t end, nr_buf *out)
{
    return nr_speak_stream(norm, seg, start, end, out, NULL, NULL, NULL) ? -1 : 0;
}

/*
 * body.c - the book's text: the chapters' XHTML bodies, every heard
 * sentence a span, and the per-chapter tables the writers share (book.h).
 *
 * The markup is the article's structure as the readers found it: the
 * title, byline and date, the standfirst, headings, paragraphs, nested
 * lists and block quotations.  It uses only elements that XHTML 1.0 (DAISY
 * 2.02) and EPUB's XHTML share, so both books show the same text.
 */
#include "book/book.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void nr_book_release(nr_book *b)
{
    free(b->first_seg);
    free(b->first_cue);
    free(b->level);
    b->first_seg = b->first_cue = NULL;
    b->level = NULL;
}

/* Heading levels as the outline shows them: the title is 1, the article's
   shallowest heading 2, and no heading more than one level below the one
   before it (a DAISY navigation centre must not skip levels, and a screen
   reader's list of headings reads better without gaps). */
static void outline_levels(nr_book *b)
{
    const nr_article *a = b->article;
    int min = 7;
    for (size_t i = 0; i < a->nblocks; i++)
        if (a->blocks[i].kind == NR_BLOCK_HEADING) {
            int l = a->blocks[i].level > 0 ? a->blocks[i].level : 2;
            if (l < min)
                min = l;
        }
    size_t c = 0;
    int prev = 1;
    b->level[0] = 1;
    for (size_t i = 0; i < a->nblocks && c + 1 < b->plan->nchapters; i++) {
        if (a->blocks[i].kind != NR_BLOCK_HEADING)
            continue;
        int l = (a->blocks[i].level > 0 ? a->blocks[i].level : 2) - min + 2;
        if (l > prev + 1)
            l = prev + 1;
        if (l > 6)
            l = 6;
        b->level[++c] = prev = l;
    }
    while (++c <= b->plan->nchapters)   /* a heading the plan has and we missed */
        b->level[c] = 2;
}

int nr_book_init(nr_book *b)
{
    const nr_plan *p = b->plan;
    size_t n = p->nchapters;
    b->first_seg = malloc((n + 1) * sizeof *b->first_seg);
    b->first_cue = malloc((n + 1) * sizeof *b->first_cue);
    b->level = malloc((n + 1) * sizeof *b->level);
    if (!b->first_seg || !b->first_cue || !b->level) {
        nr_book_release(b);
        return ENOMEM;
    }
    /* a chapter's segments, and so its cues, are one run in plan order */
    size_t s = 0, k = 0;
    for (size_t c = 0; c <= n; c++) {
        while (s < p->nsegments && p->segments[s].chapter < c)
            s++;
        while (k < b->ncues && p->segments[b->cues[k].segment].chapter < c)
            k++;
        b->first_seg[c] = s;
        b->first_cue[c] = k;
    }
    outline_levels(b);
    return 0;
}

uint64_t nr_book_clip_begin(const nr_book *b, size_t i)
{
    /* the first speech starts the audio (no pause before it: stitch.c); 0
       makes the clips cover the audio whole even if that ever changed */
    return i == 0 ? 0 : b->cues[i].start_ms;
}

uint64_t nr_book_clip_end(const nr_book *b, size_t i)
{
    return i + 1 < b->ncues ? b->cues[i + 1].start_ms : b->duration_ms;
}

/* ---- one chapter's body ---- */

typedef struct walk {
    const nr_book *b;
    nr_xml *x;
    size_t cue, cue_end;     /* the next cue to place; the chapter's end */
    size_t block;            /* article cursor, for list item levels */
    nr_nest list;            /* the lists open */
    int in_quote;            /* a <blockquote> is open */
} walk;

static size_t clamp(size_t v, size_t lo, size_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/*
 * Writes text[from, to) with the spans of segment seg's cues that start
 * before region_end, each cut to [from, to): the introduction's parts are
 * written without the words narrate added to speak them ("By", the full
 * stops), but every cue still gets its one span.
 */
static void spans(walk *w, uint32_t seg, const char *text, size_t from, size_t to,
                  size_t region_end)
{
    const nr_cue_rec *cues = w->b->cues;
    size_t pos = from;
    while (w->cue < w->cue_end && cues[w->cue].segment == seg &&
           cues[w->cue].start < region_end) {
        size_t s = clamp(cues[w->cue].start, pos, to);
        size_t e = clamp(cues[w->cue].end, s, to);
        nr_xml_text(w->x, text + pos, s - pos);
        nr_xml_fmt(w->x, "<span id=\"s%zu\">", w->cue + 1);
        nr_xml_text(w->x, text + s, e - s);
        nr_xml_raw(w->x, "</span>");
        pos = e;
        w->cue++;
    }
    nr_xml_text(w->x, text + pos, to - pos);
}

/* Where a string the introduction was built from lies in it, from `from`
   on; SIZE_MAX when it is not there. */
static size_t find_part(const char *intro, size_t from, const char *part)
{
    if (!part || !*part)
        return SIZE_MAX;
    const char *p = strstr(intro + from, part);
    return p ? (size_t)(p - intro) : SIZE_MAX;
}

/*
 * The introduction ("Title. By Name. Date.", plan.c) is shown as the book's
 * title page: the title as <h1>, the byline and the date as written.  Its
 * sentences are found in it by where the parts were joined.
 */
static void intro(walk *w, uint32_t seg)
{
    const nr_book *b = w->b;
    const nr_segment *u = &b->plan->segments[seg];
    const char *t = u->text;
    size_t tl = b->title ? strlen(b->title) : 0;
    if (tl > u->len || strncmp(t, b->title, tl) != 0)
        tl = 0;
    size_t by = find_part(t, tl, b->author);
    size_t bl = by == SIZE_MAX ? 0 : strlen(b->author);
    size_t by_region = by;
    if (by != SIZE_MAX && by >= 3 && strncmp(t + by - 3, "By ", 3) == 0)
        by_region = by - 3;   /* "By" is said with the name */
    size_t date = find_part(t, by == SIZE_MAX ? tl : by + bl, b->date);
    size_t dl = date == SIZE_MAX ? 0 : strlen(b->date);

    size_t title_end = by != SIZE_MAX ? by_region : date != SIZE_MAX ? date : SIZE_MAX;
    nr_xml_raw(w->x, "<h1 id=\"h0\">");
    if (tl)
        spans(w, seg, t, 0, tl, title_end);
    else                      /* not built as expected: show what was said */
        spans(w, seg, t, 0, u->len, title_end);
    nr_xml_raw(w->x, "</h1>\n");
    if (by != SIZE_MAX) {
        nr_xml_raw(w->x, "<p class=\"byline\">By ");
        spans(w, seg, t, by, by + bl, date != SIZE_MAX ? date : SIZE_MAX);
        nr_xml_raw(w->x, "</p>\n");
    }
    if (date != SIZE_MAX) {
        nr_xml_raw(w->x, "<p class=\"date\">");
        spans(w, seg, t, date, date + dl, SIZE_MAX);
        nr_xml_raw(w->x, "</p>\n");
    }
}

static int item_level(walk *w, const nr_segment *u)
{
    const nr_article *a = w->b->article;
    size_t i = w->block;
    while (i < a->nblocks && a->blocks[i].text != u->text)
        i++;
    if (i == a->nblocks)
        return 1;
    w->block = i;
    return a->blocks[i].level > 0 ? a->blocks[i].level : 1;
}

void nr_nest_item(nr_nest *n, int level)
{
    if (n->depth == 0) {
        nr_xml_fmt(n->x, "<%s>\n", n->list);
        n->depth = 1;
        n->li_open = 0;
    }
    int max = n->li_open ? n->depth + 1 : n->depth;
    int t = level < 1 ? 1 : level > max ? max : level;
    if (t > n->depth) {
        nr_xml_fmt(n->x, "\n<%s>\n", n->list);   /* inside the open item */
        n->depth++;
    } else {
        if (n->li_open)
            nr_xml_raw(n->x, "</li>\n");
        for (; n->depth > t; n->depth--)
            nr_xml_fmt(n->x, "</%s></li>\n", n->list);
    }
    nr_xml_raw(n->x, "<li>");
    n->li_open = 1;
}

void nr_nest_end(nr_nest *n)
{
    if (!n->depth)
        return;
    if (n->li_open)
        nr_xml_raw(n->x, "</li>\n");
    for (; n->depth > 1; n->depth--)
        nr_xml_fmt(n->x, "</%s></li>\n", n->list);
    nr_xml_fmt(n->x, "</%s>\n", n->list);
    n->depth = 0;
    n->li_open = 0;
}

static void quote_end(walk *w)
{
    if (w->in_quote)
        nr_xml_raw(w->x, "</blockquote>\n");
    w->in_quote = 0;
}

void nr_book_body(const nr_book *b, size_t c, nr_xml *x)
{
    walk w = {.b = b, .x = x, .list = {x, "ul", 0, 0}};
    w.cue = nr_book_chapter_cues(b, c, &w.cue_end);
    const nr_plan *p = b->plan;
    for (size_t s = b->first_seg[c]; s < b->first_seg[c + 1]; s++) {
        const nr_segment *u = &p->segments[s];
        uint32_t seg = (uint32_t)s;
        if (u->kind != NR_SEG_LIST_ITEM)
            nr_nest_end(&w.list);
        if (u->kind != NR_SEG_QUOTE)
            quote_end(&w);
        switch (u->kind) {
        case NR_SEG_INTRO:
            intro(&w, seg);
            break;
        case NR_SEG_HEADING: {
            int l = b->level[c];
            nr_xml_fmt(x, "<h%d id=\"h%zu\">", l, c);
            spans(&w, seg, u->text, 0, u->len, SIZE_MAX);
            nr_xml_fmt(x, "</h%d>\n", l);
            break;
        }
        case NR_SEG_LIST_ITEM:
            nr_nest_item(&w.list, item_level(&w, u));
            spans(&w, seg, u->text, 0, u->len, SIZE_MAX);
            break;
        case NR_SEG_QUOTE:
            if (!w.in_quote)
                nr_xml_raw(x, "<blockquote>\n");
            w.in_quote = 1;
            nr_xml_raw(x, "<p>");
            spans(&w, seg, u->text, 0, u->len, SIZE_MAX);
            nr_xml_raw(x, "</p>\n");
            break;
        default:
            nr_xml_raw(x, b->article && u->text == b->article->subtitle
                              ? "<p class=\"standfirst\">" : "<p>");
            spans(&w, seg, u->text, 0, u->len, SIZE_MAX);
            nr_xml_raw(x, "</p>\n");
            break;
        }
    }
    nr_nest_end(&w.list);
    quote_end(&w);
    if (w.cue < w.cue_end) {
        /* cannot happen (every cue is in a segment of its chapter), but an
           id its overlay names must exist whatever happened */
        nr_xml_raw(x, "<p>");
        for (; w.cue < w.cue_end; w.cue++)
            nr_xml_fmt(x, "<span id=\"s%zu\"></span>", w.cue + 1);
        nr_xml_raw(x, "</p>\n");
    }
}

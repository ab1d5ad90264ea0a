/*
 * gallery.c - a slideshow copied with its page: "1/50 United goin down",
 * a caption, "2/50 Star Wars boosts economy", a caption ...  Each slide's
 * counter names the same total, and the counts go up one by one.  Its
 * captions are sentences, so they read like the story and would be
 * spoken after it, fifty of them; they go (rule "gallery"), counters,
 * titles and captions.  A line that is only a counter ("1 of 24") is a
 * slideshow's control wherever it stands.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"

#define MIN_SLIDES 4     /* counters in a row that make a slideshow */
#define MAX_BETWEEN 4    /* lines of one slide: title, caption, credit */

static int live(const nr_cand *c)
{
    return !c->rule && c->role == NR_ROLE_BLOCK && !(c->flags & NR_C_KEEP);
}

static size_t digits(const char *s, size_t n, unsigned *v)
{
    size_t i = 0;
    *v = 0;
    while (i < n && i < 4 && isdigit((unsigned char)s[i]))
        *v = *v * 10 + (unsigned)(s[i++] - '0');
    return i < 4 ? i : 0;
}

/* "3/50 Title", "3 / 50", "3 of 50": the slide k of n, and whether the
   counter is all the line holds.  0 when the line opens with none. */
static int counter(const nr_cand *c, unsigned *k, unsigned *n, int *alone)
{
    const char *s = c->text;
    size_t len = c->len, i = digits(s, len, k), j;
    if (!i)
        return 0;
    while (i < len && s[i] == ' ')
        i++;
    if (i < len && s[i] == '/')
        i++;
    else if (i + 2 < len && !strncmp(s + i, "of ", 3))
        i += 3;
    else
        return 0;
    while (i < len && s[i] == ' ')
        i++;
    if (!(j = digits(s + i, len - i, n)) || (i + j < len && s[i + j] != ' '))
        return 0;
    *alone = i + j == len;
    return *k >= 1 && *k <= *n && *n >= MIN_SLIDES;
}

/* Ends the slideshow whose counters ran from first to prev: at least
   MIN_SLIDES go with their lines, and the last slide with as many lines
   as the one before it had (what follows may be the page going on); fewer
   are a count of something else, and only a counter alone on its line
   goes. */
static void close_show(nr_doc *d, size_t first, size_t prev, size_t count,
                       size_t slide)
{
    unsigned k, n;
    int alone;
    if (count < MIN_SLIDES) {
        for (size_t j = first; j <= prev; j++)
            if (live(&d->u[j]) && counter(&d->u[j], &k, &n, &alone) && alone)
                d->u[j].rule = "gallery";   /* "1 of 24" under a photo */
        return;
    }
    size_t end = prev + 1;
    for (size_t c = 0; end < d->n && c < slide; end++)
        c += live(&d->u[end]);
    for (size_t j = first; j < end; j++)
        if (live(&d->u[j]))
            d->u[j].rule = "gallery";
}

void nr_gallery(nr_doc *d)
{
    size_t first = 0, prev = 0, count = 0, slide = 0;
    unsigned total = 0, last_k = 0;
    for (size_t i = 0; i < d->n; i++) {
        unsigned k, n;
        int alone;
        if (!live(&d->u[i]) || !counter(&d->u[i], &k, &n, &alone)) {
            if (count && i - prev > MAX_BETWEEN) {
                close_show(d, first, prev, count, slide);
                count = 0;
            }
            continue;
        }
        if (count && n == total && k == last_k + 1 && i - prev <= MAX_BETWEEN) {
            /* the next slide of the same show; the lines of the one
               before it tell how long the last one is */
            slide = 0;
            for (size_t j = prev + 1; j < i; j++)
                slide += live(&d->u[j]);
            count++;
        } else {
            if (count)
                close_show(d, first, prev, count, slide);
            first = i;
            count = 1;
            total = n;
        }
        last_k = k;
        prev = i;
    }
    if (count)
        close_show(d, first, prev, count, slide);
}

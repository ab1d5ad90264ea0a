/*
 * daisy.c - a DAISY 2.02 fileset: the talking-book format of hardware and
 * software players for blind readers (book.h).
 *
 *   ncc.html        the navigation centre: metadata, then one heading per
 *                   chapter (h1 the title, h2... the article's headings),
 *                   each a link to the chapter's first sentence in its SMIL
 *   content.html    the full text (XHTML 1.0), every heard sentence an id
 *   sNNN.smil       per chapter (SMIL 1.0): a <par> per sentence pairing
 *                   its text with its clip of the audio
 *   audio.mp3       the narration (put there by the caller)
 *
 * The multimedia type is audioFullText: text and audio both complete.
 * A chapter none of whose sentences made a sound (a heading of symbols
 * alone) has nothing to play: it stays in the text, not in the NCC.
 */
#include "book/book.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct out {
    FILE *f;
    nr_xml x;
} out;

static int out_open(out *o, const char *dir, const char *name)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return ENAMETOOLONG;
    o->f = fopen(path, "we");
    if (!o->f)
        return errno;
    o->x.f = o->f;
    o->x.err = 0;
    return 0;
}

/* The file made durable (the fileset is renamed into place as a whole
   afterwards); its first error, or 0. */
static int out_close(out *o)
{
    int e = o->x.err;
    if (fflush(o->f) != 0 && !e)
        e = errno;
    if (!e && fsync(fileno(o->f)) != 0)
        e = errno;
    if (fclose(o->f) != 0 && !e)
        e = errno;
    o->f = NULL;
    return e;
}

static void head_meta(nr_xml *x, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    nr_xml_fmt(x, "<meta name=\"%s\" content=\"", name);
    nr_xml_attr(x, value);
    nr_xml_raw(x, "\"/>\n");
}

static void head_num(nr_xml *x, const char *name, size_t value)
{
    nr_xml_fmt(x, "<meta name=\"%s\" content=\"%zu\"/>\n", name, value);
}

static const char XHTML_DOCTYPE[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n";

static void html_open(nr_xml *x, const nr_book *b)
{
    nr_xml_raw(x, XHTML_DOCTYPE);
    nr_xml_raw(x, "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"");
    nr_xml_attr(x, b->language);
    nr_xml_raw(x, "\" lang=\"");
    nr_xml_attr(x, b->language);
    nr_xml_raw(x, "\">\n<head>\n"
                  "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>\n"
                  "<title>");
    nr_xml_str(x, b->title);
    nr_xml_raw(x, "</title>\n");
}

static int has_cues(const nr_book *b, size_t c)
{
    size_t end;
    return nr_book_chapter_cues(b, c, &end) < end;
}

static int write_content(const nr_book *b, const char *dir)
{
    out o;
    int e = out_open(&o, dir, "content.html");
    if (e)
        return e;
    html_open(&o.x, b);
    nr_xml_raw(&o.x, "</head>\n<body>\n");
    for (size_t c = 0; c < b->plan->nchapters; c++)
        nr_book_body(b, c, &o.x);
    nr_xml_raw(&o.x, "</body>\n</html>\n");
    return out_close(&o);
}

/* Chapter c's SMIL; elapsed is the audio time before it. */
static int write_smil(const nr_book *b, const char *dir, size_t c,
                      const char *audio, uint64_t elapsed, uint64_t *dur)
{
    char name[32];
    snprintf(name, sizeof name, "s%03zu.smil", c);
    out o;
    int e = out_open(&o, dir, name);
    if (e)
        return e;
    nr_xml *x = &o.x;
    size_t end, first = nr_book_chapter_cues(b, c, &end);
    *dur = nr_book_clip_end(b, end - 1) - nr_book_clip_begin(b, first);
    char t[32];
    nr_xml_raw(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                  "<!DOCTYPE smil PUBLIC \"-//W3C//DTD SMIL 1.0//EN\" "
                  "\"http://www.w3.org/TR/REC-smil/SMIL10.dtd\">\n"
                  "<smil>\n<head>\n");
    head_meta(x, "dc:format", "Daisy 2.02");
    head_meta(x, "dc:identifier", b->identifier);
    head_meta(x, "dc:title", b->title);
    head_meta(x, "ncc:generator", b->generator);
    nr_clock(t, elapsed);
    head_meta(x, "ncc:totalElapsedTime", t);
    nr_clock(t, *dur);
    head_meta(x, "ncc:timeInThisSmil", t);
    nr_xml_fmt(x, "<layout>\n<region id=\"txtView\"/>\n</layout>\n</head>\n<body>\n"
                  "<seq dur=\"%llu.%03us\">\n",
               (unsigned long long)(*dur / 1000u), (unsigned)(*dur % 1000u));
    for (size_t i = first; i < end; i++) {
        char t0[32], t1[32];
        nr_npt(t0, nr_book_clip_begin(b, i));
        nr_npt(t1, nr_book_clip_end(b, i));
        nr_xml_fmt(x, "<par endsync=\"last\" id=\"p%zu\">\n"
                      "<text src=\"content.html#s%zu\" id=\"t%zu\"/>\n"
                      "<audio src=\"", i + 1, i + 1, i + 1);
        nr_xml_attr(x, audio);
        nr_xml_fmt(x, "\" clip-begin=\"%s\" clip-end=\"%s\" id=\"a%zu\"/>\n</par>\n",
                   t0, t1, i + 1);
    }
    nr_xml_raw(x, "</seq>\n</body>\n</smil>\n");
    return out_close(&o);
}

static int write_ncc(const nr_book *b, const char *dir)
{
    size_t n = b->plan->nchapters, items = 0, smils = 0;
    int depth = 1;
    for (size_t c = 0; c < n; c++)
        if (has_cues(b, c)) {
            items++;
            smils++;
            if (b->level[c] > depth)
                depth = b->level[c];
        }
    out o;
    int e = out_open(&o, dir, "ncc.html");
    if (e)
        return e;
    nr_xml *x = &o.x;
    char t[32];
    html_open(x, b);
    head_meta(x, "dc:title", b->title);
    head_meta(x, "dc:creator", b->author && *b->author ? b->author : "Unknown");
    head_meta(x, "dc:date", b->date_iso ? b->date_iso : b->modified);
    head_meta(x, "dc:format", "Daisy 2.02");
    head_meta(x, "dc:identifier", b->identifier);
    head_meta(x, "dc:language", b->language);
    head_meta(x, "dc:publisher", b->publisher && *b->publisher ? b->publisher
                                 : b->author && *b->author ? b->author : "narrate");
    head_meta(x, "ncc:charset", "utf-8");
    head_num(x, "ncc:depth", (size_t)depth);
    head_num(x, "ncc:files", smils + 3);   /* + ncc.html, content.html, the MP3 */
    head_num(x, "ncc:footnotes", 0);
    head_meta(x, "ncc:generator", b->generator);
    head_num(x, "ncc:maxPageNormal", 0);
    head_meta(x, "ncc:multimediaType", "audioFullText");
    head_meta(x, "ncc:narrator", b->narrator);
    head_num(x, "ncc:pageFront", 0);
    head_num(x, "ncc:pageNormal", 0);
    head_num(x, "ncc:pageSpecial", 0);
    head_num(x, "ncc:prodNotes", 0);
    head_meta(x, "ncc:setInfo", "1 of 1");
    head_num(x, "ncc:sidebars", 0);
    head_num(x, "ncc:tocItems", items);
    nr_hms(t, b->duration_ms);
    head_meta(x, "ncc:totalTime", t);
    nr_xml_raw(x, "</head>\n<body>\n");
    for (size_t c = 0; c < n; c++) {
        size_t end, first = nr_book_chapter_cues(b, c, &end);
        if (first == end)
            continue;
        int l = b->level[c];
        nr_xml_fmt(x, "<h%d%s id=\"n%zu\"><a href=\"s%03zu.smil#t%zu\">", l,
                   c == 0 ? " class=\"title\"" : "", c, c, first + 1);
        nr_xml_str(x, b->plan->chapter_titles[c]);
        nr_xml_fmt(x, "</a></h%d>\n", l);
    }
    nr_xml_raw(x, "</body>\n</html>\n");
    return out_close(&o);
}

int nr_daisy_write(const nr_book *b, const char *dir, const char *audio_name,
                   char *err, size_t errlen)
{
    int e = write_content(b, dir);
    uint64_t elapsed = 0;
    for (size_t c = 0; c < b->plan->nchapters && !e; c++) {
        uint64_t dur = 0;
        if (has_cues(b, c) && !(e = write_smil(b, dir, c, audio_name, elapsed, &dur)))
            elapsed += dur;
    }
    if (!e)
        e = write_ncc(b, dir);
    if (e)   /* dir is a temporary name: the caller names the book */
        snprintf(err, errlen, "%s", strerror(e));
    return e;
}

/*
 * epub.c - EPUB 3 with Media Overlays: the article's text, highlighted
 * sentence by sentence as the narration plays (book.h).
 *
 * Layout of the container:
 *
 *   mimetype                    first, stored (ocf.c)
 *   META-INF/container.xml      points at EPUB/package.opf
 *   EPUB/package.opf            metadata (Dublin Core, durations,
 *                               accessibility), manifest, spine
 *   EPUB/nav.xhtml              the chapters, nested by heading level
 *   EPUB/book.css               layout, and the class a reading system puts
 *                               on the sentence being read
 *   EPUB/cNNN.xhtml             one content document per chapter
 *   EPUB/cNNN.smil              its overlay: one <par> per heard sentence
 *   EPUB/audio.mp3              the whole narration, stored
 *   EPUB/cover.jpg|png          with --cover
 *
 * One MP3 for the whole book, not one per chapter: it is the very file
 * narrate writes for -o x.mp3 (ID3 chapters, one loudness measurement,
 * LAME's gapless header), so the clips' times are its sample counts with
 * nothing in between.  Cut per chapter, each file would carry its own
 * encoder delay and padded last frame (1105 samples and up to a frame,
 * docs/formats.md 3.1), heard as a gap or a click at every chapter by the
 * reading systems that do not play MP3 gaplessly, and the chapter clips
 * would be offsets into files made separately.  CBR keeps seeking to a
 * clip exact in a long file.
 *
 * Every part is written to a file in a work directory as it is made and
 * zipped at the end, so memory does not grow with the book.
 */
#include "book/book.h"
#include "book/ocf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char CONTAINER[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "<rootfiles>\n"
    "<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "</rootfiles>\n"
    "</container>\n";

/* The class named by media:active-class: the sentence being read is
   marked strongly enough to follow at a glance, black on yellow (contrast
   above 15:1), with an outline for readers whose systems drop background
   colours.  The rest keeps to the reading system's own font and colours. */
#define ACTIVE_CLASS "-epub-media-overlay-active"
static const char CSS[] =
    "/* narrate: talking book */\n"
    "body { line-height: 1.5; }\n"
    "h1, h2, h3, h4, h5, h6 { line-height: 1.25; }\n"
    "p.byline, p.date { font-style: italic; margin: 0.25em 0; }\n"
    "p.standfirst { font-weight: bold; }\n"
    "blockquote { margin: 1em 1.5em; }\n"
    "." ACTIVE_CLASS " { background-color: #ffeb3b; color: #000000;"
    " outline: 2px solid #000000; }\n";

static const char SUMMARY[] =
    "The full text of the article with a synthetic narration: each sentence "
    "is highlighted as it is read (media overlays), and the text can be read "
    "or heard alone. Headings are marked up and listed in the table of "
    "contents. No images, sound effects or flashing content.";

#define NAME_MAX_LEN 32

typedef struct part {
    FILE *f;
    nr_xml x;
    char *path;
} part;

static int part_open(part *p, const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    p->path = malloc(n);
    if (!p->path)
        return ENOMEM;
    snprintf(p->path, n, "%s/%s", dir, name);
    p->f = fopen(p->path, "we");
    if (!p->f)
        return errno;
    p->x.f = p->f;
    p->x.err = 0;
    return 0;
}

/* Closes the part; its first error, or 0. */
static int part_close(part *p)
{
    int e = p->x.err;
    if (p->f) {
        if (fflush(p->f) != 0 && !e)
            e = errno;
        if (fclose(p->f) != 0 && !e)
            e = errno;
    }
    p->f = NULL;
    return e;
}

static void part_free(part *p)
{
    if (p->f)
        fclose(p->f);
    free(p->path);
    memset(p, 0, sizeof *p);
}

static void xhtml_head(nr_xml *x, const nr_book *b, const char *title)
{
    nr_xml_raw(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                  "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"");
    nr_xml_attr(x, b->language);
    nr_xml_raw(x, "\" xml:lang=\"");
    nr_xml_attr(x, b->language);
    nr_xml_raw(x, "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
    nr_xml_str(x, title);
    nr_xml_raw(x, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"book.css\"/>\n"
                  "</head>\n");
}

static int write_chapter(const nr_book *b, const char *work, size_t c)
{
    char name[NAME_MAX_LEN];
    snprintf(name, sizeof name, "c%03zu.xhtml", c);
    part p = {0};
    int e = part_open(&p, work, name);
    if (!e) {
        xhtml_head(&p.x, b, b->plan->chapter_titles[c]);
        nr_xml_raw(&p.x, "<body>\n");
        nr_book_body(b, c, &p.x);
        nr_xml_raw(&p.x, "</body>\n</html>\n");
        e = part_close(&p);
    }
    part_free(&p);
    return e;
}

/* The overlay of chapter c: every heard sentence's span and clip. */
static int write_overlay(const nr_book *b, const char *work, size_t c)
{
    char name[NAME_MAX_LEN];
    snprintf(name, sizeof name, "c%03zu.smil", c);
    part p = {0};
    int e = part_open(&p, work, name);
    if (!e) {
        nr_xml *x = &p.x;
        nr_xml_raw(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<smil xmlns=\"http://www.w3.org/ns/SMIL\" "
                      "xmlns:epub=\"http://www.idpf.org/2007/ops\" version=\"3.0\">\n"
                      "<body>\n");
        size_t end, i = nr_book_chapter_cues(b, c, &end);
        for (; i < end; i++) {
            char t0[32], t1[32];
            nr_clock(t0, nr_book_clip_begin(b, i));
            nr_clock(t1, nr_book_clip_end(b, i));
            nr_xml_fmt(x, "<par id=\"p%zu\"><text src=\"c%03zu.xhtml#s%zu\"/>"
                          "<audio src=\"audio.mp3\" clipBegin=\"%s\" clipEnd=\"%s\"/></par>\n",
                       i + 1, c, i + 1, t0, t1);
        }
        nr_xml_raw(x, "</body>\n</smil>\n");
        e = part_close(&p);
    }
    part_free(&p);
    return e;
}

/* The table of contents, nested as the headings are. */
static int write_nav(const nr_book *b, const char *work)
{
    part p = {0};
    int e = part_open(&p, work, "nav.xhtml");
    if (!e) {
        nr_xml *x = &p.x;
        xhtml_head(x, b, b->title);
        nr_xml_raw(x, "<body>\n<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n");
        nr_nest n = {x, "ol", 0, 0};
        for (size_t c = 0; c < b->plan->nchapters; c++) {
            nr_nest_item(&n, b->level[c]);
            nr_xml_fmt(x, "<a href=\"c%03zu.xhtml#h%zu\">", c, c);
            nr_xml_str(x, b->plan->chapter_titles[c]);
            nr_xml_raw(x, "</a>");
        }
        nr_nest_end(&n);
        nr_xml_raw(x, "</nav>\n</body>\n</html>\n");
        e = part_close(&p);
    }
    part_free(&p);
    return e;
}

static void meta(nr_xml *x, const char *property, const char *value)
{
    nr_xml_fmt(x, "<meta property=\"%s\">", property);
    nr_xml_str(x, value);
    nr_xml_raw(x, "</meta>\n");
}

static void dc(nr_xml *x, const char *element, const char *value)
{
    if (!value || !*value)
        return;
    nr_xml_fmt(x, "<dc:%s>", element);
    nr_xml_str(x, value);
    nr_xml_fmt(x, "</dc:%s>\n", element);
}

static const char *cover_name(const nr_book *b)
{
    return b->cover && strcmp(b->cover_mime, "image/png") == 0 ? "cover.png" : "cover.jpg";
}

static int write_package(const nr_book *b, const char *work)
{
    part p = {0};
    int e = part_open(&p, work, "package.opf");
    if (e) {
        part_free(&p);
        return e;
    }
    nr_xml *x = &p.x;
    size_t n = b->plan->nchapters;
    nr_xml_raw(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
                  "unique-identifier=\"bookid\" xml:lang=\"");
    nr_xml_attr(x, b->language);
    nr_xml_raw(x, "\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                  "<dc:identifier id=\"bookid\">");
    nr_xml_str(x, b->identifier);
    nr_xml_raw(x, "</dc:identifier>\n");
    dc(x, "title", b->title && *b->title ? b->title : "Untitled");
    dc(x, "language", b->language);
    dc(x, "creator", b->author);
    dc(x, "publisher", b->publisher);
    dc(x, "date", b->date_iso);
    dc(x, "description", b->description);
    meta(x, "dcterms:modified", b->modified);

    /* durations: each overlay's clips are contiguous, so its duration is
       its last clip's end minus its first clip's start; the total is their
       sum, which is the audio's length */
    uint64_t total = 0;
    for (size_t c = 0; c < n; c++) {
        size_t end, i = nr_book_chapter_cues(b, c, &end);
        if (i == end)
            continue;
        uint64_t d = nr_book_clip_end(b, end - 1) - nr_book_clip_begin(b, i);
        char t[32];
        nr_clock(t, d);
        nr_xml_fmt(x, "<meta property=\"media:duration\" refines=\"#mo%03zu\">%s</meta>\n", c, t);
        total += d;
    }
    char t[32];
    nr_clock(t, total);
    meta(x, "media:duration", t);
    meta(x, "media:active-class", ACTIVE_CLASS);
    if (b->narrator)
        meta(x, "media:narrator", b->narrator);

    /* EPUB Accessibility 1.1 discovery metadata (schema.org terms) */
    meta(x, "schema:accessMode", "textual");
    meta(x, "schema:accessMode", "auditory");
    meta(x, "schema:accessModeSufficient", "textual");
    meta(x, "schema:accessModeSufficient", "auditory");
    meta(x, "schema:accessModeSufficient", "textual,auditory");
    meta(x, "schema:accessibilityFeature", "synchronizedAudioText");
    meta(x, "schema:accessibilityFeature", "structuralNavigation");
    meta(x, "schema:accessibilityFeature", "tableOfContents");
    meta(x, "schema:accessibilityFeature", "readingOrder");
    meta(x, "schema:accessibilityHazard", "none");
    meta(x, "schema:accessibilitySummary", SUMMARY);
    nr_xml_raw(x, "</metadata>\n<manifest>\n"
                  "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
                  "<item id=\"css\" href=\"book.css\" media-type=\"text/css\"/>\n"
                  "<item id=\"audio\" href=\"audio.mp3\" media-type=\"audio/mpeg\"/>\n");
    if (b->cover)
        nr_xml_fmt(x, "<item id=\"cover\" href=\"%s\" media-type=\"%s\" properties=\"cover-image\"/>\n",
                   cover_name(b), b->cover_mime);
    for (size_t c = 0; c < n; c++) {
        size_t end, i = nr_book_chapter_cues(b, c, &end);
        nr_xml_fmt(x, "<item id=\"c%03zu\" href=\"c%03zu.xhtml\" media-type=\"application/xhtml+xml\"", c, c);
        if (i < end)
            nr_xml_fmt(x, " media-overlay=\"mo%03zu\"/>\n"
                          "<item id=\"mo%03zu\" href=\"c%03zu.smil\" media-type=\"application/smil+xml\"/>\n",
                       c, c, c);
        else
            nr_xml_raw(x, "/>\n");
    }
    nr_xml_raw(x, "</manifest>\n<spine>\n");
    for (size_t c = 0; c < n; c++)
        nr_xml_fmt(x, "<itemref idref=\"c%03zu\"/>\n", c);
    nr_xml_raw(x, "</spine>\n</package>\n");
    e = part_close(&p);
    part_free(&p);
    return e;
}

static int add_part(nr_ocf *o, const char *work, const char *name, int store,
                    char *err, size_t errlen)
{
    char zname[NAME_MAX_LEN + 8], src[4096];
    snprintf(zname, sizeof zname, "EPUB/%s", name);
    if ((size_t)snprintf(src, sizeof src, "%s/%s", work, name) >= sizeof src) {
        snprintf(err, errlen, "the path of the work directory is too long");
        return -1;
    }
    return nr_ocf_add_file(o, zname, src, store, err, errlen);
}

int nr_epub_write(const nr_book *b, const char *work, const char *out,
                  char *err, size_t errlen)
{
    size_t n = b->plan->nchapters;
    int e = 0;
    for (size_t c = 0; c < n && !e; c++) {
        size_t end, i = nr_book_chapter_cues(b, c, &end);
        e = write_chapter(b, work, c);
        if (!e && i < end)
            e = write_overlay(b, work, c);
    }
    if (!e)
        e = write_nav(b, work);
    if (!e)
        e = write_package(b, work);
    if (e) {
        snprintf(err, errlen, "cannot write the book's parts in '%s': %s", work, strerror(e));
        return e;
    }

    nr_ocf *o = nr_ocf_open(out, b->modified_t, err, errlen);
    if (!o)
        return EIO;
    int rc = nr_ocf_add_data(o, "META-INF/container.xml", CONTAINER, sizeof CONTAINER - 1, 0,
                             err, errlen);
    if (!rc)
        rc = add_part(o, work, "package.opf", 0, err, errlen);
    if (!rc)
        rc = add_part(o, work, "nav.xhtml", 0, err, errlen);
    if (!rc)
        rc = nr_ocf_add_data(o, "EPUB/book.css", CSS, sizeof CSS - 1, 0, err, errlen);
    if (!rc && b->cover) {
        char zname[32];
        snprintf(zname, sizeof zname, "EPUB/%s", cover_name(b));
        rc = nr_ocf_add_data(o, zname, b->cover, b->cover_len, 1, err, errlen);
    }
    for (size_t c = 0; c < n && !rc; c++) {
        char name[NAME_MAX_LEN];
        size_t end, i = nr_book_chapter_cues(b, c, &end);
        snprintf(name, sizeof name, "c%03zu.xhtml", c);
        rc = add_part(o, work, name, 0, err, errlen);
        if (!rc && i < end) {
            snprintf(name, sizeof name, "c%03zu.smil", c);
            rc = add_part(o, work, name, 0, err, errlen);
        }
    }
    if (!rc)
        rc = nr_ocf_add_file(o, "EPUB/audio.mp3", b->audio_path, 1, err, errlen);
    if (rc) {
        nr_ocf_discard(o);
        return EIO;
    }
    return nr_ocf_close(o, err, errlen) ? EIO : 0;
}

/*
 * extract_md.c - the article as extracted, written back as Markdown with
 * front matter (narrate --extract).
 *
 * This is how a user checks what narrate found on a page before anything is
 * spoken, and the form extraction is scored in (score_extract.py reads it):
 *
 *   ---
 *   title: ...
 *   byline: ...
 *   date: 2014-05-13          (ISO 8601 when the date could be read)
 *   ---
 *
 *   Standfirst paragraph.
 *
 *   ## Heading
 *
 *   - item
 *
 *   > quote
 *
 * Text is as written (no speech normalization).  A paragraph that would
 * read as Markdown syntax ("# 1 in the charts", "- 5 degrees") gets a
 * backslash so the output parses back to the same blocks.
 */
#include <string.h>

#include "article/internal.h"

typedef struct md_out {
    nr_article_write_fn write;
    void *ud;
    int err;
} md_out;

static void put(md_out *o, const char *s, size_t n)
{
    if (!o->err && n && o->write(o->ud, s, n) != 0)
        o->err = 1;
}

static void puts_(md_out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* YAML needs quotes when a plain scalar would be misread: a ": " or " #"
   inside, or an indicator character first.  Control characters never reach
   here (the readers collapse white space), so escaping \ and " suffices. */
static int needs_quotes(const char *v)
{
    if (!*v || strchr("-?:,[]{}#&*!|>'\"%@`", *v))
        return 1;
    return strstr(v, ": ") || strstr(v, " #") || v[strlen(v) - 1] == ':';
}

static void field(md_out *o, const char *key, const char *v)
{
    if (!v || !*v)
        return;
    puts_(o, key);
    puts_(o, ": ");
    if (!needs_quotes(v)) {
        puts_(o, v);
    } else {
        put(o, "\"", 1);
        for (const char *p = v; *p; p++) {
            if (*p == '"' || *p == '\\')
                put(o, "\\", 1);
            put(o, p, 1);
        }
        put(o, "\"", 1);
    }
    put(o, "\n", 1);
}

/* Would this paragraph text parse as a heading, item, quote or rule? */
static int looks_like_syntax(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (strchr("#>", s[0]))
        return 1;
    if (strchr("-*+", s[0]) && (n == 1 || s[1] == ' '))
        return 1;
    size_t i = 0;
    while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

static void para(md_out *o, const char *s, size_t n)
{
    put(o, "\n", 1);
    if (looks_like_syntax(s, n))
        put(o, "\\", 1);
    put(o, s, n);
    put(o, "\n", 1);
}

int nr_article_write_markdown(const nr_article *a, nr_article_write_fn write,
                              void *ud)
{
    md_out o = {write, ud, 0};
    puts_(&o, "---\n");
    field(&o, "title", a->title);
    field(&o, "byline", a->byline);
    field(&o, "date", a->date_iso && *a->date_iso ? a->date_iso : a->date);
    puts_(&o, "---\n");
    if (a->subtitle)
        para(&o, a->subtitle, strlen(a->subtitle));
    for (size_t i = 0; i < a->nblocks; i++) {
        const nr_block *b = &a->blocks[i];
        switch (b->kind) {
        case NR_BLOCK_HEADING: {
            int lv = b->level < 2 ? 2 : b->level > 6 ? 6 : b->level;
            put(&o, "\n", 1);
            put(&o, "######", (size_t)lv);
            put(&o, " ", 1);
            put(&o, b->text, b->len);
            put(&o, "\n", 1);
            break;
        }
        case NR_BLOCK_ITEM: {
            int lv = b->level > 1 ? b->level - 1 : 0;
            put(&o, "\n", 1);
            for (int k = 0; k < lv && k < 4; k++)
                put(&o, "  ", 2);
            put(&o, "- ", 2);
            put(&o, b->text, b->len);
            put(&o, "\n", 1);
            break;
        }
        case NR_BLOCK_QUOTE:
            put(&o, "\n> ", 3);
            put(&o, b->text, b->len);
            put(&o, "\n", 1);
            break;
        default:
            para(&o, b->text, b->len);
        }
    }
    return o.err ? -1 : 0;
}

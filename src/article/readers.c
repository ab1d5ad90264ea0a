/*
 * readers.c - the table of input readers: which format a name, a file
 * extension or the content itself asks for.
 */
#include <string.h>
#include <strings.h>

#include "article/readers.h"

static int starts_ci(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    return n >= k && !strncasecmp(s, pre, k);
}

/* Markup first: any document type declaration (with or without an
   internal subset of entity declarations), an XML prolog before it
   (XHTML), a comment, or one of the elements a page or a fragment opens
   with. */
static int sniff_html(const char *s, size_t n)
{
    return starts_ci(s, n, "<!doctype") || starts_ci(s, n, "<?xml") ||
           starts_ci(s, n, "<html") || starts_ci(s, n, "<head") ||
           starts_ci(s, n, "<body") || starts_ci(s, n, "<article") ||
           starts_ci(s, n, "<!--");
}

static int sniff_markdown(const char *s, size_t n)
{
    if (n >= 4 && !memcmp(s, "---", 3) && (s[3] == '\n' || s[3] == '\r'))
        return 1;
    return n >= 2 && s[0] == '#' && (s[1] == ' ' || s[1] == '#');
}

static const char *const html_ext[] = {"html", "htm", "xhtml", NULL};
static const char *const md_ext[] = {"md", "markdown", "mdown", "mkd", NULL};
static const char *const text_ext[] = {"txt", "text", NULL};

/* Sniffing order: HTML first (a Markdown file rarely opens with a tag),
   then Markdown; plain text, last, takes anything. */
static const nr_reader readers[] = {
    {NR_FORMAT_HTML, "html", html_ext, sniff_html, nr_read_html},
    {NR_FORMAT_MARKDOWN, "markdown", md_ext, sniff_markdown, nr_read_markdown},
    {NR_FORMAT_TEXT, "text", text_ext, NULL, nr_read_text},
};
#define NREADERS (sizeof readers / sizeof readers[0])

const nr_reader *nr_readers(size_t *n)
{
    *n = NREADERS;
    return readers;
}

const nr_reader *nr_reader_for_format(nr_input_format f)
{
    for (size_t i = 0; i < NREADERS; i++)
        if (readers[i].format == f)
            return &readers[i];
    return NULL;
}

const nr_reader *nr_reader_by_name(const char *name)
{
    for (size_t i = 0; name && i < NREADERS; i++)
        if (!strcasecmp(readers[i].name, name))
            return &readers[i];
    return NULL;
}

const nr_reader *nr_reader_by_filename(const char *path)
{
    if (!path)
        return NULL;
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return NULL;
    for (size_t i = 0; i < NREADERS; i++)
        for (const char *const *e = readers[i].extensions; *e; e++)
            if (!strcasecmp(dot + 1, *e))
                return &readers[i];
    return NULL;
}

const nr_reader *nr_reader_sniff(const char *s, size_t n)
{
    size_t i = 0, w;
    while (i < n && nr_is_space_at(s, n, i, &w))
        i += w;
    for (size_t k = 0; k < NREADERS; k++)
        if (!readers[k].sniff || readers[k].sniff(s + i, n - i))
            return &readers[k];
    return &readers[NREADERS - 1];
}

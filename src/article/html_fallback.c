/*
 * html_fallback.c - the visible text of a page libxml2 could not build a
 * tree for (it gives up on some broken input): a linear scan that drops
 * markup, script, style, <head> and page furniture (nav, footer, aside,
 * figure...), splits paragraphs at block-level tags and decodes
 * references.  And the check that tells when it is needed: a tree holding
 * far less text than the source.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/html_dom.h"
#include "article/readers.h"
#include "article/textbuf.h"

static const char *const block_tags[] = {
    "p", "div", "section", "article", "main", "header", "li", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
    "td", "th", "tr", "address", "hr", "center", "body", NULL};

/* When libxml2 gives up (it stops at 256 levels of nesting, say) the
   visible text is still read: a linear scan that drops markup, script and
   style, splits at block-level tags and decodes references. */
static int tag_is_block(const char *s, size_t n, size_t i)
{
    size_t k = i + 1;
    if (k < n && s[k] == '/')
        k++;
    size_t a = k;
    while (k < n && isalnum((unsigned char)s[k]))
        k++;
    for (size_t t = 0; block_tags[t]; t++)
        if (strlen(block_tags[t]) == k - a && !strncasecmp(s + a, block_tags[t], k - a))
            return 1;
    return k - a == 2 && (s[a] == 'b' || s[a] == 'B') && (s[a + 1] == 'r' || s[a + 1] == 'R');
}

/* For the fallback scan: at "<nav", "<footer"... the offset past the
   matching close tag (nesting of the same tag is not followed), else 0. */
static size_t furniture_end(const char *s, size_t n, size_t i)
{
    static const char *const tags[] = {"nav", "footer", "aside", "figure",
                                       "button", "select", "noscript", NULL};
    for (size_t t = 0; tags[t]; t++) {
        size_t l = strlen(tags[t]);
        if (n - i < l + 2 || strncasecmp(s + i + 1, tags[t], l) ||
            isalnum((unsigned char)s[i + 1 + l]))
            continue;
        for (size_t k = i + 1 + l; k + l + 2 <= n; k++)
            if (s[k] == '<' && s[k + 1] == '/' && !strncasecmp(s + k + 2, tags[t], l))
                return h_skip_markup(s, n, k);
        return n;
    }
    return 0;
}

void h_fallback(nr_doc *d)
{
    const char *s = d->src;
    size_t n = d->srclen, i = 0;
    nr_tb tb;
    nr_tb_init(&tb);
    while (i < n && !d->nomem) {
        if (s[i] == '<') {
            int head = n - i >= 6 && !strncasecmp(s + i, "<head", 5) &&
                       (s[i + 5] == '>' || s[i + 5] == ' ');
            int block = tag_is_block(s, n, i);
            size_t skip_to = furniture_end(s, n, i);
            i = skip_to ? skip_to : h_skip_markup(s, n, i);
            if (head) {
                while (i < n && !(s[i] == '<' && n - i >= 7 &&
                                  !strncasecmp(s + i, "</head>", 7)))
                    i++;
            }
            if (block && tb.len) {
                size_t a = tb.start, b = tb.end;
                nr_doc_add_cand(d, &tb, NR_BLOCK_PARA, 0, a, b, NR_C_KNOWN_KIND);
            }
            continue;
        }
        if (s[i] == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, n, i, out, &ol);
            if (used) {
                nr_tb_add_at(&tb, out, ol, i, i + used);
                i += used;
                continue;
            }
        }
        size_t j = i + 1;
        while (j < n && s[j] != '<' && s[j] != '&')
            j++;
        nr_tb_add(&tb, s + i, j - i, i);
        i = j;
    }
    if (tb.len) {
        size_t a = tb.start, b = tb.end;
        nr_doc_add_cand(d, &tb, NR_BLOCK_PARA, 0, a, b, NR_C_KNOWN_KIND);
    }
    nr_tb_free(&tb);
}

/* Non-space bytes of text, in the tree (outside script, style, head) and
   in the source outside markup.  A tree holding far less than the source
   means the parser stopped early (it gives up at 256 levels of nesting). */
static size_t visible_bytes(const char *p)
{
    size_t c = 0;
    for (; *p; p++)
        c += !isspace((unsigned char)*p);
    return c;
}

int h_tree_lost_text(hdoc *hd)
{
    nr_doc *d = hd->d;
    xmlNode *top = hd->root;
    size_t tree = 0, src = 0;
    for (xmlNode *n = top; n;) {
        int skip = h_is_elem(n) && (H(hd, n)->flags & HN_SILENT);
        if (n->type == XML_TEXT_NODE && n->content)
            tree += visible_bytes((const char *)n->content);
        n = h_next(n, top, skip);
    }
    const char *s = d->src;
    size_t n = d->srclen;
    for (size_t i = 0; i < n;) {
        if (s[i] == '<') {
            /* the byte after "<head" must exist: the source need not
               end in a NUL (libFuzzer found the read past it) */
            if (n - i >= 6 && !strncasecmp(s + i, "<head", 5) &&
                (s[i + 5] == '>' || s[i + 5] == ' ')) {
                while (i < n && !(s[i] == '<' && n - i >= 7 &&
                                  !strncasecmp(s + i, "</head>", 7)))
                    i++;
                continue;
            }
            i = h_skip_markup(s, n, i);
            continue;
        }
        if (s[i] == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, n, i, out, &ol);
            if (used) {
                src += 1;
                i += used;
                continue;
            }
        }
        src += !isspace((unsigned char)s[i]) && ((unsigned char)s[i] & 0xC0) != 0x80;
        i++;
    }
    /* tree counted bytes, source counted characters: compare loosely */
    return src > 200 && tree * 3 < src;
}


/*
 * html_json.c - a small JSON reader for the structured data pages embed
 * (<script type="application/ld+json">): objects, arrays and strings are
 * kept, numbers and literals only checked.  Nesting deeper than 32 levels
 * is refused, which bounds the recursion; anything malformed gives NULL.
 */
#include <stdlib.h>
#include <string.h>

#include "article/html_json.h"
#include "utf8.h"

#define HJ_MAX_DEPTH 32

typedef struct parser {
    const char *s;
    size_t n, i;
} parser;

static void ws(parser *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
                           p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

static int hex4(parser *p, unsigned *v)
{
    if (p->n - p->i < 4)
        return 0;
    *v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p->s[p->i++];
        unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                   : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                   : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
        if (d > 15)
            return 0;
        *v = *v * 16 + d;
    }
    return 1;
}

/* At the opening quote: the decoded string, or NULL. */
static char *string(parser *p)
{
    p->i++;
    size_t start = p->i;
    while (p->i < p->n && p->s[p->i] != '"')
        p->i += p->s[p->i] == '\\' ? 2 : 1;
    if (p->i >= p->n)
        return NULL;
    size_t end = p->i++;
    /* decoding never grows the text */
    char *o = malloc(end - start + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    for (size_t j = start; j < end;) {
        if (p->s[j] != '\\') {
            o[k++] = p->s[j++];
            continue;
        }
        char e = p->s[j + 1];
        j += 2;
        switch (e) {
        case 'n': o[k++] = '\n'; break;
        case 't': o[k++] = '\t'; break;
        case 'r': o[k++] = '\r'; break;
        case 'b': case 'f': o[k++] = ' '; break;
        case 'u': {
            parser q = {p->s, end, j};
            unsigned cp;
            if (!hex4(&q, &cp)) {
                free(o);
                return NULL;
            }
            j = q.i;
            if (cp >= 0xD800 && cp <= 0xDBFF && end - j >= 6 && p->s[j] == '\\' &&
                p->s[j + 1] == 'u') {
                parser r = {p->s, end, j + 2};
                unsigned lo;
                if (hex4(&r, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    j = r.i;
                }
            }
            if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
                cp = 0xFFFD;
            /* \uXXXX is six bytes; its UTF-8 is at most four */
            k += nr_utf8_put(cp, o + k);
            break;
        }
        default: o[k++] = e; break;
        }
    }
    o[k] = '\0';
    return o;
}

static hj *value(parser *p, int depth);

static int add_kid(hj *v, hj *kid, char *key)
{
    if (v->nkids % 8 == 0) {
        hj **k = realloc(v->kids, (v->nkids + 8) * sizeof *k);
        char **keys = v->kind == HJ_OBJ ? realloc(v->keys, (v->nkids + 8) * sizeof *keys)
                                        : NULL;
        if (k)
            v->kids = k;
        if (keys)
            v->keys = keys;
        if (!k || (v->kind == HJ_OBJ && !keys))
            return -1;
    }
    v->kids[v->nkids] = kid;
    if (v->kind == HJ_OBJ)
        v->keys[v->nkids] = key;
    v->nkids++;
    return 0;
}

static hj *container(parser *p, int depth, hj_kind kind)
{
    hj *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->kind = kind;
    char close = kind == HJ_OBJ ? '}' : ']';
    p->i++;
    ws(p);
    if (p->i < p->n && p->s[p->i] == close) {
        p->i++;
        return v;
    }
    for (;;) {
        char *key = NULL;
        ws(p);
        if (kind == HJ_OBJ) {
            if (p->i >= p->n || p->s[p->i] != '"' || !(key = string(p)))
                goto bad;
            ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') {
                free(key);
                goto bad;
            }
            p->i++;
        }
        hj *kid = value(p, depth + 1);
        if (!kid || add_kid(v, kid, key)) {
            free(key);
            hj_free(kid);
            goto bad;
        }
        ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            return v;
        }
        goto bad;
    }
bad:
    hj_free(v);
    return NULL;
}

static hj *value(parser *p, int depth)
{
    if (depth > HJ_MAX_DEPTH)
        return NULL;
    ws(p);
    if (p->i >= p->n)
        return NULL;
    char c = p->s[p->i];
    if (c == '{')
        return container(p, depth, HJ_OBJ);
    if (c == '[')
        return container(p, depth, HJ_ARR);
    hj *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    if (c == '"') {
        v->kind = HJ_STR;
        v->str = string(p);
        if (!v->str) {
            free(v);
            return NULL;
        }
        return v;
    }
    /* numbers and literals: their extent is all we need */
    size_t s = p->i;
    while (p->i < p->n && (p->s[p->i] == '-' || p->s[p->i] == '+' || p->s[p->i] == '.' ||
                           (p->s[p->i] >= '0' && p->s[p->i] <= '9') ||
                           (p->s[p->i] >= 'a' && p->s[p->i] <= 'z') ||
                           (p->s[p->i] >= 'A' && p->s[p->i] <= 'Z')))
        p->i++;
    if (p->i == s) {
        free(v);
        return NULL;
    }
    v->kind = HJ_OTHER;
    return v;
}

hj *hj_parse(const char *s, size_t n)
{
    parser p = {s, n, 0};
    hj *v = value(&p, 0);
    ws(&p);
    if (v && p.i != n) {
        hj_free(v);
        return NULL;
    }
    return v;
}

void hj_free(hj *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->nkids; i++) {
        hj_free(v->kids[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->kids);
    free(v->keys);
    free(v->str);
    free(v);
}

const hj *hj_get(const hj *obj, const char *key)
{
    if (!obj || obj->kind != HJ_OBJ)
        return NULL;
    for (size_t i = 0; i < obj->nkids; i++)
        if (!strcmp(obj->keys[i], key))
            return obj->kids[i];
    return NULL;
}

const char *hj_str(const hj *v)
{
    return v && v->kind == HJ_STR ? v->str : NULL;
}

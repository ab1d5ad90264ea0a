/*
 * html_json.h - a small JSON reader for the structured data in web pages
 * (JSON-LD): strings, arrays and objects; numbers and literals are only
 * recognised.  Never installed.
 */
#ifndef NR_ARTICLE_HTML_JSON_H
#define NR_ARTICLE_HTML_JSON_H

#include <stddef.h>

typedef enum { HJ_OTHER, HJ_STR, HJ_ARR, HJ_OBJ } hj_kind;

typedef struct hj {
    hj_kind kind;
    char *str;            /* HJ_STR: decoded UTF-8 */
    struct hj **kids;     /* HJ_ARR, HJ_OBJ */
    char **keys;          /* HJ_OBJ: kids[i] is the value of keys[i] */
    size_t nkids;
} hj;

/* The value s[0..n) holds, or NULL (malformed, nested over 32 levels, or
   out of memory). */
hj *hj_parse(const char *s, size_t n);
void hj_free(hj *v);
/* An object's member, or NULL. */
const hj *hj_get(const hj *obj, const char *key);
/* The string, or NULL when v is not one. */
const char *hj_str(const hj *v);

#endif

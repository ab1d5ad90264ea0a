/*
 * fetch.h - pages and feeds over HTTP(S) with libcurl, for `narrate batch`
 * with a feed or URL list and for `narrate URL -o OUT`.
 *
 * One policy for every request: http and https only (redirects too), a
 * bounded number of redirects, a time limit, a size limit counted on the
 * decoded bytes, a User-Agent naming narrate, no credentials forwarded to
 * another host, conditional GET when the caller has validators.  An HTTP
 * error status is a failure with the status in the message.  URLs in
 * messages never show a user name or password (nb_url_redact).
 *
 * Internal to the narrate command: the library never links libcurl.
 */
#ifndef NB_FETCH_H
#define NB_FETCH_H

#include <signal.h>
#include <stddef.h>

/* Defaults: how long one request may take in all, the largest body. */
#define NB_FETCH_TIMEOUT_S 30
#define NB_FETCH_MAX_BYTES ((size_t)16 << 20)
#define NB_FETCH_MAX_REDIRECTS 5

typedef struct nb_fetch_opts {
    long timeout_s;        /* whole request: connect, redirects, body */
    size_t max_bytes;      /* body, after content decoding */
    long max_redirects;
    /* when it points at non-zero (a caught signal), transfers stop */
    const volatile sig_atomic_t *cancel;
} nb_fetch_opts;

typedef struct nb_fetched {
    long status;           /* the final response's HTTP status */
    int not_modified;      /* 304 to a conditional request: no body */
    char *data;            /* the body, NUL-terminated; NULL when none */
    size_t len;
    char *content_type;    /* as sent, may be NULL */
    char *etag;            /* validators of the final response, may be NULL */
    char *last_modified;
    char *final_url;       /* after redirects */
} nb_fetched;

/* Once, from the main thread, before any thread fetches.  0 or -1. */
int nb_fetch_init(void);
void nb_fetch_cleanup(void);

/* Fills o with the defaults above. */
void nb_fetch_opts_default(nb_fetch_opts *o);

/* GETs url.  etag / last_modified (may be NULL) make it conditional: a
   304 answer sets out->not_modified.  Returns 0 (2xx or 304), or -1 with a
   one-line reason in err ("HTTP 404 Not Found", "timed out after 30 s",
   "larger than 16 MiB" ...); out is then empty.  Thread-safe. */
int nb_fetch(const char *url, const char *etag, const char *last_modified,
             const nb_fetch_opts *o, nb_fetched *out, char *err, size_t errlen);
void nb_fetched_free(nb_fetched *f);

/* Non-zero when s starts with http:// or https:// (any case). */
int nb_is_url(const char *s);

/* url without "user:password@" for messages and reports; out always
   NUL-terminated, cut to n bytes. */
void nb_url_redact(const char *url, char *out, size_t n);

/* The reader a response asks for: ".html", ".md" or ".txt", from its
   Content-Type, else from the URL's extension, else ".html". */
const char *nb_fetched_kind(const nb_fetched *f, const char *url);

#endif

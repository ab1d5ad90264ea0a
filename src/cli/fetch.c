/*
 * fetch.c - HTTP(S) GET with libcurl's easy interface (see fetch.h).
 *
 * Each call has its own easy handle, so lanes of a batch fetch side by
 * side; curl_global_init runs once from the main thread before any of
 * them (nb_fetch_init), as libcurl requires.  Signals are off
 * (CURLOPT_NOSIGNAL): timeouts must not use SIGALRM in a threaded program.
 */
#include "fetch.h"
#include "cli.h"

#include "narrate.h"

#include <curl/curl.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int nb_fetch_init(void)
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void nb_fetch_cleanup(void)
{
    curl_global_cleanup();
}

void nb_fetch_opts_default(nb_fetch_opts *o)
{
    o->timeout_s = NB_FETCH_TIMEOUT_S;
    o->max_bytes = NB_FETCH_MAX_BYTES;
    o->max_redirects = NB_FETCH_MAX_REDIRECTS;
    o->cancel = NULL;
}

/* libcurl calls this about once a second and while data flows: a caught
   signal ends the transfer (CURLE_ABORTED_BY_CALLBACK). */
static int on_xfer(void *ud, curl_off_t dlt, curl_off_t dln, curl_off_t ult, curl_off_t uln)
{
    (void)dlt;
    (void)dln;
    (void)ult;
    (void)uln;
    const volatile sig_atomic_t *cancel = ud;
    return cancel && *cancel;
}

int nb_is_url(const char *s)
{
    return s && (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0);
}

void nb_url_redact(const char *url, char *out, size_t n)
{
    if (!n)
        return;
    const char *scheme = strstr(url, "://");
    const char *host = scheme ? scheme + 3 : url;
    size_t hostlen = strcspn(host, "/?#");
    const char *at = NULL;
    for (const char *p = host; p < host + hostlen; p++)
        if (*p == '@')
            at = p;  /* the last '@' of the authority ends the userinfo */
    if (!at)
        snprintf(out, n, "%s", url);
    else
        snprintf(out, n, "%.*s%s", (int)(host - url), url, at + 1);
}

typedef struct body {
    nb_fetched *f;
    size_t cap, max;
    int too_big;
} body;

static size_t on_data(char *p, size_t size, size_t nmemb, void *ud)
{
    body *b = ud;
    size_t n = size * nmemb;
    nb_fetched *f = b->f;
    if (f->len + n > b->max) {
        b->too_big = 1;
        return 0;  /* makes libcurl stop with CURLE_WRITE_ERROR */
    }
    if (f->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < f->len + n + 1)
            cap *= 2;
        char *d = realloc(f->data, cap);
        if (!d)
            return 0;
        f->data = d;
        b->cap = cap;
    }
    memcpy(f->data + f->len, p, n);
    f->len += n;
    f->data[f->len] = '\0';
    return n;
}

/* The value of header line "Name: value\r\n" when its name is name. */
static char *header_value(const char *line, size_t n, const char *name)
{
    size_t k = strlen(name);
    if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
        return NULL;
    const char *v = line + k + 1, *end = line + n;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
        end--;
    char *s = malloc((size_t)(end - v) + 1);
    if (s) {
        memcpy(s, v, (size_t)(end - v));
        s[end - v] = '\0';
    }
    return s;
}

static void set_field(char **field, char *value)
{
    if (value) {
        free(*field);
        *field = value;
    }
}

/* Headers of every response come through here, redirects included: a
   status line starts a new response, whose validators replace the last. */
static size_t on_header(char *line, size_t size, size_t nmemb, void *ud)
{
    nb_fetched *f = ud;
    size_t n = size * nmemb;
    if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        free(f->etag);
        free(f->last_modified);
        f->etag = f->last_modified = NULL;
    }
    set_field(&f->etag, header_value(line, n, "ETag"));
    set_field(&f->last_modified, header_value(line, n, "Last-Modified"));
    return n;
}

void nb_fetched_free(nb_fetched *f)
{
    free(f->data);
    free(f->content_type);
    free(f->etag);
    free(f->last_modified);
    free(f->final_url);
    memset(f, 0, sizeof *f);
}

/* Standard reason phrases for the statuses a page server commonly sends;
   the number alone otherwise. */
static const char *reason(long status)
{
    switch (status) {
    case 400: return " Bad Request";
    case 401: return " Unauthorized";
    case 403: return " Forbidden";
    case 404: return " Not Found";
    case 410: return " Gone";
    case 429: return " Too Many Requests";
    case 500: return " Internal Server Error";
    case 502: return " Bad Gateway";
    case 503: return " Service Unavailable";
    case 504: return " Gateway Timeout";
    default: return "";
    }
}

static void describe(CURLcode c, const body *b, const nb_fetch_opts *o,
                     const char *curl_err, char *err, size_t errlen)
{
    if (b->too_big)
        snprintf(err, errlen, "the response is larger than %zu MiB", o->max_bytes >> 20);
    else if (c == CURLE_FILESIZE_EXCEEDED)
        snprintf(err, errlen, "the response is larger than %zu MiB (Content-Length)",
                 o->max_bytes >> 20);
    else if (c == CURLE_OPERATION_TIMEDOUT)
        snprintf(err, errlen, "timed out after %ld s", o->timeout_s);
    else if (c == CURLE_TOO_MANY_REDIRECTS)
        snprintf(err, errlen, "more than %ld redirects", o->max_redirects);
    else if (c == CURLE_ABORTED_BY_CALLBACK)
        snprintf(err, errlen, "interrupted");
    else if (c == CURLE_UNSUPPORTED_PROTOCOL)
        snprintf(err, errlen, "only http:// and https:// are fetched");
    else  /* libcurl's detail names the host, never the credentials */
        snprintf(err, errlen, "%s", curl_err[0] ? curl_err : curl_easy_strerror(c));
}

/* The charset a Content-Type names ("text/html; charset=ISO-8859-1"),
   into out; 0, or -1 when it names none. */
static int charset_of(const char *ct, char *out, size_t n)
{
    const char *p = ct ? strcasestr(ct, "charset=") : NULL;
    if (!p)
        return -1;
    p += 8;
    if (*p == '"')
        p++;
    size_t k = strcspn(p, "\"; ");
    if (!k || k >= n)
        return -1;
    memcpy(out, p, k);
    out[k] = '\0';
    return 0;
}

/* A body in a charset the server names and the readers do not read
   (they take UTF-8 and UTF-16 with a BOM): converted to UTF-8 with iconv.
   Left as it is when iconv does not know the charset or the bytes do not
   fit it; the library then replaces what is not UTF-8. */
static void to_utf8(nb_fetched *f, size_t max)
{
    char cs[64];
    if (!f->data || !f->len || charset_of(f->content_type, cs, sizeof cs) != 0 ||
        !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8") ||
        !strcasecmp(cs, "us-ascii") || !strncasecmp(cs, "utf-16", 6))
        return;
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1)
        return;
    size_t cap = f->len * 3 + 1;  /* a byte becomes at most 3 in UTF-8 */
    char *out = cap - 1 <= max * 3 ? malloc(cap) : NULL;
    char *in = f->data, *o = out;
    size_t inleft = f->len, outleft = cap - 1;
    if (out && iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1 && inleft == 0) {
        *o = '\0';
        free(f->data);
        f->data = out;
        f->len = (size_t)(o - out);
    } else
        free(out);
    iconv_close(cd);
}

int nb_fetch(const char *url, const char *etag, const char *last_modified,
             const nb_fetch_opts *o, nb_fetched *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (!nb_is_url(url)) {
        snprintf(err, errlen, "only http:// and https:// are fetched");
        return -1;
    }
    CURL *h = curl_easy_init();
    if (!h) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    char ua[64], curl_err[CURL_ERROR_SIZE] = "";
    snprintf(ua, sizeof ua, "narrate/%s (article narrator; libcurl)", nr_version());
    struct curl_slist *hdr = NULL, *h2;
    char line[1024];
    if (etag && *etag && strlen(etag) < 900) {
        snprintf(line, sizeof line, "If-None-Match: %s", etag);
        if ((h2 = curl_slist_append(hdr, line)))
            hdr = h2;
    }
    if (last_modified && *last_modified && strlen(last_modified) < 900) {
        snprintf(line, sizeof line, "If-Modified-Since: %s", last_modified);
        if ((h2 = curl_slist_append(hdr, line)))
            hdr = h2;
    }
    body b = {out, 0, o->max_bytes, 0};
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, o->max_redirects);
    curl_easy_setopt(h, CURLOPT_UNRESTRICTED_AUTH, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, o->timeout_s);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, o->timeout_s < 10 ? o->timeout_s : 10L);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  /* what libcurl decodes */
    curl_easy_setopt(h, CURLOPT_USERAGENT, ua);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, out);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curl_err);
    if (o->cancel) {
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_xfer);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, (void *)o->cancel);
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    }

    CURLcode c = curl_easy_perform(h);
    int rc = 0;
    if (c != CURLE_OK) {
        describe(c, &b, o, curl_err, err, errlen);
        rc = -1;
    } else {
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out->status);
        char *ct = NULL, *eff = NULL;
        curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
        curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &eff);
        out->content_type = cli_strdup(ct);
        out->final_url = cli_strdup(eff ? eff : url);
        if (out->status == 304 && hdr)
            out->not_modified = 1;
        else if (out->status < 200 || out->status > 299) {
            snprintf(err, errlen, "HTTP %ld%s", out->status, reason(out->status));
            rc = -1;
        } else if (!out->final_url) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
        }
    }
    curl_easy_cleanup(h);
    curl_slist_free_all(hdr);
    if (rc == 0 && out->data)
        to_utf8(out, o->max_bytes);
    if (rc)
        nb_fetched_free(out);
    else if (!out->data && !out->not_modified && !(out->data = calloc(1, 1))) {
        snprintf(err, errlen, "out of memory");
        nb_fetched_free(out);
        rc = -1;
    }
    return rc;
}

static int ext_is(const char *path, size_t n, const char *ext)
{
    size_t k = strlen(ext);
    return n >= k && strncasecmp(path + n - k, ext, k) == 0;
}

const char *nb_fetched_kind(const nb_fetched *f, const char *url)
{
    const char *ct = f ? f->content_type : NULL;
    if (ct) {
        size_t n = strcspn(ct, "; ");
        if (n == 13 && strncasecmp(ct, "text/markdown", n) == 0)
            return ".md";
        if (n == 10 && strncasecmp(ct, "text/plain", n) == 0)
            return ".txt";
        if ((n == 9 && strncasecmp(ct, "text/html", n) == 0) ||
            (n == 21 && strncasecmp(ct, "application/xhtml+xml", n) == 0))
            return ".html";
    }
    /* no telling type: the path's extension, query and fragment aside */
    const char *scheme = strstr(url, "://");
    const char *path = scheme ? scheme + 3 : url;
    size_t n = strcspn(path, "?#");
    if (ext_is(path, n, ".md") || ext_is(path, n, ".markdown"))
        return ".md";
    if (ext_is(path, n, ".txt"))
        return ".txt";
    return ".html";
}

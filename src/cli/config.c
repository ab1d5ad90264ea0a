/*
 * config.c - the channel configuration file.
 *
 * Format: one "key = value" a line; blank lines and lines starting with #
 * or ; are comments; a value may be wrapped in double quotes to keep
 * leading/trailing spaces.  There are no inline comments, because URLs
 * carry '#'.  Unknown keys and keys given twice are errors, so a typo never
 * silently falls back to a default.  Every error names file, line and key.
 */
#include "config.h"
#include "batch_books.h"
#include "cli.h"
#include "files.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nb_config_init(nb_config *c)
{
    memset(c, 0, sizeof *c);
    c->explicit_ = -1;
}

void nb_config_free(nb_config *c)
{
    char **s[] = {&c->title, &c->link, &c->base_url, &c->feed_url,
                  &c->description, &c->author, &c->owner_name, &c->owner_email,
                  &c->image, &c->language, &c->category, &c->subcategory,
                  &c->copyright, &c->voice, &c->cover_file};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
        free(*s[i]);
        *s[i] = NULL;
    }
}

/* ---- value checks: each returns NULL or a static description ---- */

/* Valid UTF-8 without control characters (XML 1.0 cannot carry most of
   them, and a tab or newline in a title is a mistake). */
static const char *check_text(const char *v)
{
    const unsigned char *p = (const unsigned char *)v;
    while (*p) {
        unsigned c = *p;
        size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
                 : (c & 0xf8) == 0xf0 ? 4 : 0;
        if (n == 0 || (n == 2 && c < 0xc2) || (n == 4 && c > 0xf4))
            return "not valid UTF-8";
        if (n == 1 && (c < 0x20 || c == 0x7f))
            return "contains a control character";
        for (size_t i = 1; i < n; i++)
            if ((p[i] & 0xc0) != 0x80)
                return "not valid UTF-8";
        p += n;
    }
    return NULL;
}

static const char *check_nonempty(const char *v)
{
    return *v ? check_text(v) : "must not be empty";
}

static const char *check_url(const char *v)
{
    if (strncmp(v, "https://", 8) != 0 && strncmp(v, "http://", 7) != 0)
        return "expected an http:// or https:// URL";
    const char *host = strstr(v, "://") + 3;
    if (!*host || *host == '/')
        return "the URL has no host";
    for (const char *p = v; *p; p++)
        if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || *p == '"' ||
            *p == '<' || *p == '>')
            return "a URL cannot hold spaces, quotes, <, > or non-ASCII (percent-encode them)";
    return NULL;
}

static const char *check_email(const char *v)
{
    const char *at = strchr(v, '@');
    if (!at || at == v || !at[1] || strchr(at + 1, '@') || !strchr(at + 1, '.'))
        return "expected an e-mail address like name@example.org";
    for (const char *p = v; *p; p++)
        if ((unsigned char)*p <= 0x20 || *p == '<' || *p == '>' || *p == '"')
            return "an e-mail address cannot hold spaces, quotes, < or >";
    return NULL;
}

/* ISO 639 language, optional region: en, en-us, haw, pt-BR */
static const char *check_language(const char *v)
{
    const char *p = v;
    size_t n = 0;
    while (*p >= 'a' && *p <= 'z')
        p++, n++;
    if (n < 2 || n > 3)
        return "expected an ISO 639 language code like en or en-us";
    while (*p == '-') {
        p++;
        n = 0;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
               (*p >= '0' && *p <= '9'))
            p++, n++;
        if (n < 2 || n > 8)
            return "expected an ISO 639 language code like en or en-us";
    }
    return *p ? "expected an ISO 639 language code like en or en-us" : NULL;
}

/* ---- the table of keys ---- */

typedef enum { K_TEXT, K_URL, K_EMAIL, K_LANG, K_BOOL, K_VOICE, K_RATE,
               K_BITRATE, K_CATEGORY, K_FORMATS } kind;

typedef struct keydef {
    const char *name;
    kind kind;
    size_t off;     /* offsetof the char * (or int/double) field */
    size_t max;     /* longest value in bytes, 0 = default */
} keydef;

#define F(f) offsetof(nb_config, f)
static const keydef keys[] = {
    {"title", K_TEXT, F(title), 512},
    {"link", K_URL, F(link), 2048},
    {"base_url", K_URL, F(base_url), 2048},
    {"feed_url", K_URL, F(feed_url), 2048},
    {"description", K_TEXT, F(description), 4000},  /* Apple's limit */
    {"author", K_TEXT, F(author), 512},
    {"owner_name", K_TEXT, F(owner_name), 512},
    {"owner_email", K_EMAIL, F(owner_email), 512},
    {"image", K_URL, F(image), 2048},
    {"cover_file", K_TEXT, F(cover_file), 4096},
    {"language", K_LANG, F(language), 35},
    {"category", K_CATEGORY, F(category), 256},
    {"copyright", K_TEXT, F(copyright), 512},
    {"explicit", K_BOOL, F(explicit_), 0},
    {"voice", K_VOICE, F(voice), 4096},
    {"rate", K_RATE, F(rate), 0},
    {"bitrate", K_BITRATE, F(bitrate), 0},
    {"formats", K_FORMATS, F(books), 64},
    {"follow_symlinks", K_BOOL, F(follow_symlinks), 0},
};
#define NKEYS (sizeof keys / sizeof *keys)

static int err_at(char *err, size_t errlen, const char *name, unsigned line,
                  const char *key, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static int err_at(char *err, size_t errlen, const char *name, unsigned line,
                  const char *key, const char *fmt, ...)
{
    int k = key ? snprintf(err, errlen, "%s:%u: %s: ", name, line, key)
                : snprintf(err, errlen, "%s:%u: ", name, line);
    if (k >= 0 && (size_t)k < errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err + k, errlen - (size_t)k, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static int set_value(nb_config *c, const keydef *kd, char *v, char **subcat,
                     const char **why)
{
    char *base = (char *)c;
    if (kd->max && strlen(v) > kd->max) {
        *why = "too long";
        return -1;
    }
    switch (kd->kind) {
    case K_BOOL:
        if (!strcmp(v, "true") || !strcmp(v, "yes"))
            *(int *)(base + kd->off) = 1;
        else if (!strcmp(v, "false") || !strcmp(v, "no"))
            *(int *)(base + kd->off) = 0;
        else {
            *why = "expected true or false";
            return -1;
        }
        return 0;
    case K_RATE: {
        char *end;
        errno = 0;
        double r = strtod(v, &end);
        if (errno || end == v || *end || !(r >= 0.5 && r <= 3.0)) {
            *why = "expected a speech rate from 0.5 to 3.0";
            return -1;
        }
        c->rate = r;
        return 0;
    }
    case K_BITRATE: {
        static const int ok[] = {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112,
                                 128, 160, 192, 224, 256, 320};
        char *end;
        long b = strtol(v, &end, 10);
        for (size_t i = 0; *v && !*end && i < sizeof ok / sizeof *ok; i++)
            if (ok[i] == b) {
                c->bitrate = (int)b;
                return 0;
            }
        *why = "expected an MP3 bitrate in kbit/s (32, 48, 64, 96, 128 ...)";
        return -1;
    }
    case K_FORMATS:
        return nb_books_parse(v, &c->books, why);
    case K_VOICE:
        /* a built-in name, a .flitevox path or a name in the voice path:
           only the library can tell, so batch checks it with a context */
        *why = check_nonempty(v);
        break;
    case K_CATEGORY: {
        /* "Parent > Sub": Apple names hold '&' but never '>' */
        char *gt = strchr(v, '>');
        if (gt) {
            char *s = gt + 1, *e = gt;
            while (e > v && e[-1] == ' ')
                e--;
            *e = '\0';
            while (*s == ' ')
                s++;
            if (!*s || strchr(s, '>')) {
                *why = "expected \"Category\" or \"Category > Subcategory\"";
                return -1;
            }
            if ((*why = check_text(s)) != NULL)
                return -1;
            if (!(*subcat = cli_strdup(s))) {
                *why = "out of memory";
                return -1;
            }
        }
        if ((*why = check_nonempty(v)) != NULL)
            return -1;
        goto text;
    }
    case K_URL: *why = check_url(v); break;
    case K_EMAIL: *why = check_email(v); break;
    case K_LANG: *why = check_language(v); break;
    case K_TEXT: *why = check_nonempty(v); break;
    }
    if (*why)
        return -1;
text:;
    char **field = (char **)(base + kd->off);
    free(*field);
    if (!(*field = cli_strdup(v))) {
        *why = "out of memory";
        return -1;
    }
    return 0;
}

int nb_config_parse(nb_config *c, const char *text, size_t len,
                    const char *name, char *err, size_t errlen)
{
    unsigned seen[NKEYS] = {0};
    unsigned line = 0;
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;  /* editors on some systems add a BOM */
    while (p < end) {
        line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t n = (size_t)(le - p);
        char *buf = malloc(n + 1);
        if (!buf)
            return err_at(err, errlen, name, line, NULL, "out of memory");
        memcpy(buf, p, n);
        buf[n] = '\0';
        p = nl ? nl + 1 : end;
        if (memchr(buf, '\0', n)) {
            free(buf);
            return err_at(err, errlen, name, line, NULL, "contains a NUL byte; not a text file");
        }
        /* trim */
        char *s = buf, *e = buf + n;
        while (*s == ' ' || *s == '\t')
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            e--;
        *e = '\0';
        if (!*s || *s == '#' || *s == ';') {
            free(buf);
            continue;
        }
        if (*s == '[') {
            free(buf);
            return err_at(err, errlen, name, line, NULL,
                          "sections are not used; write key = value lines");
        }
        char *eq = strchr(s, '=');
        if (!eq) {
            free(buf);
            return err_at(err, errlen, name, line, NULL, "expected key = value");
        }
        char *k = s, *ke = eq, *v = eq + 1;
        while (ke > k && (ke[-1] == ' ' || ke[-1] == '\t'))
            ke--;
        *ke = '\0';
        while (*v == ' ' || *v == '\t')
            v++;
        size_t vl = strlen(v);
        if (vl >= 2 && v[0] == '"' && v[vl - 1] == '"') {
            v[vl - 1] = '\0';
            v++;
        }
        size_t i = 0;
        while (i < NKEYS && strcmp(keys[i].name, k) != 0)
            i++;
        if (i == NKEYS) {
            int r = err_at(err, errlen, name, line, k[0] ? k : "(empty)",
                           "unknown key (known: title, link, base_url, feed_url, "
                           "description, author, owner_name, owner_email, image, cover_file, "
                           "language, category, copyright, explicit, voice, rate, "
                           "bitrate, formats, follow_symlinks)");
            free(buf);
            return r;
        }
        if (seen[i]) {
            int r = err_at(err, errlen, name, line, k, "given twice (first on line %u)",
                           seen[i]);
            free(buf);
            return r;
        }
        seen[i] = line;
        const char *why = NULL;
        char *sub = NULL;
        if (set_value(c, &keys[i], v, &sub, &why) != 0) {
            /* quote the bad value, but a bounded piece of it */
            int r = err_at(err, errlen, name, line, k, "%s, not '%.80s'", why, v);
            free(sub);
            free(buf);
            return r;
        }
        if (keys[i].kind == K_VOICE)
            c->voice_line = line;
        if (keys[i].off == F(cover_file))
            c->cover_line = line;
        if (sub) {
            free(c->subcategory);
            c->subcategory = sub;
        }
        free(buf);
    }
    return 0;
}

int nb_config_load(nb_config *c, const char *path, char *err, size_t errlen)
{
    char *data;
    size_t len;
    int e = cli_read_file(path, &data, &len);
    if (e) {
        snprintf(err, errlen, "cannot read configuration '%s': %s", path, strerror(e));
        return -2;
    }
    int r = nb_config_parse(c, data, len, path, err, errlen);
    free(data);
    if (r == 0)
        c->path = path;
    return r;
}

int nb_config_defaults(nb_config *c, const char *out_dir)
{
    if (!c->title) {
        /* the folder name: basename of out_dir without trailing slashes */
        size_t n = strlen(out_dir);
        while (n > 1 && out_dir[n - 1] == '/')
            n--;
        size_t b = n;
        while (b > 0 && out_dir[b - 1] != '/')
            b--;
        char *t = malloc(n - b + 1);
        if (!t)
            return -1;
        memcpy(t, out_dir + b, n - b);
        t[n - b] = '\0';
        if (!*t || !strcmp(t, ".") || !strcmp(t, "..") || !strcmp(t, "/") ||
            check_text(t)) {
            free(t);
            t = cli_strdup("Narrated articles");
            if (!t)
                return -1;
        }
        c->title = t;
    }
    if (!c->description && !(c->description = cli_strdup(c->title)))
        return -1;
    if (!c->language && !(c->language = cli_strdup("en")))
        return -1;
    if (!c->category && !(c->category = cli_strdup("News")))
        return -1;
    if (c->explicit_ < 0)
        c->explicit_ = 0;
    if (!c->feed_url && c->base_url) {
        if (!(c->feed_url = nb_url_join(c->base_url, "feed.xml")))
            return -1;
    }
    return 0;
}

char *nb_url_join(const char *base, const char *name)
{
    /* joined like a path: one '/' between, none added after one */
    return base && *base ? cli_path(base, name) : cli_strdup(name);
}

int nb_config_setup(nb_config *c, const char *path, const char *out_dir)
{
    char err[1024];
    if (path) {
        int r = nb_config_load(c, path, err, sizeof err);
        if (r) {
            cli_msg(0, "%s", err);
            return r == -2 ? CLI_EXIT_INPUT : CLI_EXIT_USAGE;
        }
    } else {
        cli_msg(1, "warning: no --config: the show title is the folder name and "
                  "enclosure URLs are relative (see docs/batch.md)");
    }
    if (nb_config_defaults(c, out_dir) != 0) {
        cli_msg(0, "out of memory");
        return CLI_EXIT_INTERNAL;
    }
    return 0;
}

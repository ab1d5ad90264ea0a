/*
 * narrate.c - the nr_ctx lifecycle, settings, errors, and the text entry
 * points (load, normalize, script).  Rendering lives in render.c.
 */
#include "nr_private.h"
#include "synth.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Largest spoken form of one piece of text we will build in memory. */
#define NR_MAX_SPOKEN ((size_t)1 << 30)

static const char *const status_names[] = {
    [NR_OK] = "success",
    [NR_ERR_NOMEM] = "out of memory",
    [NR_ERR_ARG] = "invalid argument",
    [NR_ERR_INPUT] = "input error",
    [NR_ERR_EMPTY] = "nothing to speak",
    [NR_ERR_VOICE] = "voice error",
    [NR_ERR_SYNTH] = "synthesis error",
    [NR_ERR_OUTPUT] = "output error",
    [NR_ERR_CANCELLED] = "cancelled",
    [NR_ERR_STATE] = "call out of order",
    [NR_ERR_CLOSED] = "output closed by its reader",
};

const char *nr_strerror(nr_status s)
{
    if ((unsigned)s < sizeof status_names / sizeof status_names[0] && status_names[s])
        return status_names[s];
    return "unknown error";
}

const char *nr_errmsg(const nr_ctx *ctx)
{
    return ctx ? ctx->errmsg : "";
}

#define STR_(x) #x
#define STR(x) STR_(x)

const char *nr_version(void)
{
    return STR(NR_VERSION_MAJOR) "." STR(NR_VERSION_MINOR) "." STR(NR_VERSION_PATCH);
}

nr_status nr_fail(nr_ctx *ctx, nr_status s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
    return s;
}

const char *const *nr_voice_names(void)
{
    return nr_builtin_voice_names();
}

const char *nr_voice_description(const char *name)
{
    const nr_builtin_voice *v = nr_builtin_voice_find(name);
    return v ? v->description : NULL;
}

nr_ctx *nr_new(void)
{
    nr_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    ctx->voice_name = strdup("slt");
    ctx->norm = nr_norm_new();
    if (!ctx->voice_name || !ctx->norm) {
        nr_free(ctx);
        return NULL;
    }
    ctx->rate = 1.0;
    ctx->bitrate = 64;
    ctx->loudness_on = 1;
    ctx->loudness_target = -16.0;
    ctx->locale = NR_LOCALE_AUTO;
    ctx->input_format = NR_FORMAT_AUTO;
    return ctx;
}

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void unload(nr_ctx *ctx)
{
    nr_plan_free(&ctx->plan);
    nr_article_free(ctx->article);
    ctx->article = NULL;
    nr_article_free(ctx->empty);
    ctx->empty = NULL;
    ctx->loaded_empty = 0;
    free(ctx->text);
    ctx->text = NULL;
    ctx->text_len = 0;
    free(ctx->chapter_times);
    ctx->chapter_times = NULL;
    ctx->duration_ms = 0;
    free(ctx->cues);
    ctx->cues = NULL;
    ctx->ncues = ctx->cues_cap = 0;
}

void nr_free(nr_ctx *ctx)
{
    if (!ctx)
        return;
    nr_outputs_drop(ctx);
    unload(ctx);
    free(ctx->voice_name);
    free(ctx->voice_path);
    free(ctx->cover);
    for (size_t i = 0; i < 4; i++)
        free(ctx->meta[i]);
    free_strv(ctx->keep, ctx->nkeep);
    free_strv(ctx->drop, ctx->ndrop);
    nr_norm_free(ctx->norm);
    free(ctx);
}


static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* NAME.flitevox in the voice path, or NULL.  Caller frees. */
static char *find_in_path(const char *path, const char *name)
{
    if (!path)
        return NULL;
    const char *p = path;
    while (*p) {
        size_t n = strcspn(p, ":");
        if (n) {
            size_t len = n + strlen(name) + 11;
            char *cand = malloc(len);
            if (!cand)
                return NULL;
            snprintf(cand, len, "%.*s/%s.flitevox", (int)n, p, name);
            if (access(cand, R_OK) == 0)
                return cand;
            free(cand);
        }
        p += n;
        if (*p == ':')
            p++;
    }
    return NULL;
}

nr_status nr_set_voice(nr_ctx *ctx, const char *name)
{
    if (!name || !*name)
        return nr_fail(ctx, NR_ERR_VOICE, "no voice name");
    char *v = NULL;
    if (nr_builtin_voice_find(name)) {
        v = strdup(name);
    } else if (strchr(name, '/') || ends_with(name, ".flitevox")) {
        if (access(name, R_OK) != 0)
            return nr_fail(ctx, NR_ERR_VOICE, "cannot read voice file '%s': %s", name,
                           strerror(errno));
        /* now, not when the first render loads it: a wrong file is a bad
           setting, not a failure of every article of a batch */
        if (!nr_voice_file_ok(name))
            return nr_fail(ctx, NR_ERR_VOICE, "'%s' is not a Flite voice (.flitevox) file",
                           name);
        v = strdup(name);
    } else {
        v = find_in_path(ctx->voice_path, name);
        if (!v)
            return nr_fail(ctx, NR_ERR_VOICE, "unknown voice '%s' (see --list-voices)", name);
    }
    if (!v)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    free(ctx->voice_name);
    ctx->voice_name = v;
    return NR_OK;
}

nr_status nr_set_voice_path(nr_ctx *ctx, const char *dirs)
{
    char *d = NULL;
    if (dirs && !(d = strdup(dirs)))
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    free(ctx->voice_path);
    ctx->voice_path = d;
    return NR_OK;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

nr_status nr_list_voices(nr_ctx *ctx, nr_voice_fn fn, void *ud)
{
    for (const char *const *v = nr_builtin_voice_names(); *v; v++)
        if (fn(ud, *v, "built-in", nr_builtin_voice_find(*v)->description))
            return NR_OK;
    const char *p = ctx->voice_path ? ctx->voice_path : "";
    while (*p) {
        size_t n = strcspn(p, ":");
        char *dir = strndup(p, n);
        if (!dir)
            return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
        struct dirent **ents;
        int k = n ? scandir(dir, &ents, NULL, by_name) : -1;
        int stop = 0;
        for (int i = 0; i < k; i++) {
            const char *f = ents[i]->d_name;
            if (!stop && ends_with(f, ".flitevox") && f[0] != '.') {
                size_t len = strlen(dir) + strlen(f) + 2;
                char *full = malloc(len), *name = strndup(f, strlen(f) - 9);
                if (full && name) {
                    snprintf(full, len, "%s/%s", dir, f);
                    stop = fn(ud, name, full, NULL);
                }
                free(full);
                free(name);
            }
            free(ents[i]);
        }
        if (k >= 0)
            free(ents);
        free(dir);
        if (stop)
            break;
        p += n;
        if (*p == ':')
            p++;
    }
    return NR_OK;
}

nr_status nr_set_jobs(nr_ctx *ctx, int jobs)
{
    if (jobs < 0 || jobs > 256)
        return nr_fail(ctx, NR_ERR_ARG, "jobs must be between 0 and 256, not %d", jobs);
    ctx->jobs = jobs;
    return NR_OK;
}

nr_status nr_set_rate(nr_ctx *ctx, double rate)
{
    if (!(rate >= 0.5 && rate <= 3.0))
        return nr_fail(ctx, NR_ERR_ARG, "rate must be between 0.5 and 3.0");
    ctx->rate = rate;
    return NR_OK;
}

nr_status nr_set_locale(nr_ctx *ctx, const char *loc)
{
    if (!loc)
        return nr_fail(ctx, NR_ERR_ARG, "no locale");
    if (strcmp(loc, "auto") == 0)
        ctx->locale = NR_LOCALE_AUTO;
    else if (strcasecmp(loc, "en-US") == 0 || strcasecmp(loc, "en_US") == 0)
        ctx->locale = NR_LOCALE_US;
    else if (strcasecmp(loc, "en-GB") == 0 || strcasecmp(loc, "en_GB") == 0)
        ctx->locale = NR_LOCALE_GB;
    else
        return nr_fail(ctx, NR_ERR_ARG,
                       "unknown locale '%s' (en-US, en-GB or auto)", loc);
    nr_norm_set_locale(ctx->norm, ctx->locale);
    return NR_OK;
}

nr_status nr_set_bitrate(nr_ctx *ctx, int kbps)
{
    static const int ok[] = {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (ok[i] == kbps) {
            ctx->bitrate = kbps;
            return NR_OK;
        }
    return nr_fail(ctx, NR_ERR_ARG,
                   "bitrate %d is not an MP3 bitrate for speech (8 to 160 kbit/s, e.g. 32, 48, 64, 96)",
                   kbps);
}

nr_status nr_set_sample_rate(nr_ctx *ctx, int hz)
{
    static const int ok[] = {0, 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (ok[i] == hz) {
            ctx->out_rate = hz;
            return NR_OK;
        }
    return nr_fail(ctx, NR_ERR_ARG,
                   "sample rate %d is not an MP3 rate (16000, 22050, 24000, 44100, 48000...)", hz);
}

nr_status nr_set_loudness(nr_ctx *ctx, int enabled, double target)
{
    if (enabled && !(target >= -40.0 && target <= -5.0))
        return nr_fail(ctx, NR_ERR_ARG, "loudness target must be between -40 and -5 LUFS");
    ctx->loudness_on = enabled != 0;
    if (enabled)
        ctx->loudness_target = target;
    return NR_OK;
}

nr_status nr_get_loudness(const nr_ctx *ctx, double *in, double *gain, double *out)
{
    int known = ctx->chapter_times && ctx->loudness_on;
    if (in)
        *in = known ? ctx->loudness.input_lufs : NAN;
    if (gain)
        *gain = known ? ctx->loudness.gain_db : NAN;
    if (out)
        *out = known ? ctx->loudness.output_lufs : NAN;
    return NR_OK;
}

nr_status nr_set_plain(nr_ctx *ctx, int on)
{
    ctx->plain = on != 0;
    return NR_OK;
}

nr_status nr_set_input_format(nr_ctx *ctx, const char *f)
{
    static const struct { const char *name; nr_input_format f; } tab[] = {
        {"auto", NR_FORMAT_AUTO}, {"text", NR_FORMAT_TEXT}, {"txt", NR_FORMAT_TEXT},
        {"markdown", NR_FORMAT_MARKDOWN}, {"md", NR_FORMAT_MARKDOWN},
        {"html", NR_FORMAT_HTML},
    };
    for (size_t i = 0; f && i < sizeof tab / sizeof tab[0]; i++)
        if (strcmp(tab[i].name, f) == 0) {
            ctx->input_format = tab[i].f;
            return NR_OK;
        }
    return nr_fail(ctx, NR_ERR_ARG,
                   "unknown input format '%s' (text, markdown, html or auto)", f ? f : "");
}

nr_status nr_add_lexicon(nr_ctx *ctx, const char *data, size_t len,
                         const char *source_name, size_t *nbad)
{
    char err[256] = "";
    if (nr_norm_add_lexicon(ctx->norm, data, len, source_name, nbad, err, sizeof err) != 0)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory reading lexicon");
    if (err[0])
        nr_fail(ctx, NR_OK, "%s", err);  /* detail for the caller to warn about */
    return NR_OK;
}

static nr_status push_str(nr_ctx *ctx, char ***v, size_t *n, const char *s)
{
    char **nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    *v = nv;
    nv[*n] = strdup(s);
    if (!nv[*n])
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    (*n)++;
    return NR_OK;
}

nr_status nr_add_pattern(nr_ctx *ctx, int keep, const char *re)
{
    if (!re)
        return nr_fail(ctx, NR_ERR_ARG, "no pattern");
    regex_t r;
    int rc = regcomp(&r, re, REG_EXTENDED | REG_ICASE | REG_NOSUB);
    if (rc != 0) {
        char msg[128];
        regerror(rc, &r, msg, sizeof msg);
        return nr_fail(ctx, NR_ERR_ARG, "bad pattern '%s': %s", re, msg);
    }
    regfree(&r);
    return keep ? push_str(ctx, &ctx->keep, &ctx->nkeep, re)
                : push_str(ctx, &ctx->drop, &ctx->ndrop, re);
}

nr_status nr_set_meta(nr_ctx *ctx, nr_meta_key key, const char *value)
{
    if ((unsigned)key > NR_META_DATE)
        return nr_fail(ctx, NR_ERR_ARG, "metadata key %d cannot be set", (int)key);
    /* decoded like an article: valid UTF-8, control characters turned into
       spaces, so a title from anywhere is safe in every tag and sidecar */
    char *v = NULL;
    size_t n;
    if (value && nr_decode_text(value, strlen(value), &v, &n) != 0)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    free(ctx->meta[key]);
    ctx->meta[key] = v;
    return NR_OK;
}

const char *nr_get_meta(const nr_ctx *ctx, nr_meta_key key)
{
    const nr_article *a = ctx->article;
    if ((unsigned)key <= NR_META_DATE && ctx->meta[key])
        return ctx->meta[key];
    if (!a)
        return NULL;
    switch (key) {
    case NR_META_TITLE: return a->label;   /* names the tags; see nr_article */
    case NR_META_AUTHOR: return a->byline;
    case NR_META_DATE: return a->date_iso ? a->date_iso : a->date;
    case NR_META_DATE_ISO: return a->date_iso;
    case NR_META_DESCRIPTION:
        if (a->subtitle)
            return a->subtitle;
        for (size_t i = 0; i < a->nblocks; i++)
            if (a->blocks[i].kind == NR_BLOCK_PARA)
                return a->blocks[i].text;
        return NULL;
    default: return NULL;
    }
}

/* Width and height from a PNG's IHDR or a JPEG's start-of-frame marker;
   0 when the image is not what its signature claims. */
static int image_size(const unsigned char *p, size_t len, int png,
                      unsigned *w, unsigned *h)
{
    if (png) {
        if (len < 24 || memcmp(p + 12, "IHDR", 4) != 0)
            return 0;
        *w = (unsigned)p[16] << 24 | (unsigned)p[17] << 16 | (unsigned)p[18] << 8 | p[19];
        *h = (unsigned)p[20] << 24 | (unsigned)p[21] << 16 | (unsigned)p[22] << 8 | p[23];
        return *w && *h;
    }
    size_t i = 2;
    while (i + 9 < len) {
        if (p[i] != 0xFF)
            return 0;
        unsigned char m = p[i + 1];
        size_t seglen = (size_t)p[i + 2] << 8 | p[i + 3];
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            *h = (unsigned)p[i + 5] << 8 | p[i + 6];
            *w = (unsigned)p[i + 7] << 8 | p[i + 8];
            return *w && *h;
        }
        if (seglen < 2)
            return 0;
        i += 2 + seglen;
    }
    return 0;
}

nr_status nr_set_cover(nr_ctx *ctx, const void *data, size_t len)
{
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    const unsigned char *p = data;
    const char *mime = NULL;
    if (!data) {
        free(ctx->cover);
        ctx->cover = NULL;
        ctx->cover_len = 0;
        return NR_OK;
    }
    if (len >= 4 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        mime = "image/jpeg";
    else if (len >= 8 && memcmp(p, png, 8) == 0)
        mime = "image/png";
    unsigned w = 0, h = 0;
    if (!mime || !image_size(p, len, mime[6] == 'p', &w, &h))
        return nr_fail(ctx, NR_ERR_ARG, "the cover is not a JPEG or PNG image");
    if (len > (16u << 20))
        return nr_fail(ctx, NR_ERR_ARG, "the cover is larger than 16 MiB");
    unsigned char *c = malloc(len);
    if (!c)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    memcpy(c, data, len);
    free(ctx->cover);
    ctx->cover = c;
    ctx->cover_len = len;
    ctx->cover_mime = mime;
    ctx->cover_w = w;
    ctx->cover_h = h;
    return NR_OK;
}

nr_status nr_set_explain(nr_ctx *ctx, nr_explain_fn fn, void *ud)
{
    nr_norm_set_explain(ctx->norm, fn, ud);
    return NR_OK;
}

nr_status nr_set_progress(nr_ctx *ctx, nr_progress_fn fn, void *ud)
{
    ctx->progress = fn;
    ctx->progress_ud = ud;
    return NR_OK;
}

void nr_cancel(nr_ctx *ctx)
{
    atomic_store(&ctx->cancelled, 1);
}

nr_status nr_normalize(nr_ctx *ctx, const char *text, size_t len,
                       nr_write_fn write, void *ud)
{
    char *dec;
    size_t dlen;
    if (nr_decode_text(text, len, &dec, &dlen) != 0)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    nr_buf out;
    nr_buf_init(&out, NR_MAX_SPOKEN);
    nr_status st = NR_OK;
    if (nr_norm_text(ctx->norm, dec, dlen, &out) != 0)
        st = nr_fail(ctx, NR_ERR_NOMEM, "out of memory normalizing text");
    else if (out.len && write(ud, out.data, out.len) != 0)
        st = nr_fail(ctx, NR_ERR_OUTPUT, "write failed");
    nr_buf_free(&out);
    free(dec);
    return st;
}

/* nr_load and nr_load_take: owned (may be NULL) is freed as soon as the
   text is decoded, before the parse, where memory peaks. */
static nr_status load(nr_ctx *ctx, const char *data, size_t len, const char *name,
                      char *owned)
{
    unload(ctx);
    /* the name can become the title (an article without one) and is in
       messages: decoded like the text, so no control character or invalid
       byte gets in */
    char *safe_name = NULL;
    size_t nlen;
    if (name && nr_decode_text(name, strlen(name), &safe_name, &nlen) != 0) {
        free(owned);
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory reading input");
    }
    /* on the raw bytes: decoded, a PDF would pass for text with odd
       characters in it */
    const char *what = nr_sniff_binary(data, len);
    int decoded = !what && nr_decode_text(data, len, &ctx->text, &ctx->text_len) == 0;
    free(owned);
    if (what) {
        nr_status st = safe_name
            ? nr_fail(ctx, NR_ERR_INPUT, "'%s' is %s; narrate reads text, Markdown or HTML",
                      safe_name, what)
            : nr_fail(ctx, NR_ERR_INPUT, "the input is %s; narrate reads text, Markdown or HTML",
                      what);
        free(safe_name);
        return st;
    }
    if (!decoded) {
        free(safe_name);
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory reading input");
    }

    nr_article_opts o = {0};
    o.format = ctx->input_format;
    o.name = safe_name;
    o.keep = (const char *const *)ctx->keep;
    o.nkeep = ctx->nkeep;
    o.drop = (const char *const *)ctx->drop;
    o.ndrop = ctx->ndrop;
    o.plain = ctx->plain;
    nr_article_status as = nr_article_parse(ctx->text, ctx->text_len, &o, &ctx->article);
    free(safe_name);
    switch (as) {
    case NR_ARTICLE_OK:
        break;
    case NR_ARTICLE_NOMEM:
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory parsing the article");
    case NR_ARTICLE_EMPTY:
        /* what was removed says why: --show-stripped lists it */
        ctx->empty = ctx->article;
        ctx->article = NULL;
        ctx->loaded_empty = 1;
        return nr_fail(ctx, NR_ERR_EMPTY, "the article has nothing to speak");
    case NR_ARTICLE_BADPATTERN:
        return nr_fail(ctx, NR_ERR_ARG, "a keep/drop pattern is invalid");
    default:
        return nr_fail(ctx, NR_ERR_INPUT, "the input is not readable text");
    }
    if (ctx->locale == NR_LOCALE_AUTO)
        nr_norm_set_locale(ctx->norm, nr_norm_guess_locale(ctx->text, ctx->text_len));
    nr_plan_opts po = {ctx->meta[NR_META_TITLE], ctx->meta[NR_META_AUTHOR], ctx->plain};
    if (nr_plan_build(&ctx->plan, ctx->article, &po) != NR_OK)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory planning the article");
    return NR_OK;
}

nr_status nr_load(nr_ctx *ctx, const char *data, size_t len, const char *name)
{
    return load(ctx, data, len, name, NULL);
}

nr_status nr_load_take(nr_ctx *ctx, char *data, size_t len, const char *name)
{
    return load(ctx, data, len, name, data);
}

nr_status nr_script(nr_ctx *ctx, nr_write_fn write, void *ud)
{
    if (!ctx->article)
        return nr_fail(ctx, NR_ERR_STATE, "no article loaded");
    const nr_plan *p = &ctx->plan;
    nr_buf line;
    nr_buf_init(&line, NR_MAX_SPOKEN);
    nr_status st = NR_OK;
    for (size_t i = 0; i < p->nsegments && st == NR_OK; i++) {
        const nr_segment *u = &p->segments[i];
        nr_buf_reset(&line);
        if (u->opens_chapter) {
            if (nr_buf_puts(&line, "# ") || nr_buf_puts(&line, p->chapter_titles[u->chapter])
                || nr_buf_putc(&line, '\n')) {
                st = nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
                break;
            }
        }
        /* a paragraph as long as the input is written as it is spoken,
           not held whole */
        size_t spoken;
        int rc = nr_speak_stream(ctx->norm, u, 0, u->len, &line, write, ud, &spoken);
        if (rc == -2) {
            st = nr_fail(ctx, NR_ERR_OUTPUT, "write failed");
            break;
        }
        if (rc != 0) {
            st = nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
            break;
        }
        if (spoken && nr_buf_putc(&line, '\n') != 0) {
            st = nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
            break;
        }
        if (line.len && write(ud, line.data, line.len) != 0)
            st = nr_fail(ctx, NR_ERR_OUTPUT, "write failed");
    }
    nr_buf_free(&line);
    return st;
}

nr_status nr_extract(nr_ctx *ctx, nr_write_fn write, void *ud)
{
    if (!ctx->article)
        return nr_fail(ctx, NR_ERR_STATE, "no article loaded");
    if (nr_article_write_markdown(ctx->article, write, ud) != 0)
        return nr_fail(ctx, NR_ERR_OUTPUT, "write failed");
    return NR_OK;
}

nr_status nr_list_stripped(nr_ctx *ctx, nr_write_fn write, void *ud)
{
    const nr_article *a = ctx->article ? ctx->article : ctx->empty;
    if (!a && ctx->loaded_empty)
        return NR_OK;  /* nothing kept of an input with nothing to speak */
    if (!a)
        return nr_fail(ctx, NR_ERR_STATE, "no article loaded");
    nr_buf line;
    nr_buf_init(&line, 0);
    nr_status st = NR_OK;
    for (size_t i = 0; i < a->nstripped && st == NR_OK; i++) {
        const nr_stripped *s = &a->stripped[i];
        nr_buf_reset(&line);
        int rc = nr_buf_puts(&line, s->rule) | nr_buf_putc(&line, '\t');
        /* one line per removal: line breaks inside become spaces */
        for (size_t k = 0; k < s->src_len && s->src_off + k < ctx->text_len && !rc; k++) {
            char c = ctx->text[s->src_off + k];
            rc = nr_buf_putc(&line, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        rc |= nr_buf_putc(&line, '\n');
        if (rc)
            st = nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
        else if (write(ud, line.data, line.len) != 0)
            st = nr_fail(ctx, NR_ERR_OUTPUT, "write failed");
    }
    nr_buf_free(&line);
    return st;
}

uint64_t nr_duration_ms(const nr_ctx *ctx)
{
    return ctx->duration_ms;
}

size_t nr_chapter_count(const nr_ctx *ctx)
{
    return ctx->chapter_times ? ctx->plan.nchapters : 0;
}

const char *nr_chapter(const nr_ctx *ctx, size_t i, uint64_t *start_ms, uint64_t *end_ms)
{
    if (!ctx->chapter_times || i >= ctx->plan.nchapters)
        return NULL;
    if (start_ms)
        *start_ms = ctx->chapter_times[i].start_ms;
    if (end_ms)
        *end_ms = ctx->chapter_times[i].end_ms;
    return ctx->plan.chapter_titles[i];
}

int nr_sample_rate(const nr_ctx *ctx)
{
    if (ctx->sample_rate)
        return ctx->sample_rate;  /* known from the last render */
    const nr_builtin_voice *b = nr_builtin_voice_find(ctx->voice_name);
    if (b)
        return b->rate;
    nr_voice *v = nr_voice_load(ctx->voice_name, 1.0);
    int rate = v ? nr_voice_rate(v) : 16000;
    nr_voice_free(v);
    return rate;
}

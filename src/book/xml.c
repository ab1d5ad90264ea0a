/* xml.c - see xml.h. */
#include "book/xml.h"
#include "utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

static void put(nr_xml *x, const char *p, size_t n)
{
    if (x->err || n == 0)
        return;
    if (fwrite(p, 1, n, x->f) != n)
        x->err = errno ? errno : EIO;
}

void nr_xml_raw(nr_xml *x, const char *s)
{
    put(x, s, strlen(s));
}

void nr_xml_fmt(nr_xml *x, const char *fmt, ...)
{
    if (x->err)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(x->f, fmt, ap) < 0)
        x->err = errno ? errno : EIO;
    va_end(ap);
}

/* One code point of s[0..n) (n >= 1), never reading past n: a sequence cut
   short by the end is ill-formed like any other. */
static uint32_t next_cp(const char *s, size_t n, size_t *used)
{
    unsigned char t[5] = {0};
    size_t k = n < 4 ? n : 4;
    memcpy(t, s, k);
    uint32_t cp = nr_utf8_next(t, used);
    if (*used > k)
        *used = k;
    return cp;
}

static void escaped(nr_xml *x, const char *s, size_t n, int attr)
{
    size_t i = 0, run = 0;  /* s[run..i) is waiting to be written as is */
    while (i < n && !x->err) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t used = 1;
        if (c == '&')
            rep = "&amp;";
        else if (c == '<')
            rep = "&lt;";
        else if (c == '>')
            rep = "&gt;";
        else if (c == '"' && attr)
            rep = "&quot;";
        else if (c == '\t' || c == '\n' || c == '\r')
            rep = " ";          /* legal in XML, but a break in a title is a mistake */
        else if (c < 0x20 || c == 0x7F)
            rep = "";           /* forbidden in XML 1.0 (or discouraged: DEL) */
        else if (c >= 0x80) {
            uint32_t cp = next_cp(s + i, n - i, &used);
            if (cp == 0xFFFD && !(used == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
                rep = "\xEF\xBF\xBD";      /* ill-formed: the replacement character */
            else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
                rep = "";       /* C1 controls (discouraged), non-characters (forbidden) */
        }
        if (rep) {
            put(x, s + run, i - run);
            put(x, rep, strlen(rep));
            run = i + used;
        }
        i += used;
    }
    put(x, s + run, i - run);
}

void nr_xml_text(nr_xml *x, const char *s, size_t n)
{
    escaped(x, s, n, 0);
}

void nr_xml_str(nr_xml *x, const char *s)
{
    if (s)
        escaped(x, s, strlen(s), 0);
}

void nr_xml_attr(nr_xml *x, const char *s)
{
    if (s)
        escaped(x, s, strlen(s), 1);
}

void nr_clock(char out[32], uint64_t ms)
{
    snprintf(out, 32, "%02llu:%02u:%02u.%03u", (unsigned long long)(ms / 3600000u),
             (unsigned)(ms / 60000u % 60u), (unsigned)(ms / 1000u % 60u),
             (unsigned)(ms % 1000u));
}

void nr_npt(char out[32], uint64_t ms)
{
    snprintf(out, 32, "npt=%llu.%03us", (unsigned long long)(ms / 1000u),
             (unsigned)(ms % 1000u));
}

void nr_hms(char out[32], uint64_t ms)
{
    uint64_t s = (ms + 500u) / 1000u;
    snprintf(out, 32, "%02llu:%02u:%02u", (unsigned long long)(s / 3600u),
             (unsigned)(s / 60u % 60u), (unsigned)(s % 60u));
}

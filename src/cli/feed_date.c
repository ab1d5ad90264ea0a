/*
 * feed_date.c - dates in the feed: RFC 2822 for pubDate/lastBuildDate, the
 * article's ISO date, the dates of a feed read as input (RFC 2822 and
 * RFC 3339), and the clock (pinned by SOURCE_DATE_EPOCH).
 *
 * Day and month names come from tables, not strftime, so the feed is the
 * same under any locale.
 */
#include "feed.h"
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

void nb_rfc2822(int64_t t, char out[NB_DATE_LEN])
{
    static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || tm.tm_year + 1900 > 9999 || tm.tm_year + 1900 < 0) {
        tt = 0;
        gmtime_r(&tt, &tm);
    }
    snprintf(out, NB_DATE_LEN, "%s, %02d %s %04d %02d:%02d:%02d +0000",
             days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900,
             tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int nb_parse_iso_date(const char *s, int64_t *t)
{
    int y, m, d;
    char c1, c2;
    if (!s || sscanf(s, "%4d%c%2d%c%2d", &y, &c1, &m, &c2, &d) != 5 ||
        c1 != '-' || c2 != '-' || y < 1970 || y > 9999 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return -1;
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = 12;
    time_t v = timegm(&tm);
    if (v == (time_t)-1 || tm.tm_mday != d)  /* 2026-02-30 normalizes away */
        return -1;
    *t = (int64_t)v;
    return 0;
}

int64_t nb_now(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        errno = 0;
        long long v = strtoll(e, &end, 10);
        if (errno || *end || v < 0) {
            cli_msg(0, "SOURCE_DATE_EPOCH must be a number of seconds, not '%s'", e);
            return -1;
        }
        return (int64_t)v;
    }
    return (int64_t)time(NULL);
}

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    return p;
}

/* A zone after the time: +hhmm, +hh:mm, Z, UT/GMT/UTC, the US zones of
   RFC 822; anything else (military letters, junk) counts as UTC, as
   RFC 2822 says of unknown zones.  Seconds east of UTC. */
static long zone_offset(const char *p)
{
    p = skip_space(p);
    if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, hh = 0, mm = 0;
        p++;
        if (sscanf(p, "%2d:%2d", &hh, &mm) == 2 || sscanf(p, "%2d%2d", &hh, &mm) == 2)
            return sign * (hh * 3600L + mm * 60L);
        return 0;
    }
    static const struct { const char *name; int hours; } zones[] = {
        {"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5},
        {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7},
    };
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
        if (strncmp(p, zones[i].name, 3) == 0)
            return zones[i].hours * 3600L;
    return 0;
}

static int64_t to_epoch(int y, int mon, int d, int h, int mi, int sec, long off)
{
    if (y < 1970 || y > 9999 || mon < 1 || mon > 12 || d < 1 || d > 31 || h < 0 ||
        h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
        return -1;
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec > 59 ? 59 : sec;
    time_t v = timegm(&tm);
    if (v == (time_t)-1 || tm.tm_mday != d)
        return -1;
    return (int64_t)v - off;
}

static int parse_rfc3339(const char *s, int64_t *t)
{
    int y, mon, d, h = 0, mi = 0, sec = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mon, &d, &n) != 3 || n != 10)
        return -1;
    const char *p = s + n;
    long off = 0;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        int k = 0;
        if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &k) != 2)
            return -1;
        p += 1 + k;
        if (*p == ':' && sscanf(p + 1, "%2d%n", &sec, &k) == 1)
            p += 1 + k;
        while (*p == '.' || (*p >= '0' && *p <= '9'))
            p++;  /* fractions of a second */
        off = (*p == 'Z' || *p == 'z') ? 0 : zone_offset(p);
    } else if (*p) {
        return -1;
    } else {
        h = 12;  /* a date alone: noon, as for an article's date */
    }
    int64_t v = to_epoch(y, mon, d, h, mi, sec, off);
    if (v < 0)
        return -1;
    *t = v;
    return 0;
}

static int parse_rfc2822(const char *s, int64_t *t)
{
    static const char months[12][4] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    const char *p = skip_space(s);
    const char *comma = strchr(p, ',');
    if (comma && comma - p <= 12)
        p = comma + 1;  /* the weekday says nothing the date does not */
    int d, y, h, mi, sec = 0, k = 0;
    char mon[4];
    if (sscanf(p, "%2d %3s %4d %2d:%2d%n", &d, mon, &y, &h, &mi, &k) != 5)
        return -1;
    p += k;
    if (*p == ':' && sscanf(p + 1, "%2d%n", &sec, &k) == 1)
        p += 1 + k;
    int m = -1;
    for (int i = 0; i < 12; i++)
        if (strncasecmp(mon, months[i], 3) == 0)
            m = i;
    if (m < 0)
        return -1;
    if (y < 100)  /* RFC 822's two-digit years, read as RFC 2822 says */
        y += y < 50 ? 2000 : 1900;
    int64_t v = to_epoch(y, m + 1, d, h, mi, sec, zone_offset(p));
    if (v < 0)
        return -1;
    *t = v;
    return 0;
}

int nb_parse_feed_date(const char *s, int64_t *t)
{
    if (!s)
        return -1;
    s = skip_space(s);
    return parse_rfc3339(s, t) == 0 || parse_rfc2822(s, t) == 0 ? 0 : -1;
}

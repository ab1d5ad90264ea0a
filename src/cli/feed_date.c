/*
 * feed_date.c - dates in the feed: RFC 2822 for pubDate/lastBuildDate, the
 * article's ISO date, and the clock (pinned by SOURCE_DATE_EPOCH).
 *
 * Day and month names come from tables, not strftime, so the feed is the
 * same under any locale.
 */
#include "feed.h"
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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

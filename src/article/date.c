/*
 * date.c - finds a calendar date in a line of article text and reads it into
 * ISO 8601 ("2014-05-13").  Web pages write dates every which way: "13th May
 * 2014", "May 13, 2014", "Tuesday 13 May 2014", "2014-05-13T09:00Z",
 * "13/05/2014".  All-numeric day/month orders are only trusted when one of
 * the two numbers cannot be a month; otherwise the date is reported as found
 * (so the line can still be recognised as a date line) but with no ISO form.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "article/internal.h"

static const char *const months[12] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"};

/* The same months in the other languages pages come in most often
   (Spanish, French, German, Italian, Portuguese, Dutch), written out in
   full: "1 de diciembre de 2017", "30 avril 2015", "13. März 2014". */
static const char *const months_intl[][12] = {
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
     "septiembre", "octubre", "noviembre", "diciembre"},
    {"janvier", "f\xC3\xA9vrier", "mars", "avril", "mai", "juin", "juillet",
     "ao\xC3\xBBt", "septembre", "octobre", "novembre", "d\xC3\xA9" "cembre"},
    {"januar", "februar", "m\xC3\xA4rz", "april", "mai", "juni", "juli",
     "august", "september", "oktober", "november", "dezember"},
    {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
     "agosto", "settembre", "ottobre", "novembre", "dicembre"},
    {"janeiro", "fevereiro", "mar\xC3\xA7o", "abril", "maio", "junho", "julho",
     "agosto", "setembro", "outubro", "novembro", "dezembro"},
    {"januari", "februari", "maart", "april", "mei", "juni", "juli",
     "augustus", "september", "oktober", "november", "december"},
};

static const char *const weekdays[7] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday"};

static int is_alpha(char c) { return isalpha((unsigned char)c); }
static int is_digit(char c) { return isdigit((unsigned char)c); }

/* A word of letters (ASCII, or any byte of a UTF-8 letter past it) at
   s[i]; returns its length. */
static size_t word_at(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (is_alpha(s[j]) || (unsigned char)s[j] >= 0x80))
        j++;
    return j - i;
}

/* Does s[0..w) equal the lower-case UTF-8 word m, ASCII letters in any
   case? */
static int word_is(const char *s, size_t w, const char *m)
{
    return strlen(m) == w && !strncasecmp(s, m, w);
}

/* Month name or abbreviation ("Sept", "Jan.") at s[i]: 1..12, else 0;
   *e gets the end (after an abbreviation's dot). */
static int month_at(const char *s, size_t n, size_t i, size_t *e)
{
    size_t w = word_at(s, n, i);
    if (w < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(months[m]);
        if ((w == full && !strncasecmp(s + i, months[m], w)) ||
            (w == 3 && !strncasecmp(s + i, months[m], 3)) ||
            (m == 8 && w == 4 && !strncasecmp(s + i, "sept", 4))) {
            *e = i + w;
            if (w < full && *e < n && s[*e] == '.')
                (*e)++;
            return m + 1;
        }
    }
    for (size_t l = 0; l < sizeof months_intl / sizeof *months_intl; l++)
        for (int m = 0; m < 12; m++)
            if (word_is(s + i, w, months_intl[l][m])) {
                *e = i + w;
                return m + 1;
            }
    return 0;
}

/* "de " (Spanish, Portuguese) between the parts of a date: its length. */
static size_t skip_de(const char *s, size_t n, size_t i)
{
    return i + 3 <= n && !strncasecmp(s + i, "de ", 3) ? 3 : 0;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Up to max digits at s[i] (not followed by another digit). */
static int num_at(const char *s, size_t n, size_t i, int maxd, size_t *e)
{
    int v = 0, d = 0;
    while (i < n && is_digit(s[i]) && d < maxd) {
        v = v * 10 + (s[i] - '0');
        i++;
        d++;
    }
    if (d == 0 || (i < n && is_digit(s[i])))
        return -1;
    *e = i;
    return d == maxd || maxd != 4 ? v : -1;
}

static int year_at(const char *s, size_t n, size_t i, size_t *e)
{
    size_t j = i;
    while (j < n && is_digit(s[j]))
        j++;
    /* "March 3, 20219:41 AM GMT": a copy glued the time to the year;
       "12 septembre 202314 septembre 2023", the next date's day */
    size_t me;
    if ((j - i == 5 || j - i == 6) &&
        ((j + 2 < n && s[j] == ':' && is_digit(s[j + 1]) && is_digit(s[j + 2])) ||
         (j + 1 < n && s[j] == ' ' && month_at(s, n, j + 1, &me) > 0)))
        j = i + 4;
    if (j - i != 4)
        return -1;
    if (j < n && is_alpha(s[j]))
        return -1;
    int y = 0;
    for (size_t k = i; k < j; k++)
        y = y * 10 + (s[k] - '0');
    if (y < 1000 || y > 2999)
        return -1;
    *e = j;
    return y;
}

static int valid(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

static void put_iso(char iso[11], int y, int m, int d)
{
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u,
             ud = (unsigned)d % 100u;
    iso[0] = (char)('0' + uy / 1000);
    iso[1] = (char)('0' + uy / 100 % 10);
    iso[2] = (char)('0' + uy / 10 % 10);
    iso[3] = (char)('0' + uy % 10);
    iso[4] = '-';
    iso[5] = (char)('0' + um / 10);
    iso[6] = (char)('0' + um % 10);
    iso[7] = '-';
    iso[8] = (char)('0' + ud / 10);
    iso[9] = (char)('0' + ud % 10);
    iso[10] = '\0';
}

/* Day with optional ordinal suffix: "13", "13th", "1st". */
static int day_at(const char *s, size_t n, size_t i, size_t *e)
{
    size_t j;
    int d = num_at(s, n, i, 2, &j);
    if (d < 1 || d > 31)
        return -1;
    size_t w = word_at(s, n, j);
    if (w == 2 && (!strncasecmp(s + j, "st", 2) || !strncasecmp(s + j, "nd", 2) ||
                   !strncasecmp(s + j, "rd", 2) || !strncasecmp(s + j, "th", 2) ||
                   !strncasecmp(s + j, "er", 2)))
        j += 2;   /* "13th", and French "1er" */
    else if (w != 0)
        return -1;
    else if (j + 1 < n && s[j] == '.' && s[j + 1] == ' ')
        j++;      /* German "13. März" */
    *e = j;
    return d;
}

/* Tries every shape at s[i]; fills *e and iso on success. */
static int date_at(const char *s, size_t n, size_t i, size_t *e, char iso[11])
{
    size_t j, k;
    int y, m, d;
    /* 2014-05-13, 2014/05/13 (ISO, possibly with a time after) */
    if ((y = year_at(s, n, i, &j)) > 0 && j < n && (s[j] == '-' || s[j] == '/')) {
        char sep = s[j];
        if ((m = num_at(s, n, j + 1, 2, &k)) > 0 && k < n && s[k] == sep &&
            (d = num_at(s, n, k + 1, 2, &j)) > 0 && valid(y, m, d)) {
            *e = j;
            put_iso(iso, y, m, d);
            return 1;
        }
    }
    /* 13th May 2014, 13 May, 2014, 13 of May 2014 */
    if ((d = day_at(s, n, i, &j)) > 0) {
        size_t a = skip_spaces(s, n, j);
        if (a < n && s[a] == '-')
            a++;
        if (a + 3 <= n && !strncasecmp(s + a, "of ", 3))
            a = skip_spaces(s, n, a + 3);
        a += skip_de(s, n, a);
        if ((m = month_at(s, n, a, &k)) > 0) {
            size_t b = k;
            if (b < n && (s[b] == ',' || s[b] == '-'))
                b++;
            b = skip_spaces(s, n, b);
            b += skip_de(s, n, b);
            if ((y = year_at(s, n, b, &j)) > 0 && valid(y, m, d)) {
                *e = j;
                put_iso(iso, y, m, d);
                return 1;
            }
        }
    }
    /* 13/05/2014, 05.13.2014, 13-05-2014 */
    {
        int a1, a2;
        if ((a1 = num_at(s, n, i, 2, &j)) > 0 && j < n &&
            (s[j] == '/' || s[j] == '.' || s[j] == '-')) {
            char sep = s[j];
            size_t e1 = j;   /* where the first part ends */
            if ((a2 = num_at(s, n, j + 1, 2, &k)) > 0 && k < n && s[k] == sep &&
                (y = year_at(s, n, k + 1, &j)) > 0) {
                int dmy = a1 <= 31 && a2 <= 12 && valid(y, a2, a1);
                int mdy = a1 <= 12 && a2 <= 31 && valid(y, a1, a2);
                if (dmy || mdy) {
                    *e = j;
                    iso[0] = '\0';
                    if (dmy && (!mdy || a1 == a2))
                        put_iso(iso, y, a2, a1);
                    else if (mdy && !dmy)
                        put_iso(iso, y, a1, a2);
                    return 1;
                }
            }
            /* "11.03.17 in Gadgetry", "9/11/13 10:00AM": a two-digit year, only
               where a line starts with it (a version number is written
               the same); which part is the day is anyone's guess, so no
               ISO date */
            size_t y0 = k + 1;
            if (i == 0 && a2 > 0 && k < n && s[k] == sep &&
                /* dotted parts are padded ("04.09.19"; "1.2.14" is a
                   version), slashed ones need not be ("9/11/13") */
                (sep == '/' || (sep == '.' && e1 == 2 && k == 5)) &&
                y0 + 2 <= n && is_digit(s[y0]) && is_digit(s[y0 + 1]) &&
                (y0 + 2 == n || s[y0 + 2] == ' ' || s[y0 + 2] == ',') &&
                a1 >= 1 && a2 >= 1 && ((a1 <= 31 && a2 <= 12) || (a1 <= 12 && a2 <= 31))) {
                *e = y0 + 2;
                iso[0] = '\0';
                return 1;
            }
        }
    }
    /* May 13, 2014; May 13th 2014 */
    if ((m = month_at(s, n, i, &k)) > 0) {
        size_t a = skip_spaces(s, n, k);
        if ((d = day_at(s, n, a, &j)) > 0) {
            size_t b = j;
            if (b < n && s[b] == ',')
                b++;
            b = skip_spaces(s, n, b);
            if ((y = year_at(s, n, b, &k)) > 0 && valid(y, m, d)) {
                *e = k;
                put_iso(iso, y, m, d);
                return 1;
            }
        }
    }
    return 0;
}

int nr_date_find(const char *s, size_t n, size_t *b, size_t *e, char iso[11])
{
    for (size_t i = 0; i < n; i++) {
        /* a word boundary, or a capital glued to a lower-case letter, as
           a browser's copy joins a label and a date ("Yahoo
           FinanceOctober 13, 2016") */
        if (i > 0 && isalnum((unsigned char)s[i - 1]) &&
            !(islower((unsigned char)s[i - 1]) && isupper((unsigned char)s[i])))
            continue;
        if (!isalnum((unsigned char)s[i]))
            continue;
        /* a weekday in front belongs to the date as written */
        size_t start = i, at = i;
        size_t w = word_at(s, n, i);
        for (int k = 0; k < 7 && w >= 3; k++) {
            size_t full = strlen(weekdays[k]);
            if ((w == full || w == 3) && !strncasecmp(s + i, weekdays[k], w)) {
                at = i + w;
                if (at < n && s[at] == '.')
                    at++;
                if (at < n && s[at] == ',')
                    at++;
                at = skip_spaces(s, n, at);
                break;
            }
        }
        if (at != i && date_at(s, n, at, e, iso)) {
            *b = start;
            return 1;
        }
        if (date_at(s, n, i, e, iso)) {
            *b = i;
            return 1;
        }
    }
    return 0;
}

/* ---- times relative to now ---- */

int nr_relative_time(const char *s, size_t n, int compact)
{
    static const char *const stamps[] = {"published", "updated", "posted", "last",
                                         "modified", "edited", NULL};
    static const char *const units[] = {
        "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours",
        "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year",
        "years", NULL};
    static const char *const short_units[] = {"h", "d", "m", "w", "min", "mins",
                                              "hr", "hrs", NULL};
    static const char *const one[] = {"a", "an", "one", NULL};
    const char *w[4];
    size_t wl[4], nw = 0, i = 0;
    while (i < n) {
        /* separators and spaces between the words */
        while (i < n && !isalnum((unsigned char)s[i]))
            i++;
        if (i >= n)
            break;
        if (nw == 4)
            return 0;
        size_t j = i;
        while (j < n && isalnum((unsigned char)s[j]))
            j++;
        w[nw] = s + i;
        wl[nw++] = j - i;
        i = j;
    }
    size_t k = 0;
    if (k < nw && nr_in_list_ci(w[k], wl[k], stamps))
        k++;
    if (k == 1 && nw == 2 && wl[1] == 3 && !strncasecmp(w[1], "ago", 3))
        return 1;   /* "Updated ago": the copy lost the time */
    if (nw == k + 3 && wl[k + 2] == 3 && !strncasecmp(w[k + 2], "ago", 3)) {
        size_t d = 0;
        while (d < wl[k] && isdigit((unsigned char)w[k][d]))
            d++;
        int number = (d == wl[k] && d <= 3) || nr_in_list_ci(w[k], wl[k], one);
        return number && nr_in_list_ci(w[k + 1], wl[k + 1], units);
    }
    if (!compact || k != 0)
        return 0;
    /* "8h", "5 min", "2d" */
    size_t d = 0;
    while (nw >= 1 && d < wl[0] && isdigit((unsigned char)w[0][d]))
        d++;
    if (d == 0 || d > 3)
        return 0;
    if (nw == 1)
        return nr_in_list_ci(w[0] + d, wl[0] - d, short_units);
    return nw == 2 && d == wl[0] && nr_in_list_ci(w[1], wl[1], short_units);
}

/* ---- a post's date stamp without its year ---- */

int nr_stamp_date(const char *s, size_t n)
{
    static const char *const stamps[] = {"published", "updated", "posted", "modified",
                                         "edited", NULL};
    size_t i = skip_spaces(s, n, 0), w = word_at(s, n, i), e;
    if (w && nr_in_list_ci(s + i, w, stamps)) {
        i = skip_spaces(s, n, i + w);
        if (i < n && s[i] == ':')
            i = skip_spaces(s, n, i + 1);
        w = word_at(s, n, i);
        if (w == 2 && !strncasecmp(s + i, "on", 2))
            i = skip_spaces(s, n, i + 2);
    }
    /* "Mar 3", or "3 March" */
    if (month_at(s, n, i, &e) > 0) {
        i = skip_spaces(s, n, e);
        if (day_at(s, n, i, &e) <= 0)
            return 0;
    } else if (day_at(s, n, i, &e) > 0) {
        i = skip_spaces(s, n, e);
        if (month_at(s, n, i, &e) <= 0)
            return 0;
    } else {
        return 0;
    }
    i = skip_spaces(s, n, e);
    /* "at 9:14 AM" may follow; nothing else */
    if (i < n && word_at(s, n, i) == 2 && !strncasecmp(s + i, "at", 2))
        i = skip_spaces(s, n, i + 2);
    while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ':' || s[i] == ' ' ||
                     strchr("APMapm.", s[i])))
        i++;
    return i == n;
}

int nr_month_year(const char *s, size_t n)
{
    size_t i = skip_spaces(s, n, 0), e;
    if (month_at(s, n, i, &e) <= 0)
        return 0;
    i = skip_spaces(s, n, e);
    if (year_at(s, n, i, &e) <= 0)
        return 0;
    return skip_spaces(s, n, e) == n;
}

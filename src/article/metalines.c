/*
 * metalines.c - reading byline and date lines: "By Jane Roe, Political
 * Editor", "Posted on 13 May 2014 by Jane Roe", "Date - 13th May 2014",
 * "Thu 9 Feb 2023 07.00 GMT Last modified on ...", a bare "Jane Roe".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/internal.h"

static const char *const date_labels[] = {
    "date", "dated", "published", "updated", "posted", "on", "last",
    "modified", "first", "at", "time", "am", "pm", "a", "m", "p", "gmt",
    "bst", "utc", "est", "edt", "pst", "pdt", "cet", "cest", "et", "ist",
    "aest", "min", "mins", "minute", "minutes", "read", "hour", "hours",
    "ago", "h", "hrs", NULL};

/* Is s[0..n) only label words and numbers (times) apart from the date? */
static int only_labels(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (!isalnum((unsigned char)s[i])) {
            if ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] != 0xE2 &&
                (unsigned char)s[i] != 0xC2 && ((unsigned char)s[i] & 0xC0) != 0x80)
                return 0;
            i++;
            continue;
        }
        size_t j = i;
        int digits = 1;
        while (j < n && isalnum((unsigned char)s[j])) {
            if (!isdigit((unsigned char)s[j]))
                digits = 0;
            j++;
        }
        /* "2:15pm", "10am": a time glued to its half of the day */
        if (!digits && j - i >= 3 && isdigit((unsigned char)s[i]) &&
            (!strncasecmp(s + j - 2, "am", 2) || !strncasecmp(s + j - 2, "pm", 2))) {
            size_t k = i;
            while (k < j - 2 && isdigit((unsigned char)s[k]))
                k++;
            digits = k == j - 2;
        }
        if (!digits) {
            char w[16];
            size_t len = j - i;
            if (len >= sizeof w)
                return 0;
            for (size_t k = 0; k < len; k++)
                w[k] = (char)tolower((unsigned char)s[i + k]);
            if (!nr_in_list(w, len, date_labels))
                return 0;
        }
        i = j;
    }
    return 1;
}

static void set_date(const char *s, size_t b, size_t e, const char *iso,
                     char **date, char **date_iso)
{
    if (date) {
        char *x = strndup(s + b, e - b);
        if (x) {
            free(*date);
            *date = x;
        }
    }
    if (date_iso && iso[0]) {
        char *x = strdup(iso);
        if (x) {
            free(*date_iso);
            *date_iso = x;
        }
    }
}

int nr_parse_dateline(const char *s, size_t n, char **date, char **date_iso)
{
    size_t b, e;
    char iso[11];
    if (n > 120 || !nr_date_find(s, n, &b, &e, iso))
        return 0;
    if (!only_labels(s, b))
        return 0;
    /* "Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019": later
       dates (modified, or the same date twice) belong to the line; the
       first is the page's */
    size_t at = e, b2, e2;
    char iso2[11];
    while (at < n && nr_date_find(s + at, n - at, &b2, &e2, iso2)) {
        if (!only_labels(s + at, b2))
            return 0;
        at += e2;
    }
    if (!only_labels(s + at, n - at))
        return 0;
    set_date(s, b, e, iso, date, date_iso);
    return 1;
}

static const char *const name_glue[] = {
    "and", "of", "the", "de", "da", "van", "von", "der", "den", "al", "bin",
    "la", "le", "du", "di", "y", "in", "for", "at", NULL};

/* A name or publication: most words capitalised, no digits. */
static int namelike(const char *s, size_t n)
{
    size_t words = 0, caps = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        words++;
        unsigned char c = (unsigned char)s[i];
        if (isupper(c) || c >= 0x80 || c == '&' || c == '@')
            caps++;
        else if (nr_in_list(s + i, j - i, name_glue))
            caps++;
        for (size_t k = i; k < j; k++)
            if (isdigit((unsigned char)s[k]))
                return 0;
        i = j;
    }
    return words >= 1 && words <= 8 && caps == words;
}

/* English words a headline opens with and a name does not ("On Recent
   Events", "The Long Road", "How We Won"); the particles names do open
   with ("De Niro", "Van Morrison", "Al Gore") are not among them. */
static const char *const not_first[] = {
    "a", "about", "after", "all", "an", "are", "as", "at", "before", "can",
    "do", "does", "for", "from", "has", "have", "how", "i", "if", "in",
    "inside", "into", "is", "it", "its", "my", "new", "no", "not", "now",
    "of", "on", "our", "over", "so", "the", "their", "these", "this", "to",
    "top", "under", "up", "we", "what", "when", "where", "which", "while",
    "who", "why", "will", "with", "you", "your", NULL};

int nr_namelike(const char *s, size_t n)
{
    size_t w = nr_word_count(s, n);
    if (n > 40 || w < 2 || w > 4 || nr_ends_sentence(s, n) || memchr(s, ',', n) ||
        memchr(s, ':', n) || !namelike(s, n))
        return 0;
    size_t l = 0;
    while (l < n && s[l] != ' ')
        l++;
    return !nr_in_list_ci(s, l, not_first);
}

static int sep_at(const char *s, size_t n, size_t i, size_t *w)
{
    static const char *const seps[] = {
        " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " | ", "|", ", ",
        " \xE2\x80\xA2 ", " \xC2\xB7 ", " for ", " \xE2\x80\x93", NULL};
    for (size_t k = 0; seps[k]; k++) {
        size_t l = strlen(seps[k]);
        if (i + l <= n && !memcmp(s + i, seps[k], l)) {
            *w = l;
            return 1;
        }
    }
    return 0;
}

int nr_parse_byline(const char *s, size_t n, char **name, char **date,
                    char **date_iso)
{
    static const char *const leads[] = {
        "written by ", "words by ", "story by ", "posted by ", "report by ",
        "by: ", "by ", "words: ", "author: ", "reporter: ",
        /* the same lead in the languages whose pages come our way most */
        "par ", "por ", "von ", "door ", NULL};
    if (n < 4 || n > 160)
        return 0;
    size_t at = 0;
    for (size_t k = 0; leads[k]; k++) {
        size_t l = strlen(leads[k]);
        if (n > l && !strncasecmp(s, leads[k], l)) {
            at = l;
            break;
        }
    }
    int lead = at > 0;
    /* glued "ByAndrew Staniforth" */
    if (!at && s[0] == 'B' && s[1] == 'y' && isupper((unsigned char)s[2]) &&
        islower((unsigned char)s[3]))
        at = 2;
    /* "Posted on 13 May 2014 by Jane Doe" */
    size_t b, e;
    char iso[11];
    int has_date = nr_date_find(s, n, &b, &e, iso);
    if (!at && has_date && only_labels(s, b)) {
        const char *by = NULL;
        for (size_t i = e; i + 4 <= n; i++)
            if (!strncasecmp(s + i, " by ", 4)) {
                by = s + i + 4;
                break;
            }
        if (!by)
            return 0;
        if (!only_labels(s + e, (size_t)(by - 4 - (s + e))))
            return 0;
        at = (size_t)(by - s);
        set_date(s, b, e, iso, date, date_iso);
    }
    if (!at)
        return 0;
    while (at < n && s[at] == ' ')
        at++;
    /* the rest: parts between separators; a date part goes to *date */
    char *out = malloc(n + 3);
    if (!out)
        return 0;
    /* a date inside the byline is cut out first: its commas are not
       separators between a name and a publication */
    size_t dstart = n, dend = n;
    {
        size_t db, de;
        char iso2[11];
        if (nr_date_find(s + at, n - at, &db, &de, iso2)) {
            dstart = at + db;
            dend = at + de;
            set_date(s, dstart, dend, iso2, date, date_iso);
        }
    }
    size_t olen = 0, i = at;
    int ok = 1, parts = 0, rest_is_role = 0;
    while (i <= n && ok) {
        size_t j = i, w = 0;
        while (j < n && j != dstart && !sep_at(s, n, j, &w))
            j++;
        if (j == dstart && j < n)
            w = dend - dstart;
        size_t a = i, z = j;
        while (a < z && s[a] == ' ')
            a++;
        while (z > a && s[z - 1] == ' ')
            z--;
        /* "Jane Smith Published" when a date line was joined on */
        while (z > a) {
            size_t wb = z;
            while (wb > a && s[wb - 1] != ' ')
                wb--;
            if (wb == a || !only_labels(s + wb, z - wb))
                break;
            z = wb;
            while (z > a && s[z - 1] == ' ')
                z--;
        }
        if (z > a) {
            size_t db, de;
            char iso2[11];
            if (nr_date_find(s + a, z - a, &db, &de, iso2) &&
                only_labels(s + a, db) && only_labels(s + a + de, z - a - de)) {
                set_date(s + a, db, de, iso2, date, date_iso);
            } else if (only_labels(s + a, z - a)) {
                ; /* "Updated", "10:32 GMT" */
            } else if (s[a] == '@') {
                ; /* a social handle */
            } else if (lead && parts == 3) {
                rest_is_role = 1;   /* enough of it for a byline */
            } else if (namelike(s + a, z - a) && !rest_is_role) {
                if (olen) {
                    memcpy(out + olen, ", ", 2);
                    olen += 2;
                }
                memcpy(out + olen, s + a, z - a);
                olen += z - a;
                parts++;
            } else if (lead && parts) {
                /* "By Jane Doe, Senior Technologist, Privacy Project": a
                   name after an explicit lead may be followed by the
                   writer's role or desk, which is not part of the name */
                rest_is_role = 1;
            } else {
                ok = 0;
            }
        }
        if (j >= n)
            break;
        i = j + w;
    }
    if (!ok || parts == 0 || parts > 3) {
        free(out);
        return 0;
    }
    out[olen] = '\0';
    if (name) {
        free(*name);
        *name = out;
    } else {
        free(out);
    }
    return 1;
}

/*
 * byname.c - the writer's name at the start of a line, however the page
 * dressed it: "By Jane Roe", "// By Jane Roe • Nov 11, 2020", "Jane Roe -
 * Apr 16, 2015 8:02 pm UTC", "by Jane Roe22 Dec 2016" (a date glued on
 * when a page is copied as text), "Par Jeanne Roe et Jean Doe", "JANE ROE".
 *
 * The strict byline parser (boilerplate.c) decides whether a whole line is
 * a byline; this one only finds where a name is, for the plain-text reader,
 * which has to look for the byline among lines the page left unlabelled.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "article/internal.h"

static const char *const leads[] = {
    "written by ", "posted by ", "words by ", "story by ", "report by ",
    "reported by ", "by: ", "by ", "par ", "por ", "von ", "door ", "di ",
    "author: ", "autor: ", "words: ", "reporter: ", "text: ", NULL};

/* Words that join the parts of a name. */
static const char *const glue[] = {"de", "da", "del", "della", "di", "du",
                                   "van", "von", "der", "den", "le", "la",
                                   "bin", "al", "y", "e", "et", "and", "und",
                                   NULL};

/* A capitalised word: ASCII capital, or a letter past ASCII (names from
   every language), or an initial like "B." or "(R.J.)". */
static int cap_word(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '(')
        i++;
    if (i >= n)
        return 0;
    unsigned char c = (unsigned char)s[i];
    return isupper(c) || (c >= 0xC3 && c <= 0xC5);
}

/* Is s[0..n), lowered and without a closing full stop, in the list? */
static int lower_in(const char *s, size_t n, const char *const *list)
{
    if (n && s[n - 1] == '.')
        n--;
    return nr_in_list_ci(s, n, list);
}

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    NULL};

/* Words that stand beside a name but are none: times, zones, labels,
   days. */
static const char *const not_names[] = {
    "am", "pm", "et", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet",
    "cest", "updated", "published", "posted", "modified", "last", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", NULL};

size_t nr_name_at(const char *s, size_t n, size_t *nb, size_t *ne, int *lead)
{
    size_t i = 0;
    *lead = 0;
    /* marks in front: bullets, slashes, dashes (not digits: a line
       opening with a time or a number is no byline) */
    while (i < n && !isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0xC3)
        i++;
    if (i < n && isdigit((unsigned char)s[i]))
        return 0;
    for (size_t k = 0; leads[k]; k++) {
        size_t l = strlen(leads[k]);
        if (i + l < n && !strncasecmp(s + i, leads[k], l)) {
            i += l;
            *lead = 1;
            break;
        }
    }
    while (i < n && s[i] == ' ')
        i++;
    size_t start = i, end = i, words = 0;
    while (i < n && words < 6) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        size_t wl = j - i;
        /* a date glued on: "Nolan22" ends the name at "Nolan" */
        size_t letters = wl;
        while (letters > 0 && isdigit((unsigned char)s[i + letters - 1]))
            letters--;
        int last = letters < wl;
        /* a comma or a separator ends the name after this word */
        if (letters > 0 && s[i + letters - 1] == ',') {
            letters--;
            last = 1;
        }
        if (letters == 0)
            break;
        /* "Jane Roe March 18 at 3:57 PM": a month before a number */
        if (words > 0 && lower_in(s + i, letters, months) && j + 1 < n &&
            isdigit((unsigned char)s[j + 1]))
            break;
        /* "Updated:", "Tuesday": labels and days are not names */
        if (s[i + letters - 1] == ':' || lower_in(s + i, letters, not_names))
            break;
        if (cap_word(s + i, letters)) {
            words++;
            end = i + letters;
        } else if (!(words > 0 && nr_in_list(s + i, letters, glue))) {
            break;
        }
        if (last)
            break;
        i = j;
        while (i < n && s[i] == ' ')
            i++;
    }
    if (words == 0 || (words == 1 && !*lead))
        return 0;
    *nb = start;
    *ne = end;
    return words;
}

int nr_lead_alone(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == ':'))
        n--;
    while (n && *s == ' ')
        s++, n--;
    /* "Written on Mar 17 by": a short line that ends in the lead */
    if (n > 3 && !strncasecmp(s + n - 3, " by", 3) && nr_word_count(s, n) <= 8)
        return 1;
    for (size_t k = 0; leads[k]; k++) {
        size_t l = strlen(leads[k]);
        while (l && (leads[k][l - 1] == ' ' || leads[k][l - 1] == ':'))
            l--;
        if (n == l && !strncasecmp(s, leads[k], l))
            return 1;
    }
    return 0;
}

/* Words of a writer's job title. */
static const char *const roles[] = {
    "editor", "reporter", "correspondent", "writer", "columnist",
    "contributor", "journalist", "producer", "critic", "analyst",
    "photographer", "staff", "editor-at-large", "bureau", "chief",
    "editors", "writers", "reporters", NULL};

int nr_role_line(const char *s, size_t n)
{
    size_t words = 0, role = 0, i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j > i) {
            words++;
            size_t l = j - i;
            while (l && (s[i + l - 1] == ',' || s[i + l - 1] == '.'))
                l--;
            role += lower_in(s + i, l, roles);
        }
        i = j;
    }
    return role > 0 && words <= 5 && !nr_ends_sentence(s, n);
}

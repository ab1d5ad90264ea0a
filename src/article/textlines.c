/*
 * textlines.c - the shape of one line of a page copied as text: a list
 * item, a byline or date line, a line of a site's controls, a line that
 * could be a headline.  What the content finder and the headline finder
 * ask of single lines (see region.h).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/region.h"

int nr_bulleted(const nr_cand *c)
{
    return c->kind == NR_BLOCK_ITEM || (c->flags & NR_C_BULLET);
}

/* Classes, as jusText has them: good (prose), near-good (a short
   sentence, a heading, a list item with function words), short (a few
   words of nothing in particular), bad (furniture by rule or by shape). */
int nr_meta_line(const nr_cand *c)
{
    return nr_parse_byline(c->text, c->len, NULL, NULL, NULL) ||
           nr_parse_dateline(c->text, c->len, NULL, NULL) ||
           (c->flags & NR_C_BYLINE);
}

static int starts_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 0x20) != w[i])
            return 0;
    return 1;
}

/* Words with a digit in them ("$610.00", "2x", "10"). */
static unsigned numeric_words(const nr_cand *c)
{
    unsigned n = 0;
    int in = 0, digit = 0;
    for (size_t i = 0; i <= c->len; i++) {
        if (i == c->len || c->text[i] == ' ') {
            n += in && digit;
            in = digit = 0;
        } else {
            in = 1;
            digit |= isdigit((unsigned char)c->text[i]) != 0;
        }
    }
    return n;
}

/* "Photo by Jo Roe", "Edited by Jo Roe", "Illustration: Jo Roe": who made
   a picture or edited the page. */
int nr_credit_line(const nr_cand *c)
{
    static const char *const makers[] = {
        "photo", "photos", "photograph", "photographs", "photography", "picture",
        "pictures", "image",
        "images", "illustration", "illustrations", "portrait", "graphic",
        "graphics", "video", "edited", "editing", "produced", "reporting",
        "additional reporting", "credit", "source", NULL};
    for (size_t k = 0; makers[k]; k++) {
        size_t l = strlen(makers[k]);
        if (c->len > l + 2 && !strncasecmp(c->text, makers[k], l) &&
            (!strncasecmp(c->text + l, " by ", 4) || c->text[l] == ':'))
            return 1;
    }
    /* "CreditJo Roe for The Times": the label glued to the name by a
       browser's copy, or joined by dots ("Credit...Jo Roe") */
    if (c->len > 8 && !strncmp(c->text, "Credit", 6)) {
        size_t k = 6;
        while (k < c->len && (c->text[k] == '.' || c->text[k] == ' '))
            k++;
        if (k + 3 <= c->len && !memcmp(c->text + k, "\xE2\x80\xA6", 3))
            k += 3;   /* "Credit…" */
        return k < c->len && isupper((unsigned char)c->text[k]) &&
               (k == 6 || c->text[6] == '.' || !memcmp(c->text + 6, "\xE2\x80\xA6", 3));
    }
    return 0;
}

/* "by ...", "Par ...", "Posted ...": a byline however it goes on. */
int nr_by_lead(const nr_cand *c)
{
    static const char *const leads[] = {"by ", "par ", "por ", "von ",
                                        "door ", "posted ", "written ", NULL};
    for (size_t k = 0; leads[k]; k++)
        if (starts_ci(c->text, c->len, leads[k]))
            return 1;
    return 0;
}

static int author_list(const nr_cand *c)
{
    size_t parts = 0, i = 0, marked = 0;
    while (i < c->len) {
        size_t b = i;
        while (i < c->len && !(c->text[i] == ',' && i + 1 < c->len && c->text[i + 1] == ' '))
            i++;
        size_t e = i;
        int mark = 0;
        while (e > b && (isdigit((unsigned char)c->text[e - 1]) || c->text[e - 1] == ',' ||
                         c->text[e - 1] == '*'))
            e--, mark = 1;
        if (e == b || !nr_namelike(c->text + b, e - b) || nr_word_count(c->text + b, e - b) > 4)
            return 0;
        parts++;
        marked += (size_t)mark;
        i += 2;
    }
    return parts >= 2 && marked == parts;
}

/* Looser than meta_line, for finding the headline only: a short line with
   a date in it, a byline lead, or a bare name ("Jo Bloggs 1 day ago",
   "Par A et B - 24 novembre", "by Lucas Nolan22 Dec 2016"). */
int nr_metaish(const nr_cand *c, const nr_textstat *st)
{
    if (nr_meta_line(c) || nr_by_lead(c))
        return 1;
    if (st->words > 16)
        return 0;
    size_t b, e;
    char iso[11];
    if (nr_date_find(c->text, c->len, &b, &e, iso))
        return 1;
    /* "Jo Roe1, Al Poe2, Marta Lindqvist1,3": a paper's authors, each
       with the number of an affiliation */
    if (author_list(c))
        return 1;
    /* "Jo Roe, Senior Editor": a name and the writer's role */
    const char *comma = memchr(c->text, ',', c->len);
    if (comma && nr_namelike(c->text, (size_t)(comma - c->text)) &&
        nr_role_line(comma + 1, c->len - (size_t)(comma + 1 - c->text)))
        return 1;
    return nr_namelike(c->text, c->len);
}

/* The words of a site's controls: a line made of them ("Log out Sign in",
   "Next story", "Download the app") is a control, not a headline. */
static const char *const ui_words[] = {
    "about", "account", "all", "app", "article", "articles", "back", "buy",
    "close", "comments", "contact", "content", "download", "email",
    "explore", "follow", "gallery", "get", "home", "in", "index", "log",
    "login", "logout", "main", "menu", "more", "most", "navigation", "new",
    "newer", "news", "newsletter", "next", "now", "older", "on", "open",
    "out", "photos", "popular", "previous", "print", "profile", "read", "recent",
    "register", "search", "see", "share", "shop", "show", "sign", "site",
    "skip", "start", "stories", "story", "subscribe", "the", "to", "top",
    "up", "us", "video", "videos", "view", "watch", "your", NULL};

static void ui_count(void *ud, const char *w, size_t len)
{
    unsigned *n = ud;
    n[0]++;
    for (size_t k = 0; ui_words[k]; k++)
        if (strlen(ui_words[k]) == len && !memcmp(ui_words[k], w, len)) {
            n[1]++;
            return;
        }
}

int nr_control_words(const nr_cand *c)
{
    unsigned n[2] = {0, 0};
    nr_words_each(c->text, c->len, ui_count, n);
    return n[0] && n[1] * 5 >= n[0] * 3;
}

/* The answers a prompt offers: "Allow notifications? Block Allow",
   "Enjoying the site? Not now Subscribe". */
static const char *const button_words[] = {
    "accept", "allow", "block", "cancel", "close", "continue", "decline",
    "dismiss", "later", "maybe", "never", "no", "not", "now", "ok", "okay",
    "reject", "subscribe", "thanks", "yes", NULL};

static void button_count(void *ud, const char *w, size_t len)
{
    unsigned *n = ud;
    n[0]++;
    for (size_t k = 0; button_words[k]; k++)
        if (strlen(button_words[k]) == len && !strncasecmp(button_words[k], w, len)) {
            n[1]++;
            return;
        }
}

/* A question with its buttons after it: a site's prompt, copied with the
   page, not a headline that asks a question. */
static int prompt_line(const nr_cand *c)
{
    const char *q = memchr(c->text, '?', c->len);
    if (!q)
        return 0;
    while (memchr(q + 1, '?', c->len - (size_t)(q + 1 - c->text)))
        q = memchr(q + 1, '?', c->len - (size_t)(q + 1 - c->text));
    unsigned n[2] = {0, 0};
    size_t rest = c->len - (size_t)(q + 1 - c->text);
    nr_words_each(q + 1, rest, button_count, n);
    return n[0] >= 1 && n[0] <= 4 && n[1] == n[0];
}

/* A clock time as a page stamps a story: "1:39 PM ET", "09:58". */
int nr_has_clock(const char *s, size_t n)
{
    for (size_t k = 0; k + 4 <= n; k++) {
        if (!isdigit((unsigned char)s[k]) || (k && isdigit((unsigned char)s[k - 1])))
            continue;
        size_t j = k + (isdigit((unsigned char)s[k + 1]) ? 2 : 1);
        if (j + 2 < n && s[j] == ':' && isdigit((unsigned char)s[j + 1]) &&
            isdigit((unsigned char)s[j + 2]) &&
            (j + 3 == n || !isdigit((unsigned char)s[j + 3])))
            return 1;
    }
    return 0;
}

static int headline_shape(const nr_cand *c, const nr_textstat *st, int caps_ok);

int nr_headline_shape(const nr_cand *c, const nr_textstat *st)
{
    return headline_shape(c, st, 0);
}

int nr_headline_shape_caps(const nr_cand *c, const nr_textstat *st)
{
    return headline_shape(c, st, 1);
}

static int headline_shape(const nr_cand *c, const nr_textstat *st, int caps_ok)
{
    if (nr_bulleted(c) || c->len > 250 || nr_meta_line(c) || nr_by_lead(c) ||
        nr_control_words(c) || prompt_line(c))
        return 0;
    /* markup a scraper left in the text ("<img src=...>") */
    if (c->text[0] == '<' && c->len > 1 &&
        (isalpha((unsigned char)c->text[1]) || c->text[1] == '/' || c->text[1] == '!'))
        return 0;
    size_t b, e;
    char iso[11];
    if (st->words <= 8 && nr_date_find(c->text, c->len, &b, &e, iso))
        return 0;
    if (st->words <= 4 && nr_has_clock(c->text, c->len))
        return 0;   /* a time stamp: "9:05 AM ET" */
    /* two sentences are a paragraph; "(See the notes.)" an aside; "From
       $610.00" a price; "Portrait by Jo Roe" a credit */
    if (st->sents >= 2 || (st->sents == 1 && st->words > 20) ||
        (c->text[0] == '(' && c->text[c->len - 1] == ')') ||
        (st->words <= 4 && numeric_words(c) * 2 >= st->words) ||
        nr_credit_line(c))
        return 0;
    unsigned w = st->words;
    if (st->cjk * 2 >= w)
        return st->cjk >= 4 && st->cjk <= 80;
    if (w < 1 || w > 30)
        return 0;
    char last = c->text[c->len - 1];
    /* a full stop ends a sentence, not an ellipsis or an initialism
       ("... Underneath N.Y.C.") */
    if (last == ',' || last == ';' || last == ':' ||
        (last == '.' && c->len > 1 && c->text[c->len - 2] != '.' &&
         !(c->len > 3 && isalpha((unsigned char)c->text[c->len - 2]) &&
           c->text[c->len - 3] == '.')))
        return 0;
    /* placeholders of images and form fields; a menu line: every word
       capitalised, no function word, many words */
    if (c->text[0] == '[' || (!caps_ok && w >= 6 && st->stops == 0 && st->caps == w))
        return 0;
    return 1;
}


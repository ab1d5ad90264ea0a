/*
 * boilerplate.c - judges one candidate at a time: is this line page furniture
 * (advert break, share bar, comment form, newsletter pitch, caption credit,
 * cookie or copyright notice, navigation crumb, "READ MORE:" teaser...) or
 * body text?  Also trims clutter inside body text (a trailing
 * "...continue...", footnote markers) and reads byline and date lines.
 *
 * The rules look at the shape of a whole candidate, never at a word in passing:
 * a widget is a short candidate made only of widget vocabulary, so body text that
 * merely mentions "share" or "comment" is never matched.  Phrases are
 * compared on a normalized key (lower case, punctuation dropped) so that
 * "Leave a Reply", "LEAVE A REPLY" and "Leave a reply:" are one phrase.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/internal.h"

char *nr_key(const char *s, size_t n)
{
    char *k = malloc(n + 1);
    if (!k)
        return NULL;
    size_t w = 0;
    int sp = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t step = 1;
        int letter = 0;
        if (c < 0x80) {
            letter = isalnum(c);
            c = (unsigned char)tolower(c);
        } else {
            step = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (i + step > n)
                step = n - i;
            /* Latin-1 symbols and the U+2000.. punctuation, arrows and
               box/bullet blocks separate words; other letters are kept */
            letter = !(c == 0xC2 || c == 0xE2 || c == 0xEF);
        }
        if (letter) {
            if (sp && w > 0)
                k[w++] = ' ';
            sp = 0;
            memcpy(k + w, s + i, step);
            if (step == 1)
                k[w] = (char)c;
            w += step;
        } else {
            sp = 1;
        }
        i += step;
    }
    k[w] = '\0';
    return k;
}

typedef struct phrase {
    const char *key;
    const char *rule;
    int tail;          /* 2 strong comment/footer tail, 1 weak, 0 none */
} phrase;

/* Whole-candidate phrases. */
static const phrase exact[] = {
    {"advertisement", "advert", 0}, {"advertisements", "advert", 0},
    {"advert", "advert", 0}, {"ad", "advert", 0}, {"ads", "advert", 0},
    {"sponsored", "advert", 0}, {"sponsored content", "advert", 0},
    {"paid content", "advert", 0}, {"promoted", "advert", 0},
    {"story continues below advertisement", "advert", 0},
    {"story continues below", "advert", 0},
    {"article continues below", "advert", 0},
    {"article continues below advertisement", "advert", 0},
    {"continue reading below", "advert", 0},
    {"advertisement scroll to continue", "advert", 0},
    {"scroll to continue with content", "advert", 0},
    {"ad feedback", "advert", 0}, {"report this ad", "advert", 0},
    {"skip advertisement", "advert", 0}, {"supported by", "advert", 0},
    {"continue reading the main story", "advert", 0},
    {"share full article", "share-widget", 1},
    {"give this article", "share-widget", 1},
    {"read in app", "nav", 0}, {"open in app", "nav", 0},
    {"skip to comments", "nav", 0},
    {"already a subscriber log in", "nav", 0},
    {"listen to this article", "listen-widget", 0},
    {"listen to this story", "listen-widget", 0},
    {"listen to article", "listen-widget", 0}, {"listen", "listen-widget", 0},
    {"play audio", "listen-widget", 0}, {"listen now", "listen-widget", 0},
    {"skip to content", "nav", 0}, {"skip to main content", "nav", 0},
    {"skip to navigation", "nav", 0}, {"menu", "nav", 0},
    {"main menu", "nav", 0}, {"search", "nav", 0}, {"home", "nav", 0},
    {"back to top", "nav", 1}, {"top", "nav", 0}, {"log in", "nav", 0},
    {"login", "nav", 0}, {"sign in", "nav", 0}, {"register", "nav", 0},
    {"my account", "nav", 0}, {"subscribe", "newsletter", 0},
    {"sign up", "newsletter", 0}, {"subscribe now", "newsletter", 0},
    {"previous article", "nav", 1}, {"next article", "nav", 1},
    {"previous post", "nav", 1}, {"next post", "nav", 1},
    {"previous", "nav", 0}, {"next", "nav", 0}, {"older posts", "nav", 1},
    {"newer posts", "nav", 1}, {"close", "nav", 0},
    {"toggle navigation", "nav", 0}, {"open menu", "nav", 0},
    {"close menu", "nav", 0}, {"you are here", "nav", 0},
    {"share", "share-widget", 1}, {"share this", "share-widget", 1},
    {"share this article", "share-widget", 1},
    {"share this story", "share-widget", 1},
    {"share this page", "share-widget", 1},
    {"share this post", "share-widget", 1}, {"share on", "share-widget", 1},
    {"share article", "share-widget", 1}, {"share via", "share-widget", 1},
    {"tweet", "share-widget", 1}, {"email", "share-widget", 1},
    {"print", "share-widget", 1}, {"like this", "share-widget", 1},
    {"like", "share-widget", 1}, {"loading", "share-widget", 1},
    {"like loading", "share-widget", 1}, {"save", "share-widget", 0},
    {"save article", "share-widget", 0}, {"copy link", "share-widget", 0},
    {"gift this article", "share-widget", 0},
    {"related", "related", 1}, {"related articles", "related", 1},
    {"related posts", "related", 1}, {"related stories", "related", 1},
    {"related topics", "related", 1}, {"related content", "related", 1},
    {"related links", "related", 1}, {"related coverage", "related", 1},
    {"related news", "related", 1}, {"you may also like", "related", 1},
    {"you might also like", "related", 1},
    {"you may be interested in", "related", 1},
    {"recommended", "related", 1}, {"recommended for you", "related", 1},
    {"recommended stories", "related", 1}, {"more stories", "related", 1},
    {"more from", "related", 1}, {"read next", "related", 1},
    {"up next", "related", 1}, {"what to read next", "related", 1},
    {"most read", "related", 1}, {"most popular", "related", 1},
    {"most viewed", "related", 1}, {"trending", "related", 1},
    {"trending now", "related", 1}, {"popular posts", "related", 1},
    {"recent posts", "related", 1}, {"latest news", "related", 1},
    {"latest stories", "related", 1}, {"more on this story", "related", 1},
    {"explore more on these topics", "related", 1},
    {"explore more", "related", 1}, {"more on these topics", "related", 1},
    {"reuse this content", "widget", 1},
    {"from wikipedia the free encyclopedia", "nav", 0},
    {"jump to navigation jump to search", "nav", 0},
    {"jump to navigation", "nav", 0}, {"jump to search", "nav", 0},
    {"jump to content", "nav", 0}, {"follow", "nav", 0},
    {"subscribe to newsletter", "newsletter", 0},
    {"more on this topic", "related", 1}, {"read more", "read-more", 0},
    {"also read", "related", 0}, {"see also", "related", 0},
    {"don t miss", "related", 0}, {"editor s picks", "related", 1},
    {"top stories", "related", 1}, {"in other news", "related", 0},
    {"more at", "read-more", 0}, {"read more at", "read-more", 0},
    {"continue reading", "read-more", 0}, {"continue", "read-more", 0},
    {"read the full story", "read-more", 0},
    {"read the full article", "read-more", 0},
    {"read full story", "read-more", 0}, {"read full article", "read-more", 0},
    {"original article", "read-more", 0}, {"click here", "read-more", 0},
    {"click here to read more", "read-more", 0},
    {"full story", "read-more", 0},
    {"enhanced by zemanta", "widget", 1}, {"zemanta", "widget", 1},
    {"powered by wordpress", "widget", 2},
    {"leave a reply", "comment-form", 2}, {"leave a comment", "comment-form", 2},
    {"post a comment", "comment-form", 2}, {"add a comment", "comment-form", 2},
    {"comments", "comment-form", 2}, {"comment", "comment-form", 2},
    {"view comments", "comment-form", 2}, {"show comments", "comment-form", 2},
    {"load comments", "comment-form", 2},
    {"join the conversation", "comment-form", 2},
    {"join the discussion", "comment-form", 2},
    {"comments are closed", "comment-form", 2},
    {"post navigation", "nav", 2}, {"cancel reply", "comment-form", 2},
    {"have your say", "comment-form", 2}, {"responses", "comment-form", 2},
    {"add your comment", "comment-form", 2},
    {"write a comment", "comment-form", 2},
    {"reply", "comment-form", 2}, {"follow us", "nav", 1},
    {"notes", "notes", 1}, {"references", "notes", 1},
    {"sources", "notes", 1}, {"footnotes", "notes", 1},
    {"further reading", "notes", 1}, {"bibliography", "notes", 1},
};

/* Phrases that, anywhere in a short candidate, mark the comment form. */
static const phrase comment_form[] = {
    {"fill in your details below", "comment-form", 2},
    {"you are commenting using", "comment-form", 2},
    {"log out change", "comment-form", 2},
    {"connecting to s", "comment-form", 2},
    {"notify me of new comments", "comment-form", 2},
    {"notify me of new posts", "comment-form", 2},
    {"your email address will not be published", "comment-form", 2},
    {"required fields are marked", "comment-form", 2},
    {"save my name email and website", "comment-form", 2},
    {"this site uses akismet", "comment-form", 2},
    {"click an icon to log in", "comment-form", 2},
    {"you must be logged in to post a comment", "comment-form", 2},
    {"comments are moderated", "comment-form", 2},
};

/* Key prefixes of short candidates. */
static const phrase prefixes[] = {
    {"image copyright", "caption", 0}, {"image caption", "caption", 0},
    {"media caption", "caption", 0}, {"image source", "caption", 0},
    {"photo by", "caption", 0}, {"photograph by", "caption", 0},
    {"picture by", "caption", 0}, {"photo credit", "caption", 0},
    {"image credit", "caption", 0}, {"getty images", "caption", 0},
    {"listen to this", "listen-widget", 0},
    {"copyright", "copyright", 0},
    {"sign up for", "newsletter", 0}, {"sign up to", "newsletter", 0},
    {"subscribe to our", "newsletter", 0}, {"subscribe to the", "newsletter", 0},
    {"get our", "newsletter", 0}, {"join our", "newsletter", 0},
    {"enter your email", "newsletter", 0}, {"never miss", "newsletter", 0},
    {"receive our", "newsletter", 0}, {"get the latest", "newsletter", 0},
    {"want more", "newsletter", 0}, {"by signing up", "newsletter", 0},
    {"by subscribing", "newsletter", 0}, {"by clicking", "newsletter", 0},
    {"we use cookies", "cookie", 0}, {"this site uses cookies", "cookie", 0},
    {"this website uses cookies", "cookie", 0},
    {"our site uses cookies", "cookie", 0},
    {"by continuing to use", "cookie", 0}, {"accept cookies", "cookie", 0},
    {"accept all cookies", "cookie", 0}, {"cookie policy", "cookie", 0},
    {"cookie settings", "cookie", 0}, {"manage cookies", "cookie", 0},
    {"reporting by", "credits", 0}, {"additional reporting by", "credits", 0},
    {"editing by", "credits", 0}, {"writing by", "credits", 0},
    {"posted in", "tags", 1}, {"filed under", "tags", 1},
    {"tagged", "tags", 1},
    {"more from", "related", 1}, {"recommended from", "related", 1},
    {"retrieved from", "link", 1},
};

/* Labels that introduce furniture when followed by ':' (or a dash):
   "READ MORE: Minister quits", "Photo: Reuters", "Tags: police". */
static const phrase labels[] = {
    {"read more", "read-more-teaser", 0}, {"also read", "read-more-teaser", 0},
    {"see also", "read-more-teaser", 0}, {"related", "read-more-teaser", 0},
    {"more", "read-more-teaser", 0}, {"watch", "read-more-teaser", 0},
    {"listen", "listen-widget", 0}, {"recommended", "read-more-teaser", 0},
    {"read", "read-more-teaser", 0}, {"more at", "read-more", 0},
    {"read more at", "read-more", 0}, {"click here", "read-more", 0},
    {"source", "caption", 0},
    {"tags", "tags", 1}, {"tag", "tags", 1}, {"filed under", "tags", 1},
    {"categories", "tags", 1}, {"category", "tags", 1},
    {"topics", "tags", 1}, {"posted in", "tags", 1},
    {"photo", "caption", 0}, {"photos", "caption", 0},
    {"photograph", "caption", 0}, {"picture", "caption", 0},
    {"pictured", "caption", 0}, {"image", "caption", 0},
    {"images", "caption", 0}, {"credit", "caption", 0},
    {"credits", "caption", 0}, {"caption", "caption", 0},
    {"illustration", "caption", 0}, {"video", "caption", 0},
    {"graphic", "caption", 0}, {"main image", "caption", 0},
    {"top image", "caption", 0}, {"pic", "caption", 0},
    {"pics", "caption", 0}, {"follow", "nav", 0},
    {"have your say", "comment-form", 2}, {"join the debate", "comment-form", 2},
    {"follow us", "nav", 0},
};

static const char *const share_vocab[] = {
    "share", "shares", "this", "article", "story", "page", "post", "on",
    "via", "facebook", "twitter", "x", "linkedin", "whatsapp", "email",
    "e", "mail", "print", "pinterest", "reddit", "tweet", "copy", "link",
    "messenger", "telegram", "opens", "in", "new", "window", "click", "to",
    "the", "gift", "save", "comments", "comment", "like", "loading",
    "tumblr", "pocket", "flipboard", "more", "sms", "bluesky", "threads",
    "google", "url", "copied", "mastodon", "and", "or", NULL};
static const char *const share_strong[] = {
    "share", "tweet", "facebook", "twitter", "linkedin", "whatsapp",
    "pinterest", "reddit", "telegram", "messenger", "flipboard", "bluesky",
    NULL};

static const char *const credit_agencies[] = {
    "getty images", "shutterstock", "alamy", "pa media", "pa wire",
    "ap photo", "afp", "reuters", "epa", "associated press", "istock",
    "supplied", "file photo", NULL};

static int in_list(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n))
            return 1;
    return 0;
}

static int key_starts(const char *k, const char *p)
{
    size_t n = strlen(p);
    return !strncmp(k, p, n) && (k[n] == ' ' || k[n] == '\0');
}

static int key_contains_word(const char *k, const char *p)
{
    size_t n = strlen(p);
    for (const char *q = strstr(k, p); q; q = strstr(q + 1, p))
        if ((q == k || q[-1] == ' ') && (q[n] == ' ' || q[n] == '\0'))
            return 1;
    return 0;
}

/* Does the raw text continue with ':' or a dash right after its first
   `words` words?  That is what makes "Photo: X" a label and "Photo albums
   of the war were..." a sentence. */
static int label_then_colon(const char *s, size_t n, size_t words)
{
    size_t i = 0;
    while (i < n && !isalnum((unsigned char)s[i]))
        i++;
    for (size_t w = 0; w < words && i < n; w++) {
        while (i < n && isalnum((unsigned char)s[i]))
            i++;
        while (w + 1 < words && i < n && !isalnum((unsigned char)s[i]))
            i++;
    }
    while (i < n && s[i] == ' ')
        i++;
    if (i >= n)
        return 0;
    if (s[i] == ':' || s[i] == '-' || s[i] == '|' || s[i] == '>')
        return 1;
    return n - i >= 3 && (!memcmp(s + i, "\xE2\x80\x93", 3) ||
                          !memcmp(s + i, "\xE2\x80\x94", 3) ||
                          !memcmp(s + i, "\xC2\xBB", 2));
}

static size_t key_words(const char *k)
{
    return *k ? nr_word_count(k, strlen(k)) : 0;
}

static int is_share_bar(const char *k, size_t rawlen)
{
    if (rawlen > 160 || !*k)
        return 0;
    int strong = 0;
    const char *p = k;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int digits = 1;
        for (size_t i = 0; i < n; i++)
            if (!isdigit((unsigned char)p[i]))
                digits = 0;
        if (!digits && !in_list(p, n, share_vocab))
            return 0;
        if (in_list(p, n, share_strong))
            strong = 1;
        p += n;
        while (*p == ' ')
            p++;
    }
    return strong;
}

/* "12 comments", "Comments (3)", "4 responses to ...", "There are 13
   comments", "One response", "2 thoughts on ..." */
static const char *count_widget(const char *k, int *tail)
{
    const char *p = k;
    static const char *const leads[] = {"there are", "there is", "showing",
                                        "view all", "see all", "read all",
                                        NULL};
    for (size_t i = 0; leads[i]; i++)
        if (key_starts(k, leads[i]) &&
            isdigit((unsigned char)k[strlen(leads[i]) + 1])) {
            p = k + strlen(leads[i]) + 1;
            break;
        }
    static const char *const ones[] = {"one comment", "one response",
                                       "one reply", "one thought on", NULL};
    for (size_t i = 0; ones[i]; i++)
        if (key_starts(p, ones[i])) {
            *tail = 2;
            return "comment-form";
        }
    if (isdigit((unsigned char)*p)) {
        while (isdigit((unsigned char)*p))
            p++;
        if (*p == ' ')
            p++;
        if (!strcmp(p, "comments") || !strcmp(p, "comment") ||
            key_starts(p, "comments so far") || key_starts(p, "comments on") ||
            key_starts(p, "comments to") ||
            !strcmp(p, "replies") || key_starts(p, "responses") ||
            key_starts(p, "thoughts on") || key_starts(p, "responses to")) {
            *tail = 2;
            return "comment-form";
        }
        if (!strcmp(p, "shares") || !strcmp(p, "share")) {
            *tail = 1;
            return "share-widget";
        }
        if (!strcmp(p, "min read") || !strcmp(p, "minute read") ||
            !strcmp(p, "mins read") || !strcmp(p, "minutes read") ||
            !strcmp(p, "min listen"))
            return "reading-time";
        return NULL;
    }
    if (key_starts(k, "comments")) {
        p = k + 8;
        while (*p == ' ' || isdigit((unsigned char)*p))
            p++;
        if (!*p) {
            *tail = 2;
            return "comment-form";
        }
    }
    return NULL;
}

static int looks_like_link(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ')
            return 0;
    if (n >= 4 && (!strncasecmp(s, "http", 4) || !strncasecmp(s, "www.", 4)))
        return 1;
    if (memchr(s, '@', n) && memchr(s, '.', n))
        return 1;
    if (n >= 2 && s[0] == '@')
        return 1;
    const char *tlds[] = {".com", ".org", ".net", ".co.uk", ".io", ".gov",
                          ".uk", NULL};
    for (size_t t = 0; tlds[t]; t++) {
        size_t k = strlen(tlds[t]);
        if (n > k && !strncasecmp(s + n - k, tlds[t], k))
            return 1;
        const char *sl = memchr(s, '/', n);
        if (sl && (size_t)(sl - s) > k && !strncasecmp(sl - k, tlds[t], k))
            return 1;
    }
    return 0;
}

/* "Home > News > UK", "News / Politics / Europe" */
static int is_breadcrumb(const char *s, size_t n)
{
    if (n > 120 || nr_ends_sentence(s, n))
        return 0;
    size_t seps = 0, words = 0, maxwords = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sep = 0;
        if (s[i] == '>' || s[i] == '/' || s[i] == '|')
            sep = 1;
        else if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
                 (unsigned char)s[i + 1] == 0xBB)
            sep = 1;
        else if (i + 2 < n && !memcmp(s + i, "\xE2\x80\xBA", 3))
            sep = 1;
        if (sep) {
            seps++;
            if (words > maxwords)
                maxwords = words;
            words = 0;
            in = 0;
            continue;
        }
        int sp = s[i] == ' ';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    if (words > maxwords)
        maxwords = words;
    int letters = 0;
    for (size_t i = 0; i < n && !letters; i++)
        letters = isalpha((unsigned char)s[i]);
    return seps >= 2 && maxwords <= 4 && letters;
}

/* Extra shape a prefix match needs, so that prose starting with the same
   words ("Copyright law was not the issue...") stays. */
static int prefix_fits(const phrase *p, const char *s, size_t n, const char *k)
{
    if (!strcmp(p->rule, "listen-widget"))
        return n <= 60;
    if (!strcmp(p->rule, "tags"))
        return !nr_ends_sentence(s, n);
    if (!strcmp(p->rule, "related"))
        return n <= 60 && !nr_ends_sentence(s, n);
    if (!strcmp(p->rule, "copyright")) {
        int year = 0;
        for (const char *q = k; *q && !year; q++)
            year = isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) &&
                   isdigit((unsigned char)q[2]) && isdigit((unsigned char)q[3]);
        return year || n <= 60;
    }
    return 1;
}

/* A site's legal small print, however long: two of its stock phrases
   ("All rights reserved", "may not be reproduced", "Privacy Policy",
   "constitutes acceptance of our User Agreement"). */
static int legal_footer(const char *k)
{
    static const char *const legal[] = {
        "all rights reserved", "may not be reproduced", "terms of use",
        "terms of service", "privacy policy", "cookie policy",
        "privacy rights", "do not sell my", "constitutes acceptance",
        "user agreement", "prior written permission", "registered trademark",
        "privacy statement", "terms and conditions", NULL};
    int hits = 0;
    for (size_t i = 0; legal[i]; i++)
        hits += strstr(k, legal[i]) != NULL;
    return hits >= 2;
}

const char *nr_boiler_rule(const nr_cand *u, int *tail)
{
    const char *s = u->text;
    size_t n = u->len;
    const char *rule = NULL;
    *tail = 0;
    char *k = nr_key(s, n);
    if (!k)
        return NULL;
    if (!*k) {
        /* "* * *", "———": a separator, nothing to say */
        rule = "separator";
        goto done;
    }
    for (size_t i = 0; i < sizeof exact / sizeof *exact; i++)
        if (!strcmp(k, exact[i].key)) {
            rule = exact[i].rule;
            *tail = exact[i].tail;
            goto done;
        }
    if ((rule = count_widget(k, tail)))
        goto done;
    if (n <= 400)
        for (size_t i = 0; i < sizeof comment_form / sizeof *comment_form; i++)
            if (strstr(k, comment_form[i].key)) {
                rule = comment_form[i].rule;
                *tail = comment_form[i].tail;
                goto done;
            }
    if (is_share_bar(k, n)) {
        rule = "share-widget";
        *tail = 1;
        goto done;
    }
    if (n <= 300) {
        for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
            if (key_starts(k, labels[i].key) &&
                label_then_colon(s, n, key_words(labels[i].key))) {
                rule = labels[i].rule;
                *tail = labels[i].tail;
                goto done;
            }
        for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
            if (key_starts(k, prefixes[i].key) && prefix_fits(&prefixes[i], s, n, k)) {
                rule = prefixes[i].rule;
                *tail = prefixes[i].tail;
                goto done;
            }
        if (strstr(s, "\xC2\xA9") || key_contains_word(k, "all rights reserved") ||
            !strncasecmp(s, "(c) ", 4)) {
            rule = "copyright";
            *tail = 1;
            goto done;
        }
        if (strstr(k, "cookie") &&
            (strstr(k, "we use") || strstr(k, "uses cookies") ||
             strstr(k, "accept") || strstr(k, "consent") ||
             strstr(k, "cookie policy") || strstr(k, "cookie settings"))) {
            rule = "cookie";
            goto done;
        }
        if ((key_contains_word(k, "newsletter") || key_contains_word(k, "inbox")) &&
            (key_starts(k, "sign") || key_starts(k, "subscribe") ||
             key_starts(k, "get") || key_starts(k, "join") ||
             key_starts(k, "enter") || key_starts(k, "want") ||
             key_starts(k, "receive") || key_starts(k, "stay") ||
             key_starts(k, "newsletter") || key_starts(k, "thank you for") ||
             key_starts(k, "be the first") || key_starts(k, "the best") ||
             key_starts(k, "our"))) {
            rule = "newsletter";
            goto done;
        }
    }
    if (n <= 800 && legal_footer(k)) {
        rule = "copyright";
        *tail = 1;
        goto done;
    }
    if (n <= 140) {
        for (size_t i = 0; credit_agencies[i]; i++)
            if (key_contains_word(k, credit_agencies[i]) &&
                (memchr(s, '/', n) || memchr(s, '(', n) ||
                 !nr_ends_sentence(s, n) || n <= 40)) {
                rule = "caption";
                goto done;
            }
    }
    if (n <= 300 && n > 2 && s[0] == '^' && s[1] == ' ') {
        rule = "footnote";   /* "^ Hadfield, Charles (1967)..." */
        goto done;
    }
    if (n <= 300 && s[0] == '[' && n > 3 && isdigit((unsigned char)s[1])) {
        /* "[1] Exeter Flying Post, 1814." - a note, not for reading out */
        size_t j = 1;
        while (j < n && isdigit((unsigned char)s[j]))
            j++;
        if (j < n && s[j] == ']') {
            rule = "footnote";
            goto done;
        }
    }
    if (n <= 80 && !nr_ends_sentence(s, n)) {
        /* "Get involved #bbcfootball", "Follow us @gazette" */
        const char *last = s + n;
        while (last > s && last[-1] != ' ')
            last--;
        if ((*last == '#' || *last == '@') && last + 1 < s + n &&
            isalnum((unsigned char)last[1])) {
            rule = "social";
            goto done;
        }
    }
    if (looks_like_link(s, n)) {
        rule = "link";
        goto done;
    }
    if (is_breadcrumb(s, n) && !nr_parse_dateline(s, n, NULL, NULL)) {
        rule = "breadcrumb";
        goto done;
    }
done:
    free(k);
    return rule;
}

/* ---------------- trims inside body text ---------------- */

static size_t prev_char(const nr_cand *u, size_t i, const char **c)
{
    size_t p = nr_utf8_prev(u->text, i);
    *c = u->text + p;
    return p;
}

/* Dots, ellipses and arrows around a "continue" mark; counts the dots. */
static size_t skip_marks_back(const nr_cand *u, size_t i, int *dots,
                              int *brackets)
{
    while (i > 0) {
        const char *c;
        size_t p = prev_char(u, i, &c);
        size_t w = i - p;
        if (w == 1 && *c == '.')
            (*dots)++;
        else if (w == 3 && !memcmp(c, "\xE2\x80\xA6", 3))
            *dots += 2;
        else if ((w == 1 && (*c == '[' || *c == ']' || *c == '(' || *c == ')' ||
                             *c == '>')) ||
                 (w == 2 && !memcmp(c, "\xC2\xBB", 2)) ||
                 (w == 3 && !memcmp(c, "\xE2\x86\x92", 3)))
            (*brackets)++;   /* brackets and arrows */
        else if (!(w == 1 && *c == ' '))
            break;
        i = p;
    }
    return i;
}

static void trim_continue(nr_doc *d, nr_cand *u)
{
    static const char *const marks[] = {
        "continue reading", "continued", "continue", "read more",
        "read the full story", "read full story", "read the rest", "more",
        NULL};
    int dots = 0, brackets = 0;
    size_t i = skip_marks_back(u, u->len, &dots, &brackets);
    size_t cut = u->len;
    if (i == 0)
        return;
    for (size_t m = 0; marks[m]; m++) {
        size_t k = strlen(marks[m]);
        if (i >= k && !strncasecmp(u->text + i - k, marks[m], k) &&
            (i == k || !isalnum((unsigned char)u->text[i - k - 1]))) {
            int d2 = 0, b2 = 0;
            size_t j = skip_marks_back(u, i - k, &d2, &b2);
            if (j == 0)
                return;  /* the whole candidate is the mark: handled as a rule */
            /* marks on both sides: "……continue……", "[Read more »]";
               "there would be more…" is prose */
            if ((dots >= 1 || brackets >= 1) && (d2 >= 1 || b2 >= 1) &&
                dots + d2 + brackets + b2 >= 2) {
                cut = j;
                /* leave a sentence's own full stop in place */
                if (u->text[j] == '.' && d2 <= 1)
                    cut = j + 1;
            }
            break;
        }
    }
    /* a bare "[…]" or "[...]" excerpt mark */
    if (cut == u->len && brackets >= 2 && dots >= 2)
        cut = i;
    if (cut >= u->len)
        return;
    while (cut < u->len && u->text[cut] == ' ')
        cut++;
    if (cut >= u->len)
        return;
    nr_doc_strip(d, u->map[cut], u->map[u->len], "continue-marker");
    nr_cand_cut(u, cut, u->len);
}

static int is_superscript_digit(const char *s, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2 && i + 1 < n) {
        unsigned char d = (unsigned char)s[i + 1];
        if (d == 0xB9 || d == 0xB2 || d == 0xB3) {
            *w = 2;
            return 1;
        }
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x81) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0xB0 || (d >= 0xB4 && d <= 0xB9)) {
            *w = 3;
            return 1;
        }
    }
    return 0;
}

/* Length of a footnote marker at text[i], or 0.  "[12]" right after a word
   or punctuation; superscript digits after a word of 3+ letters or after
   punctuation (so "m²" and "km²" stay). */
static size_t footnote_at(const nr_cand *u, size_t i)
{
    const char *s = u->text;
    size_t n = u->len;
    if (i == 0 || s[i - 1] == ' ')
        return 0;
    if (s[i] == '[') {
        size_t j = i + 1;
        while (j < n && j - i <= 3 && isdigit((unsigned char)s[j]))
            j++;
        if (j > i + 1 && j < n && s[j] == ']')
            return j + 1 - i;
        /* wiki-style editorial marks glued to a word: "[edit]",
           "[citation needed]", "[when?]", "[a]" */
        j = i + 1;
        while (j < n && j - i <= 25 &&
               (islower((unsigned char)s[j]) || s[j] == ' ' || s[j] == '?'))
            j++;
        if (j > i + 1 && j < n && s[j] == ']' && s[i + 1] != ' ')
            return j + 1 - i;
        return 0;
    }
    size_t w, j = i;
    while (j < n && is_superscript_digit(s, n, j, &w))
        j += w;
    if (j == i)
        return 0;
    unsigned char prev = (unsigned char)s[i - 1];
    if (strchr(".,;:)\"'", prev) || prev >= 0x80)
        return j - i;
    size_t letters = 0;
    for (size_t k = i; k > 0 && isalpha((unsigned char)s[k - 1]); k--)
        letters++;
    return letters >= 3 ? j - i : 0;
}

static void trim_footnotes(nr_doc *d, nr_cand *u)
{
    size_t w = 0, i = 0;
    int cut_any = 0;
    while (i < u->len) {
        size_t m = footnote_at(u, i);
        if (m) {
            nr_doc_strip(d, u->map[i], u->map[i + m - 1] + 1, "footnote-marker");
            i += m;
            cut_any = 1;
            continue;
        }
        u->text[w] = u->text[i];
        u->map[w] = u->map[i];
        w++;
        i++;
    }
    if (!cut_any)
        return;
    u->map[w] = u->map[u->len];
    u->len = w;
    u->text[w] = '\0';
}

void nr_boiler_trim(nr_doc *d, nr_cand *u)
{
    trim_continue(d, u);
    trim_footnotes(d, u);
}

/* ---------------- bylines and date lines ---------------- */

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
            if (!in_list(w, len, date_labels))
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
        else if (in_list(s + i, j - i, name_glue))
            caps++;
        for (size_t k = i; k < j; k++)
            if (isdigit((unsigned char)s[k]))
                return 0;
        i = j;
    }
    return words >= 1 && words <= 8 && caps == words;
}

int nr_namelike(const char *s, size_t n)
{
    size_t w = nr_word_count(s, n);
    return n <= 40 && w >= 2 && w <= 4 && !nr_ends_sentence(s, n) &&
           !memchr(s, ',', n) && !memchr(s, ':', n) && namelike(s, n);
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

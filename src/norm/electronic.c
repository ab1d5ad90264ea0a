/*
 * electronic.c - URLs, e-mail addresses, @handles and #hashtags.
 *
 * Said the way they are read out letter for letter where needed: dots,
 * slashes, colons and dashes are named ("https colon slash slash"),
 * pronounceable parts are said as words and short vowel-less ones spelled,
 * digits read one by one; a trailing slash is read only after a path.
 */
#include "token.h"

#include <string.h>

static const char *const tlds[] = {
    "com", "org", "net", "edu", "gov", "io", "co", "uk", "us", "de", "fr",
    "it", "es", "nl", "eu", "info", "biz", "ly", "tv", "me", "ai", "app",
    "news", "int", "ie", "au", "ca", "in", "jp", "cn", "ru", "ch", "se", "no",
    "be", "at", "nz", "za", "br", "mx", "dev", "ac", "mil", "gl", "to", "fm",
    "sm", "html", "htm", "php", "pdf", "asp", "aspx", "jpg", "jpeg", "png", "gif",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "txt", "zip", "xml",
    "json", "mp3", "mp4", "exe", NULL
};

static int url_char(char ch)
{
    return is_alpha((unsigned char)ch) || is_digit((unsigned char)ch) ||
           strchr("-._~:/?#[]@!$&'()*+,;=%", ch);
}

static const struct { char ch; const char *say; } url_syms[] = {
    {'.', "dot"}, {'/', "slash"}, {'-', "dash"}, {'_', "underscore"},
    {'@', "at"}, {':', "colon"}, {'?', "question mark"}, {'=', "equals"},
    {'&', "ampersand"}, {'#', "hash"}, {'~', "tilde"}, {'+', "plus"}, {'%', "percent"},
};

/* A trailing slash is read only when it closes a path segment
 * ("nvidia.com/dgx/" ... "slash"), where it is part of what one would type;
 * after a bare host ("example.com/") it is noise. */
static size_t url_trim_slash(const char *s, size_t n)
{
    size_t m = n;
    while (m && s[m - 1] == '/')
        m--;
    if (m == n)
        return n;
    const char *sep = m > 3 ? memmem(s, m, "://", 3) : NULL;
    size_t host = sep ? (size_t)(sep - s) + 3 : 0;
    while (host < m && s[host] == '/')
        host++;                     /* "file:///c/...": the empty host */
    return memchr(s + host, '/', m - host) ? m + 1 : m;
}

/* Parts of an address said as words, whatever their shape */
static const char *const url_words[] = {
    "com", "org", "net", "edu", "gov", "info", "biz", "int", "mil", "app",
    "news", "dev", "mail", "blog", "shop", "web", "online", "store", NULL
};

/* One run of letters of an address: a word English can say ("example",
 * "org", "cat", "ourdailynews") as a word; capitals as an acronym; the
 * lexicon's own ("jpg", "JPEG" "jay peg"); letters English cannot say as
 * one word ("bbc", "abc", "https", "uk", "nvidia") spelled, as Flite would
 * spell them anyway and the script should show it.  The lexicon decides
 * between word and letters ("nasa.gov"), but its respellings are for
 * prose; "jpg" is the file type, J-P-E-G. */
static void say_url_word(nr_out *o, const char *s, size_t l, int after_dot)
{
    if (after_dot && ieq(s, l, "jpg")) {
        out_spell(o, "jpeg", 4);        /* the file type, J-P-E-G */
        return;
    }
    char up[16];
    const lex_entry *e = NULL;
    if (l < sizeof up) {
        for (size_t k = 0; k < l; k++)
            up[k] = (char)(is_lower((unsigned char)s[k]) ? s[k] - 32 : s[k]);
        e = lex_find(&o->n->lex, up, l);
    }
    int caps = 1;
    for (size_t k = 0; k < l; k++)
        caps &= is_upper((unsigned char)s[k]);
    int word;
    if (e && (e->mode == LEX_SPELL || e->mode == LEX_WORD))
        word = e->mode == LEX_WORD;     /* the lexicon decides: "NASA", "NYSE" */
    else if (ieq(s, l, "www") || l <= 2)
        word = 0;
    else if (word_in(s, l, url_words))
        word = 1;
    else if (l > 3 && s[0] == 'M' && s[1] == 'c' && is_upper((unsigned char)s[2]))
        word = 1;                       /* a name: "McDonalds.com", as in prose */
    else if (caps)
        word = acro_pronounceable(s, l);   /* an acronym: "NASA.gov", "ONS.GOV.UK" */
    else
        word = l == 3 ? acro_sayable(s, l) : acro_edges_ok(s, l);
    if (word)
        out_word(o, s, l);
    else
        out_spell(o, s, l);
}

static int camel_break(const char *s, size_t n, size_t i);

/* One CamelCase piece: a short capitalised word with a vowel after the
 * run split at its capitals is a word ("LinkedIn" Linked In, "GoDaddy"),
 * where two letters alone in an address are spelled ("Co.uk", "uk") */
static void say_url_piece(nr_out *o, const char *s, size_t l, int after_dot, int split)
{
    if (l == 2 && is_upper((unsigned char)s[0]) && is_lower((unsigned char)s[1]) &&
        (strchr("AEIOUY", s[0]) || strchr("aeiouy", s[1])) && split)
        out_word(o, s, l);
    else
        say_url_word(o, s, l, after_dot);
}

/* A run of letters of an address written in CamelCase is the words it
 * joins, as the writer's capitals show: "CNNMoney" CNN Money, "BuzzFeed"
 * Buzz Feed; an acronym in it is still spelled.  "McDonalds" and
 * "MacBook" keep their prefix, and a run the lexicon knows, or whose
 * pieces are all of two letters ("NeMo"), stays whole. */
static void say_url_run(nr_out *o, const char *s, size_t l, int after_dot)
{
    size_t st = 0, longest = 0, from = 0;
    for (size_t k = 1; k <= l; k++)         /* pieces of two letters only ("NeMo") */
        if (k == l || camel_break(s, l, k)) {   /* are one name, not words */
            longest = k - from > longest ? k - from : longest;
            from = k;
        }
    if (l < 64 && longest >= 3 && !lex_find(&o->n->lex, s, l)) {
        for (size_t k = 1; k < l; k++) {
            if (!camel_break(s, l, k) || (k == 2 && !memcmp(s, "Mc", 2)) ||
                (k == 3 && !memcmp(s, "Mac", 3)))
                continue;
            say_url_piece(o, s + st, k - st, after_dot && st == 0, 1);
            st = k;
        }
    }
    say_url_piece(o, s + st, l - st, after_dot && st == 0, st > 0);   /* split: st moved */
}

static void say_url(nr_out *o, const char *s, size_t n)
{
    n = url_trim_slash(s, n);
    size_t from = o->b->len;
    /* the host (and an e-mail's name) is where names are run together in
       CamelCase; a path's letters are often a code ("bit.ly/FIPemba") */
    const char *sep = n > 3 ? memmem(s, n, "://", 3) : NULL;
    size_t host = sep ? (size_t)(sep - s) + 3 : 0;
    const char *sl = memchr(s + host, '/', n - host);
    size_t path = sl ? (size_t)(sl - s) : n;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        if (is_alpha((unsigned char)s[i])) {
            while (j < n && is_alpha((unsigned char)s[j]))
                j++;
            if (i < path)
                say_url_run(o, s + i, j - i, i > 0 && s[i - 1] == '.');
            else
                say_url_word(o, s + i, j - i, s[i - 1] == '.');
        } else if (is_digit((unsigned char)s[i])) {
            while (j < n && is_digit((unsigned char)s[j]))
                j++;
            num_digits(o, s + i, j - i, 0);
        } else {
            j = i + 1;
            for (size_t k = 0; k < sizeof url_syms / sizeof url_syms[0]; k++)
                if (url_syms[k].ch == s[i])
                    out_words(o, url_syms[k].say);
        }
        i = j;
    }
    out_tie_letter_a(o, from);
}

/* "scheme://...": http, https, ftp, file and the like. */
static int has_scheme(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 10 && is_lower((unsigned char)s[i]))
        i++;
    return i >= 3 && i + 3 < n && !memcmp(s + i, "://", 3);
}

/* "test.abc", "ourdailynews.abc": lower-case words joined by dots, with no
 * space after the dot, are a name typed as one (a site or a file), not two
 * sentences; an unknown ending is still read "dot".  Single letters
 * ("e.g", "i.e") and digits (versions, decimals) are left to other rules. */
static int dotted_lower_name(const char *s, size_t n)
{
    size_t label = 0, dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            if (label < 2)
                return 0;
            dots++;
            label = 0;
        } else if (is_lower((unsigned char)s[i])) {
            label++;
        } else {
            return 0;
        }
    }
    return dots && label >= 2;
}

static int tld_label(const char *t, size_t n);

static int looks_like_domain(const char *s, size_t n)
{
    /* label(.label)+ ending in a known TLD, optional /path */
    const char *sl = memchr(s, '/', n);
    size_t hn = sl ? (size_t)(sl - s) : n;
    const char *dot = NULL;
    for (size_t i = 0; i < hn; i++) {
        char ch = s[i];
        if (ch == '.')
            dot = s + i;
        else if (!is_lower((unsigned char)ch) && !is_digit((unsigned char)ch) && ch != '-' &&
                 !is_upper((unsigned char)ch))
            return 0;
    }
    if (!dot || dot == s || (size_t)(dot - s) + 1 >= hn)
        return 0;
    const char *tld = dot + 1;
    size_t tn = hn - (size_t)(tld - s);
    return tld_label(tld, tn);
}

/* The end of a host name: a known top-level domain, in small letters or in
 * capitals ("gov.uk", "GOV.UK", "Example.CO.NZ"; "Ru" of "end.Ru" could
 * open a sentence, so not Capitalised). */
static int tld_label(const char *t, size_t n)
{
    int lower = 1, upper = 1;
    for (size_t i = 0; i < n; i++) {
        lower &= is_lower((unsigned char)t[i]);
        upper &= is_upper((unsigned char)t[i]);
    }
    return n >= 2 && (lower || upper) && word_in(t, n, tlds);
}

int ends_in_domain(const char *s, size_t n)
{
    while (n && strchr(".,;:!?)]\"'", s[n - 1]))
        n--;
    if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's')
        n -= 2;                         /* "Amazon.co.uk's" */
    size_t d = n;
    while (d && s[d - 1] != '.')
        d--;
    return d >= 3 && d < n && n - d <= 4 && is_alpha((unsigned char)s[d - 2]) &&
           tld_label(s + d, n - d);
}

/* Words run together in CamelCase, as tags and handles write them:
 * "#BlackLivesMatter", "@BBCNews" -> Black Lives Matter, BBC News.  A word
 * starts at a capital after a small letter, and at the last capital of a
 * run that a small letter follows (BBC|News); never after a first small
 * letter, which brand names keep (iPhone, eBay). */
static int camel_break(const char *s, size_t n, size_t i)
{
    if (i == 0 || !is_upper((unsigned char)s[i]) || (i == 1 && is_lower((unsigned char)s[0])))
        return 0;
    return is_lower((unsigned char)s[i - 1]) ||
           (is_upper((unsigned char)s[i - 1]) && i + 1 < n && is_lower((unsigned char)s[i + 1]));
}

static void say_camel_words(norm_run *run, const char *s, size_t n)
{
    size_t st = 0;
    for (size_t i = 1; i <= n; i++) {
        if (i == n || camel_break(s, n, i)) {
            say_token(run, s + st, i - st);
            st = i;
        }
    }
}

/* Letters and digits only, with a word break inside */
static int is_camel(const char *s, size_t n)
{
    int brk = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_alpha((unsigned char)s[i]) && !is_digit((unsigned char)s[i]))
            return 0;
        brk |= camel_break(s, n, i);
    }
    return brk;
}

int electronic_token(norm_run *run, const char *s, size_t n)
{
    if (n < 2)
        return 0;
    int dot_or_colon = 0;
    for (size_t i = 0; i < n; i++) {
        if (!url_char(s[i]))
            return 0;
        dot_or_colon |= s[i] == '.' || s[i] == ':';
    }
    if (s[0] == '@' && is_alpha((unsigned char)s[1])) {
        SET(run, CLS_ELECTRONIC, "handle");
        out_word(run->o, "at", 2);
        if (lex_find(&run->o->n->lex, s + 1, n - 1))
            say_token(run, s + 1, n - 1);    /* the lexicon knows it: @iPhone */
        else if (is_camel(s + 1, n - 1))
            say_camel_words(run, s + 1, n - 1);
        else
            say_url(run->o, s + 1, n - 1);
        return 1;
    }
    /* a tag has one '#', at its start: "#mytext#" is two hash signs */
    if (s[0] == '#' && is_alpha((unsigned char)s[1]) && !memchr(s + 1, '#', n - 1)) {
        SET(run, CLS_ELECTRONIC, "hashtag");
        const tok *pv = tok_at(run, -1);
        if (!(pv && !pv->trailn && (tok_is(pv, "hashtag") || tok_is(pv, "hashtags"))))
            out_word(run->o, "hashtag", 7);  /* not twice: "the hashtag #MeToo" */
        say_camel_words(run, s + 1, n - 1);
        return 1;
    }
    /* an e-mail address, a scheme, "www.", a domain and a dotted name each
       have one; plain words stop here without the checks for each */
    if (!dot_or_colon)
        return 0;
    const char *at = memchr(s, '@', n);
    if (at && at > s && memchr(at, '.', n - (size_t)(at - s)) && is_alpha((unsigned char)s[n - 1])) {
        /* an address never starts with a dot: ".b@gmail.com" after a
           space is a misplaced full stop, not part of the address */
        size_t lead = 0;
        while (s + lead < at - 1 && s[lead] == '.')
            lead++;
        SET(run, CLS_ELECTRONIC, "email");
        say_url(run->o, s + lead, n - lead);
        return 1;
    }
    if (n > 4 && s[n - 2] == '\'' && s[n - 1] == 's' && looks_like_domain(s, n - 2)) {
        /* "Amazon.co.uk's": the address, then the possessive */
        SET(run, CLS_ELECTRONIC, "url");
        say_url(run->o, s, n - 2);
        if (!run->o->err && nr_buf_append(run->o->b, "'s", 2) != NR_BUF_OK)
            run->o->err = 1;
        return 1;
    }
    if (has_scheme(s, n) || (n > 4 && (!strncmp(s, "www.", 4) || !strncmp(s, "WWW.", 4))) ||
        looks_like_domain(s, n) || dotted_lower_name(s, n)) {
        SET(run, CLS_ELECTRONIC, "url");
        if (n < 256 && !strncmp(s, "WWW.", 4)) {
            /* an address set in capitals is read as the lower-case one */
            char low[256];
            for (size_t i = 0; i < n; i++)
                low[i] = (char)(is_upper((unsigned char)s[i]) ? s[i] + 32 : s[i]);
            say_url(run->o, low, n);
            return 1;
        }
        say_url(run->o, s, n);
        return 1;
    }
    return 0;
}

/*
 * acronym.c - say an all-capitals word as a word (NATO) or spell it (FBI).
 *
 * The lexicon decides first.  Otherwise a general rule: short tokens (two or
 * three letters) are spelled, as nearly all are in news copy; longer ones are
 * said as a word when they split into syllables English allows - an onset
 * cluster English words can begin with, a vowel group English spells, and
 * consonant clusters between them no longer than three - and spelled when
 * they do not (GCHQ, HSBC, DVLA, and the U-initialisms USDA, UCLA).  A
 * plural "s" (MPs) or possessive ('s)
 * stays attached to the last letter so Flite says "M-P's".
 */
#include "internal.h"

#include <string.h>
#include <utf8proc.h>

static int vowel(int c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static const char *const onsets[] = {
    "B", "BL", "BR", "C", "CH", "CL", "CR", "D", "DR", "DW", "F", "FL", "FR",
    "G", "GL", "GR", "GW", "H", "J", "K", "KL", "KN", "KR", "KW", "L", "M",
    "N", "P", "PH", "PL", "PR", "QU", "R", "RH", "S", "SC", "SCR", "SH", "SK",
    "SL", "SM", "SN", "SP", "SPL", "SPR", "ST", "STR", "SW", "T", "TH", "THR",
    "TR", "TW", "V", "W", "WH", "WR", "Y", "Z", "ZH", "CHR", "SCH", "SHR", "SQU",
    "PS", NULL
};
static const char *const codas[] = {
    "B", "C", "CH", "CK", "CT", "D", "DS", "F", "FF", "FT", "G", "GS", "K",
    "KS", "L", "LD", "LF", "LK", "LL", "LM", "LP", "LS", "LT", "M", "MB", "MP",
    "MS", "N", "NCH", "ND", "NDS", "NG", "NK", "NS", "NT", "NTS", "P", "PS",
    "PT", "R", "RB", "RC", "RD", "RF", "RG", "RK", "RL", "RM", "RN", "RP",
    "RS", "RT", "RTH", "S", "SH", "SK", "SP", "SS", "ST", "T", "TH", "TS",
    "V", "W", "X", "Y", "Z", "ZZ", "RST", "RTS", "RDS", "RMS", "RNS", "RKS",
    "LTS", "LDS", "LMS", "STS", "CKS", "NKS", "MPS", "XT", "FTS", "PTS", "CTS",
    "NGS", "NGTH", "NGTHS", "GHT", "GHTS", "TCH", "SHT", "WS", "WN", "WNS", "WL",
    "RCH", "LCH", "NCE", "SK", "SKS", "SPS", "RLD", "RLDS", "RTH", "LTH", "DTH",
    "NTH", "NTHS", "MBS", "LLS", "SSES", NULL
};
static const char *const vgroups[] = {
    "A", "E", "I", "O", "U", "AI", "AU", "EA", "EE", "EI", "EU", "IE", "IO",
    "OA", "OE", "OI", "OO", "OU", "UA", "UE", "UI", NULL
};

static int in_list(const char *s, size_t n, const char *const *l)
{
    for (size_t i = 0; l[i]; i++)
        if (strlen(l[i]) == n && !memcmp(l[i], s, n))
            return 1;
    return 0;
}

/* The letters of s as ASCII capitals, accents dropped ("MÜLLER" ->
 * "MULLER"), for the syllable rules below; 0 when s holds anything else
 * (a digit, a letter with no Latin base) or does not fit in cap. */
static size_t upper_base(const char *s, size_t n, char *u, size_t cap)
{
    size_t w = 0;
    for (size_t i = 0; i < n; w++) {
        utf8proc_int32_t cp = (unsigned char)s[i];
        utf8proc_ssize_t k = 1;
        if (cp >= 0x80) {
            k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            utf8proc_int32_t dec[4];
            int last = 0;
            if (k <= 0 || utf8proc_decompose_char(cp, dec, 4, UTF8PROC_DECOMPOSE |
                                                  UTF8PROC_STRIPMARK, &last) < 1)
                return 0;
            cp = dec[0];
        }
        if (w == cap || cp >= 0x80 || !is_alpha((int)cp))
            return 0;
        u[w] = (char)(is_lower((int)cp) ? cp - 32 : cp);
        i += (size_t)k;
    }
    return w;
}

/* Does the word start the way English words can (no "NS", "GC")? */
int acro_onset_ok(const char *s, size_t n)
{
    char u[32];
    n = upper_base(s, n, u, sizeof u);
    size_t i = 0;
    while (i < n && i < 8 && !vowel(u[i]))
        i++;
    if (i == n || i == 8)
        return 0;
    return i == 0 || in_list(u, i, onsets);
}

/* Do the letters u[0..n) (ASCII capitals) split into syllables English
 * spells: an onset English words begin with, vowel groups, clusters of at
 * most three consonants between them, a coda English words end with? */
static int syllables_ok(const char *u, size_t n)
{
    size_t i = 0, st = 0;
    /* onset */
    while (i < n && !vowel(u[i]) && !(u[i] == 'Y' && i > 0))
        i++;
    if (i > 0 && !in_list(u, i, onsets))
        return 0;
    if (i == n)
        return 0;
    for (;;) {
        st = i;
        while (i < n && vowel(u[i]))
            i++;
        if (i == st) {
            /* Y as the vowel */
            if (u[i] == 'Y')
                i++;
            else
                return 0;
        } else if (!in_list(u + st, i - st, vgroups)) {
            return 0;
        }
        st = i;
        while (i < n && !vowel(u[i]))
            i++;
        size_t cl = i - st;
        if (i == n && cl >= 2 && u[n - 1] == 'Y') {
            /* a final Y after consonants is the last vowel (COUNTY, PARTY,
               SHABBY): what comes before it must join two syllables */
            size_t in = cl - 1;
            return in <= 2 || (in == 3 && (in_list(u + st + 1, 2, onsets) || in_list(u + st, 2, codas)));
        }
        if (i == n)
            return cl == 0 || in_list(u + st, cl, codas) ||
                   (cl == 1 && u[st] == 'Y');
        if (cl > 3)
            return 0;
        if (cl == 3 && !in_list(u + st + 1, 2, onsets) && !in_list(u + st, 2, codas))
            return 0;
        if (cl == 2 && u[st] == u[st + 1] && u[st] != 'L' && u[st] != 'S' &&
            u[st] != 'T' && u[st] != 'F' && u[st] != 'P' && u[st] != 'B' &&
            u[st] != 'N' && u[st] != 'M' && u[st] != 'R' && u[st] != 'D')
            return 0;
    }
}

int acro_pronounceable(const char *s, size_t n)
{
    char u[32];
    n = upper_base(s, n, u, sizeof u - 1);
    if (n < 4)
        return 0;
    /* initialisms of "United ..."/"University ...": a U and two
       consonants starts no word said as one (USDA, UCLA, USCIS) */
    if (u[0] == 'U' && !vowel(u[1]) && !vowel(u[2]) && u[1] != 'Y' && u[2] != 'Y')
        return 0;
    /* nor does a U after two consonants end one (ACLU) */
    if (u[n - 1] == 'U' && !vowel(u[n - 2]) && !vowel(u[n - 3]))
        return 0;
    return syllables_ok(u, n);
}

int acro_sayable(const char *s, size_t n)
{
    char u[32];
    n = upper_base(s, n, u, sizeof u - 1);
    if (n < 3)
        return 0;
    if (n == 3) {
        /* three letters are a word only with a vowel of their own: "cat",
           "org", "edu" ("nyt", "bbc", "abc" are letters) */
        int v = 0;
        for (size_t i = 0; i < 3; i++)
            v |= vowel(u[i]);
        if (!v)
            return 0;
    }
    return syllables_ok(u, n);
}

/* The edges of a word: an onset English words begin with ("qu" counts
 * whole) and, strict, a coda they end with; loose, any two consonants
 * ("john", "hahn"). */
static int edges_ok(const char *s, size_t n, int strict)
{
    char u[64];
    n = upper_base(s, n, u, sizeof u - 1);
    if (n < 3)
        return 0;
    size_t a = 0, b = n;
    while (a < n && !vowel(u[a]) && !(u[a] == 'Y' && a > 0))
        a++;
    while (b > a && !vowel(u[b - 1]) && !(u[b - 1] == 'Y' && b > 1))
        b--;
    if (a == n)
        return 0;                       /* no vowel: "https", "html" */
    size_t on = a + (a > 0 && u[a - 1] == 'Q' && u[a] == 'U');
    return (a == 0 || in_list(u, on, onsets)) &&
           (b == n || in_list(u + b, n - b, codas) || (!strict && n - b <= 2));
}

int acro_edges_ok(const char *s, size_t n)
{
    return edges_ok(s, n, 0);
}

void acro_say(nr_out *o, const char *s, size_t n)
{
    size_t core = n;
    int plural = 0, poss = 0;
    if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S')) {
        poss = 1;
        core = n - 2;
    } else if (n > 2 && s[n - 1] == 's' && is_upper((unsigned char)s[n - 2])) {
        plural = 1;
        core = n - 1;
    } else if (n > 1 && s[n - 1] == '\'' ) {
        core = n - 1;
    }
    const lex_entry *e = lex_find(&o->n->lex, s, core);
    int word;
    if (e && e->mode == LEX_SAY) {
        out_words(o, e->say);
        if (plural || poss) {
            if (!o->err && o->b->len) nr_buf_append(o->b, "'s", 2);
        }
        return;
    }
    if (e)
        word = e->mode != LEX_SPELL;   /* @word, or phones for Flite */
    else
        word = acro_pronounceable(s, core);
    if (word) {
        out_word(o, s, n);
        return;
    }
    size_t i = 0;
    while (i < core) {
        size_t j = i;
        if (is_digit((unsigned char)s[i])) {
            while (j < core && is_digit((unsigned char)s[j]))
                j++;
            num_cardinal(o, s + i, j - i);
        } else {
            while (j < core && !is_digit((unsigned char)s[j]))
                j++;
            out_letters(o, s + i, j - i, (j == core && (plural || poss)) ? "'s" : NULL);
        }
        i = j;
    }
}

/* Sounds written without a vowel that are words all the same */
static const char *const vowelless_words[] = {
    "hmm", "hm", "mm", "mmm", "mhm", "shh", "sh", "psst", "pst", "tsk", "brr",
    "grr", "zzz", "pfft", "nth", "cwm", "crwth", NULL
};

int acro_say_letters_word(nr_out *o, const char *s, size_t n)
{
    if (n < 2 || n > 40)
        return 0;
    int vowel = 0, inner_cap = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || !is_alpha(c))
            return 0;                   /* letters past ASCII, apostrophes */
        vowel |= strchr("aeiouyAEIOUY", c) != NULL;
        inner_cap |= i > 0 && is_upper(c);
    }
    if (!vowel) {
        /* "pp", "cm", "Nb": no vowel to say, so letters (Flite would
           spell them too), except sounds written so ("hmm", "nth") */
        for (size_t i = 0; vowelless_words[i]; i++)
            if (strlen(vowelless_words[i]) == n && ieq(s, n, vowelless_words[i]))
                return 0;
        if (!inner_cap || !is_upper((unsigned char)s[0]) || n <= 3) {
            out_letters(o, s, n, NULL);
            return 1;
        }
    }
    /* "BoE", "DoJ", "MoU": a capital, a small letter and a capital are
       initials whose "of", "for" or "and" is written small; no word or
       name has that shape, though English could say some ("boe", "doj").
       Longer ones are left to the shape of the whole ("PLoS" is said as
       a word, "MoHFW" cannot be). */
    if (n == 3 && is_upper((unsigned char)s[0]) && is_lower((unsigned char)s[1]) &&
        is_upper((unsigned char)s[2])) {
        out_letters(o, s, n, NULL);
        return 1;
    }
    if (!inner_cap || edges_ok(s, n, 1))
        return 0;                       /* "WinHEC", "QuickStats": one word to Flite */
    /* Mixed case: CamelCase words ("McDonald", "PayPal", "DeSantis") are a
     * name as written; a run of capitals or a small letter before one is
     * letters ("fMRI", "pH", "ssDNA", "MotoGP" Moto G-P).  Parts: a
     * capital and small letters (a word when English can say it, three
     * letters or more), capitals not followed by a small letter, small
     * letters at the start.  So Flite, which keeps CamelCase names whole, says
 * what the script shows. */
    struct { size_t at, len; int word; } part[16];
    size_t np = 0;
    int all_words = 1;
    for (size_t i = 0; i < n && np < 16; ) {
        size_t j = i;
        if (is_upper((unsigned char)s[i]) && i + 1 < n && is_lower((unsigned char)s[i + 1])) {
            j = i + 1;
            while (j < n && is_lower((unsigned char)s[j]))
                j++;
            /* "De", "Mc", "Linked", "In" */
            int w = (j - i == 2 && (strchr("AEIOUY", s[i]) || strchr("aeiouy", s[i + 1]) ||
                                    (s[i] == 'M' && s[i + 1] == 'c'))) ||
                    (j - i >= 3 && acro_edges_ok(s + i, j - i));
            part[np].at = i, part[np].len = j - i, part[np++].word = w;
            all_words &= w;
        } else if (is_upper((unsigned char)s[i])) {
            j = i;
            while (j < n && is_upper((unsigned char)s[j]) &&
                   !(j + 1 < n && is_lower((unsigned char)s[j + 1]) && j > i))
                j++;
            part[np].at = i, part[np].len = j - i, part[np++].word = 0;
            all_words = 0;
        } else {
            while (j < n && is_lower((unsigned char)s[j]))
                j++;
            /* small letters first: a word only before a CamelCase word
               ("iPhone" is the lexicon's; "eBay") */
            int w = j - i >= 3 && acro_edges_ok(s + i, j - i);
            part[np].at = i, part[np].len = j - i, part[np++].word = w;
            /* "e" of "eBay", "de" of "deGravelles": a name's prefix */
            all_words &= w || (j - i <= 2 && j + 2 < n && is_lower((unsigned char)s[j + 1]) &&
                               is_lower((unsigned char)s[j + 2]));
        }
        i = j;
    }
    if (all_words || np >= 16)
        return 0;                       /* "McDonald", "eBay": as written */
    for (size_t k = 0; k < np; ) {
        if (part[k].word) {
            out_word(o, s + part[k].at, part[k].len);
            k++;
            continue;
        }
        size_t from = part[k].at, to = part[k].at + part[k].len;
        while (++k < np && !part[k].word)
            to = part[k].at + part[k].len;
        if (k + 1 == np && part[k].len == 2 && s[part[k].at + 1] == 's') {
            /* "cDNAs": the letters' plural, C-D-N-A's */
            out_letters(o, s + from, part[k].at + 1 - from, "'s");
            k++;
            continue;
        }
        out_letters(o, s + from, to - from, NULL);
    }
    return 1;
}

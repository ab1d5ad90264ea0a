/*
 * spelling.c - British to American spelling for en-US output.
 *
 * Pronunciation rarely changes, but an en-US edition should read (and its
 * transcript should look) American: colour -> color, centre -> center,
 * organisation -> organization, programme -> program.  Rules work on word
 * stems so inflections follow (colours, colourful, organised); the -ise rule
 * has an exception list of words that are -ise in both (promise, exercise).
 */
#include "internal.h"

#include <pthread.h>
#include <string.h>

static const char *const our_stems[] = {
    "colour", "favour", "honour", "labour", "neighbour", "behaviour", "rumour",
    "harbour", "humour", "tumour", "vapour", "vigour", "flavour", "odour",
    "armour", "savour", "parlour", "endeavour", "clamour", "splendour",
    "valour", "rancour", "candour", "fervour", "saviour", "succour", NULL
};
static const char *const tre_stems[] = {
    "centre", "metre", "litre", "theatre", "fibre", "calibre", "spectre",
    "sombre", "meagre", "lustre", "sabre", "reconnoitre", "manoeuvre", NULL
};
static const struct { const char *gb, *us; } whole[] = {
    {"programme", "program"}, {"programmes", "programs"}, {"defence", "defense"},
    {"offence", "offense"}, {"offences", "offenses"}, {"licence", "license"},
    {"catalogue", "catalog"}, {"analyse", "analyze"}, {"analysed", "analyzed"},
    {"travelled", "traveled"}, {"travelling", "traveling"}, {"traveller", "traveler"},
    {"travellers", "travelers"}, {"cancelled", "canceled"}, {"cancelling", "canceling"},
    {"modelling", "modeling"}, {"labelled", "labeled"}, {"grey", "gray"},
    {"tyre", "tire"}, {"tyres", "tires"},
    {"jewellery", "jewelry"}, {"ageing", "aging"}, {"paralysed", "paralyzed"},
    {"pyjamas", "pajamas"}, {"plough", "plow"}, {"sceptical", "skeptical"},
    {"cheque", "check"}, {"cheques", "checks"}, {"kerb", "curb"},
    {"fuelled", "fueled"}, {"counselling", "counseling"}, {"signalled", "signaled"},
    {"jeweller", "jeweler"}, {"mould", "mold"}, {"moult", "molt"},
    {"draught", "draft"}, {"storey", "story"}, {"storeys", "stories"},
    {NULL, NULL}
};
/* -ise words that stay -ise in American English */
static const char *const ise_keep[] = {
    "rise", "wise", "otherwise", "likewise", "clockwise", "precise", "concise",
    "promise", "premise", "compromise", "surprise", "enterprise", "exercise",
    "expertise", "franchise", "merchandise", "devise", "revise", "supervise",
    "televise", "comprise", "despise", "disguise", "improvise", "incise",
    "excise", "chastise", "circumcise", "demise", "paradise", "raise", "praise",
    "noise", "poise", "cruise", "bruise", "treatise", "anise", "turquoise",
    "reprise", "arise", "advise", "advertise", "guise", "mortise", "porpoise",
    "tortoise", "valise", "vise", "prise", "sunrise", "upraise", "apprise",
    "concise", "arise", "moonrise", "noise", "liaise", "wise", "previse",
    /* names */
    "denise", "elise", "eloise", "heloise", "lise", "marquise", "cerise", NULL
};

/* us_spelling asks every word of the text about whole[] */
static keyidx whole_ix;
static pthread_once_t whole_once = PTHREAD_ONCE_INIT;
static void whole_index(void) { KEYIDX_BUILD(&whole_ix, whole); }

static void lower(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(is_upper((unsigned char)s[i]) ? s[i] + 32 : s[i]);
    out[n] = 0;
}

/* Copies s to out with out[at..at+len) replaced by rep; keeps the case of
 * the first letter. */
static int splice(const char *s, size_t n, size_t at, size_t len, const char *rep,
                  char *out, size_t outsz)
{
    size_t rl = strlen(rep);
    if (n - len + rl + 1 > outsz)
        return 0;
    memcpy(out, s, at);
    memcpy(out + at, rep, rl);
    memcpy(out + at + rl, s + at + len, n - at - len);
    out[n - len + rl] = 0;
    if (at == 0 && is_upper((unsigned char)s[0]))
        out[0] = (char)(out[0] - 32);
    return 1;
}

int us_spelling(const char *s, size_t n, char *out, size_t outsz)
{
    char lw[40];
    if (n < 4 || n >= sizeof lw)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_alpha((unsigned char)s[i]))
            return 0;
    if (is_upper((unsigned char)s[1]))
        return 0;                       /* acronyms and capitals stay */
    lower(s, n, lw);
    pthread_once(&whole_once, whole_index);
    int w = keyidx_find(&whole_ix, lw, n);     /* lw and the keys: lower case */
    if (w >= 0)
        return splice(s, n, 0, n, whole[w].us, out, outsz);
    /* one pass for the pieces the rules below need ("our", "re", "is" or
       "ys"), not a strstr for each */
    int has_our = 0, has_re = 0, has_is = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        char a = lw[i], b = lw[i + 1];
        if (a == 'o' && b == 'u' && lw[i + 2] == 'r')
            has_our = 1;
        else if (a == 'r' && b == 'e')
            has_re = 1;
        else if ((a == 'i' || a == 'y') && b == 's')
            has_is = 1;
    }
    if (!has_our && !has_re && !has_is)
        return 0;                       /* most words: nothing to do */
    for (size_t i = 0; has_our && our_stems[i]; i++) {
        size_t l = strlen(our_stems[i]);
        char *p = strstr(lw, our_stems[i]);
        if (p) {
            size_t at = (size_t)(p - lw) + l - 3;   /* the "our" */
            return splice(s, n, at, 3, "or", out, outsz);
        }
    }
    for (size_t i = 0; has_re && tre_stems[i]; i++) {
        size_t l = strlen(tre_stems[i]);
        char *p = strstr(lw, tre_stems[i]);
        if (p) {
            size_t at = (size_t)(p - lw) + l - 2;   /* the "re" */
            if (!strcmp(tre_stems[i], "manoeuvre"))
                return splice(s, n, (size_t)(p - lw), l, "maneuver", out, outsz);
            return splice(s, n, at, 2, "er", out, outsz);
        }
    }
    /* -ise, -ised, -ises, -ising, -iser(s), -isation(s) */
    static const char *const ends[] = {
        "isationally", "isational", "isations", "isation", "isers", "iser",
        "ising", "ised", "ises", "ise",
        "yse", "ysed", "ysing", NULL   /* not "yses": also the plural of analysis */
    };
    for (size_t i = 0; has_is && ends[i]; i++) {
        size_t el = strlen(ends[i]);
        if (n <= el + 2 || strcmp(lw + n - el, ends[i]))
            continue;
        /* the base word: stem + "ise" */
        char base[48];
        size_t stem = n - el;
        if (stem + 4 >= sizeof base)
            return 0;
        memcpy(base, lw, stem);
        memcpy(base + stem, ends[i][0] == 'y' ? "yse" : "ise", 4);
        /* the keep-list word may end the base: "unadvised" ends in "advise" */
        if (stem >= 1 && !strcmp(base + stem - 1, "wise"))
            return 0;                   /* clockwise, otherwise */
        if (ends[i][0] == 'i' && stem >= 1 && strchr("aeiou", base[stem - 1]))
            return 0;                   /* praise, appraise, cruise, noise */
        static const char *const prefixes[] = {
            "", "un", "re", "dis", "mis", "pre", "over", "self", "sun", "up", NULL
        };
        for (size_t k = 0; ise_keep[k]; k++) {
            size_t kl = strlen(ise_keep[k]);
            size_t bl = stem + 3;
            if (bl < kl || strcmp(base + bl - kl, ise_keep[k]))
                continue;
            for (size_t q = 0; prefixes[q]; q++)
                if (strlen(prefixes[q]) == bl - kl && !memcmp(base, prefixes[q], bl - kl))
                    return 0;
        }
        /* -yse is -yze only in (psycho)analyse and paralyse; the stem may be
           shorter than either word (the fuzzer found "ayse" read before it) */
        if (ends[i][0] == 'y' && !(stem >= 4 && !memcmp(base + stem - 4, "anal", 4))
            && !(stem >= 5 && !memcmp(base + stem - 5, "paral", 5)))
            return 0;
        return splice(s, n, stem + 1, 1, "z", out, outsz);
    }
    return 0;
}

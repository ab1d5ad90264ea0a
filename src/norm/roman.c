/*
 * roman.c - Roman numerals in capitals, read from what they follow.
 *
 * A numeral after a person's name is the name's: "Charles III" the third,
 * "Henry Ford II" the second; one after a thing that comes in a series is a
 * count: "World War II" two, "Rocky II", "Final Fantasy VII", "Apollo XI",
 * "a Mercalli VII quake".  Which of the two a name is, is decided from the
 * name and the sentence, never from a list of monarchs (there are too many:
 * Ptolemy XII, Amenhotep III, Mswati III):
 *
 *   - a title before it (King, Pope, Pharaoh, Duke...) makes it a person;
 *   - so does a given name, before it ("Henry Ford II") or as the name;
 *   - words of reigns and lineage nearby (reign, dynasty, succeeded,
 *     crowned, tomb, son of) make it a person, words of films, games,
 *     launches and scales (sequel, game, released, mission, quake) a thing;
 *   - a thing's name takes an article ("the Saturn V rocket", "a Mercalli
 *     VII quake"), is several capitalised words ("Grand Theft Auto IV"),
 *     or looks like no personal name (CamelCase "WrestleMania", a common
 *     noun's ending "Civilization"); a person's name does none of these;
 *   - with no sign either way, one capitalised word before a numeral of
 *     two letters or more is a name: personal names are what most often
 *     carry numerals in news copy.
 *
 * After an ordinal a numeral is a team (the 2nd XV "second fifteen"); the
 * second of a pair takes the reading of the first ("James VI and I" the
 * sixth and the first, "World Wars I and II" one and two); a possessive
 * keeps its 's ("Charles III's" the third's).  The pronoun "I" is never a
 * numeral, but after a name Flite's own front end reads as a king's
 * ("Henry I think") it is written "i", so that Flite says what the script
 * shows.
 */
#include "token.h"

#include <string.h>

/* Words after which a numeral counts: chapters, sequels, wars, scales. */
static const char *const counting_words[] = {
    "war", "wars", "chapter", "part", "act", "volume", "vol", "book", "phase", "section",
    "bowl", "round", "class", "type", "mark", "mk", "schedule", "article",
    "title", "stage", "level", "grade", "series", "episode", "apollo", "rocky",
    "league", "division", "tier", "category", "psalm", "scene", "canto",
    "appendix", "annex", "figure", "table", "vatican", "council", "olympiad",
    "formula", "super", "star", "world", "final", "fantasy", "gemini",
    "henry's", "opus", "no", "number", "intensity", "magnitude", "mercalli",
    "saturn", NULL
};

/* Titles before a personal name: "Pharaoh Ptolemy XII", "Duke Otto III". */
static const char *const titles[] = {
    "King", "Queen", "Pope", "Antipope", "Emperor", "Empress", "Tsar", "Czar",
    "Tsarina", "Czarina", "Kaiser", "Sultan", "Pharaoh", "Prince", "Princess",
    "Duke", "Duchess", "Archduke", "Count", "Countess", "Earl", "Baron",
    "Baroness", "Lord", "Lady", "Saint", "St", "St.", "Shah", "Emir", "Caliph",
    "Khan", "Doge", "Patriarch", "Margrave", "Landgrave", "Elector", "Raja",
    "Rajah", "Maharaja", NULL
};

/* Given names: a numeral after one is a person's ("Otto III"), and one
 * after a given name and a surname is the name's ("Henry Ford II"). */
static const char *const given_names[] = {
    "Abdullah", "Adolf", "Adrian", "Afonso", "Albert", "Alexander", "Alexios",
    "Alfonso", "Alfred", "Amadeus", "Amenhotep", "Andrew", "Anne", "Antiochus",
    "Anthony", "Arthur", "Attalus", "Augustus", "Baldwin", "Basil", "Bela",
    "Benedict", "Bohemond", "Boleslaw", "Boniface", "Boris", "Callixtus",
    "Carl", "Carlos", "Casimir", "Catherine", "Celestine", "Charles",
    "Christian", "Christopher", "Clement", "Conrad", "Constantine", "Cyrus",
    "Darius", "David", "Donald", "Duncan", "Edmund", "Edward", "Eric", "Erik",
    "Ernest", "Eugene", "Felipe", "Felix", "Ferdinand", "Francis", "Frederick",
    "Frederik", "Friedrich", "Gregory", "Guy", "Gustav", "Gustaf", "Haakon",
    "Hadrian", "Harald", "Harold", "Henri", "Henry", "Herod", "Honorius", "Hugh",
    "Hussein", "Ibrahim", "Innocent", "Isabella", "Ivan", "James", "Jean",
    "Joao", "John", "Joseph", "Juan", "Julius", "Justinian", "Karl", "Kenneth",
    "Ladislaus", "Leo", "Leopold", "Llywelyn", "Lothair", "Louis", "Ludwig",
    "Magnus", "Malcolm", "Manuel", "Margaret", "Margrethe", "Maria", "Martin",
    "Mary", "Matthias", "Maximilian", "Mehmed", "Michael", "Mithridates",
    "Mohammed", "Muhammad", "Murad", "Napoleon", "Nebuchadnezzar", "Nicholas",
    "Olaf", "Olav", "Osman", "Otto", "Ottokar", "Paul", "Pedro", "Peter",
    "Philip", "Philippe", "Pius", "Ptolemy", "Rainier", "Rama", "Ramesses",
    "Rameses", "Ramses", "Raymond", "Richard", "Robert", "Roger", "Rudolf",
    "Sancho", "Sargon", "Seleucus", "Selim", "Senusret", "Sergius", "Seti",
    "Sigismund", "Sixtus", "Stephen", "Suleiman", "Thutmose", "Urban", "Valdemar",
    "Victor", "Victoria", "Vladimir", "Wenceslaus", "Wilhelm", "Willem",
    "William", "Xerxes",
    /* and common given names of today, for names' numerals ("Davis Love
       III", "Jacob Astor IV") */
    "Adam", "Alan", "Andy", "Ben", "Bill", "Bob", "Brian", "Bruce", "Chris",
    "Dan", "Daniel", "Davis", "Dennis", "Douglas", "Ed", "Frank", "Gary",
    "George", "Harry", "Jack", "Jacob", "Jim", "Joe", "Jonathan", "Kevin",
    "Larry", "Mark", "Matthew", "Mike", "Patrick", "Ralph", "Ron", "Sam",
    "Scott", "Steve", "Thomas", "Tom", "Walter", "Elizabeth", "Juliana",
    "Beatrix", "Christina", "Sophia", NULL
};

/* Words of reigns and lineage: a numeral near them is a person's. */
static const char *const reign_words[] = {
    "reign", "reigned", "reigning", "reigns", "rule", "ruled", "ruler", "rulers",
    "ruling", "dynasty", "dynasties", "dynastic", "succeeded", "succeed",
    "succession", "successor", "predecessor", "crowned", "coronation", "throne",
    "enthroned", "king", "kings", "queen", "queens", "pharaoh", "pharaohs",
    "emperor", "emperors", "empress", "pope", "popes", "papacy", "papal",
    "pontiff", "pontificate", "monarch", "monarchs", "monarchy", "sultan",
    "tsar", "czar", "kaiser", "shah", "caliph", "kingdom", "empire", "royal",
    "regent", "regency", "abdicated", "abdication", "heir", "prince",
    "princess", "duke", "duchess", "dauphin", "consort", "tomb", "mummy",
    "statue", "son", "sons", "daughter", "daughters", "father", "mother",
    "grandson", "granddaughter", "grandfather", "grandmother", "nephew",
    "niece", "uncle", "brother", "sister", "wife", "husband", "widow",
    "married", "marriage", "betrothed", "court", "courtiers", "deposed",
    "assassinated", "BC", "BCE", "AD", "ascended", "ascension", "usurper",
    "inherited", "inherit", "inheritance", "heiress", "estate", "born", "died",
    "family",
    NULL
};

/* Words of films, games, launches, scales and teams: a numeral near them
 * counts. */
static const char *const thing_words[] = {
    "film", "films", "movie", "movies", "sequel", "sequels", "prequel",
    "trilogy", "franchise", "game", "games", "gaming", "video", "console",
    "consoles", "album", "albums", "song", "songs", "episode", "season",
    "edition", "version", "release", "released", "remake", "remastered",
    "starring", "starred", "directed", "director", "box", "trailer",
    "studio", "cinema", "cinemas", "gameplay", "expansion", "launch",
    "launched", "rocket", "rockets", "mission", "missions", "spacecraft",
    "astronaut", "astronauts", "module", "lander", "engine", "engines",
    "scale", "intensity", "magnitude", "quake", "earthquake", "tremor",
    "team", "squad", "side", "match", "rugby", "cricket", "coach", "players",
    "tournament", "fixture", "PlayStation", "Xbox", "Nintendo", "Steam",
    "vessel", "vessels", "ship", "ships", "yacht", "boat", "ferry", "liner",
    "schooner", "steamer", "sailed", "sank", "aboard", "crew", NULL
};

/* Names Flite's front end reads a following "I" after as a king's (and
 * the counting words it reads it after as a number). */
static const char *const flite_regnal[] = {
    "louis", "henry", "charles", "philip", "george", "edward", "pius",
    "william", "richard", "ptolemy", "john", "paul", "peter", "nicholas",
    "frederick", "james", "alfonso", "ivan", "napolean", "leo", "gregory",
    "catherine", "alexandria", "pierre", "elizabeth", "mary", NULL
};
static const char *const flite_royal[] = {
    "king", "queen", "pope", "duke", "tsar", "emperor", "shah", "ceasar",
    "duchess", "tsarina", "empress", "baron", "baroness", "sultan", "count",
    "countess", NULL
};
static const char *const ordinal_words[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
    "eighth", "ninth", "tenth", "starting", NULL
};
/* after "and I" these make the I a pronoun: "Henry VIII and I were" */
static const char *const plural_verbs[] = {
    "were", "are", "have", "am", "do", "both", NULL
};
static const char *const determiners[] = {
    "the", "a", "an", "this", "that", "his", "her", "its", "their", "our",
    "my", "your", NULL
};
/* articles of the languages whose names English text quotes: "La II
 * Republica", "Der II Weltkrieg" are counts */
static const char *const articles[] = {
    "la", "le", "les", "el", "los", "las", "il", "lo", "gli", "der",
    "die", "das", "de", "du", "des", NULL
};
/* endings of common nouns, which no personal name has */
static const char *const noun_endings[] = {
    "tion", "sion", "ment", "ness", "ity", "ism", "ship", "ence", "ance",
    "ics", "ware", NULL
};

static int rv(char ch)
{
    switch (ch) {
    case 'I': return 1; case 'V': return 5; case 'X': return 10;
    case 'L': return 50; case 'C': return 100; case 'D': return 500;
    case 'M': return 1000; default: return 0;
    }
}

/* Value of a canonical Roman numeral, else 0. */
static int roman_value(const char *s, size_t n)
{
    if (!n || n > 15)
        return 0;
    int total = 0;
    for (size_t i = 0; i < n; i++) {
        int v = rv(s[i]);
        if (!v)
            return 0;
        int nx = i + 1 < n ? rv(s[i + 1]) : 0;
        total += nx > v ? -v : v;
    }
    if (total <= 0 || total >= 4000)
        return 0;
    /* canonical check: regenerate and compare */
    static const struct { int v; const char *r; } tab[] = {
        {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
        {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}
    };
    char buf[20];
    size_t k = 0;
    int v = total;
    for (size_t t = 0; t < sizeof tab / sizeof tab[0]; t++)
        while (v >= tab[t].v && k + 2 < sizeof buf) {
            for (const char *p = tab[t].r; *p; p++)
                buf[k++] = *p;
            v -= tab[t].v;
        }
    if (k != n || memcmp(buf, s, n))
        return 0;
    return total;
}

/* A numeral the rules read: capitals, at most 89, with an I, V or X (so
 * "CD", "DC", "MD" stay letters); its value, else 0.  A possessive 's is
 * not part of it (*core says how much is). */
static int numeral(const char *s, size_t n, size_t *core)
{
    size_t k = n;
    if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's')
        k = n - 2;
    for (size_t i = 0; i < k; i++)
        if (!is_upper((unsigned char)s[i]))
            return 0;
    int v = roman_value(s, k);
    if (!v || v > 89 || !(memchr(s, 'I', k) || memchr(s, 'V', k) || memchr(s, 'X', k)))
        return 0;
    *core = k;
    return v;
}

/* The token at `at` with no punctuation after it */
static const tok *bare(const norm_run *run, long at)
{
    const tok *t = tok_at(run, at);
    return t && t->n && !t->trailn ? t : NULL;
}

static int is_ordinal_tok(const tok *t)
{
    if (!t || t->n < 3)
        return 0;
    if (word_in(t->s, t->n, ordinal_words))
        return 1;
    size_t d = 0;
    while (d < t->n && is_digit((unsigned char)t->s[d]))
        d++;
    return d && d + 2 == t->n && (ieq(t->s + d, 2, "st") || ieq(t->s + d, 2, "nd") ||
                                  ieq(t->s + d, 2, "rd") || ieq(t->s + d, 2, "th"));
}

/* "Chapters", "Wars": a counting word, or its plural */
static int counting(const tok *t)
{
    return t && (word_in(t->s, t->n, counting_words) ||
                 (t->n > 3 && t->s[t->n - 1] == 's' && word_in(t->s, t->n - 1, counting_words)));
}

/* A name that is no person's: CamelCase ("WrestleMania"; not Mc/Mac/O'),
 * or a common noun's ending ("Civilization") */
static int thing_name(const tok *t)
{
    for (size_t i = 2; i < t->n; i++)
        if (is_upper((unsigned char)t->s[i]) && is_lower((unsigned char)t->s[i - 1]) &&
            !(i == 2 && t->s[0] == 'M' && t->s[1] == 'c') &&
            !(i == 3 && !memcmp(t->s, "Mac", 3)))
            return 1;
    for (size_t k = 0; noun_endings[k]; k++) {
        size_t e = strlen(noun_endings[k]);
        if (t->n > e + 2 && ieq(t->s + t->n - e, e, noun_endings[k]))
            return 1;
    }
    return 0;
}

/* Words of reigns minus words of things in the sentence around `at`
 * (up to 16 tokens each way, not past a full stop) */
static int context_lean(const norm_run *run, long at)
{
    int lean = 0;
    for (int dir = -1; dir <= 1; dir += 2) {
        for (long k = 1; k <= 16; k++) {
            const tok *t = tok_at(run, at + dir * k);
            if (!t)
                break;
            if (dir < 0 && t->trailn && memchr(t->trail, '.', t->trailn))
                break;
            if (t->n && word_in(t->s, t->n, reign_words))
                lean++;
            else if (t->n && word_in(t->s, t->n, thing_words))
                lean--;
            if (dir > 0 && t->trailn && memchr(t->trail, '.', t->trailn))
                break;
        }
    }
    return lean;
}

/* Verbs only the pronoun "I" takes in the present: a king's numeral is
 * third person ("Henry I think" is the pronoun even among words of reigns) */
static const char *const first_person_verbs[] = {
    "am", "think", "believe", "guess", "suppose", "mean", "know", "hope",
    "feel", "agree", "do", "don't", "have", "want", "wish", "fear", NULL
};

enum { NOT_NUMERAL, COUNT, NAME_ORDINAL };

/* How the numeral s[0..n) at offset `at` from the current token is read
 * (its neighbours are the tokens around `at`); depth bounds the look back
 * over a pair ("VI and I"). */
static int reading_at(const norm_run *run, long at, const char *s, size_t n, int depth)
{
    size_t core;
    int v = numeral(s, n, &core);
    if (!v)
        return NOT_NUMERAL;
    const tok *pv = bare(run, at - 1), *pv2 = bare(run, at - 2), *pv3 = bare(run, at - 3);
    const tok *nx = tok_at(run, at + 1);
    int one_letter = core == 1;
    if (pv && is_ordinal_tok(pv) && !one_letter)
        return COUNT;                              /* the 2nd XV */
    if (pv && depth < 2 && pv2 && (tok_is(pv, "and") || tok_is(pv, "or") || tok_is(pv, "&")) &&
        !pv->leadn) {
        /* the second of a pair reads as the first: VI and I, I and II */
        int first = reading_at(run, at - 2, pv2->s, pv2->n, depth + 1);
        int we = one_letter && s[0] == 'I' && nx && word_in(nx->s, nx->n, plural_verbs);
        if (first != NOT_NUMERAL && !we)
            return first;
    }
    /* III, VII, XIV: three letters or more of I, V and X spell no English
       word or common acronym (two can: IV, VI, XI; L, C and D make LIX,
       CIV), so with no name before it such a numeral is a number ("Part
       III:", "anhydrases III and IV", a heading "III: The Treatise");
       not "XXX", which marks a gap or a rating */
    int long_ivx = core >= 3 && strspn(s, "IVX") >= core &&
                   strspn(s, "X") < core;      /* "XXX" is a placeholder or a rating */
    if (core >= 3 && strspn(s, "X") >= core && !(pv && (counting(pv) ||
                                                       (pv2 && counting(pv2) && tok_is_cap_word(pv)))))
        return NOT_NUMERAL;                        /* "XXX" but Super Bowl XXX */
    if (!pv)
        return long_ivx ? COUNT : NOT_NUMERAL;
    if (one_letter && s[0] == 'X' && (tok_is(pv, "Malcolm") || tok_is(pv, "Series")))
        return NOT_NUMERAL;                        /* the letter: Malcolm X, Series X */
    if (counting(pv) || (pv2 && counting(pv2) && tok_is_cap_word(pv)) ||
        word_in(pv->s, pv->n, articles))
        return COUNT;                              /* World War II, Final Fantasy VII */
    /* a capitalised article opens a sentence and names no one: "An IV
       drip" is the letters, as "an IV drip" is */
    if (!tok_is_cap_word(pv) || word_in(pv->s, pv->n, determiners)) {
        /* "measured VII on the Mercalli scale" */
        for (long k = 1; k <= 4 && !one_letter; k++) {
            const tok *t = tok_at(run, at + k);
            if (!t)
                break;
            if (tok_is(t, "scale"))
                return COUNT;
        }
        return long_ivx ? COUNT : NOT_NUMERAL;
    }
    int titled = (pv2 && word_in(pv2->s, pv2->n, titles) && tok_is_cap_word(pv2)) ||
                 (pv2 && pv3 && tok_is_cap_word(pv2) && word_in(pv3->s, pv3->n, titles) &&
                  tok_is_cap_word(pv3));
    int given = word_in(pv->s, pv->n, given_names);
    /* a given name (or initial) and a surname: the name's, "Henry Ford II" */
    int named = pv2 && tok_is_cap_word(pv2) && !word_in(pv->s, pv->n, titles) &&
                (word_in(pv2->s, pv2->n, given_names) ||
                 (pv2->n == 2 && is_upper((unsigned char)pv2->s[0]) && pv2->s[1] == '.'));
    if (titled || (named && v >= 2 && v <= 5))
        return NAME_ORDINAL;
    int lean = context_lean(run, at);
    if (one_letter) {
        /* a lone I, V or X is a letter far more often than a numeral; but
           the pronoun takes no 's, so "Elizabeth I's navy" is hers */
        if (!given && lean <= 0 && !(core < n && s[0] == 'I'))
            return NOT_NUMERAL;
    } else if (lean < 0) {
        return COUNT;
    } else if (lean == 0 && !given) {
        int article = pv2 && word_in(pv2->s, pv2->n, determiners);
        int several = pv2 && tok_is_cap_word(pv2) && !word_in(pv2->s, pv2->n, titles);
        if (article || several || thing_name(pv))
            return COUNT;
    }
    const tok *cur = tok_at(run, at);
    if (one_letter && s[0] == 'I' && core == n && nx && nx->n && is_lower((unsigned char)nx->s[0]) &&
        cur && !cur->trailn && !titled && !tok_is(nx, "of") && !tok_is(nx, "and") &&
        !(given && lean > 0 && !word_in(nx->s, nx->n, first_person_verbs)))
        return NOT_NUMERAL;            /* "Sam I am", "Henry I think"; not "King Charles I was",
                                          nor a given name among words of reigns ("Otto I
                                          was crowned") */
    return NAME_ORDINAL;
}

/* "Henry I think": the pronoun after a name Flite takes for a king's (or a
 * counting word it numbers) is written small, so Flite says "I". */
static int say_pronoun_i(norm_run *run, const char *s, size_t n)
{
    if (n != 1 || s[0] != 'I' || !IS_WHOLE(run, s, n))
        return 0;
    const tok *pv = bare(run, -1), *pv2 = bare(run, -2);
    if (!pv || !((word_in(pv->s, pv->n, flite_regnal)) ||
                 (pv2 && word_in(pv2->s, pv2->n, flite_royal)) ||
                 word_in(pv->s, pv->n, counting_words)))
        return 0;
    SET(run, CLS_WORD, "pronoun-i");
    out_word(run->o, "i", 1);
    return 1;
}

int say_roman(norm_run *run, const char *s, size_t n)
{
    if (s != run->t[run->i].s)
        return 0;                      /* only a token's first piece has its neighbours */
    int how = reading_at(run, 0, s, n, 0);
    if (how == NOT_NUMERAL)
        return say_pronoun_i(run, s, n);
    size_t core;
    int v = numeral(s, n, &core);
    if (how == COUNT) {
        SET(run, CLS_ROMAN, "roman-cardinal");
        num_cardinal_u(run->o, (unsigned)v);
    } else {
        SET(run, CLS_ROMAN, "roman-regnal");
        out_word(run->o, "the", 3);
        num_cardinal_u(run->o, (unsigned)v);
        out_ordinalize(run->o);
    }
    if (core < n && !run->o->err && nr_buf_append(run->o->b, "'s", 2) != NR_BUF_OK)
        run->o->err = 1;
    return 1;
}

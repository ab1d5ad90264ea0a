/*
 * tables.c - the fixed vocabulary rules look things up in: month and weekday
 * names, measurement units, currencies, abbreviations.
 *
 * Tables are const arrays, which keeps them easy to extend: add a row, no
 * code change.  The ones asked about every token (months, weekdays, units,
 * abbreviations, states) are found through a keyidx built on first use:
 * scanning them row by row was a third of the normalizer's time.
 */
#include "internal.h"

#include <pthread.h>
#include <string.h>

/* Hot: called for every token against every table row, so it stops at the
 * first differing byte instead of measuring b first. */
int ieq(const char *a, size_t an, const char *b)
{
    for (size_t i = 0; i < an; i++) {
        int x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (!y)
            return 0;
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y)
            return 0;
    }
    return b[an] == 0;
}

/* Exact comparison of s[0..n) with the NUL-terminated key.  Compares
 * lengths first: s may hold NUL bytes, and strncmp would then stop early
 * and leave key[n] past the end of a shorter key. */
static int keq(const char *key, const char *s, size_t n)
{
    return n && key[0] == s[0] && strlen(key) == n && !memcmp(key, s, n);
}

#define LOW(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))

int word_in(const char *s, size_t n, const char *const *list)
{
    if (!n)
        return 0;
    int f = LOW((unsigned char)s[0]);
    for (size_t i = 0; list[i]; i++)
        if (LOW((unsigned char)list[i][0]) == f && ieq(s, n, list[i]))
            return 1;
    return 0;
}

const char *const month_names[13] = {
    "", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
};
static const char *const month_abbr[13] = {
    "", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
    "nov", "dec"
};

/* row m of each index is month m; row 0 ("") never matches a token */
static keyidx month_name_ix, month_abbr_ix;
static pthread_once_t month_once = PTHREAD_ONCE_INIT;
static void month_index(void)
{
    KEYIDX_BUILD(&month_name_ix, month_names);
    KEYIDX_BUILD(&month_abbr_ix, month_abbr);
}

int month_find(const char *s, size_t n)
{
    if (n && s[n - 1] == '.')
        n--;
    if (n < 3 || n > 9 || !strchr("jfmasondJFMASOND", s[0]))
        return 0;
    pthread_once(&month_once, month_index);
    int m = keyidx_find(&month_name_ix, s, n);
    if (m < 1)
        m = keyidx_find(&month_abbr_ix, s, n);
    if (m >= 1)
        return m;
    if (ieq(s, n, "sept"))
        return 9;
    return 0;
}

const char *const weekday_names[8] = {
    "", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday"
};
static const struct { const char *key; int day; } weekday_abbr[] = {
    {"mon", 1}, {"tue", 2}, {"tues", 2}, {"wed", 3}, {"weds", 3}, {"thu", 4},
    {"thur", 4}, {"thurs", 4}, {"fri", 5}, {"sat", 6}, {"sun", 7}
};

/* row d of weekday_name_ix is day d; row 0 ("") never matches a token */
static keyidx weekday_name_ix, weekday_abbr_ix;
static pthread_once_t weekday_once = PTHREAD_ONCE_INIT;
static void weekday_index(void)
{
    KEYIDX_BUILD(&weekday_name_ix, weekday_names);
    KEYIDX_BUILD(&weekday_abbr_ix, weekday_abbr);
}

int weekday_find(const char *s, size_t n)
{
    if (n && s[n - 1] == '.')
        n--;
    if (n < 3 || n > 9 || !strchr("mtwfsMTWFS", s[0]))
        return 0;
    pthread_once(&weekday_once, weekday_index);
    int d = keyidx_find(&weekday_name_ix, s, n);
    if (d >= 1)
        return d;
    int r = keyidx_find(&weekday_abbr_ix, s, n);
    return r >= 0 ? weekday_abbr[r].day : 0;
}

/* A calendar's two letters for a day, capitalised ("Tu", "Th"; not "We",
 * a word): a day only before a date, which the caller checks. */
int weekday_two(const char *s, size_t n)
{
    static const char *const two[] = {"Mo", "Tu", "", "Th", "Fr", "Sa", "Su"};
    if (n == 3 && s[2] == '.')
        n = 2;
    if (n != 2)
        return 0;
    for (int d = 0; d < 7; d++)
        if (two[d][0] && s[0] == two[d][0] && s[1] == two[d][1])
            return d + 1;
    return 0;
}

/* abbr, GB singular, GB plural, US singular, US plural (NULL = same). */
static const unit units[] = {
    {"km", "kilometre", "kilometres", "kilometer", "kilometers", 0},
    {"m", "metre", "metres", "meter", "meters", U_CASE},
    {"cm", "centimetre", "centimetres", "centimeter", "centimeters", 0},
    {"mm", "millimetre", "millimetres", "millimeter", "millimeters", 0},
    {"mmHg", "millimetre of mercury", "millimetres of mercury",
     "millimeter of mercury", "millimeters of mercury", 0},
    {"\x07m", "micrometre", "micrometres", "micrometer", "micrometers", 0},
    {"nm", "nanometre", "nanometres", "nanometer", "nanometers", 0},
    {"km2", "square kilometre", "square kilometres", "square kilometer", "square kilometers", 0},
    {"m2", "square metre", "square metres", "square meter", "square meters", 0},
    {"km3", "cubic kilometre", "cubic kilometres", "cubic kilometer", "cubic kilometers", 0},
    {"m3", "cubic metre", "cubic metres", "cubic meter", "cubic meters", 0},
    {"cm2", "square centimetre", "square centimetres", "square centimeter", "square centimeters", 0},
    {"mm2", "square millimetre", "square millimetres", "square millimeter", "square millimeters", 0},
    {"mm3", "cubic millimetre", "cubic millimetres", "cubic millimeter", "cubic millimeters", 0},
    {"cm3", "cubic centimetre", "cubic centimetres", "cubic centimeter", "cubic centimeters", 0},
    {"sq", "square", "square", NULL, NULL, U_GLUED_ONLY},
    {"ha", "hectare", "hectares", NULL, NULL, 0},
    {"kg", "kilogram", "kilograms", NULL, NULL, 0},
    {"g", "gram", "grams", NULL, NULL, U_CASE | U_GLUED_ONLY},
    {"mg", "milligram", "milligrams", NULL, NULL, 0},
    {"\x07g", "microgram", "micrograms", NULL, NULL, 0},
    {"lb", "pound", "pounds", NULL, NULL, 0},
    {"lbs", "pounds", "pounds", NULL, NULL, 0},
    {"oz", "ounce", "ounces", NULL, NULL, 0},
    {"qt", "quart", "quarts", NULL, NULL, 0},
    {"tsp", "teaspoon", "teaspoons", NULL, NULL, 0},
    {"tbsp", "tablespoon", "tablespoons", NULL, NULL, 0},
    {"Tbsp", "tablespoon", "tablespoons", NULL, NULL, U_CASE},
    {"cwt", "hundredweight", "hundredweight", NULL, NULL, 0},
    /* British body weight: "9st 4lb"; "1st", "21st" stay ordinals unless a
       pounds figure follows (measures.c) */
    {"st", "stone", "stone", NULL, NULL, U_GLUED_ONLY | U_CASE},
    {"t", "tonne", "tonnes", NULL, NULL, U_GLUED_ONLY | U_CASE},
    {"mph", "mile per hour", "miles per hour", NULL, NULL, 0},
    {"kph", "kilometre per hour", "kilometres per hour", "kilometer per hour", "kilometers per hour", 0},
    {"km/h", "kilometre per hour", "kilometres per hour", "kilometer per hour", "kilometers per hour", 0},
    {"kmh", "kilometre per hour", "kilometres per hour", "kilometer per hour", "kilometers per hour", 0},
    {"m/s", "metre per second", "metres per second", "meter per second", "meters per second", 0},
    {"ft", "foot", "feet", NULL, NULL, 0},
    {"in", "inch", "inches", NULL, NULL, U_GLUED_ONLY},
    {"yd", "yard", "yards", NULL, NULL, 0},
    {"yds", "yards", "yards", NULL, NULL, 0},
    {"mi", "mile", "miles", NULL, NULL, 0},
    {"l", "litre", "litres", "liter", "liters", U_GLUED_ONLY},
    {"L", "litre", "litres", "liter", "liters", U_CASE | U_GLUED_ONLY},
    {"dL", "decilitre", "decilitres", "deciliter", "deciliters", U_CASE},
    {"dl", "decilitre", "decilitres", "deciliter", "deciliters", U_CASE},
    {"mmol", "millimole", "millimoles", NULL, NULL, 0},
    {"ml", "millilitre", "millilitres", "milliliter", "milliliters", 0},
    {"cl", "centilitre", "centilitres", "centiliter", "centiliters", 0},
    {"cc", "C C", "C C", NULL, NULL, 0},
    {"gal", "gallon", "gallons", NULL, NULL, 0},
    {"Hz", "hertz", "hertz", NULL, NULL, 0},
    {"kHz", "kilohertz", "kilohertz", NULL, NULL, 0},
    {"MHz", "megahertz", "megahertz", NULL, NULL, 0},
    {"GHz", "gigahertz", "gigahertz", NULL, NULL, 0},
    {"KB", "kilobyte", "kilobytes", NULL, NULL, U_CASE},
    {"kB", "kilobyte", "kilobytes", NULL, NULL, U_CASE},
    {"MB", "megabyte", "megabytes", NULL, NULL, U_CASE},
    {"GB", "gigabyte", "gigabytes", NULL, NULL, U_CASE},
    {"TB", "terabyte", "terabytes", NULL, NULL, U_CASE},
    {"Mb", "megabit", "megabits", NULL, NULL, U_CASE},
    {"Gb", "gigabit", "gigabits", NULL, NULL, U_CASE},
    {"kbps", "kilobit per second", "kilobits per second", NULL, NULL, 0},
    {"mbps", "megabit per second", "megabits per second", NULL, NULL, 0},
    {"gbps", "gigabit per second", "gigabits per second", NULL, NULL, 0},
    {"W", "watt", "watts", NULL, NULL, U_CASE | U_GLUED_ONLY},
    {"kW", "kilowatt", "kilowatts", NULL, NULL, 0},
    {"MW", "megawatt", "megawatts", NULL, NULL, U_CASE},
    {"GW", "gigawatt", "gigawatts", NULL, NULL, U_CASE},
    {"kWh", "kilowatt hour", "kilowatt hours", NULL, NULL, 0},
    {"MWh", "megawatt hour", "megawatt hours", NULL, NULL, U_CASE},
    {"GWh", "gigawatt hour", "gigawatt hours", NULL, NULL, U_CASE},
    {"V", "volt", "volts", NULL, NULL, U_CASE | U_GLUED_ONLY},
    {"kV", "kilovolt", "kilovolts", NULL, NULL, 0},
    {"mA", "milliamp", "milliamps", NULL, NULL, U_CASE},
    {"mAh", "milliamp hour", "milliamp hours", NULL, NULL, U_CASE},
    {"hp", "horsepower", "horsepower", NULL, NULL, 0},
    {"bhp", "brake horsepower", "brake horsepower", NULL, NULL, 0},
    {"psi", "P S I", "P S I", NULL, NULL, 0},
    {"dB", "decibel", "decibels", NULL, NULL, 0},
    {"kcal", "kilocalorie", "kilocalories", NULL, NULL, 0},
    {"cal", "calorie", "calories", NULL, NULL, 0},
    {"mins", "minutes", "minutes", NULL, NULL, 0},
    {"min", "minute", "minutes", NULL, NULL, 0},
    {"hrs", "hours", "hours", NULL, NULL, 0},
    {"hr", "hour", "hours", NULL, NULL, 0},
    {"h", "hour", "hours", NULL, NULL, U_GLUED_ONLY | U_CASE},
    {"secs", "seconds", "seconds", NULL, NULL, 0},
    {"sec", "second", "seconds", NULL, NULL, 0},
    {"s", "second", "seconds", NULL, NULL, U_GLUED_ONLY | U_CASE},
    {"ms", "millisecond", "milliseconds", NULL, NULL, U_CASE},
    {"yrs", "years", "years", NULL, NULL, 0},
    {"yr", "year", "years", NULL, NULL, 0},
    {"\x04" "C", "degree Celsius", "degrees Celsius", NULL, NULL, 0},
    {"\x04" "F", "degree Fahrenheit", "degrees Fahrenheit", NULL, NULL, 0},
    {"\x04", "degree", "degrees", NULL, NULL, 0},
    {"C", "degree Celsius", "degrees Celsius", NULL, NULL, U_CASE | U_GLUED_ONLY},
    {"F", "degree Fahrenheit", "degrees Fahrenheit", NULL, NULL, U_CASE | U_GLUED_ONLY},
    {"x", "times", "times", NULL, NULL, U_GLUED_ONLY},
    {"ppm", "part per million", "parts per million", NULL, NULL, 0},
    {"%", "percent", "percent", NULL, NULL, 0},
    {"pc", "percent", "percent", NULL, NULL, U_GLUED_ONLY},
    {"k", "thousand", "thousand", NULL, NULL, U_GLUED_ONLY | U_CASE},
    /* capital K glued to a number is mostly a name, said as the letter:
       "4K TV", "a 10K race"; amounts with a currency are money.c's */
    {"K", "K", "K", NULL, NULL, U_GLUED_ONLY},
    {"MP", "megapixel", "megapixels", NULL, NULL, U_GLUED_ONLY},
    {"nmi", "nautical mile", "nautical miles", NULL, NULL, 0},
    /* finance copy: "rose 25bps", "a 50bp cut"; bit rates come with a
       prefix (kbps, Mbps) and are units of their own */
    {"bps", "basis point", "basis points", NULL, NULL, 0},
    {"pts", "point", "points", NULL, NULL, 0},   /* "won by 5pts" */
    {"bp", "basis point", "basis points", NULL, NULL, U_GLUED_ONLY},
    {"bn", "billion", "billion", NULL, NULL, 0},
    {"tn", "trillion", "trillion", NULL, NULL, U_GLUED_ONLY},
    {"mn", "million", "million", NULL, NULL, U_GLUED_ONLY},
    {"mln", "million", "million", NULL, NULL, 0},
};

static keyidx unit_ix;
static pthread_once_t unit_once = PTHREAD_ONCE_INIT;
static void unit_index(void) { KEYIDX_BUILD(&unit_ix, units); }

const unit *unit_find(const char *s, size_t n)
{
    /* exact case first, then case-insensitive for units that allow it */
    if (!n)
        return NULL;
    pthread_once(&unit_once, unit_index);
    int r = keyidx_find_exact(&unit_ix, s, n);
    if (r >= 0)
        return &units[r];
    if (n > 5)
        return NULL;
    for (r = keyidx_find(&unit_ix, s, n); r >= 0; r = keyidx_next(&unit_ix, r))
        if (!(units[r].flags & U_CASE))
            return &units[r];
    return NULL;
}

static const currency currencies[] = {
    {"\x01", "pound", "pounds", "penny", "pence"},
    {"$", "dollar", "dollars", "cent", "cents"},
    {"\x02", "euro", "euros", "cent", "cents"},
    {"\x03", "yen", "yen", NULL, NULL},
    {"\x0e", "won", "won", NULL, NULL},
    {"\x0f", "rupee", "rupees", "paisa", "paise"},
    {"US$", "US dollar", "US dollars", "cent", "cents"},
    {"A$", "Australian dollar", "Australian dollars", "cent", "cents"},
    {"AU$", "Australian dollar", "Australian dollars", "cent", "cents"},
    {"C$", "Canadian dollar", "Canadian dollars", "cent", "cents"},
    {"CA$", "Canadian dollar", "Canadian dollars", "cent", "cents"},
    {"NZ$", "New Zealand dollar", "New Zealand dollars", "cent", "cents"},
    {"HK$", "Hong Kong dollar", "Hong Kong dollars", "cent", "cents"},
    {"S$", "Singapore dollar", "Singapore dollars", "cent", "cents"},
    {"R$", "real", "reais", NULL, NULL},
    {"Rs", "rupee", "rupees", NULL, NULL},
    {"USD", "US dollar", "US dollars", "cent", "cents"},
    {"GBP", "pound", "pounds", "penny", "pence"},
    {"EUR", "euro", "euros", "cent", "cents"},
    {"JPY", "yen", "yen", NULL, NULL},
    {"CNY", "yuan", "yuan", NULL, NULL},
    {"RMB", "yuan", "yuan", NULL, NULL},
    {"CHF", "Swiss franc", "Swiss francs", NULL, NULL},
    {"AUD", "Australian dollar", "Australian dollars", "cent", "cents"},
    {"CAD", "Canadian dollar", "Canadian dollars", "cent", "cents"},
    {"INR", "rupee", "rupees", NULL, NULL},
    {"NZD", "New Zealand dollar", "New Zealand dollars", "cent", "cents"},
    {"HKD", "Hong Kong dollar", "Hong Kong dollars", "cent", "cents"},
    {"SEK", "Swedish krona", "Swedish kronor", NULL, NULL},
    {"NOK", "Norwegian krone", "Norwegian kroner", NULL, NULL},
    {"ZAR", "rand", "rand", NULL, NULL},
    /* more ISO 4217 codes; none that is also a word or a common name
       beside a number (TRY, SAR, PHP, COP, RON
       octane stay letters) */
    {"DKK", "Danish krone", "Danish kroner", NULL, NULL},
    {"ISK", "Icelandic krona", "Icelandic kronur", NULL, NULL},
    {"PLN", "zloty", "zlotys", NULL, NULL},
    {"CZK", "Czech koruna", "Czech korunas", NULL, NULL},
    {"HUF", "forint", "forints", NULL, NULL},
    {"HRK", "Croatian kuna", "Croatian kunas", NULL, NULL},
    {"RUB", "ruble", "rubles", NULL, NULL},
    {"UAH", "hryvnia", "hryvnias", NULL, NULL},
    {"ILS", "shekel", "shekels", NULL, NULL},
    {"AED", "dirham", "dirhams", NULL, NULL},
    {"KRW", "won", "won", NULL, NULL},
    {"SGD", "Singapore dollar", "Singapore dollars", "cent", "cents"},
    {"TWD", "Taiwan dollar", "Taiwan dollars", "cent", "cents"},
    {"MXN", "Mexican peso", "Mexican pesos", NULL, NULL},
    {"BRL", "real", "reais", NULL, NULL},
    {"ARS", "Argentine peso", "Argentine pesos", NULL, NULL},
    {"NGN", "naira", "naira", NULL, NULL},
    {"KES", "Kenyan shilling", "Kenyan shillings", NULL, NULL},
    {"PKR", "Pakistani rupee", "Pakistani rupees", NULL, NULL},
    {"THB", "baht", "baht", NULL, NULL},
    {"IDR", "rupiah", "rupiah", NULL, NULL},
    {"MYR", "ringgit", "ringgit", NULL, NULL},
    {"VND", "dong", "dong", NULL, NULL},
    {"BTC", "bitcoin", "bitcoin", NULL, NULL},
    {"\x10", "cent", "cents", NULL, NULL},
};

const currency *currency_code(const char *s, size_t n)
{
    if (n != 3)
        return NULL;
    if (!is_upper((unsigned char)s[0]))
        return NULL;
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
        if (keq(currencies[i].key, s, 3))
            return &currencies[i];
    return NULL;
}

/* Bytes some currency key starts with: a capitalised word starting with
 * none of them needs no scan of the table. */
static unsigned char currency_starts[256];
static pthread_once_t currency_once = PTHREAD_ONCE_INIT;
static void currency_index(void)
{
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
        currency_starts[(unsigned char)currencies[i].key[0]] = 1;
}

/* Longest sign at the start of s ("US$" before "$"). */
const currency *currency_sign(const char *s, size_t n, size_t *used)
{
    const currency *best = NULL;
    size_t bl = 0;
    if (!n || (s[0] != '$' && (unsigned char)s[0] >= 0x20 && !is_upper((unsigned char)s[0])))
        return NULL;                    /* fast exit for ordinary words */
    pthread_once(&currency_once, currency_index);
    if (!currency_starts[(unsigned char)s[0]])
        return NULL;
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++) {
        const char *k = currencies[i].key;
        if (k[0] != s[0])
            continue;
        size_t kl = strlen(k);
        if (kl == 3 && is_upper((unsigned char)k[2]))
            continue;               /* codes are separate words */
        if (kl <= n && kl > bl && !memcmp(k, s, kl)) {
            best = &currencies[i];
            bl = kl;
        }
    }
    if (best && bl == 2 && !strcmp(best->key, "Rs") && !(n > 2 && (s[2] == '.' || is_digit((unsigned char)s[2]))))
        return NULL;
    *used = bl;
    return best;
}

const currency *currency_word(const char *key)
{
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
        if (!strcmp(currencies[i].key, key))
            return &currencies[i];
    return NULL;
}

/* AB_TITLE: expands before a capitalised name; AB_DOT: only when written with
 * a full stop (the bare form is a common word); AB_NUMBER: only before a
 * number; AB_ANY: always. */
static const abbrev abbrevs[] = {
    {"Mr", "Mister", AB_TITLE | AB_ANY}, {"Mrs", "Misses", AB_TITLE | AB_ANY},
    {"Ms", "Miz", AB_TITLE}, {"Mx", "Mix", AB_TITLE},
    {"Dr", "Doctor", AB_TITLE}, {"Prof", "Professor", AB_TITLE | AB_ANY},
    {"Rev", "Reverend", AB_TITLE}, {"Revd", "Reverend", AB_TITLE | AB_ANY},
    {"Gov", "Governor", AB_TITLE}, {"Sen", "Senator", AB_TITLE},
    {"Rep", "Representative", AB_TITLE}, {"Gen", "General", AB_TITLE},
    {"Lt", "Lieutenant", AB_TITLE | AB_ANY}, {"Col", "Colonel", AB_TITLE},
    {"Capt", "Captain", AB_TITLE | AB_ANY}, {"Sgt", "Sergeant", AB_TITLE | AB_ANY},
    {"Cpl", "Corporal", AB_TITLE | AB_ANY}, {"Pte", "Private", AB_TITLE},
    {"Maj", "Major", AB_TITLE}, {"Adm", "Admiral", AB_TITLE},
    {"Cmdr", "Commander", AB_TITLE | AB_ANY}, {"Supt", "Superintendent", AB_TITLE | AB_ANY},
    {"Insp", "Inspector", AB_TITLE | AB_ANY}, {"Det", "Detective", AB_TITLE},
    {"Cllr", "Councillor", AB_TITLE | AB_ANY}, {"Hon", "Honourable", AB_TITLE},
    {"Fr", "Father", AB_TITLE}, {"Sr", "Senior", AB_AFTERNAME},
    {"Jr", "Junior", AB_AFTERNAME | AB_ANY}, {"Snr", "Senior", AB_AFTERNAME | AB_ANY},
    {"Jnr", "Junior", AB_AFTERNAME | AB_ANY}, {"Mt", "Mount", AB_TITLE | AB_ANY},
    {"Ft", "Fort", AB_TITLE}, {"Pres", "President", AB_TITLE},
    {"Gov't", "government", AB_ANY}, {"govt", "government", AB_ANY},
    {"e.g.", "for example", AB_ANY}, {"eg.", "for example", AB_ANY},
    {"i.e.", "that is", AB_ANY}, {"ie.", "that is", AB_ANY},
    {"eg", "for example", AB_ANY}, {"ie", "that is", AB_ANY},  /* British style */
    {"etc.", "etcetera", AB_ANY}, {"etc", "etcetera", AB_ANY},  /* one word, as dictionaries and Flite have it */
    {"vs", "versus", AB_ANY}, {"vs.", "versus", AB_ANY},
    {"approx", "approximately", AB_ANY}, {"approx.", "approximately", AB_ANY},
    {"Inc", "Incorporated", AB_AFTERNAME | AB_ANY}, {"Ltd", "Limited", AB_ANY},
    {"Corp", "Corporation", AB_AFTERNAME | AB_ANY}, {"Bros", "Brothers", AB_AFTERNAME | AB_ANY},
    {"plc", "P L C", AB_ANY}, {"PLC", "P L C", AB_ANY}, {"LLC", "L L C", AB_ANY},
    {"Dept", "Department", AB_ANY}, {"dept", "department", AB_ANY},
    {"Ave", "Avenue", AB_AFTERNAME}, {"Rd", "Road", AB_AFTERNAME | AB_ANY},
    {"Blvd", "Boulevard", AB_AFTERNAME | AB_ANY}, {"Ln", "Lane", AB_AFTERNAME},
    {"Sq", "Square", AB_AFTERNAME}, {"Hwy", "Highway", AB_AFTERNAME | AB_ANY},
    {"Expy", "Expressway", AB_AFTERNAME | AB_ANY}, {"Pkwy", "Parkway", AB_AFTERNAME | AB_ANY},
    {"Fwy", "Freeway", AB_AFTERNAME | AB_ANY}, {"Apt", "apartment", AB_NUMBER},
    {"Apt.", "apartment", AB_NUMBER}, {"apt.", "apartment", AB_NUMBER},
    {"Ct", "Court", AB_AFTERNAME}, {"Cres", "Crescent", AB_AFTERNAME},
    {"Univ", "University", AB_ANY}, {"Assn", "Association", AB_ANY},
    {"Intl", "International", AB_ANY}, {"Natl", "National", AB_ANY},
    {"No.", "number", AB_NUMBER}, {"no.", "number", AB_NUMBER},
    {"Nos.", "numbers", AB_NUMBER}, {"No", "number", AB_NUMBER},
    {"p.", "page", AB_NUMBER}, {"pp.", "pages", AB_NUMBER}, {"pp", "pages", AB_NUMBER},
    {"pg.", "page", AB_NUMBER}, {"para", "paragraph", AB_NUMBER},
    {"vol.", "volume", AB_NUMBER}, {"Vol.", "volume", AB_NUMBER}, {"Vol", "volume", AB_NUMBER}, {"vol", "volume", AB_ANY},
    {"ch.", "chapter", AB_NUMBER}, {"Ch.", "chapter", AB_NUMBER},
    {"fig.", "figure", AB_NUMBER}, {"Fig.", "figure", AB_NUMBER},
    {"c.", "circa", AB_NUMBER}, {"ca.", "circa", AB_NUMBER}, {"circa", "circa", AB_NUMBER},
    {"b.", "born", AB_NUMBER}, {"d.", "died", AB_NUMBER},
    {"est.", "established", AB_NUMBER}, {"Est.", "established", AB_NUMBER},
    {"aka", "also known as", AB_ANY}, {"a.k.a.", "also known as", AB_ANY},
    {"et al.", "et al", AB_ANY}, {"al.", "al", AB_DOT},
    {"cf.", "compare", AB_ANY}, {"viz.", "namely", AB_ANY},
    {"St", "Saint", AB_TITLE}, {"Ste", "Sainte", AB_TITLE},
    {"Co", "Co", AB_AFTERNAME},  /* Company or County: see say_abbrev */
    {"Gen.", "General", AB_TITLE}, {"Feat.", "featuring", AB_ANY},
    {"feat.", "featuring", AB_ANY}, {"ft.", "featuring", AB_DOT},
    {"mins", "minutes", AB_ANY}, {"hrs", "hours", AB_ANY},
    {"yrs", "years", AB_ANY}, {"wk", "week", AB_NUMBER}, {"wks", "weeks", AB_ANY},
    {"min", "minutes", AB_NUMBER}, {"max", "maximum", AB_NUMBER},
    {"tel", "telephone", AB_NUMBER}, {"Tel", "telephone", AB_NUMBER},
    {"tbc", "to be confirmed", AB_ANY}, {"TBC", "to be confirmed", AB_ANY},
    {"tba", "to be announced", AB_ANY}, {"TBA", "to be announced", AB_ANY},
    {"Dec'd", "deceased", AB_ANY}, {"Messrs", "Messieurs", AB_ANY},
    {"Mme", "Madame", AB_TITLE | AB_ANY}, {"Mlle", "Mademoiselle", AB_TITLE | AB_ANY},
    {"Sr.", "Senior", AB_AFTERNAME}, {"Jr.", "Junior", AB_ANY},
    {"Ph.D.", "P-H-D", AB_ANY}, {"Ph.D", "P-H-D", AB_ANY}, {"PhD", "P-H-D", AB_ANY},
    /* degrees written with a small letter inside are letters all the same */
    {"B.Sc.", "B-S-C", AB_ANY}, {"B.Sc", "B-S-C", AB_ANY}, {"BSc", "B-S-C", AB_ANY},
    {"M.Sc.", "M-S-C", AB_ANY}, {"M.Sc", "M-S-C", AB_ANY}, {"MSc", "M-S-C", AB_ANY},
    {"MPhil", "M-Phil", AB_ANY}, {"DPhil", "D-Phil", AB_ANY}, {"LLB", "L-L-B", AB_ANY},
    {"Rt", "Right", AB_TITLE},         /* "Rt Hon", "the Rt Rev" */
    /* finance: changes over a period */
    {"YoY", "year on year", AB_ANY}, {"yoy", "year on year", AB_ANY},
    {"QoQ", "quarter on quarter", AB_ANY}, {"qoq", "quarter on quarter", AB_ANY},
    {"MoM", "month on month", AB_ANY},
    /* military units and ranks ("2 Bn" is cardinals.c's "second Battalion";
       "A Coy", "2 Coy": a company after its letter or number, words.c) */
    {"Bn", "Battalion", AB_ANY}, {"Bns", "Battalions", AB_ANY},
    {"Regt", "Regiment", AB_ANY}, {"Bde", "Brigade", AB_ANY},
    {"Coy", "Company", AB_AFTERNAME}, {"Brig", "Brigadier", AB_TITLE},
    {"Cdr", "Commander", AB_TITLE | AB_ANY}, {"Lieut", "Lieutenant", AB_TITLE | AB_ANY},
    {"Div", "Division", AB_ANY}, {"Divs", "Divisions", AB_ANY},
    {"Inf", "Infantry", AB_ANY}, {"Armd", "Armored", AB_ANY}, {"Abn", "Airborne", AB_ANY},
    {"Cav", "Cavalry", AB_ANY}, {"Sqn", "Squadron", AB_ANY}, {"Sqns", "Squadrons", AB_ANY},
    {"LCpl", "Lance Corporal", AB_TITLE | AB_ANY}, {"Gnr", "Gunner", AB_TITLE},
    {"Spr", "Sapper", AB_TITLE}, {"Tpr", "Trooper", AB_TITLE}, {"Rfn", "Rifleman", AB_TITLE},
    {"Cdre", "Commodore", AB_TITLE | AB_ANY}, {"Ldr", "Leader", AB_TITLE},
    {"Flt", "Flight", AB_TITLE | AB_ANY}, {"Wg", "Wing", AB_TITLE},
    /* references: editors, no date, the work cited, the same place (the
       small "ed." and "eds." stay as written, as Google's references keep
       them: "sixth ed", "in Smith and Jones, eds") */
    {"Eds.", "editors", AB_ANY},
    {"n.d.", "no date", AB_ANY}, {"ibid.", "ibid", AB_ANY}, {"Ibid.", "ibid", AB_ANY},
    {"cit.", "cit", AB_DOT}, {"Op.", "opus", AB_NUMBER}, {"op.", "opus", AB_NUMBER},
};

/* Words that usually start a sentence: after "U.S." or "p.m." they show
 * the full stop also ended the sentence. */
int is_opener(const char *s, size_t n)
{
    static const char *const openers[] = {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And",
        "In", "This", "That", "There", "His", "Her", "Their", "Its", "On", "At",
        "After", "When", "However", "Meanwhile", "Then", "Officials", "Police",
        "You", "If", "As", "So", "Now", NULL
    };
    return n && is_upper((unsigned char)s[0]) && word_in(s, n, openers);
}

static keyidx abbrev_ix;
static pthread_once_t abbrev_once = PTHREAD_ONCE_INIT;
static void abbrev_index(void) { KEYIDX_BUILD(&abbrev_ix, abbrevs); }

/* Keys matched only as written, never in lower case: the lower-case
 * word is something else ("co", "col", "gen", "div" of HTML, "inf"). */
static const char *const capitals_only[] = {
    "Inc", "Co", "Col", "Gen", "Rep", "Sen", "Det", "Hon", "Fr", "Ft", "Pres", "Maj", "Pte", "Cos", "Ste", "Sq", "Ln", "Ct", "Cres", "Adm", "Rev", "Gov", "Rt", "Coy", "Bn", "Bns", "Brig", "Cdr", "Bde",
    "Div", "Divs", "Inf", "Armd", "Abn", "Cav", "Sqn", "Sqns", "LCpl", "Gnr", "Spr",
    "Tpr", "Rfn", "Cdre", "Ldr", "Flt", "Wg", NULL
};

const abbrev *abbrev_find(const char *s, size_t n)
{
    if (!n || n > 7)
        return NULL;                    /* no key is longer */
    if (n >= 5 && is_lower((unsigned char)s[0]) && !memchr(s, '.', n) &&
        !ieq(s, n, "approx") && !ieq(s, n, "circa"))
        return NULL;                    /* ordinary lower-case words */
    static const char *const common[] = {
        "the", "and", "of", "to", "in", "a", "is", "was", "for", "on", "that",
        "with", "as", "by", "at", "it", "his", "he", "be", "from", "are", "an",
        "this", "had", "has", "have", "not", "but", "were", "they", "its", "her",
        "she", "or", "been", "who", "will", "said", "we", "i", "you", "one",
        "two", "new", "more", "also", "can", "all", "into", "than", "when", NULL
    };
    /* every row that can match has s for its key ignoring case */
    pthread_once(&abbrev_once, abbrev_index);
    int first = keyidx_find(&abbrev_ix, s, n);
    if (first < 0)
        return NULL;
    if (is_lower((unsigned char)s[0]) && word_in(s, n, common))
        return NULL;                    /* the commonest words */
    int r = keyidx_find_exact(&abbrev_ix, s, n);
    if (r >= 0)
        return &abbrevs[r];
    /* "mr", "dr", "st", "ltd": scraped text loses capitals; titles and
     * name suffixes still match when written all in lower case */
    if (n >= 2 && n <= 4 && is_lower((unsigned char)s[0])) {
        for (r = first; r >= 0; r = keyidx_next(&abbrev_ix, r)) {
            const abbrev *a = &abbrevs[r];
            if ((a->key[0] | 32) == s[0] && (a->flags & (AB_TITLE | AB_AFTERNAME | AB_ANY)) && is_upper((unsigned char)a->key[0]) &&
                ieq(s, n, a->key) && !word_in(a->key, strlen(a->key), capitals_only))
                return a;
        }
    }
    /* "Approx. 3 m", "Etc.", "Feat. Drake": a lower-case abbreviation said
     * anywhere is the same capitalised, as a sentence or a credit opens it */
    if (n >= 3 && is_upper((unsigned char)s[0]) && is_lower((unsigned char)s[1])) {
        char lc[8];
        memcpy(lc, s, n);
        lc[0] = (char)(lc[0] | 32);
        r = keyidx_find_exact(&abbrev_ix, lc, n);
        if (r >= 0 && (abbrevs[r].flags & AB_ANY) && is_lower((unsigned char)abbrevs[r].key[0]))
            return &abbrevs[r];
    }
    return NULL;
}

/* A title written in capitals, as datelines and shouted headlines have them
 * ("ST", "DR", "SEN"): the title it is, or NULL. */
const abbrev *abbrev_find_caps_title(const char *s, size_t n)
{
    if (n < 2 || n > 4)
        return NULL;
    char tc[4];
    for (size_t i = 0; i < n; i++) {
        if (!is_upper((unsigned char)s[i]))
            return NULL;
        tc[i] = (char)(i ? s[i] | 32 : s[i]);
    }
    const abbrev *a = abbrev_find(tc, n);
    return a && (a->flags & AB_TITLE) ? a : NULL;
}

/* US postal codes of the states (and DC), read as the state's name only in an
 * address: after "City," and before a ZIP code or at the end (words.c). */
static const char *const us_states[][2] = {
    {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"},
    {"CA", "California"}, {"CO", "Colorado"}, {"CT", "Connecticut"},
    {"DE", "Delaware"}, {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"},
    {"ID", "Idaho"}, {"IL", "Illinois"}, {"IN", "Indiana"}, {"IA", "Iowa"},
    {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"},
    {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"},
    {"MN", "Minnesota"}, {"MS", "Mississippi"}, {"MO", "Missouri"},
    {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
    {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"},
    {"NY", "New York"}, {"NC", "North Carolina"}, {"ND", "North Dakota"},
    {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"}, {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
    {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"},
    {"VA", "Virginia"}, {"WA", "Washington"}, {"WV", "West Virginia"},
    {"WI", "Wisconsin"}, {"WY", "Wyoming"}, {"DC", "D-C"},
};

/* The name paired with key s[0..n) in a {key, name} table, or NULL */
static const char *pair_find(const keyidx *ix, const char *const (*t)[2], const char *s, size_t n)
{
    int r = keyidx_find_exact(ix, s, n);
    return r >= 0 ? t[r][1] : NULL;
}

static keyidx us_state_ix;
static pthread_once_t us_state_once = PTHREAD_ONCE_INIT;
static void us_state_index(void) { KEYIDX_BUILD(&us_state_ix, us_states); }

const char *us_state_find(const char *s, size_t n)
{
    if (n != 2 || !is_upper((unsigned char)s[0]) || !is_upper((unsigned char)s[1]))
        return NULL;
    pthread_once(&us_state_once, us_state_index);
    return pair_find(&us_state_ix, us_states, s, n);
}

/* The Associated Press's state abbreviations, as US datelines and addresses
 * write them ("DENVER, Colo. (AP)", "Albany, N.Y."); keys without the final
 * full stop.  Said as the state only after "Place," (words.c). */
static const char *const ap_states[][2] = {
    {"Ala", "Alabama"}, {"Ariz", "Arizona"}, {"Ark", "Arkansas"},
    {"Calif", "California"}, {"Colo", "Colorado"}, {"Conn", "Connecticut"},
    {"Del", "Delaware"}, {"Fla", "Florida"}, {"Ga", "Georgia"}, {"Ill", "Illinois"},
    {"Ind", "Indiana"}, {"Kan", "Kansas"}, {"Ky", "Kentucky"}, {"La", "Louisiana"},
    {"Md", "Maryland"}, {"Mass", "Massachusetts"}, {"Mich", "Michigan"},
    {"Minn", "Minnesota"}, {"Miss", "Mississippi"}, {"Mo", "Missouri"},
    {"Mont", "Montana"}, {"Neb", "Nebraska"}, {"Nev", "Nevada"},
    {"N.H", "New Hampshire"}, {"N.J", "New Jersey"}, {"N.M", "New Mexico"},
    {"N.Y", "New York"}, {"N.C", "North Carolina"}, {"N.D", "North Dakota"},
    {"Okla", "Oklahoma"}, {"Ore", "Oregon"}, {"Pa", "Pennsylvania"},
    {"R.I", "Rhode Island"}, {"S.C", "South Carolina"}, {"S.D", "South Dakota"},
    {"Tenn", "Tennessee"}, {"Tex", "Texas"}, {"Vt", "Vermont"}, {"Va", "Virginia"},
    {"Wash", "Washington"}, {"W.Va", "West Virginia"}, {"Wis", "Wisconsin"},
    {"Wyo", "Wyoming"},
};

static keyidx ap_state_ix;
static pthread_once_t ap_state_once = PTHREAD_ONCE_INIT;
static void ap_state_index(void) { KEYIDX_BUILD(&ap_state_ix, ap_states); }

const char *ap_state_find(const char *s, size_t n)
{
    pthread_once(&ap_state_once, ap_state_index);
    return pair_find(&ap_state_ix, ap_states, s, n);
}

int is_street_word(const char *s, size_t n)
{
    static const char *const street_words[] = {
        "St", "St.", "Street", "Ave", "Ave.", "Avenue", "Rd", "Rd.", "Road", "Blvd",
        "Blvd.", "Boulevard", "Ln", "Lane", "Dr", "Dr.", "Drive", "Ct", "Court", "Hwy",
        "Hwy.", "Highway", "Expy", "Expressway", "Pkwy", "Parkway", "Way", "Place", "Pl",
        "Terrace", "Close", "Crescent", "Square", "Sq", NULL
    };
    return word_in(s, n, street_words);
}

/*
 * locale.c - guess en-GB or en-US from the text itself.
 *
 * Evidence, weighted by how reliable it is: currency signs (the pound is
 * nearly always British copy), spellings that differ (colour/color,
 * -ise/-ize forms), and all-numeric dates whose first field is over 12
 * (day-first is British).  Ties go to US, Flite's native voice.
 */
#include "internal.h"

#include <string.h>

static const char *const gb_words[] = {
    "colour", "colours", "favour", "favourite", "honour", "labour", "neighbour",
    "centre", "centres", "metre", "metres", "litre", "theatre", "programme",
    "defence", "licence", "offence", "travelled", "whilst", "tyres",
    "organisation", "organised", "recognised", "realised", "apologised",
    "criticised", "authorised", "behaviour", "rumour", "harbour", "analyse",
    "cheque", "aluminium", "pensioners", "councillor", "tonnes",
    "football", "motorway", "petrol", "lorry", NULL
};
static const char *const us_words[] = {
    "color", "colors", "favor", "favorite", "honor", "labor", "neighbor",
    "center", "centers", "meter", "meters", "liter", "theater", "program",
    "defense", "license", "offense", "traveled", "tires", "gray",
    "organization", "organized", "recognized", "realized", "apologized",
    "criticized", "authorized", "behavior", "rumor", "harbor", "analyze",
    "aluminum", "gasoline", "soccer", "freeway",
    "truck", NULL
};

nr_locale nr_norm_guess_locale(const char *text, size_t len)
{
    long gb = 0, us = 0;
    size_t i = 0;
    if (!text)
        return NR_LOCALE_US;
    while (i < len) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] == 0xA3) {
            gb += 3;                                    /* pound sign */
            i += 2;
            continue;
        }
        if (ch == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x82 &&
            (unsigned char)text[i + 2] == 0xAC) {
            gb += 1;                                    /* euro: Europe */
            i += 3;
            continue;
        }
        if (ch == '$') {
            us += 2;
            i++;
            continue;
        }
        if (is_alpha(ch)) {
            size_t j = i;
            while (j < len && is_alpha((unsigned char)text[j]))
                j++;
            if (j - i >= 5 && j - i <= 12) {   /* every listed word is 5-12 */
                if (word_in(text + i, j - i, gb_words))
                    gb += 2;
                else if (word_in(text + i, j - i, us_words))
                    us += 1;
            }
            i = j;
            continue;
        }
        if (is_digit(ch)) {
            size_t j = i;
            unsigned a = 0, b = 0;
            while (j < len && is_digit((unsigned char)text[j]))
                a = a * 10 + (unsigned)(text[j++] - '0');
            if (j - i <= 2 && j < len && text[j] == '/') {
                size_t k = j + 1, st = k;
                while (k < len && is_digit((unsigned char)text[k]))
                    b = b * 10 + (unsigned)(text[k++] - '0');
                if (k - st >= 1 && k - st <= 2 && k < len && text[k] == '/') {
                    if (a > 12 && b <= 12)
                        gb += 3;
                    else if (b > 12 && a <= 12)
                        us += 3;
                }
                j = k;
            }
            i = j;
            continue;
        }
        i++;
    }
    return gb > us ? NR_LOCALE_GB : NR_LOCALE_US;
}

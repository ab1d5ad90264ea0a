/*
 * test_article.c - unit tests of the article readers (src/article/): the
 * seed article exactly, line endings, the source map, each boilerplate
 * family with a case that must go and one that must stay, headings, lists,
 * the Markdown and HTML readers, keep/drop patterns, empty input, and inputs
 * built to break a parser (deep nesting, a 1 MB line, entity floods).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "article/internal.h"   /* nr_date_find */

static const char seed[] =
    "UK : The crucial world of counter terror collaboration\n"
    "\n"
    "\n"
    "The crucial world of counter terror collaboration\n"
    "\n"
    "As the Home Affairs Committee recommends a shift in responsibility for terrorism matters, Andrew Staniforth examines the key relationship between the police and security services.\n"
    "\n"
    "Date \xE2""\x80""\x93"" 13th May 2014\n"
    "ByAndrew Staniforth \xE2""\x80""\x93"" Police Oracle\n"
    "\n"
    "The recent recommendations by MPs for national counter-terrorism issues to be moved from the police to the National Crime Agency would represent an unprecedented change in the 130 year history of the Metropolitan Police leading the policing of political violence.\n"
    "\n"
    "The potential shift towards a federal approach to counter-terrorism policing raises concerns for the local community focus of contemporary counter-terrorism efforts and the continued collaboration with the Security Service (MI5), who retain primacy of the domestic threat from terrorism.\n"
    "\n"
    "Defending the realm\n"
    "\n"
    "Since the creation of the Special Irish Branch at Scotland Yard during 1883, the citizens of the UK have enjoyed protection from terrorism under the aegis of various departments and agencies across the landscape of government, but critical to the success of domestic counter-terrorism has been the collaborative approach between MI5 and the Police Service.\n"
    "\n"
    "This collaboration between the covert and overt arms of government to counter-terrorism is unique. There are no other partnership models that are directly comparable and is a relationship that is unmatched anywhere in the world.\n"
    "\n"
    "For over a century, the police and MI5 have worked together, and while their shared missions have not been without their imperfections, at each juncture where tragic events or increased threats to national security have been identified, MI5 and the police have risen collectively to address the emerging security challenges of the time.\n"
    "\n"
    "Senior support\n"
    "\n"
    "Together, the police and MI5, who represent very different emanations of state power, have served the public well, tackling all manner of security hazards. Former Metropolitan Police Service Deputy Assistant Commissioner Peter Clarke, states that: \xE2""\x80""\x9C""There can be no doubt that the most important change in counter-terrorism in the UK in recent years has been the development of the relationship between the police and Security Service\xE2""\x80""\x9C"".\n"
    "\n"
    "He added: \xE2""\x80""\x9C""It is no exaggeration to say that the joint working between the police and MI5 has become recognised as a beacon of good practice. Colleagues from across the globe, in law enforcement and intelligence, look to the UK as a model, and many of them are, quite frankly, envious.\xE2""\x80""\x9D""\n"
    "\n"
    "The Police Service and MI5 responded rapidly to the post-9/11threat from international terrorism, a threat of such magnitude that it shaped the first decade of the new century of counter-terrorism. Of the two bodies of government, it is the Police Service in particular that has expanded its counter-terrorism mission the most noticeably over recent years.\n"
    "\n"
    "Local focus\n"
    "\n"
    "The close collaboration in counter-terrorism between the police and MI5 was amplified during the build of the national police counter-terrorism network, a series of police units established across the UK in response to the London 7/7 bombings. These units, operating outside of London but coordinated by senior Metropolitan Police officers, were designed to assess local threats, being armed with the resources to tackle them effectively.\n"
    "\n"
    "Stuart Osborne, former Deputy Assistant Commissioner, National Co-ordinator of counter-terrorism and the head of the Counter Terrorism Command at the Metropolitan Police Service from 2009-2013, believes that the police counter-terrorism network is one of the most significant changes in UK counter terrorism. He adds: \xE2""\x80""\x9C""Through the national network of specialist and dedicated counter terrorism policing units a richer picture of the threats emerging locally and regionally has been both obtainable and obtained\xE2""\x80""\x9D"".\n"
    "\n"
    "Security concerns\n"
    "\n"
    "The inter-dependencies of the Police Service and MI5 are very close \xE2""\x80""\x93"" each is the other\xE2""\x80""\x99""s most important partner in this arena but they remain independent of each other. However, the world is a markedly different place following the terrorist attacks of 9/11 and 7/7\xE2""\x80""\xA6""\xE2""\x80""\xA6""\xE2""\x80""\xA6"".continue\xE2""\x80""\xA6""\xE2""\x80""\xA6""\xE2""\x80""\xA6"".\n"
    "\n"
    "Dr Andrew Staniforth is Senior Research Fellow, Centre of Excellence in Terrorism, Resilience, Intelligence & Organised Crime Research (CENTRIC)\n"
    "\n"
    "\xE2""\x80""\xA6""\xE2""\x80""\xA6"" more at :\n"
    "\n"
    "Enhanced by Zemanta\n"
    "\n"
    "Leave a Reply\n"
    "\n"
    "Fill in your details below or click an icon to log in: Logo\n"
    "\n"
    "You are commenting using your account. Log\xC2""\xA0""Out\xC2""\xA0""/\xC2""\xA0"" Change\xC2""\xA0"")\n"
    "\n"
    "Google photo\n"
    "\n"
    "You are commenting using your Google account. Log\xC2""\xA0""Out\xC2""\xA0""/\xC2""\xA0"" Change\xC2""\xA0"")\n"
    "\n"
    "Twitter picture\n"
    "\n"
    "You are commenting using your Twitter account. Log\xC2""\xA0""Out\xC2""\xA0""/\xC2""\xA0"" Change\xC2""\xA0"")\n"
    "\n"
    "Facebook photo\n"
    "\n"
    "You are commenting using your Facebook account. Log\xC2""\xA0""Out\xC2""\xA0""/\xC2""\xA0"" Change\xC2""\xA0"")\n"
    "\n"
    "Connecting to %s";

/* ---------------- helpers ---------------- */

static nr_article *parse_fmt(const char *src, size_t len, nr_input_format f)
{
    nr_article_opts o = {0};
    o.format = f;
    nr_article *a = NULL;
    nr_article_status st = nr_article_parse(src, len, &o, &a);
    if (st != NR_ARTICLE_OK)
        fail_msg("parse failed with status %d", (int)st);
    return a;
}

static nr_article *text(const char *src)
{
    return parse_fmt(src, strlen(src), NR_FORMAT_TEXT);
}

static int has_block(const nr_article *a, const char *needle)
{
    for (size_t i = 0; i < a->nblocks; i++)
        if (strstr(a->blocks[i].text, needle))
            return 1;
    return 0;
}

static const nr_block *find_block(const nr_article *a, const char *needle)
{
    for (size_t i = 0; i < a->nblocks; i++)
        if (strstr(a->blocks[i].text, needle))
            return &a->blocks[i];
    return NULL;
}

/* The rule that stripped source text containing needle, or NULL. */
static const char *stripped_by(const nr_article *a, const char *src,
                               const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i < a->nstripped; i++) {
        const nr_stripped *s = &a->stripped[i];
        for (size_t k = 0; k + nl <= s->src_len; k++)
            if (!memcmp(src + s->src_off + k, needle, nl))
                return s->rule;
    }
    return NULL;
}

static void check_map(const nr_article *a, const char *src, size_t len)
{
    for (size_t b = 0; b < a->nblocks; b++) {
        const nr_block *bl = &a->blocks[b];
        assert_int_equal(strlen(bl->text), bl->len);
        assert_true(nr_srcmap_at(&bl->src_map, bl->len) <= len);
        for (size_t i = 0; i < bl->len; i++) {
            unsigned char c = (unsigned char)bl->text[i];
            assert_true(nr_srcmap_at(&bl->src_map, i) < len);
            if (i > 0)
                assert_true(nr_srcmap_at(&bl->src_map, i) >= nr_srcmap_at(&bl->src_map, i - 1));
            if (c < 0x80 && c != ' ' && c != '&' && c != '<' && c != '>' &&
                c != '"' && c != '\'')
                assert_int_equal(c, (unsigned char)src[nr_srcmap_at(&bl->src_map, i)]);
        }
    }
}

/* A body long enough that furniture around it is judged as furniture. */
#define BODY1 "The council met on Tuesday evening to discuss the plans for the new library, which have been delayed twice since the project was first announced in 2019.\n\n"
#define BODY2 "Residents packed the public gallery, and several spoke in favour of the scheme, saying the old building was cold, cramped and no longer fit for purpose.\n\n"
#define BODY3 "The leader of the council said a final decision would be taken next month, once the cost estimates had been checked by independent surveyors.\n\n"
#define HEAD "Library plans approved after long debate\n\n"

/* ---------------- the seed article ---------------- */

static void test_seed_metadata(void **state)
{
    (void)state;
    nr_article *a = text(seed);
    assert_string_equal(a->title, "The crucial world of counter terror collaboration");
    assert_non_null(a->subtitle);
    assert_true(!strncmp(a->subtitle, "As the Home Affairs Committee recommends", 40));
    assert_string_equal(a->byline, "Andrew Staniforth, Police Oracle");
    assert_string_equal(a->date, "13th May 2014");
    assert_string_equal(a->date_iso, "2014-05-13");
    nr_article_free(a);
}

static void test_seed_chapters(void **state)
{
    (void)state;
    static const char *const heads[] = {"Defending the realm", "Senior support",
                                        "Local focus", "Security concerns"};
    nr_article *a = text(seed);
    size_t nh = 0, before = 0;
    for (size_t i = 0; i < a->nblocks; i++) {
        if (a->blocks[i].kind == NR_BLOCK_HEADING) {
            assert_true(nh < 4);
            assert_string_equal(a->blocks[i].text, heads[nh]);
            nh++;
        } else if (nh == 0) {
            before++;
        }
    }
    assert_int_equal(nh, 4);      /* 5 chapters with the title's */
    assert_int_equal(before, 2);
    const nr_block *last = &a->blocks[a->nblocks - 1];
    assert_true(!strncmp(last->text, "Dr Andrew Staniforth is Senior Research Fellow", 46));
    assert_non_null(strstr(last->text, "(CENTRIC)"));
    const nr_block *sec = &a->blocks[a->nblocks - 2];
    assert_null(strstr(sec->text, "continue"));
    assert_true(sec->len >= 12);
    assert_string_equal(sec->text + sec->len - 12, "9/11 and 7/7");
    static const char *const tail[] = {
        "more at", "Zemanta", "Leave a Reply", "Fill in your details",
        "commenting using", "Google photo", "Twitter picture", "Log Out",
        "Connecting to", "UK : The crucial", "Date \xE2\x80\x93", "ByAndrew"};
    for (size_t i = 0; i < sizeof tail / sizeof *tail; i++)
        assert_false(has_block(a, tail[i]));
    /* the title is spoken once, not repeated as a block */
    assert_false(has_block(a, "The crucial world of counter terror"));
    nr_article_free(a);
}

static void test_seed_stripped(void **state)
{
    (void)state;
    nr_article *a = text(seed);
    static const char *const gone[] = {
        "UK : The crucial", "continue", "more at", "Enhanced by Zemanta",
        "Leave a Reply", "Fill in your details below", "You are commenting using",
        "Google photo", "Twitter picture", "Facebook photo", "Change",
        "Connecting to %s"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
        const char *r = stripped_by(a, seed, gone[i]);
        if (!r)
            fail_msg("not in stripped[]: %s", gone[i]);
        assert_true(strlen(r) > 0);
    }
    assert_string_equal(stripped_by(a, seed, "Leave a Reply"), "comment-form");
    assert_string_equal(stripped_by(a, seed, "UK : The crucial"), "breadcrumb");
    for (size_t i = 1; i < a->nstripped; i++)
        assert_true(a->stripped[i].src_off >= a->stripped[i - 1].src_off);
    nr_article_free(a);
}

static char *convert_eol(const char *s, const char *eol)
{
    size_t n = strlen(s), el = strlen(eol);
    char *o = malloc(n * el + 1), *p = o;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            memcpy(p, eol, el);
            p += el;
        } else {
            *p++ = s[i];
        }
    }
    *p = '\0';
    return o;
}

static void same_model(const nr_article *x, const nr_article *y)
{
    assert_string_equal(x->title, y->title);
    assert_string_equal(x->subtitle, y->subtitle);
    assert_string_equal(x->byline, y->byline);
    assert_string_equal(x->date, y->date);
    assert_string_equal(x->date_iso, y->date_iso);
    assert_int_equal(x->nblocks, y->nblocks);
    for (size_t i = 0; i < x->nblocks; i++) {
        assert_int_equal(x->blocks[i].kind, y->blocks[i].kind);
        assert_string_equal(x->blocks[i].text, y->blocks[i].text);
    }
}

static void test_seed_line_endings(void **state)
{
    (void)state;
    nr_article *a = text(seed);
    char *crlf = convert_eol(seed, "\r\n"), *cr = convert_eol(seed, "\r");
    nr_article *b = text(crlf), *c = text(cr);
    same_model(a, b);
    same_model(a, c);
    check_map(b, crlf, strlen(crlf));
    check_map(c, cr, strlen(cr));
    nr_article_free(a);
    nr_article_free(b);
    nr_article_free(c);
    free(crlf);
    free(cr);
}

static void test_seed_src_map(void **state)
{
    (void)state;
    nr_article *a = text(seed);
    check_map(a, seed, strlen(seed));
    /* a block's map starts at its first source byte */
    const nr_block *b = find_block(a, "Since the creation");
    assert_non_null(b);
    assert_int_equal(nr_srcmap_at(&b->src_map, 0), (size_t)(strstr(seed, "Since the creation") - seed));
    nr_article_free(a);
}

/* ---------------- boilerplate families ---------------- */

static void test_listen_and_advert(void **state)
{
    (void)state;
    const char *src = HEAD "Listen to this article\n\n" BODY1 "Advertisement\n\n" BODY2
                      "ADVERTISEMENT\n\n" BODY3;
    nr_article *a = text(src);
    assert_false(has_block(a, "Listen to this"));
    assert_false(has_block(a, "Advertisement"));
    assert_false(has_block(a, "ADVERTISEMENT"));
    assert_int_equal(a->nblocks, 3);
    assert_string_equal(stripped_by(a, src, "Advertisement"), "advert");
    nr_article_free(a);
    /* a sentence about adverts and listening stays */
    src = HEAD BODY1 "Listen to this: the advertisement campaign for the new library cost more than the building work itself, and nobody on the council can explain why.\n\n" BODY2;
    a = text(src);
    assert_true(has_block(a, "advertisement campaign"));
    nr_article_free(a);
}

static void test_read_more_teaser(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "READ MORE: Council tax to rise by five per cent\n\n" BODY2 BODY3;
    nr_article *a = text(src);
    assert_false(has_block(a, "READ MORE"));
    assert_false(has_block(a, "Council tax to rise"));
    assert_true(has_block(a, "Residents packed"));
    assert_true(has_block(a, "The leader of the council"));
    assert_int_equal(a->nblocks, 3);
    nr_article_free(a);
    /* "read more" inside a sentence is body text */
    src = HEAD BODY1 "Those who want to read more about the scheme can find the plans at the town hall.\n\n" BODY2;
    a = text(src);
    assert_true(has_block(a, "want to read more"));
    nr_article_free(a);
}

static void test_captions(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "Photo: Reuters\n\n" BODY2
                      "Image copyright Getty Images\n\n" "Image caption The old library building\n\n" BODY3;
    nr_article *a = text(src);
    assert_false(has_block(a, "Reuters"));
    assert_false(has_block(a, "Getty"));
    assert_false(has_block(a, "Image caption"));
    assert_int_equal(a->nblocks, 3);
    assert_string_equal(stripped_by(a, src, "Photo: Reuters"), "caption");
    nr_article_free(a);
    src = HEAD BODY1 "Photo albums from the 1950s show the library when it was new, packed with children.\n\n";
    a = text(src);
    assert_true(has_block(a, "Photo albums"));
    nr_article_free(a);
}

static void test_footnotes(void **state)
{
    (void)state;
    const char *src = HEAD "The library opened in 1902.[1] It was paid for by a local mill owner\xC2\xB9 and cost \xC2\xA3" "4,000 [2] in all, a huge sum at the time for a small town.^[3]\n\n"
                      "The floor area is 300 m\xC2\xB2 across two storeys, with a reading room on each.\n\n";
    nr_article *a = text(src);
    const nr_block *b = find_block(a, "opened in 1902");
    assert_non_null(b);
    assert_null(strstr(b->text, "[1]"));
    assert_null(strstr(b->text, "owner\xC2\xB9"));
    assert_non_null(strstr(b->text, "1902. It was"));
    assert_non_null(strstr(b->text, "mill owner and"));
    assert_non_null(strstr(b->text, "small town."));
    assert_null(strchr(b->text, '^'));   /* "^[3]" as a text browser shows it */
    assert_true(has_block(a, "m\xC2\xB2"));
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

/* A formula copied from a page with maths: shown form, then its TeX
   source, which is cut (braces inside counted, an unclosed one kept). */
static void test_formula_source(void **state)
{
    (void)state;
    const char *src = HEAD "A matrix is symmetric when A = A T {\\displaystyle A=A^{\\mathsf {T}}} holds, and every real symmetric matrix can be diagonalised by an orthogonal one.\n\n"
                      "Written as x 2 {\\textstyle x^{2}} the square is never negative for a real number, which the proof below relies on throughout.\n\n"
                      "A brace left open {\\displaystyle a_{1 stays as it was written in the text of this example paragraph.\n\n";
    nr_article *a = text(src);
    const nr_block *b = find_block(a, "symmetric when");
    assert_non_null(b);
    assert_null(strstr(b->text, "displaystyle"));
    assert_non_null(strstr(b->text, "A = A T holds, and"));
    b = find_block(a, "Written as");
    assert_non_null(b);
    assert_non_null(strstr(b->text, "x 2 the square"));
    assert_true(has_block(a, "{\\displaystyle a_{1 stays"));
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

/* A caption's credit is cut, the caption kept; a "Photo:" inside prose is
   not a credit. */
static void test_photo_credit(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "Cranes stand idle at the container terminal on Monday. Photo: Lars Eriksen\n\n" BODY2
                      "The club's photo: a team of eleven in front of the old stand, taken in 1921 by the groundsman.\n\n" BODY3;
    nr_article *a = text(src);
    const nr_block *b = find_block(a, "Cranes stand idle");
    assert_non_null(b);
    assert_null(strstr(b->text, "Eriksen"));
    assert_true(has_block(a, "photo: a team of eleven"));
    assert_string_equal(stripped_by(a, src, "Lars Eriksen"), "photo-credit");
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

static void test_markup_residue(void **state)
{
    (void)state;
    const char *src = HEAD BODY1
        "<img src=\"https://pixel.example.net/t.gif?id=7\" width=\"1\" height=\"1\" alt=\"\" />\n\n"
        BODY2 "<div><a href=\"http://ads.example.com/jump;sz=300x250\">advert</a></div>\n\n" BODY3
        "<b> is the tag for bold text, and it is still everywhere.\n\n";
    nr_article *a = text(src);
    assert_false(has_block(a, "pixel.example"));
    assert_false(has_block(a, "ads.example"));
    assert_string_equal(stripped_by(a, src, "<div><a href"), "markup");
    /* a sentence that names a tag is no tag */
    assert_true(has_block(a, "is the tag for bold"));
    nr_article_free(a);
}

static void test_gallery(void **state)
{
    (void)state;
    /* a slideshow after the story: counters of one total going up, each
       slide a title and a caption written as sentences */
    const char *src = HEAD BODY1 BODY2 BODY3
        "Town in pictures\n\n"
        "1/6 The market square\n\nTraders set up their stalls before dawn on Saturday, as they have done for three hundred years.\n\n"
        "2/6 Bridge works\n\nEngineers began the repairs to the old bridge in March and expect to finish them by the autumn.\n\n"
        "3/6 A new mural\n\nPupils from the primary school painted the wall of the bus station over the summer holidays.\n\n"
        "4/6 Floods\n\nThe river burst its banks twice last winter, and the council has promised new defences along the meadow.\n\n"
        "5/6 The fair\n\nThe travelling fair returned to the common for the first time since the pandemic, drawing big crowds.\n\n"
        "1 of 24\n\n";
    nr_article *a = text(src);
    assert_int_equal(a->nblocks, 3);
    assert_false(has_block(a, "Traders set up"));
    assert_false(has_block(a, "travelling fair"));
    assert_string_equal(stripped_by(a, src, "3/6 A new mural"), "gallery");
    assert_string_equal(stripped_by(a, src, "1 of 24"), "gallery");
    nr_article_free(a);
    /* fractions and a count in the story are no slideshow */
    src = HEAD BODY1 "Turnout was 1/4 of the town, up from 1/5 last time, and 2 of 9 wards voted against the plan.\n\n" BODY2 BODY3;
    a = text(src);
    assert_true(has_block(a, "Turnout was 1/4"));
    assert_int_equal(a->nblocks, 4);
    nr_article_free(a);
}

static void test_share_widgets(void **state)
{
    (void)state;
    const char *src = HEAD "Share this article\n\n" BODY1 "Facebook Twitter LinkedIn WhatsApp Email\n\n" BODY2 BODY3
                      "Share this:\n\nTwitter\n\nFacebook\n\nLike this:\n\nLike Loading...\n";
    nr_article *a = text(src);
    assert_int_equal(a->nblocks, 3);
    assert_false(has_block(a, "Share"));
    assert_false(has_block(a, "Facebook"));
    nr_article_free(a);
    src = HEAD BODY1 "Residents were asked to share their views on Facebook, and more than 400 did so in a week.\n\n" BODY2
          "Share your memories of the old library at the drop-in session on Saturday.\n";
    a = text(src);
    assert_true(has_block(a, "asked to share their views"));
    assert_true(has_block(a, "Share your memories"));
    nr_article_free(a);
    /* a blog's sharing buttons read out by their accessible labels */
    src = HEAD BODY1 BODY2 BODY3 "Click to share on Twitter (Opens in new window)\n\n"
          "Click to email this to a friend (Opens in new window)\n\n"
          "Art\xC3\xAD" "culos relacionados\n\n- El ayuntamiento aprueba el presupuesto\n\n"
          "Sign in to comment on this story\n";
    a = text(src);
    assert_int_equal(a->nblocks, 3);
    assert_false(has_block(a, "Opens in new window"));
    assert_false(has_block(a, "presupuesto"));
    assert_false(has_block(a, "Sign in"));
    assert_string_equal(stripped_by(a, src, "Click to share"), "share-widget");
    nr_article_free(a);
}

static void test_comment_tail(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 BODY2 BODY3 "12 Comments\n\nJohn Smith says:\n\nGreat news for the town, about time too.\n\n"
                      "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n";
    nr_article *a = text(src);
    assert_int_equal(a->nblocks, 3);
    assert_false(has_block(a, "Great news"));
    assert_string_equal(stripped_by(a, src, "12 Comments"), "comment-form");
    assert_non_null(stripped_by(a, src, "Great news"));
    nr_article_free(a);
    /* body text that talks about comments is kept */
    src = HEAD BODY1 "Leave a comment at the library desk, the council said, and every comment will be read before the vote.\n\n" BODY2;
    a = text(src);
    assert_true(has_block(a, "every comment will be read"));
    assert_int_equal(a->nblocks, 3);
    nr_article_free(a);
    /* a stray marker with the body carrying on after it does not cut it */
    src = HEAD BODY1 "Comments\n\n" BODY2 BODY3 BODY1;
    a = text(src);
    assert_true(has_block(a, "The leader of the council"));
    nr_article_free(a);
    src = HEAD BODY1 BODY2 BODY3 "Comments\n\n" "Residents who want to object have until 30 June to write to the planning office.\n";
    a = text(src);
    assert_true(has_block(a, "until 30 June"));
    nr_article_free(a);
}

static void test_related_and_newsletter(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "Related articles\n\n- Town hall roof repairs delayed\n- New bus route for the east of town\n\n" BODY2
                      "Sign up for our daily newsletter and get the top stories in your inbox\n\n" BODY3
                      "We use cookies to improve your experience. By continuing you accept our cookie policy.\n\n"
                      "\xC2\xA9 2024 Riverside Gazette Ltd. All rights reserved.\n";
    nr_article *a = text(src);
    assert_int_equal(a->nblocks, 3);
    assert_false(has_block(a, "roof repairs"));
    assert_false(has_block(a, "newsletter"));
    assert_false(has_block(a, "cookies"));
    assert_false(has_block(a, "rights reserved"));
    assert_string_equal(stripped_by(a, src, "Sign up for"), "newsletter");
    assert_string_equal(stripped_by(a, src, "We use cookies"), "cookie");
    nr_article_free(a);
    src = HEAD BODY1 "The library newsletter, which goes to 2,000 homes, will carry the full plans next month.\n\n"
          "The bakery next door said its cookies had sold out on the day of the vote.\n";
    a = text(src);
    assert_true(has_block(a, "library newsletter"));
    assert_true(has_block(a, "cookies had sold out"));
    nr_article_free(a);
    /* a label of the story's own ends the related list above it */
    src = HEAD BODY1 "Other People Are Reading\n\n- How to mend a bike tyre\n- Ten picnic spots by the river\n\n"
          "What you will need:\n\n- A tyre lever\n- A puncture repair kit\n\n" BODY2 BODY3;
    a = text(src);
    assert_false(has_block(a, "picnic spots"));
    assert_true(has_block(a, "puncture repair kit"));
    assert_string_equal(stripped_by(a, src, "Other People"), "related");
    nr_article_free(a);
}

static void test_continue_and_zemanta(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "The vote is expected to be close, with two councillors undecided\xE2\x80\xA6 continue reading \xE2\x86\x92\n\n"
                      "Enhanced by Zemanta\n";
    nr_article *a = text(src);
    const nr_block *b = find_block(a, "The vote is expected");
    assert_non_null(b);
    assert_null(strstr(b->text, "continue"));
    assert_false(has_block(a, "Zemanta"));
    nr_article_free(a);
    /* furniture in the languages pages come in most, inside a story */
    a = text(HEAD BODY1 "Anzeige\n\n" BODY2 "Jetzt kostenlos abonnieren\n\n" BODY3
             "Artikel teilen: Facebook X WhatsApp E-Mail Link kopieren\n\nPartager sur Facebook\n");
    assert_true(has_block(a, "Residents packed"));
    assert_true(has_block(a, "The leader of the council"));
    assert_false(has_block(a, "Anzeige"));
    assert_false(has_block(a, "teilen"));
    assert_false(has_block(a, "Partager"));
    assert_false(has_block(a, "abonnieren"));
    nr_article_free(a);
    /* a recommendation widget's signature inside the story */
    a = text(HEAD BODY1 "by Taboola by Taboola\n\n" BODY2 "Recommended by Outbrain\n\n" BODY3);
    assert_true(has_block(a, "Residents packed"));
    assert_false(has_block(a, "Taboola"));
    assert_false(has_block(a, "Outbrain"));
    nr_article_free(a);
    src = HEAD BODY1 "Work will continue through the summer, the contractor said.\n\n"
          "Nobody knows whether the council will be asked for more\xE2\x80\xA6\n\n"
          "The library will open in 2026, the council said [read more \xC2\xBB]\n";
    a = text(src);
    assert_true(has_block(a, "Work will continue through the summer, the contractor said."));
    assert_true(has_block(a, "asked for more\xE2\x80\xA6"));
    const nr_block *c = find_block(a, "will open in 2026");
    assert_non_null(c);
    assert_string_equal(c->text, "The library will open in 2026, the council said");
    nr_article_free(a);
}

static void test_byline_and_date_forms(void **state)
{
    (void)state;
    struct { const char *line, *byline, *date, *iso; } cases[] = {
        {"By Jane Smith | May 13, 2014", "Jane Smith", "May 13, 2014", "2014-05-13"},
        {"Posted on 2014-05-13 by Jane Smith", "Jane Smith", "2014-05-13", "2014-05-13"},
        {"By Jane Smith, Political Editor\nPublished 13/05/2014", "Jane Smith, Political Editor", "13/05/2014", "2014-05-13"},
        {"Words: Jane Smith\nUpdated: Tuesday 3 March 2020 10:32 GMT", "Jane Smith", "Tuesday 3 March 2020", "2020-03-03"},
        {"By Jane Smith\n03/04/2014", "Jane Smith", "03/04/2014", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char src[2048];
        snprintf(src, sizeof src, "%s%s\n\n%s%s", HEAD, cases[i].line, BODY1, BODY2);
        nr_article *a = text(src);
        assert_string_equal(a->byline, cases[i].byline);
        assert_string_equal(a->date, cases[i].date);
        if (cases[i].iso)
            assert_string_equal(a->date_iso, cases[i].iso);
        else
            assert_null(a->date_iso);
        assert_int_equal(a->nblocks, 2);
        nr_article_free(a);
    }
    /* "By" starting a sentence is not a byline */
    const char *src = HEAD "By the end of the evening, the vote had been taken.\n\n" BODY1;
    nr_article *a = text(src);
    assert_null(a->byline);
    assert_true(has_block(a, "By the end of the evening"));
    nr_article_free(a);
}

/* ---------------- structure ---------------- */

static void test_headings_labels_items(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "Health\n\n" BODY2 "What the plans include\n\n"
                      "The new building will have:\n\n\xE2\x80\xA2 a children's library\n\xE2\x80\xA2 a cafe\n- study rooms\n1. a roof garden\n2) a lift\n\n"
                      "Introduction\n\n" BODY3;
    nr_article *a = text(src);
    assert_false(has_block(a, "Health"));
    const nr_block *h = find_block(a, "What the plans include");
    assert_non_null(h);
    assert_int_equal(h->kind, NR_BLOCK_HEADING);
    const nr_block *lead = find_block(a, "The new building will have:");
    assert_non_null(lead);
    assert_int_equal(lead->kind, NR_BLOCK_PARA);
    const char *items[] = {"a children's library", "a cafe", "study rooms", "a roof garden", "a lift"};
    for (size_t i = 0; i < 5; i++) {
        const nr_block *it = find_block(a, items[i]);
        assert_non_null(it);
        assert_int_equal(it->kind, NR_BLOCK_ITEM);
        assert_string_equal(it->text, items[i]);
    }
    const nr_block *intro = find_block(a, "Introduction");
    assert_non_null(intro);
    assert_int_equal(intro->kind, NR_BLOCK_HEADING);
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

static void test_numbered_sections_and_wiki_marks(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "1. Turn things off at night\n\n" BODY2 "2. Right-size the databases\n\n" BODY3
                      "It was planned as a link between two seas.[citation needed] Work began in 1810.[edit]\n";
    nr_article *a = text(src);
    const nr_block *h = find_block(a, "Turn things off at night");
    assert_non_null(h);
    assert_int_equal(h->kind, NR_BLOCK_HEADING);
    assert_string_equal(h->text, "Turn things off at night");
    const nr_block *b = find_block(a, "two seas");
    assert_non_null(b);
    assert_string_equal(b->text, "It was planned as a link between two seas. Work began in 1810.");
    nr_article_free(a);
    /* a real list stays a list */
    src = HEAD BODY1 "The plan has three parts:\n\n1. a new roof\n2. a lift\n3. longer hours\n\n" BODY2;
    a = text(src);
    assert_int_equal(find_block(a, "a new roof")->kind, NR_BLOCK_ITEM);
    assert_int_equal(find_block(a, "longer hours")->kind, NR_BLOCK_ITEM);
    nr_article_free(a);
}

static void test_hard_wrap(void **state)
{
    (void)state;
    const char *src =
        "Library plans approved after long debate\n\n"
        "The council met on Tuesday evening to discuss the plans for the new\n"
        "library, which have been delayed twice since the project was first\n"
        "announced in 2019. Residents packed the public gallery.\n\n"
        "Several spoke in favour of the scheme, saying the old building was\n"
        "cold, cramped and no longer fit for purpose. The leader of the counter-\n"
        "terrorism unit was not there.\n";
    nr_article *a = text(src);
    assert_int_equal(a->nblocks, 2);
    assert_string_equal(a->blocks[0].text,
        "The council met on Tuesday evening to discuss the plans for the new library, which have been delayed twice since the project was first announced in 2019. Residents packed the public gallery.");
    assert_non_null(strstr(a->blocks[1].text, "counter-terrorism unit"));
    check_map(a, src, strlen(src));
    nr_article_free(a);
    /* one short paragraph a line is not a hard wrap */
    src = "Short paragraphs title\n\n"
          "The first paragraph is a single sentence that fits on one line.\n"
          "The second paragraph is another single sentence, also on its line.\n"
          "A third one follows it here, again one sentence that is complete.\n"
          "And a fourth paragraph, which also ends properly with a full stop.\n";
    a = text(src);
    assert_int_equal(a->nblocks, 4);
    nr_article_free(a);
}

static void test_repeated_lines(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "Pull quote: a great day for the town\n\n" BODY2 "Pull quote: a great day for the town\n\n" BODY3;
    nr_article *a = text(src);
    size_t n = 0;
    for (size_t i = 0; i < a->nblocks; i++)
        n += strstr(a->blocks[i].text, "great day") != NULL;
    assert_int_equal(n, 1);
    /* a line the story says twice, with its paragraphs between, is no
       headline: the title stays, and so does the first paragraph */
    assert_string_equal(a->title, "Library plans approved after long debate");
    assert_true(has_block(a, "The council met on Tuesday evening"));
    nr_article_free(a);
    /* a paragraph of two sentences said twice was written twice */
#define REFRAIN "Keep the doors closed while the train is moving, and wait for the green light before you step off. Staff on the platform will gladly help anyone who needs more time to get on or off.\n\n"
    src = HEAD BODY1 REFRAIN BODY2 REFRAIN BODY3;
    a = text(src);
    n = 0;
    for (size_t i = 0; i < a->nblocks; i++)
        n += strstr(a->blocks[i].text, "Keep the doors closed") != NULL;
    assert_int_equal(n, 2);
    nr_article_free(a);
#undef REFRAIN
}

static void test_header_shapes(void **state)
{
    (void)state;
    /* a blog's name and tagline above the post's headline */
    const char *src = "Crumb & Crust\nA home baker's notebook\n\nWhy my sourdough stopped rising\n\n"
                      "Posted on April 2, 2019 by Karen Lindqvist\n\n" BODY1 BODY2;
    nr_article *a = text(src);
    assert_string_equal(a->title, "Why my sourdough stopped rising");
    assert_string_equal(a->byline, "Karen Lindqvist");
    assert_string_equal(a->date_iso, "2019-04-02");
    assert_int_equal(a->nblocks, 2);
    assert_string_equal(stripped_by(a, src, "Crumb & Crust"), "masthead");
    nr_article_free(a);
    /* a bare name next to the date line; kicker and nav above the title */
    src = "Menu\nOpinion\nWhy the four-day week is closer than you think\n"
          "Trials cut hours without cutting pay, and output held steady.\nJo Bellamy\n"
          "Thu 9 Feb 2023 07.00 GMT\n" BODY1 BODY2;
    a = text(src);
    assert_string_equal(a->title, "Why the four-day week is closer than you think");
    assert_string_equal(a->subtitle, "Trials cut hours without cutting pay, and output held steady.");
    assert_string_equal(a->byline, "Jo Bellamy");
    assert_string_equal(a->date, "Thu 9 Feb 2023");
    assert_int_equal(a->nblocks, 2);
    nr_article_free(a);
    /* no title-like line at all: no title (nothing to speak first); the
       label that names chapters and tags is the file name, else the
       opening words */
    src = BODY1 BODY2;
    nr_article_opts o = {0};
    o.name = "/tmp/council-library-vote.txt";
    a = NULL;
    assert_int_equal(nr_article_parse(src, strlen(src), &o, &a), NR_ARTICLE_OK);
    assert_null(a->title);
    assert_string_equal(a->label, "council library vote");
    assert_int_equal(a->nblocks, 2);
    nr_article_free(a);
    o.name = NULL;
    assert_int_equal(nr_article_parse(src, strlen(src), &o, &a), NR_ARTICLE_OK);
    assert_null(a->title);
    assert_string_equal(a->label, "The council met on Tuesday evening to discuss the plans");
    nr_article_free(a);
}

/* An input that is all header: one line is the text, not a title. */
static void test_header_is_all(void **state)
{
    (void)state;
    static const char *const lines[] = {"Hello world\n", "Buy milk and eggs",
                                        "on 13th May 2014.\n",
                                        "Library plans approved\n\nBy Jane Smith\n"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        nr_article *a = text(lines[i]);
        assert_null(a->title);
        assert_null(a->date);
        assert_null(a->byline);
        assert_non_null(a->label);
        assert_true(a->nblocks >= 1);
        assert_true(!strncmp(a->blocks[0].text, lines[i], a->blocks[0].len));
        nr_article_free(a);
    }
    /* boilerplate alone is still nothing to speak */
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse("Leave a Reply\n", 14, NULL, &a),
                     NR_ARTICLE_EMPTY);
}

/* A table of contents: entries that come back, in order, as headings. */
static void test_contents_list(void **state)
{
    (void)state;
    const char *src = HEAD "Contents\n\n- 1 Early years\n- 2 The war\n"
                      "- 2.1 At sea\n- 3 Later life\n\n"
                      "Early years\n\n" BODY1 "The war\n\n" BODY2
                      "At sea\n\n" BODY3 "Later life\n\n"
                      "In later life she kept bees and wrote two books about the river.\n";
    nr_article *a = text(src);
    assert_string_equal(stripped_by(a, src, "- 1 Early years"), "contents");
    assert_non_null(find_block(a, "Early years"));
    assert_string_equal(stripped_by(a, src, "- 2.1 At sea"), "contents");
    assert_string_equal(stripped_by(a, src, "Contents"), "contents");
    const nr_block *h = find_block(a, "Later life");
    assert_non_null(h);
    assert_int_equal(h->kind, NR_BLOCK_HEADING);
    nr_article_free(a);
    /* a menu that comes back all in a row in the footer is no contents
       list, and a list the text does not come back to stays */
    src = HEAD BODY1 "- Apples\n- Pears\n- Plums\n\n" BODY2;
    a = text(src);
    assert_true(has_block(a, "Pears"));
    nr_article_free(a);
}

/* Chinese or Japanese hard-wrapped at 80 columns (40 wide characters a
   line) is one paragraph again, joined without spaces. */
static void test_cjk_wrap(void **state)
{
    (void)state;
    const char *line = "\xE6\x96\x87\xE5\xAD\x97";   /* 2 wide characters */
    char src[4096] = "Title line here\n\n";
    for (int l = 0; l < 6; l++) {
        for (int k = 0; k < 20; k++)
            strcat(src, line);            /* 40 characters, 80 columns */
        strcat(src, "\n");
    }
    strcat(src, "\n");
    nr_article *a = text(src);
    assert_int_equal(a->nblocks, 1);
    assert_null(memchr(a->blocks[0].text, ' ', a->blocks[0].len));
    assert_int_equal(a->blocks[0].len, 6 * 20 * 6);
    nr_article_free(a);
}

/* Plain mode: every paragraph as it stands. */
static void test_plain_mode(void **state)
{
    (void)state;
    const char *src = "Share this article\n\nLibrary plans approved\n\n" BODY1;
    nr_article_opts o = {0};
    o.plain = 1;
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse(src, strlen(src), &o, &a), NR_ARTICLE_OK);
    assert_null(a->title);
    assert_int_equal(a->nblocks, 3);
    assert_string_equal(a->blocks[0].text, "Share this article");
    nr_article_free(a);
}

/* ---------------- Markdown ---------------- */

static void test_markdown(void **state)
{
    (void)state;
    const char *src =
        "---\ntitle: \"Why the river keeps rising\"\nauthor: Jane Doe\ndate: 2021-03-04\n---\n\n"
        "# Why the river keeps rising\n\n"
        "The *river* has [risen](http://example.com/a \"t\") again ![a photo](a.png) this **week**, said `the_agency`.\n\n"
        "What happens next\n-----------------\n\n"
        "- First item with a_snake_case name\n- Second item\n  continued here\n\n"
        "> A quote line one\n> line two\n\n"
        "```\nint code = 1;\n```\n\n"
        "    indented code\n\n"
        "<!-- an editor's note -->\n\n"
        "Share this:\n\nLeave a comment\n";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_AUTO);
    assert_string_equal(a->title, "Why the river keeps rising");
    assert_string_equal(a->byline, "Jane Doe");
    assert_string_equal(a->date_iso, "2021-03-04");
    assert_int_equal(a->nblocks, 5);
    assert_string_equal(a->blocks[0].text, "The river has risen again this week, said the_agency.");
    assert_int_equal(a->blocks[1].kind, NR_BLOCK_HEADING);
    assert_string_equal(a->blocks[1].text, "What happens next");
    assert_int_equal(a->blocks[2].kind, NR_BLOCK_ITEM);
    assert_string_equal(a->blocks[2].text, "First item with a_snake_case name");
    assert_string_equal(a->blocks[3].text, "Second item continued here");
    assert_int_equal(a->blocks[4].kind, NR_BLOCK_QUOTE);
    assert_string_equal(a->blocks[4].text, "A quote line one line two");
    assert_string_equal(stripped_by(a, src, "int code"), "code");
    assert_string_equal(stripped_by(a, src, "indented code"), "code");
    assert_string_equal(stripped_by(a, src, "editor's note"), "html-comment");
    assert_non_null(stripped_by(a, src, "Leave a comment"));
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

static void test_markdown_line_endings(void **state)
{
    (void)state;
    const char *src = "---\ntitle: A title\n---\n\nSome *text* that\nwraps here.\n\n## A heading\n\n- item one\n- item two\n\n> quoted\n";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_MARKDOWN);
    char *crlf = convert_eol(src, "\r\n"), *cr = convert_eol(src, "\r");
    nr_article *b = parse_fmt(crlf, strlen(crlf), NR_FORMAT_MARKDOWN);
    nr_article *c = parse_fmt(cr, strlen(cr), NR_FORMAT_MARKDOWN);
    assert_int_equal(a->nblocks, 5);
    assert_string_equal(a->blocks[0].text, "Some text that wraps here.");
    assert_string_equal(b->title, a->title);
    assert_string_equal(c->title, a->title);
    assert_int_equal(b->nblocks, a->nblocks);
    assert_int_equal(c->nblocks, a->nblocks);
    for (size_t i = 0; i < a->nblocks; i++) {
        assert_string_equal(b->blocks[i].text, a->blocks[i].text);
        assert_string_equal(c->blocks[i].text, a->blocks[i].text);
        assert_int_equal(b->blocks[i].kind, a->blocks[i].kind);
        assert_int_equal(c->blocks[i].kind, a->blocks[i].kind);
    }
    check_map(b, crlf, strlen(crlf));
    check_map(c, cr, strlen(cr));
    nr_article_free(a);
    nr_article_free(b);
    nr_article_free(c);
    free(crlf);
    free(cr);
}

static void test_markdown_inline_edges(void **state)
{
    (void)state;
    const char *src = "# T\n\nFirst line<br>second ![alt][img] line, see [the plan][p] and <em>word</em>s"
                      " \\*not emphasis\\* snake_case_name [^1] <https://example.com>.\n\n"
                      "[img]: a.png\n[p]: https://example.com/plan\n";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_MARKDOWN);
    assert_int_equal(a->nblocks, 1);
    assert_string_equal(a->blocks[0].text,
        "First line second line, see the plan and words *not emphasis* snake_case_name.");
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

static void test_markdown_title_from_heading(void **state)
{
    (void)state;
    const char *src = "# Flood defences tested\n\nBy Sam Jones\n\n## The night of the storm\n\n" BODY1;
    nr_article_opts o = {0};
    o.name = "story.md";
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse(src, strlen(src), &o, &a), NR_ARTICLE_OK);
    assert_string_equal(a->title, "Flood defences tested");
    assert_string_equal(a->byline, "Sam Jones");
    assert_int_equal(a->blocks[0].kind, NR_BLOCK_HEADING);
    assert_int_equal(a->blocks[0].level, 2);
    nr_article_free(a);
}

/* ---------------- HTML ---------------- */

static const char html_page[] =
    "<!DOCTYPE html>\n<html><head><title>Council approves new bridge | Riverside Gazette</title>\n"
    "<meta name=\"author\" content=\"Tom Baker\">\n"
    "<meta property=\"article:published_time\" content=\"2023-06-14T08:30:00+01:00\">\n"
    "</head><body>\n<header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>\n"
    "<div class=\"share-bar\"><a>Share on Facebook</a></div>\n"
    "<article class=\"story\">\n<h1>Council approves new bridge</h1>\n"
    "<p class=\"byline\">By Tom Baker</p>\n<time datetime=\"2023-06-14\">14 June 2023</time>\n"
    "<p>The town council voted on Tuesday night to approve a &pound;4m footbridge over the River Ash, ending a decade of debate.</p>\n"
    "<figure><img src=\"a.jpg\"><figcaption>The old crossing. Photo: Tom Baker</figcaption></figure>\n"
    "<h2>What happens next</h2>\n<p>Work is expected to start in the spring &amp; finish by 2025, councillors said.</p>\n"
    "<ul><li>First item</li><li>Second <b>item</b></li></ul>\n"
    "<blockquote><p>It is a great day for the town.</p></blockquote>\n"
    "<div class=\"related-stories\"><h3>Related</h3><ul><li><a>Other story</a></li></ul></div>\n"
    "<script>var share = 'Leave a Reply';</script>\n"
    "</article>\n<div id=\"comments\"><h3>Leave a Reply</h3><p>Great news, this is a comment by a reader of the site.</p></div>\n"
    "<footer>Copyright 2023</footer>\n</body></html>\n";

static void test_html(void **state)
{
    (void)state;
    nr_article_opts o = {0};
    o.name = "bridge.html";
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse(html_page, strlen(html_page), &o, &a), NR_ARTICLE_OK);
    assert_string_equal(a->title, "Council approves new bridge");
    assert_string_equal(a->byline, "Tom Baker");
    assert_string_equal(a->date, "14 June 2023");
    assert_string_equal(a->date_iso, "2023-06-14");
    assert_int_equal(a->nblocks, 7);
    assert_string_equal(a->blocks[0].text, "The town council voted on Tuesday night to approve a \xC2\xA3" "4m footbridge over the River Ash, ending a decade of debate.");
    /* a figure's caption is read where it stands, as reader views show it,
       without its photo credit */
    assert_string_equal(a->blocks[1].text, "The old crossing.");
    assert_string_equal(stripped_by(a, html_page, "Photo: Tom"), "caption");
    assert_int_equal(a->blocks[2].kind, NR_BLOCK_HEADING);
    assert_string_equal(a->blocks[3].text, "Work is expected to start in the spring & finish by 2025, councillors said.");
    assert_int_equal(a->blocks[5].kind, NR_BLOCK_ITEM);
    assert_string_equal(a->blocks[5].text, "Second item");
    assert_int_equal(a->blocks[6].kind, NR_BLOCK_QUOTE);
    assert_false(has_block(a, "Other story"));
    assert_false(has_block(a, "Great news"));
    assert_false(has_block(a, "Home"));
    /* --show-stripped can say where everything else went */
    assert_string_equal(stripped_by(a, html_page, "Great news"), "outside-article");
    assert_string_equal(stripped_by(a, html_page, "Other story"), "furniture-class");
    check_map(a, html_page, strlen(html_page));
    /* src_map points into the source, past the entity */
    const nr_block *b = &a->blocks[3];
    const char *amp = strchr(b->text, '&');
    assert_int_equal(memcmp(html_page + nr_srcmap_at(&b->src_map, (size_t)(amp - b->text)), "&amp;", 5), 0);
    nr_article_free(a);
}

static void test_html_density(void **state)
{
    (void)state;
    const char *src =
        "<html><head><title>Storm closes coast road - The Coast Times</title></head><body>"
        "<div class=\"menu\"><ul><li>News</li><li>Sport</li></ul></div>"
        "<p class=\"standfirst\">Waves threw shingle across both lanes of the road.</p>"
        "<div class=\"col\"><div class=\"text\">"
        "<p>The coast road between Seaton and Beer was closed on Sunday after waves threw shingle across both lanes, police said.</p>"
        "<p>Drivers were sent inland on a twelve-mile detour, and the council said the road would stay shut until it had been cleared and inspected.</p>"
        "</div></div><div class=\"sidebar\"><p>Most read: the ten best beaches in the county, chosen by our readers this summer.</p></div>"
        "</body></html>";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_AUTO);
    assert_string_equal(a->title, "Storm closes coast road");
    assert_string_equal(a->subtitle, "Waves threw shingle across both lanes of the road.");
    assert_int_equal(a->nblocks, 2);
    assert_false(has_block(a, "Most read"));
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

static void test_html_class_words(void **state)
{
    (void)state;
    /* class names that describe the page, not furniture */
    const char *src =
        "<html><body><article class=\"post no-sidebar comments-open\">"
        "<h1>Harbour wall to be rebuilt</h1>"
        "<div class=\"relative overflow-hidden\"><p>The harbour wall at Porthleven will be rebuilt next year after storms left a gap wide enough to drive a van through, the council said.</p></div>"
        "<div class=\"hidden md:block\"><p>Engineers say the work will take about eight months and cost roughly four million pounds in all.</p></div>"
        "<div class=\"comments-area\"><p>First! Great news for the town, about time they did something about it.</p></div>"
        "<div class=\"sidebar\"><p>Most popular this week</p></div>"
        "</article></body></html>";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_HTML);
    assert_string_equal(a->title, "Harbour wall to be rebuilt");
    assert_int_equal(a->nblocks, 2);
    assert_true(has_block(a, "gap wide enough"));
    assert_true(has_block(a, "eight months"));
    assert_false(has_block(a, "First!"));
    assert_false(has_block(a, "Most popular"));
    nr_article_free(a);
}

static void test_html_page_form(void **state)
{
    (void)state;
    /* a whole page inside one <form>, the way ASP.NET pages come */
    const char *src =
        "<html><head><title>Bypass plans go on show - Hill District Council</title></head>"
        "<body><form id=\"form1\" method=\"post\"><div class=\"nav\"><a>Home</a></div><div id=\"main\">"
        "<h1>Bypass plans go on show</h1>"
        "<p>Plans for the long-awaited bypass around Hillford go on public display at the library from Monday, the district council has announced.</p>"
        "<p>The council says the road would take about 9,000 vehicles a day out of the town centre, and it hopes to start work in 2026.</p>"
        "<p>Comments on the plans can be made online or in writing until the end of March, officers said.</p>"
        "</div><input type=\"hidden\" name=\"__VIEWSTATE\" value=\"abc\"></form>"
        "<form class=\"search\"><label>Search</label><input type=\"text\"></form></body></html>";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_HTML);
    assert_string_equal(a->title, "Bypass plans go on show");
    assert_int_equal(a->nblocks, 3);
    assert_false(has_block(a, "Search"));
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

static void test_html_hostile(void **state)
{
    (void)state;
    size_t depth = 10000;
    size_t cap = depth * 20 + 4096;
    char *s = malloc(cap), *p = s;
    p += sprintf(p, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<div>");
    p += sprintf(p, "<p>Deep text here that is long enough to count as a paragraph of some sort.</p>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "</div>");
    p += sprintf(p, "</body></html>");
    nr_article *a = NULL;
    nr_article_opts o = {0};
    o.format = NR_FORMAT_HTML;
    nr_article_status st = nr_article_parse(s, (size_t)(p - s), &o, &a);
    assert_true(st == NR_ARTICLE_OK || st == NR_ARTICLE_EMPTY);
    nr_article_free(a);
    /* unclosed */
    p = s;
    p += sprintf(p, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<div><b>");
    p += sprintf(p, "<p>Unclosed text");
    a = NULL;
    st = nr_article_parse(s, (size_t)(p - s), &o, &a);
    assert_true(st == NR_ARTICLE_OK || st == NR_ARTICLE_EMPTY);
    nr_article_free(a);
    free(s);
    /* an entity flood */
    size_t reps = 200000;
    s = malloc(reps * 5 + 256);
    p = s;
    p += sprintf(p, "<article><p>");
    for (size_t i = 0; i < reps; i++) {
        memcpy(p, "&amp;", 5);
        p += 5;
    }
    p += sprintf(p, " end of the flood.</p></article>");
    a = NULL;
    st = nr_article_parse(s, (size_t)(p - s), &o, &a);
    assert_true(st == NR_ARTICLE_OK || st == NR_ARTICLE_EMPTY);
    nr_article_free(a);
    free(s);
}

static void test_html_deep(void **state)
{
    (void)state;
    /* the story 2,000 boxes down (libxml2 stops at 256 levels unless told
       otherwise, and the text below was lost) is read whole, its menu
       left out, and its text still maps into the source */
    size_t depth = 2000;
    char *s = malloc(depth * 12 + 4096), *p = s;
    p += sprintf(p, "<html><head><title>Deep page</title></head><body>"
                    "<ul class=\"menu\"><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<div>");
    p += sprintf(p, "<p>The ferry between the two islands will run twice a day from May, the council said, after a winter of storms, repairs and complaints.</p>"
                    "<p>Islanders had asked for the second sailing for years, and a new boat, bought last autumn, now makes it possible.</p>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "</div>");
    p += sprintf(p, "</body></html>");
    nr_article *a = parse_fmt(s, (size_t)(p - s), NR_FORMAT_HTML);
    assert_non_null(a);
    assert_true(has_block(a, "The ferry between the two islands"));
    assert_true(has_block(a, "Islanders had asked"));
    assert_false(has_block(a, "Home"));
    check_map(a, s, (size_t)(p - s));
    nr_article_free(a);
    free(s);
}

static void test_html_long_head(void **state)
{
    (void)state;
    /* 100 KB of script in the head before the first word: every text
       still maps to its place in the source */
    size_t reps = 10000;
    char *s = malloc(reps * 12 + 4096), *p = s;
    p += sprintf(p, "<html><head><title>Long head</title><script>");
    for (size_t i = 0; i < reps; i++)
        p += sprintf(p, "var x = 1; ");
    p += sprintf(p, "</script></head><body><nav><a href=\"/\">Home</a></nav><article>"
                    "<p>The ferry between the two islands will run twice a day from May, the council said, after a winter of storms, repairs and complaints.</p>"
                    "<p>Islanders had asked for the second sailing for years, and a new boat, bought last autumn, now makes it possible.</p>"
                    "</article></body></html>");
    nr_article *a = parse_fmt(s, (size_t)(p - s), NR_FORMAT_HTML);
    assert_true(has_block(a, "The ferry between"));
    check_map(a, s, (size_t)(p - s));
    const char *home = strstr(s, "Home</a>");
    int found = 0;
    for (size_t i = 0; i < a->nstripped; i++)
        if (a->stripped[i].src_off == (size_t)(home - s))
            found = 1;
    assert_true(found);
    nr_article_free(a);
    free(s);
}

static void test_html_meta_sources(void **state)
{
    (void)state;
    /* structured data as a list: the article's headline and authors; a
       timestamp's calendar date as written, not moved to UTC */
    const char *src =
        "<html><head><title>Storm damage: what we know - The Coast Times</title>"
        "<meta property=\"og:title\" content=\"Storms batter the coast\">"
        "<script type=\"application/ld+json\">[{\"@type\":\"Organization\",\"name\":\"The Coast Times\"},"
        "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Storm damage: what we know\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Jo Bell\"},{\"@type\":\"Person\",\"name\":\"Sam Reed\"}],"
        "\"datePublished\":\"2015-12-25T00:30:00+01:00\"}]</script></head><body><article>"
        "<p>Waves threw shingle across the coast road on Sunday, and the council closed it until engineers could check the sea wall for damage.</p>"
        "<p>Drivers were sent inland on a twelve-mile detour, and buses ran to a reduced timetable for the rest of the day, the operator said.</p>"
        "</article></body></html>";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_HTML);
    assert_string_equal(a->title, "Storm damage: what we know");
    assert_string_equal(a->byline, "Jo Bell, Sam Reed");
    assert_string_equal(a->date_iso, "2015-12-25");
    nr_article_free(a);
    /* no metadata: the byline box (without its "3 hours ago"), and the
       date as the page shows it, whatever the datetime attribute says */
    const char *src2 =
        "<html><head><title>Ferry to run twice a day</title></head><body><article>"
        "<h1>Ferry to run twice a day</h1><div class=\"byline\">Jo Bell 3 hours ago</div>"
        "<time datetime=\"2015-12-24T23:00:00Z\">Friday 25 December 2015</time>"
        "<p>The ferry between the two islands will run twice a day from May, the council said, after a winter of storms, repairs and complaints.</p>"
        "<p>Islanders had asked for the second sailing for years, and a new boat, bought last autumn, now makes it possible.</p>"
        "</article></body></html>";
    a = parse_fmt(src2, strlen(src2), NR_FORMAT_HTML);
    assert_string_equal(a->byline, "Jo Bell");
    assert_string_equal(a->date, "Friday 25 December 2015");
    assert_string_equal(a->date_iso, "2015-12-25");
    assert_false(has_block(a, "hours ago"));
    nr_article_free(a);
}

static void test_html_inline_caption(void **state)
{
    (void)state;
    /* a caption set inline at the start of a paragraph: its credit goes,
       the paragraph stays */
    const char *src =
        "<html><head><title>Mario comes to phones</title></head><body><article>"
        "<p><span class=\"image\"><img src=\"m.jpg\"></span><span class=\"caption\">"
        "<span class=\"attribution\">\xC2\xA9 Provided by Example Media</span> <span>A plumber on a phone</span></span>"
        " Nintendo surprised the world this year by announcing its first game for phones, to be sold for a single price in December.</p>"
        "<p>The game is a side-scrolling run in which the player taps to jump, and the first levels can be played for free before buying.</p>"
        "</article></body></html>";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_HTML);
    assert_true(has_block(a, "Nintendo surprised the world"));
    assert_false(has_block(a, "Provided by"));
    assert_string_equal(stripped_by(a, src, "Provided by"), "caption");
    check_map(a, src, strlen(src));
    nr_article_free(a);
}

static void test_html_contents_list(void **state)
{
    (void)state;
    /* a table of contents is not read; the headings it lists are, as
       chapters, where they stand */
    const char *src =
        "<html><head><title>Keeping bees in town</title></head><body><article><h1>Keeping bees in town</h1>"
        "<ul class=\"toc\"><li><a href=\"#hives\">Choosing a hive</a></li><li><a href=\"#place\">Finding a place</a></li>"
        "<li><a href=\"#law\">What the law says</a></li></ul>"
        "<h2 id=\"hives\">Choosing a hive</h2><p>A hive for a small garden should be light enough to lift, and easy to open without disturbing the bees more than needed.</p>"
        "<h2 id=\"place\">Finding a place</h2><p>Bees want morning sun, shelter from the wind, and a flight path that does not cross the neighbours' washing line.</p>"
        "<h2 id=\"law\">What the law says</h2><p>There is no licence to keep bees, but a keeper must act if a swarm becomes a nuisance to the people next door.</p>"
        "</article></body></html>";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_HTML);
    size_t headings = 0, items = 0;
    for (size_t i = 0; i < a->nblocks; i++) {
        headings += a->blocks[i].kind == NR_BLOCK_HEADING;
        items += a->blocks[i].kind == NR_BLOCK_ITEM;
    }
    assert_int_equal(headings, 3);
    assert_int_equal(items, 0);
    assert_string_equal(stripped_by(a, src, "Finding a place</a>"), "nav");
    nr_article_free(a);
}

static void test_html_keep(void **state)
{
    (void)state;
    /* --keep brings back a paragraph the reader cut with its box (the
       comments, outside the article), and only that paragraph */
    const char *src =
        "<html><head><title>Ferry to run twice a day</title></head><body><article>"
        "<p>The ferry between the two islands will run twice a day from May, the council said, after a winter of storms, repairs and complaints.</p>"
        "<p>Islanders had asked for the second sailing for years, and a new boat, bought last autumn, now makes it possible.</p>"
        "</article><div id=\"comments\"><p>Editor's note: the May date was confirmed by the operator on Friday.</p>"
        "<p>Great news, about time too, we have waited long enough for this boat.</p></div></body></html>";
    const char *keep[] = {"Editor's note"};
    nr_article_opts o = {0};
    o.format = NR_FORMAT_HTML;
    o.keep = keep;
    o.nkeep = 1;
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse(src, strlen(src), &o, &a), NR_ARTICLE_OK);
    assert_true(has_block(a, "Editor's note: the May date"));
    assert_false(has_block(a, "Great news"));
    assert_string_equal(stripped_by(a, src, "Great news"), "outside-article");
    nr_article_free(a);
}

static void test_html_pull_quote(void **state)
{
    (void)state;
    /* a pull quote repeats a line of the story, reworded at its edges: it
       is not read twice; a quote box with words of its own is read */
    const char *src =
        "<html><head><title>Ferry to run twice a day</title></head><body><article>"
        "<p>The ferry between the two islands will run twice a day from May, the council said, and islanders say that the second sailing will change how we live and work here.</p>"
        "<aside class=\"pull-quote\"></aside><div class=\"story-pullquote\">\xE2\x80\x9CThe second sailing will change how we live and work\xE2\x80\x9D</div>"
        "<p>Islanders had asked for the second sailing for years, and a new boat, bought last autumn, now makes it possible.</p>"
        "<blockquote class=\"pullquote\">We waited twenty years for a boat that finally arrived in spring</blockquote>"
        "</article></body></html>";
    nr_article *a = parse_fmt(src, strlen(src), NR_FORMAT_HTML);
    assert_false(has_block(a, "The second sailing will change"));
    assert_string_equal(stripped_by(a, src, "The second sailing"), "repeated");
    assert_true(has_block(a, "We waited twenty years"));
    nr_article_free(a);
}

static void test_long_line(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *s = malloc(n + 64);
    strcpy(s, "A title\n\n");
    size_t k = strlen(s);
    for (; k < n; k++)
        s[k] = "word [1] ."[k % 10];
    s[k] = '\0';
    nr_article *a = NULL;
    nr_article_status st = nr_article_parse(s, k, NULL, &a);
    assert_true(st == NR_ARTICLE_OK || st == NR_ARTICLE_EMPTY);
    nr_article_free(a);
    nr_article_opts o = {0};
    o.format = NR_FORMAT_MARKDOWN;
    a = NULL;
    for (size_t i = 9; i < k; i++)
        s[i] = "[*_`<&!]("[i % 9];
    st = nr_article_parse(s, k, &o, &a);
    assert_true(st == NR_ARTICLE_OK || st == NR_ARTICLE_EMPTY);
    nr_article_free(a);
    free(s);
}

/* ---------------- options and edge cases ---------------- */

static void test_keep_drop(void **state)
{
    (void)state;
    const char *src = HEAD BODY1 "Advertisement\n\n" BODY2 BODY3;
    const char *keep[] = {"^advertisement$"};
    const char *drop[] = {"leader of the council"};
    nr_article_opts o = {0};
    o.format = NR_FORMAT_TEXT;
    o.keep = keep;
    o.nkeep = 1;
    o.drop = drop;
    o.ndrop = 1;
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse(src, strlen(src), &o, &a), NR_ARTICLE_OK);
    assert_true(has_block(a, "Advertisement"));
    assert_false(has_block(a, "leader of the council"));
    assert_string_equal(stripped_by(a, src, "The leader"), "user-drop");
    nr_article_free(a);
    /* keep also holds a byline line in place as a block */
    const char *keep2[] = {"^By Jane"};
    const char *src2 = HEAD "By Jane Smith\n\n" BODY1;
    o.keep = keep2;
    o.nkeep = 1;
    o.ndrop = 0;
    a = NULL;
    assert_int_equal(nr_article_parse(src2, strlen(src2), &o, &a), NR_ARTICLE_OK);
    assert_true(has_block(a, "By Jane Smith"));
    nr_article_free(a);
    const char *bad[] = {"(unclosed"};
    o.keep = bad;
    a = NULL;
    assert_int_equal(nr_article_parse(src, strlen(src), &o, &a), NR_ARTICLE_BADPATTERN);
    assert_null(a);
}

static void test_empty(void **state)
{
    (void)state;
    const char *cases[] = {
        "", "   \n\n\t  \r\n", "Share this:\n\nTwitter\n\nFacebook\n\nLeave a Reply\n",
        "Advertisement\n\nSkip to content\n\nMenu\n",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        nr_article *a = NULL;
        assert_int_equal(nr_article_parse(cases[i], strlen(cases[i]), NULL, &a),
                         NR_ARTICLE_EMPTY);
        assert_null(a);
    }
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse("<html><body><nav>Home</nav></body></html>", 41, NULL, &a),
                     NR_ARTICLE_EMPTY);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    const char src[] = "A title for the test\n\nSome\0body text that carries a stray NUL byte in it.\n";
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse(src, sizeof src - 1, NULL, &a), NR_ARTICLE_OK);
    assert_string_equal(a->blocks[0].text, "Some body text that carries a stray NUL byte in it.");
    nr_article_free(a);
}

static void test_dates(void **state)
{
    (void)state;
    struct { const char *in, *written, *iso; } cases[] = {
        {"Date \xE2\x80\x93 13th May 2014", "13th May 2014", "2014-05-13"},
        {"Published May 13, 2014 at 9am", "May 13, 2014", "2014-05-13"},
        {"2014-05-13T09:30:00Z", "2014-05-13", "2014-05-13"},
        {"on 13/05/2014", "13/05/2014", "2014-05-13"},
        {"on 05/13/2014", "05/13/2014", "2014-05-13"},
        {"on 03/04/2014", "03/04/2014", ""},
        {"Tuesday, 1st April 2025", "Tuesday, 1st April 2025", "2025-04-01"},
        {"Sept. 9, 2001", "Sept. 9, 2001", "2001-09-09"},
        {"the 2nd of June 1953", "2nd of June 1953", "1953-06-02"},
        {"29 February 2024", "29 February 2024", "2024-02-29"},
        /* a label and a date glued by a browser's copy */
        {"Yahoo FinanceOctober 13, 2016", "October 13, 2016", "2016-10-13"},
        /* the months of other languages, written out */
        {"1 de diciembre de 2017 3:00 AM PST", "1 de diciembre de 2017", "2017-12-01"},
        {"Publi\xC3\xA9 le 30 avril 2015", "30 avril 2015", "2015-04-30"},
        {"le 1er f\xC3\xA9vrier 2020", "1er f\xC3\xA9vrier 2020", "2020-02-01"},
        {"Stand: 13. M\xC3\xA4rz 2014", "13. M\xC3\xA4rz 2014", "2014-03-13"},
        {"5 de mar\xC3\xA7o de 2019", "5 de mar\xC3\xA7o de 2019", "2019-03-05"},
        {"22 maart 2018", "22 maart 2018", "2018-03-22"},
        /* a two-digit year where the line starts: no ISO date (which
           part is the day, which century?) */
        {"11.03.17 in Gadgetry", "11.03.17", ""},
        {"03/11/17", "03/11/17", ""},
        {"9/11/13 10:00AM", "9/11/13", ""},
        /* the time glued to the year by a copy */
        {"March 3, 20219:41 AM GMTUpdated 2 years ago", "March 3, 2021", "2021-03-03"},
        /* ... or the next date's day to it */
        {"Publi\xC3\xA9 le 12 septembre 202314 septembre 2023", "12 septembre 2023", "2023-09-12"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t b, e;
        char iso[11];
        const char *s = cases[i].in;
        assert_true(nr_date_find(s, strlen(s), &b, &e, iso));
        char got[64];
        snprintf(got, sizeof got, "%.*s", (int)(e - b), s + b);
        assert_string_equal(got, cases[i].written);
        assert_string_equal(iso, cases[i].iso);
    }
    const char *none[] = {"31 February 2014", "May 2014", "in 1999", "13/13/2014",
                          "Maybe 12, 2014", "version 2.0.1", "SUMMARY 12, 2014",
                          "summay 12, 2014", "Mai 2014", "13 de mayor 2014",
                          "version 10.12.14", "10.12.14.2 released", "31.31.31",
                          "1.2.14 out now"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        size_t b, e;
        char iso[11];
        assert_false(nr_date_find(none[i], strlen(none[i]), &b, &e, iso));
    }
    /* a post's stamp without its year is a date line, not a date */
    const char *stamps[] = {"Posted on Mar 3", "Mar 3", "Updated March 3 at 9:14 AM",
                            "Published: 12 May"};
    for (size_t i = 0; i < sizeof stamps / sizeof *stamps; i++)
        assert_true(nr_stamp_date(stamps[i], strlen(stamps[i])));
    const char *not_stamps[] = {"March 3 rally", "Posted on Mar 3, 2021", "Mar", "May the best win",
                                "Posted in March"};
    for (size_t i = 0; i < sizeof not_stamps / sizeof *not_stamps; i++)
        assert_false(nr_stamp_date(not_stamps[i], strlen(not_stamps[i])));
    /* a magazine's issue */
    assert_true(nr_month_year("May 2022", 8));
    assert_true(nr_month_year("September 1999 ", 15));
    assert_false(nr_month_year("May 2022 issue", 14));
    assert_false(nr_month_year("May 3, 2022", 11));
}

/* A section's label over a date is no writer, however name-like, when
   it is the page's headline too ("District News" twice, a date, the
   story's headline). */
static void test_label_is_no_byline(void **state)
{
    (void)state;
    nr_article *a = text("Home\n\nDistrict News\n\nDistrict News\n\nPosted on 09/05/2023\n\n"
                         "Board approves later start times for middle schools\n\n" BODY1 BODY2 BODY3);
    assert_true(a->byline == NULL || strcmp(a->byline, "District News") != 0);
    assert_true(has_block(a, "Residents packed"));
    nr_article_free(a);
}

/* The byline's parts on lines of their own: a lead, a role. */
static void test_byline_parts(void **state)
{
    (void)state;
    const char *leads[] = {"By", "by:", " Por ", "Written by", "Par"};
    for (size_t i = 0; i < sizeof leads / sizeof *leads; i++)
        assert_true(nr_lead_alone(leads[i], strlen(leads[i])));
    const char *not_leads[] = {"Bye", "By Jo Roe", "Buy", ""};
    for (size_t i = 0; i < sizeof not_leads / sizeof *not_leads; i++)
        assert_false(nr_lead_alone(not_leads[i], strlen(not_leads[i])));
    const char *roles[] = {"Games Editor", "Senior Correspondent, Europe",
                           "Staff Writer", "Chief Political Correspondent"};
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        assert_true(nr_role_line(roles[i], strlen(roles[i])));
    const char *not_roles[] = {"Letters to the editor are welcome.",
                               "The editor of the local paper said the plan would fail",
                               "Games", "Jo Roe"};
    for (size_t i = 0; i < sizeof not_roles / sizeof *not_roles; i++)
        assert_false(nr_role_line(not_roles[i], strlen(not_roles[i])));
    /* a name, not a headline in title case */
    const char *names[] = {"Ben Silverman", "Van Morrison", "Al Gore", "Mary Ann De Luca"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        assert_true(nr_namelike(names[i], strlen(names[i])));
    const char *heads[] = {"On Recent Controversial Events", "The Long Road Home",
                           "How We Won", "Inside The Vault"};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        assert_false(nr_namelike(heads[i], strlen(heads[i])));
    const char *rel[] = {"3 hours ago", "Published 2 days ago", "Updated: an hour ago",
                         "Updated ago", "| 45 minutes ago"};
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++)
        assert_true(nr_relative_time(rel[i], strlen(rel[i]), 0));
    const char *compact[] = {"\xE2\x80\xA2 8h", "5 min", "2d"};
    for (size_t i = 0; i < sizeof compact / sizeof *compact; i++) {
        assert_true(nr_relative_time(compact[i], strlen(compact[i]), 1));
        assert_false(nr_relative_time(compact[i], strlen(compact[i]), 0));
    }
    const char *not_rel[] = {"5 min read", "10 years ago today", "Posted 3 days",
                             "ago", "1234 hours ago", "3 apples ago"};
    for (size_t i = 0; i < sizeof not_rel / sizeof *not_rel; i++)
        assert_false(nr_relative_time(not_rel[i], strlen(not_rel[i]), 1));
    /* a time relative to a now the listener does not share is not read */
    const char *src = HEAD "Published 2 days ago\n\n" BODY1
                      "The vote came 3 hours ago, and the hall was so full that people stood in the corridor to hear it.\n\n"
                      BODY2 "Posted ago\n\n" BODY3 "Updated an hour ago\n";
    nr_article *a = text(src);
    assert_false(has_block(a, "days ago"));
    assert_false(has_block(a, "an hour ago"));
    assert_false(has_block(a, "Posted ago"));
    assert_true(has_block(a, "3 hours ago, and the hall"));
    assert_string_equal(stripped_by(a, src, "Published 2 days"), "dateline");
    nr_article_free(a);
    /* a wire dateline cut off from the lead is no heading; a verse's
       closing dash is no dateline */
    src = HEAD "WASHINGTON \xE2\x80\x94\n\n" BODY1 "LONDON (Reuters) -\n\n" BODY2
          "Because I could not stop for Death \xE2\x80\x93\n\n" BODY3;
    a = text(src);
    assert_false(has_block(a, "WASHINGTON"));
    assert_false(has_block(a, "Reuters"));
    assert_true(has_block(a, "for Death"));
    assert_string_equal(stripped_by(a, src, "WASHINGTON"), "dateline");
    nr_article_free(a);
}

static void test_binary_and_format_sniffing(void **state)
{
    (void)state;
    const char bin[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 not text";
    nr_article *a = NULL;
    assert_int_equal(nr_article_parse(bin, sizeof bin - 1, NULL, &a), NR_ARTICLE_BADINPUT);
    /* sniffed: HTML and Markdown without a file name */
    const char *h = "<!DOCTYPE html><html><body><article><h1>Sniffed headline here</h1>"
                    "<p>A paragraph of body text that is long enough to be the article itself, with a comma or two, and a full stop.</p>"
                    "</article></body></html>";
    a = parse_fmt(h, strlen(h), NR_FORMAT_AUTO);
    assert_string_equal(a->title, "Sniffed headline here");
    assert_int_equal(a->nblocks, 1);
    nr_article_free(a);
    const char *m = "# Sniffed *markdown* title\n\nSome **bold** body text that goes on for a while.\n";
    a = parse_fmt(m, strlen(m), NR_FORMAT_AUTO);
    assert_string_equal(a->title, "Sniffed markdown title");
    assert_string_equal(a->blocks[0].text, "Some bold body text that goes on for a while.");
    nr_article_free(a);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(nr_block_kind_name(NR_BLOCK_PARA), "para");
    assert_string_equal(nr_block_kind_name(NR_BLOCK_HEADING), "heading");
    assert_string_equal(nr_block_kind_name(NR_BLOCK_ITEM), "item");
    assert_string_equal(nr_block_kind_name(NR_BLOCK_QUOTE), "quote");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_metadata),
        cmocka_unit_test(test_seed_chapters),
        cmocka_unit_test(test_seed_stripped),
        cmocka_unit_test(test_seed_line_endings),
        cmocka_unit_test(test_seed_src_map),
        cmocka_unit_test(test_listen_and_advert),
        cmocka_unit_test(test_read_more_teaser),
        cmocka_unit_test(test_captions),
        cmocka_unit_test(test_footnotes),
        cmocka_unit_test(test_markup_residue),
        cmocka_unit_test(test_gallery),
        cmocka_unit_test(test_formula_source),
        cmocka_unit_test(test_photo_credit),
        cmocka_unit_test(test_byline_parts),
        cmocka_unit_test(test_share_widgets),
        cmocka_unit_test(test_comment_tail),
        cmocka_unit_test(test_related_and_newsletter),
        cmocka_unit_test(test_continue_and_zemanta),
        cmocka_unit_test(test_label_is_no_byline),
        cmocka_unit_test(test_byline_and_date_forms),
        cmocka_unit_test(test_headings_labels_items),
        cmocka_unit_test(test_numbered_sections_and_wiki_marks),
        cmocka_unit_test(test_hard_wrap),
        cmocka_unit_test(test_repeated_lines),
        cmocka_unit_test(test_header_shapes),
        cmocka_unit_test(test_header_is_all),
        cmocka_unit_test(test_plain_mode),
        cmocka_unit_test(test_contents_list),
        cmocka_unit_test(test_cjk_wrap),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_markdown_line_endings),
        cmocka_unit_test(test_markdown_inline_edges),
        cmocka_unit_test(test_markdown_title_from_heading),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_html_density),
        cmocka_unit_test(test_html_class_words),
        cmocka_unit_test(test_html_page_form),
        cmocka_unit_test(test_html_hostile),
        cmocka_unit_test(test_html_deep),
        cmocka_unit_test(test_html_long_head),
        cmocka_unit_test(test_html_meta_sources),
        cmocka_unit_test(test_html_inline_caption),
        cmocka_unit_test(test_html_contents_list),
        cmocka_unit_test(test_html_keep),
        cmocka_unit_test(test_html_pull_quote),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_keep_drop),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_binary_and_format_sniffing),
        cmocka_unit_test(test_kind_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

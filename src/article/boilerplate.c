/*
 * boilerplate.c - judges one candidate at a time: is this line page furniture
 * (advert break, share bar, comment form, newsletter pitch, caption credit,
 * cookie or copyright notice, navigation crumb, "READ MORE:" teaser...) or
 * body text?  (Trims inside body text are in trims.c, byline and date
 * lines in metalines.c.)
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

int nr_keyit_next(nr_keyit *it)
{
    for (;;) {
        if (it->owe_space) {
            it->owe_space = 0;
            return ' ';
        }
        if (it->np) {
            it->np--;
            return (unsigned char)*it->p++;
        }
        if (it->i >= it->n)
            return -1;
        size_t i = it->i;
        unsigned char c = (unsigned char)it->s[i];
        size_t step = 1;
        int letter = 0;
        if (c < 0x80) {
            letter = isalnum(c);
            c = (unsigned char)tolower(c);
        } else {
            step = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (i + step > it->n)
                step = it->n - i;
            /* Latin-1 symbols and the U+2000.. punctuation, arrows and
               box/bullet blocks separate words; other letters are kept */
            letter = !(c == 0xC2 || c == 0xE2 || c == 0xEF);
        }
        if (letter) {
            it->owe_space = it->sp && it->any;
            it->sp = 0;
            it->any = 1;
            it->one = (char)c;
            it->p = step == 1 ? &it->one : it->s + i;
            it->np = step;
        } else {
            it->sp = 1;
        }
        it->i += step;
    }
}

char *nr_key(const char *s, size_t n)
{
    char *k = malloc(n + 1);
    if (!k)
        return NULL;
    nr_keyit it = {.s = s, .n = n};
    size_t w = 0;
    int b;
    while ((b = nr_keyit_next(&it)) >= 0)
        k[w++] = (char)b;
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
    {"anzeige", "advert", 0}, {"werbung", "advert", 0}, {"publicité", "advert", 0},
    {"publicidad", "advert", 0}, {"pubblicità", "advert", 0},
    {"advert", "advert", 0}, {"advertising", "advert", 0},
    {"ad", "advert", 0}, {"ads", "advert", 0},
    {"sponsored", "advert", 0}, {"sponsored content", "advert", 0},
    {"paid content", "advert", 0}, {"promoted", "advert", 0},
    {"story continues below advertisement", "advert", 0},
    {"story continues below", "advert", 0},
    {"article continues below", "advert", 0},
    {"article continues below advertisement", "advert", 0},
    {"continue reading below", "advert", 0},
    {"advertisement scroll to continue", "advert", 0},
    {"scroll to continue with content", "advert", 0},
    {"ad feedback", "advert", 0}, {"video ad feedback", "advert", 0},
    {"report this ad", "advert", 0},
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
    /* the same skip links in Japanese ("the text starts here") */
    {"\xE3\x81\x93\xE3\x81\x93\xE3\x81\x8B\xE3\x82\x89"
     "\xE6\x9C\xAC\xE6\x96\x87\xE3\x81\xA7\xE3\x81\x99", "nav", 0},
    {"\xE6\x9C\xAC\xE6\x96\x87\xE3\x81\xB8", "nav", 0},
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
    {"link copied", "share-widget", 0},
    {"now playing", "video", 0}, {"show all", "nav", 0},
    {"autoplay", "video", 0}, {"autoplay is on", "video", 0}, {"autoplay is off", "video", 0},
    {"for immediate release", "dateline", 0},
    {"report abuse", "comment-form", 0}, {"report this post", "comment-form", 0},
    {"report this comment", "comment-form", 0},
    /* a recipe card's buttons */
    {"print recipe", "widget", 0}, {"pin recipe", "widget", 0},
    {"save recipe", "widget", 0}, {"jump to recipe", "widget", 0},
    {"print recipe pin recipe", "widget", 0}, {"print recipe pin recipe save recipe", "widget", 0},
    {"rate this recipe", "widget", 0}, {"did you make this recipe", "widget", 0},
    {"gift this article", "share-widget", 0},
    {"related", "related", 1}, {"related articles", "related", 1},
    {"related posts", "related", 1}, {"related stories", "related", 1},
    {"related topics", "related", 1}, {"related content", "related", 1},
    {"related links", "related", 1}, {"related coverage", "related", 1},
    {"related news", "related", 1}, {"you may also like", "related", 1},
    /* one link set in the story's middle: no sign of its end */
    {"related article", "related-link", 0}, {"related story", "related-link", 0},
    {"related video", "related-link", 0},
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
    {"other people are reading", "related", 1}, {"people also read", "related", 1},
    {"readers also liked", "related", 1}, {"more like this", "related", 1},
    {"you might be interested in", "related", 1}, {"more to explore", "related", 1},
    {"recommended reading", "related", 1}, {"popular now", "related", 1},
    {"around the web", "related", 1}, {"from around the web", "related", 1},
    {"promoted stories", "advert", 1}, {"sponsored stories", "advert", 1},
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
    /* the recommendation widgets' signatures */
    {"by taboola", "advert", 0}, {"by taboola by taboola", "advert", 0},
    {"sponsored links by taboola", "advert", 0}, {"promoted links by taboola", "advert", 0},
    {"recommended by outbrain", "advert", 0}, {"sponsored by outbrain", "advert", 0},
    {"powered by wordpress", "widget", 2},
    {"leave a reply", "comment-form", 2}, {"leave a comment", "comment-form", 2},
    /* an obituary's comments */
    {"guest book", "comment-form", 2}, {"guestbook", "comment-form", 2},
    {"sign the guest book", "comment-form", 2}, {"sign the guestbook", "comment-form", 2},
    {"send flowers", "widget", 0},
    {"post a comment", "comment-form", 2}, {"add a comment", "comment-form", 2},
    {"comments", "comment-form", 2}, {"comment", "comment-form", 2},
    {"view comments", "comment-form", 2}, {"show comments", "comment-form", 2},
    {"load comments", "comment-form", 2},
    {"join the conversation", "comment-form", 2},
    {"join the discussion", "comment-form", 2},
    {"comments are closed", "comment-form", 2},
    {"post navigation", "nav", 2}, {"cancel reply", "comment-form", 2},
    {"older post", "nav", 1}, {"newer post", "nav", 1},
    {"older post newer post", "nav", 1}, {"newer post older post", "nav", 1},
    {"newer post home older post", "nav", 1}, {"previous post next post", "nav", 1},
    {"older entries", "nav", 1}, {"newer entries", "nav", 1},
    {"have your say", "comment-form", 2}, {"responses", "comment-form", 2},
    {"add your comment", "comment-form", 2},
    {"write a review", "comment-form", 2}, {"leave a review", "comment-form", 2},
    {"add a review", "comment-form", 2},
    {"write a comment", "comment-form", 2},
    {"reply", "comment-form", 2}, {"follow us", "nav", 1},
    /* the same widgets in the other languages narrate meets most */
    {"kommentare", "comment-form", 2}, {"kommentar", "comment-form", 2},
    {"kommentar verfassen", "comment-form", 2},
    {"kommentar schreiben", "comment-form", 2},
    {"kommentare schreiben", "comment-form", 2},
    {"hinterlasse einen kommentar", "comment-form", 2},
    {"schreibe einen kommentar", "comment-form", 2},
    {"antwort abbrechen", "comment-form", 2}, {"antworten", "comment-form", 2},
    {"commentaires", "comment-form", 2}, {"commentaire", "comment-form", 2},
    {"laisser un commentaire", "comment-form", 2},
    {"laissez un commentaire", "comment-form", 2},
    {"répondre", "comment-form", 2}, {"annuler la réponse", "comment-form", 2},
    {"comentarios", "comment-form", 2}, {"deja un comentario", "comment-form", 2},
    {"dejar un comentario", "comment-form", 2}, {"responder", "comment-form", 2},
    {"commenti", "comment-form", 2}, {"lascia un commento", "comment-form", 2},
    {"rispondi", "comment-form", 2}, {"reacties", "comment-form", 2},
    {"laat een reactie achter", "comment-form", 2},
    {"teilen", "share-widget", 1}, {"drucken", "share-widget", 1},
    {"partager", "share-widget", 1}, {"imprimer", "share-widget", 1},
    {"compartir", "share-widget", 1}, {"imprimir", "share-widget", 1},
    {"condividi", "share-widget", 1}, {"stampa", "share-widget", 1},
    {"delen", "share-widget", 1},
    {"mehr zum thema", "related", 1}, {"ähnliche artikel", "related", 1},
    {"weitere artikel", "related", 1}, {"nützliche links", "related", 1},
    {"das könnte sie auch interessieren", "related", 1},
    {"sur le même sujet", "related", 1}, {"à lire aussi", "related", 1},
    {"lire aussi", "related", 1}, {"articles similaires", "related", 1},
    {"noticias relacionadas", "related", 1}, {"te puede interesar", "related", 1},
    {"artículos relacionados", "related", 1}, {"artigos relacionados", "related", 1},
    {"notícias relacionadas", "related", 1}, {"articles connexes", "related", 1},
    {"verwandte artikel", "related", 1}, {"verwandte themen", "related", 1},
    {"notizie correlate", "related", 1},
    {"comparte tu opinión", "comment-form", 2},
    {"deixe um comentário", "comment-form", 2},
    {"articoli correlati", "related", 1}, {"leggi anche", "related", 1},
    {"gerelateerde artikelen", "related", 1}, {"lees ook", "related", 1},
    {"related subjects", "related", 1}, {"more on this topic", "related", 1},
    {"en savoir plus", "read-more", 0}, {"leer más", "read-more", 0},
    {"weiterlesen", "read-more", 0}, {"mehr lesen", "read-more", 0},
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
    {"gib hier deinen kommentar ein", "comment-form", 2},
    {"du kommentierst mit deinem", "comment-form", 2},
    {"benachrichtigung bei weiteren kommentaren", "comment-form", 2},
    {"deine e mail adresse wird nicht veröffentlicht", "comment-form", 2},
    {"votre adresse e mail ne sera pas publiée", "comment-form", 2},
    {"vous commentez à l aide de votre compte", "comment-form", 2},
    {"tu dirección de correo electrónico no será publicada", "comment-form", 2},
    {"il tuo indirizzo email non sarà pubblicato", "comment-form", 2},
    {"sign in to comment", "comment-form", 2},
    {"log in to comment", "comment-form", 2},
    {"login to comment", "comment-form", 2},
    {"inicia sesión para comentar", "comment-form", 2},
    {"connectez vous pour commenter", "comment-form", 2},
    {"melden sie sich an um zu kommentieren", "comment-form", 2},
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
    {"subscribe for", "newsletter", 0}, {"subscribe now", "newsletter", 0},
    {"get our", "newsletter", 0}, {"join our", "newsletter", 0},
    {"enter your email", "newsletter", 0}, {"never miss", "newsletter", 0},
    {"receive our", "newsletter", 0}, {"get the latest", "newsletter", 0},
    {"want more", "newsletter", 0}, {"by signing up", "newsletter", 0},
    {"jetzt kostenlos abonnieren", "newsletter", 0}, {"newsletter abonnieren", "newsletter", 0},
    {"mit der anmeldung akzeptieren sie", "newsletter", 0},
    {"abonnez vous", "newsletter", 0}, {"inscrivez vous", "newsletter", 0},
    {"suscríbete", "newsletter", 0}, {"suscribete", "newsletter", 0},
    {"iscriviti", "newsletter", 0},
    /* an affiliate disclosure */
    {"this post contains affiliate links", "advert", 0},
    {"this post may contain affiliate links", "advert", 0},
    {"this article contains affiliate links", "advert", 0},
    {"this page contains affiliate links", "advert", 0},
    {"we may earn a commission", "advert", 0}, {"we may earn a small commission", "advert", 0},
    {"when you buy through links on our site", "advert", 0},
    {"when you purchase through links on our site", "advert", 0},
    {"thanks for reading", "newsletter", 0},
    {"by subscribing", "newsletter", 0}, {"by clicking", "newsletter", 0},
    {"we use cookies", "cookie", 0}, {"this site uses cookies", "cookie", 0},
    {"this website uses cookies", "cookie", 0},
    {"our site uses cookies", "cookie", 0},
    {"by continuing to use", "cookie", 0}, {"accept cookies", "cookie", 0},
    {"accept all cookies", "cookie", 0}, {"cookie policy", "cookie", 0},
    {"cookie settings", "cookie", 0}, {"manage cookies", "cookie", 0},
    {"reporting by", "credits", 0}, {"additional reporting by", "credits", 0},
    {"editing by", "credits", 0}, {"writing by", "credits", 0},
    {"posted in", "tags", 1}, {"filed under", "tags", 1}, {"filed to", "tags", 1},
    {"tagged", "tags", 1}, {"published in", "tags", 1},
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
    {"topics", "tags", 1}, {"posted in", "tags", 1}, {"filed to", "tags", 1},
    {"filed in", "tags", 1},
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
    "google", "url", "copied", "mastodon", "and", "or",
    /* the same bars in German, French, Spanish and Italian */
    "artikel", "teilen", "kopieren", "drucken", "partager", "cet",
    "copier", "le", "lien", "imprimer", "compartir", "copiar", "enlace", "en",
    "condividi", "copia", "stampa", "per", "auf", "sur", "con", NULL};
static const char *const share_strong[] = {
    "share", "tweet", "facebook", "twitter", "linkedin", "whatsapp",
    "pinterest", "reddit", "telegram", "messenger", "flipboard", "bluesky",
    "teilen", "partager", "compartir", "condividi", NULL};

static const char *const credit_agencies[] = {
    "getty images", "shutterstock", "alamy", "pa media", "pa wire",
    "ap photo", "afp", "reuters", "epa", "associated press", "istock",
    "supplied", "file photo", NULL};

static int key_starts(const char *k, const char *p)
{
    size_t n = strlen(p);
    return !strncmp(k, p, n) && (k[n] == ' ' || k[n] == '\0');
}

int nr_key_has(const char *k, const char *p)
{
    size_t n = strlen(p);
    for (const char *q = strstr(k, p); q; q = strstr(q + 1, p))
        if ((q == k || q[-1] == ' ') && (q[n] == ' ' || q[n] == '\0'))
            return 1;
    return 0;
}

/* A consent banner in any of the languages pages come in most: a site
   speaking of itself ("We and our 142 partners ...", "Wir und unsere
   Partner ...", "Nous utilisons ...") that names cookies and asks for
   consent.  A story about cookie rules does not open with "we". */
static int consent_banner(const char *k)
{
    static const char *const self[] = {"we", "wir", "nous", "utilizamos", "usamos",
                                       "this", "our", "diese", "questo", "ce", "este",
                                       "nosotros", "noi", NULL};
    static const char *const consent[] = {"accept", "consent", "agree", "akzeptieren",
                                          "einwilligung", "zustimmen", "accepter",
                                          "consentement", "aceptar", "consentimiento",
                                          "accetta", "accettare", "consenso", NULL};
    size_t l = 0;
    while (k[l] && k[l] != ' ')
        l++;
    if (!nr_in_list_ci(k, l, self) ||
        !(nr_key_has(k, "cookies") || nr_key_has(k, "cookie")))
        return 0;
    for (size_t i = 0; consent[i]; i++)
        if (nr_key_has(k, consent[i]))
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

/* Ends with a dash after a place or agency in capitals or brackets
   ("WASHINGTON —", "New York CNN —", "LONDON (Reuters) -"). */
static int wire_dateline(const char *s, size_t n)
{
    size_t e = n;
    while (e && s[e - 1] == ' ')
        e--;
    size_t d = 0;
    if (e >= 3 && (!memcmp(s + e - 3, "\xE2\x80\x94", 3) || !memcmp(s + e - 3, "\xE2\x80\x93", 3)))
        d = 3;
    else if (e >= 2 && s[e - 1] == '-' && s[e - 2] == ' ')
        d = 1;
    if (!d || e - d < 2 || s[e - d - 1] != ' ')
        return 0;
    /* the word before the dash: the wire "(Reuters)" or a name in
       capitals ("CNN", "WASHINGTON"); a verse ending "... for Death –"
       is not one */
    size_t w = e - d - 1, b = w;
    while (b && s[b - 1] != ' ')
        b--;
    if (w - b >= 2 && s[w - 1] == ')')
        return 1;
    size_t caps = 0;
    for (size_t i = b; i < w; i++) {
        if (islower((unsigned char)s[i]))
            return 0;
        caps += isupper((unsigned char)s[i]) != 0;
    }
    return caps >= 2;
}

/* A running time ("01:42", "1:02:15") alone or before a source:
   "01:42 - Source: CNN". */
static int video_length(const char *s, size_t n)
{
    size_t i = 0, parts = 0;
    /* "Duration 1:42 · Autoplay is on" */
    if (n > 9 && !strncasecmp(s, "duration ", 9))
        i = 9;
    for (;;) {
        size_t d = 0;
        while (i < n && isdigit((unsigned char)s[i]))
            i++, d++;
        if (d < 1 || d > 2 || (parts && d != 2))
            return 0;
        parts++;
        if (i < n && s[i] == ':' && parts < 3) {
            i++;
            continue;
        }
        break;
    }
    if (parts < 2)
        return 0;
    while (i < n && (s[i] == ' ' || s[i] == '-'))
        i++;
    return i == n || (n - i >= 7 && !strncasecmp(s + i, "source:", 7)) ||
           (n - i >= 2 && (!strncmp(s + i, "\xC2\xB7", 2) || s[i] == '|'));
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
        if (!digits && !nr_in_list(p, n, share_vocab))
            return 0;
        if (nr_in_list(p, n, share_strong))
            strong = 1;
        p += n;
        while (*p == ' ')
            p++;
    }
    return strong;
}

/* "12 comments", "Comments (3)", "4 responses to ...", "There are 13
   comments", "One response", "2 thoughts on ..." */
/* "★★★★★ 4.9 from 62 votes", "4 out of 5 (120 ratings)": a rating's
   key is numbers, "from" or "out of", and a count of votes. */
static int rating_key(const char *k)
{
    const char *p = k;
    int nums = 0;
    for (;;) {
        if (isdigit((unsigned char)*p)) {
            while (isdigit((unsigned char)*p))
                p++;
            nums++;
        } else if (!strncmp(p, "from", 4) && (p[4] == ' ')) {
            p += 4;
        } else if (!strncmp(p, "out of", 6) && (p[6] == ' ')) {
            p += 6;
        } else {
            break;
        }
        if (*p != ' ')
            return 0;
        p++;
    }
    return nums >= 2 && (!strcmp(p, "votes") || !strcmp(p, "ratings") ||
                         !strcmp(p, "reviews"));
}

static const char *count_widget(const char *k, int *tail)
{
    if (rating_key(k))
        return "rating";
    const char *p = k;
    static const char *const leads[] = {"there are", "there is", "showing",
                                        "view all", "see all", "read all",
                                        NULL};
    for (size_t i = 0; leads[i]; i++) {
        size_t l = strlen(leads[i]);
        /* (the key may be the lead alone: "See all" ends there) */
        if (key_starts(k, leads[i]) && k[l] == ' ' && isdigit((unsigned char)k[l + 1])) {
            p = k + l + 1;
            break;
        }
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
            !strcmp(p, "kommentare") || !strcmp(p, "kommentar") ||
            !strcmp(p, "commentaires") || !strcmp(p, "commentaire") ||
            !strcmp(p, "comentarios") || !strcmp(p, "comentario") ||
            !strcmp(p, "commenti") || !strcmp(p, "commento") ||
            !strcmp(p, "reacties") || !strcmp(p, "reactie") ||
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
    /* "Thanks for reading X! Subscribe for free ...", not a sign-off */
    if (!strcmp(p->key, "thanks for reading"))
        return nr_key_has(k, "subscribe");
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

/* A site's legal small print, however long: one of the phrases that only
   disclaimers and licence notices use, in the languages narrate meets
   most ("keine Haftung", "tous droits réservés", "licensed under a
   Creative Commons"), or two of the stock phrases of a footer ("All
   rights reserved", "Privacy Policy", "constitutes acceptance of our User
   Agreement"). */
static int legal_footer(const char *k)
{
    static const char *const sure[] = {
        "keine haftung", "haftungsausschluss", "alle rechte vorbehalten",
        "tous droits réservés", "tous droits reserves",
        "todos los derechos reservados", "tutti i diritti riservati",
        "licensed under a creative commons", "unter einer creative commons",
        "sous licence creative commons", "bajo una licencia creative commons",
        "accept no liability", "accepts no liability",
        "not responsible for the content of external", NULL};
    for (size_t i = 0; sure[i]; i++)
        if (strstr(k, sure[i]))
            return 1;
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
    if (n <= 900 && consent_banner(k)) {
        rule = "cookie";
        goto done;
    }
    if (n <= 400)
        for (size_t i = 0; i < sizeof comment_form / sizeof *comment_form; i++)
            if (strstr(k, comment_form[i].key)) {
                rule = comment_form[i].rule;
                *tail = comment_form[i].tail;
                goto done;
            }
    /* "Click to share on Facebook (Opens in new window)": a blog's
       sharing buttons, read out by their accessible labels */
    if (n <= 120 && strstr(k, "opens in new window") &&
        (key_starts(k, "click to") || key_starts(k, "share on") ||
         strstr(k, "click to"))) {
        rule = "share-widget";
        *tail = 1;
        goto done;
    }
    /* "New York CNN —", "LONDON (Reuters) -": a story's place-and-wire
       dateline copied on a line of its own, cut off from the lead it
       opens; not a heading to announce */
    if (n <= 48 && n >= 3 && nr_word_count(s, n) <= 5 && wire_dateline(s, n)) {
        rule = "dateline";
        goto done;
    }
    /* "01:42 - Source: CNN", "00:58": a video's running time under its
       title */
    if (n <= 60 && video_length(s, n)) {
        rule = "video";
        goto done;
    }
    if (n <= 40 && nr_relative_time(s, n, 0)) {
        rule = "dateline";
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
        /* (a caption that ends in its photographer's ©, "... before
           sunrise. © Jo Roe", is a caption with a credit to cut) */
        const char *copy = strstr(s, "\xC2\xA9");
        int credit = copy && copy > s + 2 && copy[-1] == ' ' && strchr(".!?", copy[-2]) &&
                     !nr_key_has(k, "all rights reserved");
        if ((copy && !credit) || nr_key_has(k, "all rights reserved") ||
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
        if ((nr_key_has(k, "newsletter") || nr_key_has(k, "inbox")) &&
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
            if (nr_key_has(k, credit_agencies[i]) &&
                (memchr(s, '/', n) || memchr(s, '(', n) ||
                 !nr_ends_sentence(s, n) || n <= 40)) {
                rule = "caption";
                goto done;
            }
    }
    if (n > 2 && s[0] == '<' && isalpha((unsigned char)s[1]) &&
        (memmem(s, n, "href=\"http", 10) || memmem(s, n, "src=\"http", 9) ||
         memmem(s, n, "src=\"//", 7))) {
        /* markup a scraper left in the text: an advert's or a tracking
           pixel's tag, linking elsewhere ("<div><a href=\"http://ad...",
           "<img src=\"//pixel..."); a page shows none of it, and read out
           it is a URL spelled at length.  (A code sample in an article
           about HTML links its own files, by relative paths.) */
        rule = "markup";
        goto done;
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

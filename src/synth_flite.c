/*
 * synth_flite.c - the Flite backend of the synthesizer stage (see synth.h).
 *
 * Flite reports internal errors through cst_error(), which longjmps to
 * cst_errjmp when it is set and otherwise calls exit().  cst_errjmp is one
 * process-wide pointer, so it can only guard calls made while no other thread
 * is inside Flite: voice loading (always single-threaded) and synthesis when
 * one worker runs.  With several workers a Flite internal error would still
 * end the process; Flite raises those only on corrupt voice data or when
 * memory runs out, never because of input text, which reaches it as plain
 * words from the normalizer, folded to ASCII here.
 */
#include "synth.h"
#include "fold.h"

#include <flite.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The built-in voices, the one table of them: X(name, description, sample
 * rate, gain), expanded below into Flite's register declarations, the rows
 * and the name list.  Each is Flite's cmu_us_NAME, linked in (Makefile,
 * FLITE_LIBS).  The gain is the dB that brings the voice's speech to
 * -16 LUFS through the limiter: what the measuring (spool) path chose for
 * the seed article (`narrate -v`).  Speech from one voice varies little, so
 * pipes, which cannot measure first, use it (render.c, stream_gain).
 */
#define BUILTIN_VOICES(X) \
    X(kal,   "US male, diphone, 8 kHz (fastest, telephone quality)", 8000, 7.4) \
    X(kal16, "US male, diphone, 16 kHz", 16000, 15.7) \
    X(awb,   "Scottish-English male, clustergen, 16 kHz", 16000, 5.7) \
    X(rms,   "US male, clustergen, 16 kHz", 16000, 5.6) \
    X(slt,   "US female, clustergen, 16 kHz (default)", 16000, 0.3)

/* Flite's voice registration and language set-up functions have no header. */
void usenglish_init(cst_voice *v);
cst_lexicon *cmu_lex_init(void);
#define DECLARE_REGISTER(name, desc, rate, gain) \
    cst_voice *register_cmu_us_##name(const char *voxdir);
BUILTIN_VOICES(DECLARE_REGISTER)
#undef DECLARE_REGISTER

struct nr_voice {
    cst_voice *cv;
    int rate;
    /* This voice's own copy of Flite's lexicon, made for the first word
       given phones: built-in voices are shared Flite-wide and their lexicon
       with them, so words are added to the copy, and each utterance of this
       nr_voice is pointed at it (nr_voice_add_phones). */
    cst_lexicon *lex;
};

typedef cst_voice *(*register_fn)(const char *);

static const struct {
    nr_builtin_voice info;
    register_fn reg;
} builtin[] = {
#define BUILTIN_ROW(name, desc, rate, gain) {{#name, desc, rate, gain}, register_cmu_us_##name},
    BUILTIN_VOICES(BUILTIN_ROW)
#undef BUILTIN_ROW
};

static const char *const builtin_names[] = {
#define BUILTIN_NAME(name, desc, rate, gain) #name,
    BUILTIN_VOICES(BUILTIN_NAME)
#undef BUILTIN_NAME
    NULL
};

const char *const *nr_builtin_voice_names(void)
{
    return builtin_names;
}

const nr_builtin_voice *nr_builtin_voice_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof builtin / sizeof builtin[0]; i++)
        if (strcmp(builtin[i].info.name, name) == 0)
            return &builtin[i].info;
    return NULL;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void flite_init_once(void)
{
    flite_init();
    /* .flitevox files name their language; these are the ones we link */
    flite_add_lang("eng", usenglish_init, cmu_lex_init);
    flite_add_lang("usenglish", usenglish_init, cmu_lex_init);
}

/* Flite prints its own complaint about a file that is not a voice; the
   library must not print, so the header is checked here first. */
int nr_voice_file_ok(const char *path)
{
    static const char magic[] = "CMU_FLITE_CG_VOXDATA-v2.0";
    char head[sizeof magic];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return n == sizeof head && memcmp(head, magic, sizeof magic) == 0;
}

/* Voice loading is serialized across the process: Flite's registration
   of a built-in voice fills a cache shared by every context, and
   cst_errjmp, which guards it, is one pointer.  Renders of two contexts at
   once (narrate batch's lanes, any embedding program) load their voices
   here one at a time. */
static pthread_mutex_t load_mu = PTHREAD_MUTEX_INITIALIZER;

/* A built-in voice is one object shared by every context: its duration
   stretch is written only when it changes, since Flite frees the old value
   that another context's workers may be reading mid-utterance.  (Two
   contexts at different rates on one built-in voice at once would still
   race here; narrate never does that.) */
static void set_stretch(cst_voice *cv, double rate)
{
    float want = (float)(1.0 / (rate > 0 ? rate : 1.0));
    if (feat_present(cv->features, "duration_stretch") &&
        get_param_float(cv->features, "duration_stretch", 0.0f) == want)
        return;
    flite_feat_set_float(cv->features, "duration_stretch", want);
}

/* Loads a .flitevox file, with Flite's error exit turned into NULL. */
static cst_voice *load_file_guarded(const char *path, double rate)
{
    if (!nr_voice_file_ok(path))
        return NULL;
    jmp_buf jb;
    cst_voice *volatile cv = NULL;
    if (setjmp(jb) == 0) {
        cst_errjmp = &jb;
        cv = flite_voice_load(path);
        if (cv)
            set_stretch(cv, rate);
    }
    cst_errjmp = NULL;
    return cv;
}

/* Registers a voice with Flite's error exit turned into a NULL return. */
static cst_voice *register_guarded(register_fn reg, double rate)
{
    jmp_buf jb;
    cst_voice *volatile cv = NULL;
    if (setjmp(jb) == 0) {
        cst_errjmp = &jb;
        cv = reg(NULL);
        /* Always set: built-in voices are cached by Flite, so a stretch set
           by an earlier load would otherwise stick. */
        if (cv)
            set_stretch(cv, rate);
    }
    cst_errjmp = NULL;
    return cv;
}

nr_voice *nr_voice_load(const char *name, double rate)
{
    register_fn reg = NULL;
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
        if (strcmp(builtin[i].info.name, name) == 0)
            reg = builtin[i].reg;
    pthread_once(&init_once, flite_init_once);

    nr_voice *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    pthread_mutex_lock(&load_mu);
    /* not a built-in name: a path to a .flitevox file (resolved by the caller) */
    v->cv = reg ? register_guarded(reg, rate) : load_file_guarded(name, rate);
    if (!v->cv) {
        pthread_mutex_unlock(&load_mu);
        free(v);
        return NULL;
    }
    /* The rate is a property of the voice; ask Flite rather than assume. */
    cst_wave *w = flite_text_to_wave("a", v->cv);
    pthread_mutex_unlock(&load_mu);
    v->rate = w ? w->sample_rate : 16000;
    delete_wave(w);
    return v;
}

/* Flite lower-cases a word before it looks it up, and gets ASCII. */
static int addenda_key(const char *word, nr_buf *key)
{
    if (nr_fold_ascii(word, strlen(word), key) != NR_BUF_OK || !key->len)
        return -1;
    for (size_t i = 0; i < key->len; i++)
        if (key->data[i] >= 'A' && key->data[i] <= 'Z')
            key->data[i] = (char)(key->data[i] + 32);
    return 0;
}

static int in_phone_table(const cst_lexicon *lex, const char *ph, size_t n)
{
    for (int i = 0; lex->phone_table && lex->phone_table[i]; i++)
        if (strlen(lex->phone_table[i]) == n && !memcmp(lex->phone_table[i], ph, n))
            return 1;
    return 0;
}

int nr_voice_add_phones(nr_voice *v, const char *word, const char *phones)
{
    if (!feat_present(v->cv->features, "lexicon"))
        return -1;              /* val_lexicon would exit() on a missing one */
    const cst_lexicon *base = val_lexicon(feat_val(v->cv->features, "lexicon"));
    if (!base)
        return -1;
    /* a phone the voice does not have would make Flite print and drop it */
    for (const char *p = phones; *p; ) {
        size_t n = strcspn(p, " ");
        if (n && !in_phone_table(base, p, n))
            return -1;
        p += n + (p[n] == ' ');
    }
    nr_buf entry;
    nr_buf_init(&entry, 0);
    if (addenda_key(word, &entry) < 0 || nr_buf_puts(&entry, " : ") != NR_BUF_OK ||
        nr_buf_puts(&entry, phones) != NR_BUF_OK) {
        nr_buf_free(&entry);
        return -1;
    }
    if (!v->lex) {
        v->lex = malloc(sizeof *v->lex);
        if (!v->lex) {
            nr_buf_free(&entry);
            return -1;
        }
        memcpy(v->lex, base, sizeof *v->lex);
        v->lex->lex_addenda = NULL;
    }
    cst_val *e = cst_lex_make_entry(v->lex, entry.data);
    nr_buf_free(&entry);
    if (!e)
        return -1;
    v->lex->lex_addenda = cons_val(e, v->lex->lex_addenda);
    return 0;
}

void nr_voice_free(nr_voice *v)
{
    if (v && v->lex) {
        delete_val(v->lex->lex_addenda);
        free(v->lex);
    }
    /* Built-in voices live in Flite's static data and are never unloaded:
       unregistering them would break a later load of the same voice. */
    free(v);
}

int nr_voice_rate(const nr_voice *v)
{
    return v->rate;
}

cst_val *us_tokentowords(cst_item *token);

/* A word in small letters, or capitalised: letters only, two or more
 * ("Tchaikovsky", "mass", "hmm"; not "fMRI", "NATO", "A") */
static int plain_word(const char *s, size_t n)
{
    if (n < 2)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (i > 0 && c >= 'A' && c <= 'Z')
            return 0;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return 0;
    }
    return 1;
}

/* Flite's reading of a token, where narrate has already decided how each
 * word is said.  Flite's own front end would rewrite some of what narrate
 * wrote: it spells a word it thinks unsayable ("Tchaikovsky", "Nguyen",
 * "thousandth", though the lexicon may give phones), and it expands words
 * it takes for state abbreviations ("Sunday Mass" Massachusetts).  So a
 * plain word, and any word this voice has phones for, is one word as
 * written (in small letters, as Flite looks words up); capitals, single
 * letters, words with apostrophes and the homographs Flite chooses a
 * reading for ("read", "lead") keep Flite's reading. */
static cst_val *tokens_to_words(cst_item *token)
{
    const char *name = item_feat_string(token, "name");
    const cst_utterance *u = item_utt(token);
    const cst_lexicon *lex = val_lexicon(feat_val(u->features, "lexicon"));
    char low[64];
    size_t n = strlen(name);
    if (n && n < sizeof low) {
        for (size_t i = 0; i <= n; i++)
            low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
        if ((plain_word(name, n) && strcmp(low, "read") && strcmp(low, "lead")) ||
            (lex->lex_addenda && val_assoc_string(low, lex->lex_addenda)))
            return cons_val(string_val(low), NULL);
    }
    return us_tokentowords(token);
}

/* An utterance of text for this voice: its own lexicon, when it has one,
 * and narrate's reading of tokens */
static cst_utterance *voice_utterance(const nr_voice *v, const char *text)
{
    cst_utterance *u = new_utterance();
    utt_set_input_text(u, text);
    utt_init(u, v->cv);
    if (v->lex)
        feat_set(u->features, "lexicon", lexicon_val(v->lex));
    if (feat_present(u->features, "lexicon"))  /* tokens_to_words needs it */
        feat_set(u->features, "tokentowords_func", itemfunc_val(tokens_to_words));
    return u;
}

/* flite_text_to_wave, with this voice's lexicon and reading of tokens */
static cst_wave *text_to_wave(const nr_voice *v, const char *text)
{
    cst_utterance *u = voice_utterance(v, text);
    cst_wave *w = NULL;
    if (utt_synth(u))
        w = copy_wave(utt_wave(u));
    delete_utterance(u);
    return w;
}

/* Flite's text analysis alone (its tokenizer, then us_tokentowords), no
   sound: the words Flite would say for each token of an ASCII text, with
   this voice's lexicon.  Only the test that checks Flite says what --script
   shows uses it (tests/tools/flite_words.c). */
int nr_voice_words(const nr_voice *v, const char *text, nr_words_fn fn, void *ud)
{
    static const cst_synth_module text_analysis[] = {
        {"tokenizer_func", default_tokenization},
        {"textanalysis_func", default_textanalysis},
        {NULL, NULL}
    };
    cst_utterance *u = voice_utterance(v, text);
    int rc = apply_synth_method(u, text_analysis) ? 0 : -1;
    nr_buf words;
    nr_buf_init(&words, 0);
    for (cst_item *t = rc ? NULL : relation_head(utt_relation(u, "Token")); t; t = item_next(t)) {
        nr_buf_truncate(&words, 0);
        for (cst_item *w = item_daughter(t); w && rc == 0; w = item_next(w))
            if ((words.len && nr_buf_putc(&words, ' ') != NR_BUF_OK) ||
                nr_buf_puts(&words, item_name(w)) != NR_BUF_OK)
                rc = -1;
        if (rc == 0)
            fn(ud, item_name(t), words.len ? words.data : "");
    }
    nr_buf_free(&words);
    delete_utterance(u);
    return rc;
}

static nr_synth_status synth_unguarded(const nr_voice *v, const char *text,
                                       nr_pcm *out)
{
    cst_wave *w = text_to_wave(v, text);
    if (!w)
        return NR_SYNTH_FAIL;
    nr_synth_status st = NR_SYNTH_OK;
    size_t n = w->num_samples > 0 ? (size_t)w->num_samples : 0;
    out->samples = NULL;
    out->n = 0;
    if (n) {
        out->samples = malloc(n * sizeof(int16_t));
        if (!out->samples)
            st = NR_SYNTH_NOMEM;
        else {
            memcpy(out->samples, w->samples, n * sizeof(int16_t));
            out->n = n;
        }
    }
    delete_wave(w);
    return st;
}

static nr_synth_status synth_ascii(const nr_voice *v, const char *text,
                                   int guarded, nr_pcm *out)
{
    if (!guarded)
        return synth_unguarded(v, text, out);
    jmp_buf jb;
    volatile nr_synth_status st = NR_SYNTH_FAIL;
    if (setjmp(jb) == 0) {
        cst_errjmp = &jb;
        st = synth_unguarded(v, text, out);
    }
    cst_errjmp = NULL;
    return st;
}

/* Flite reads bytes, not characters: text past ASCII is folded first
   (fold.h); most utterances are pure ASCII and go through untouched. */
nr_synth_status nr_synth(const nr_voice *v, const char *text, uint32_t seed,
                         int guarded, nr_pcm *out)
{
    nr_rand_seed(seed);
    out->samples = NULL;
    out->n = 0;
    const char *p = text;
    while (*p && (unsigned char)*p < 0x80)
        p++;
    if (!*p)
        return synth_ascii(v, text, guarded, out);
    nr_buf folded;
    nr_buf_init(&folded, 0);
    nr_synth_status st = NR_SYNTH_NOMEM;
    if (nr_fold_ascii(text, strlen(text), &folded) == NR_BUF_OK)
        st = synth_ascii(v, folded.data ? folded.data : "", guarded, out);
    nr_buf_free(&folded);
    return st;
}

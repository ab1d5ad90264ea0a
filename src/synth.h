/*
 * synth.h - the synthesizer stage: spoken text -> 16-bit PCM (internal).
 *
 * synth_flite.c is the only file that includes Flite's headers.  Voices are
 * registered once, before any worker thread starts (Flite's voice cache is
 * not thread-safe); after that several threads may synthesize with the same
 * voice at once.
 *
 * Determinism: Flite's vocoder draws noise from libc rand().  narrate defines
 * its own rand()/srand() with thread-local state (rand.c) and seeds it before
 * every utterance from the utterance's position in the article, so the audio
 * is bit-identical whatever the number of workers and from run to run.
 */
#ifndef NR_SYNTH_H
#define NR_SYNTH_H

#include <stddef.h>
#include <stdint.h>

typedef struct nr_voice nr_voice;

/* A voice linked into narrate (synth_flite.c holds the one table). */
typedef struct nr_builtin_voice {
    const char *name;         /* "slt" */
    const char *description;  /* one line, for --list-voices */
    int rate;                 /* its sample rate in Hz */
    double gain_16;           /* dB bringing its speech to -16 LUFS */
} nr_builtin_voice;

/* The built-in voices' names in table order, NULL-terminated (static). */
const char *const *nr_builtin_voice_names(void);
/* The built-in voice called name; NULL when there is none. */
const nr_builtin_voice *nr_builtin_voice_find(const char *name);

/* Loads a built-in voice by name, or a .flitevox file by path; NULL when
   unknown or unreadable.  Not thread-safe: call before starting workers. */
nr_voice *nr_voice_load(const char *name, double rate);
void nr_voice_free(nr_voice *v);
/* Non-zero when path opens with the header of a .flitevox file (a cheap
   check that a voice setting names a voice, before any render). */
int nr_voice_file_ok(const char *path);
/* Teaches this voice a word's Flite phones ("sh ax0 v ao1 n"); the word
   reaches nr_synth as written (see nr_norm_each_phones).  -1 when a phone is
   not in the voice's phone set or memory runs out.  Not thread-safe: call
   before synthesizing. */
int nr_voice_add_phones(nr_voice *v, const char *word, const char *phones);
int nr_voice_rate(const nr_voice *v);

/* A synthesized utterance, owned by the caller (free with free()). */
typedef struct nr_pcm {
    int16_t *samples;
    size_t n;
} nr_pcm;

typedef enum { NR_SYNTH_OK = 0, NR_SYNTH_NOMEM, NR_SYNTH_FAIL } nr_synth_status;

/* Synthesizes spoken text (UTF-8, folded to ASCII for Flite: fold.h).
   seed makes the vocoder noise reproducible.  Thread-safe for distinct
   calls with the same voice.  guarded = 1 turns a Flite internal error into
   NR_SYNTH_FAIL instead of exit(); only allowed when no other thread can be
   inside Flite (see synth_flite.c). */
nr_synth_status nr_synth(const nr_voice *v, const char *text, uint32_t seed,
                         int guarded, nr_pcm *out);

/* Flite's text analysis without sound, for tests: fn gets each token of
   the ASCII text and the words Flite makes of it, joined by spaces.  -1 when
   Flite fails or memory runs out. */
typedef void (*nr_words_fn)(void *ud, const char *token, const char *words);
int nr_voice_words(const nr_voice *v, const char *text, nr_words_fn fn, void *ud);

/* Thread-local replacements for libc rand()/srand() (see above). */
void nr_rand_seed(uint32_t seed);

#endif

/*
 * safetext.h - text on its way into what the command publishes: feed.xml,
 * the JSON report and sidecars.  XML 1.0 cannot carry most control
 * characters (one ESC in a title and the whole feed is not well-formed),
 * jansson refuses invalid UTF-8, and a terminal obeys escape sequences in
 * what it prints.  The library already cleans what it reads; these are
 * for what reaches the command from elsewhere (file names, sidecars an
 * older narrate wrote).
 *
 * Internal to the narrate command.
 */
#ifndef NB_SAFETEXT_H
#define NB_SAFETEXT_H

/* Non-zero when s is valid UTF-8 (no overlongs, surrogates, or values past
   U+10FFFF). */
int nb_utf8_valid(const char *s);

/* NULL when s can name an episode in sidecars and the report (UTF-8 with
   no control character: they are JSON and end up on terminals); else why
   not ("not valid UTF-8", "holds a control character"). */
const char *nb_name_problem(const char *s);

/* malloc'd copy of s that XML 1.0 and JSON take as it is: control
   characters (C0 but tab and line breaks, which become spaces too, DEL, C1)
   become spaces, invalid UTF-8 and the noncharacters U+FFFE/U+FFFF become
   U+FFFD.  NULL for NULL, and when out of memory. */
char *nb_safe_text(const char *s);

#endif

/*
 * report.h - the JSON run report: one entry per article with its status
 * (synthesized, reused, failed, pruned), warnings, audio duration and
 * processing time, plus totals, for alerting.  Format in docs/batch.md.
 *
 * Internal to the narrate command.
 */
#ifndef NB_REPORT_H
#define NB_REPORT_H

#include <stddef.h>
#include <stdint.h>

typedef struct nb_report nb_report;
typedef struct nb_report_item nb_report_item;

/* NULL when out of memory.  shard_n = 0 for an unsharded run. */
nb_report *nb_report_new(int64_t started, unsigned shard_k, unsigned shard_n);
void nb_report_free(nb_report *r);

/* A new article entry; NULL when out of memory (the run goes on). */
nb_report_item *nb_report_add(nb_report *r, const char *source);
void nb_report_set(nb_report_item *it, const char *status, const char *slug,
                   uint64_t duration_ms, uint64_t elapsed_ms);
void nb_report_warn(nb_report_item *it, const char *text);
/* Loudness measured before normalization, gain applied, result (LUFS/dB). */
void nb_report_loudness(nb_report_item *it, double input_lufs, double gain_db,
                        double output_lufs);
void nb_report_error(nb_report_item *it, const char *text);
/* The page an article was fetched from (credentials already removed). */
void nb_report_url(nb_report_item *it, const char *url);

/* Counts by status, for the summary line. */
size_t nb_report_count(const nb_report *r, const char *status);

/* Writes the report atomically; 0 or an errno value. */
int nb_report_write(nb_report *r, const char *path, int64_t finished,
                    int interrupted, int feed_written);

#endif

/*
 * av_api.h - FFmpeg's libraries, loaded on first use.
 *
 * Linking libavformat/libavcodec pulls in about 130 shared libraries (every
 * codec FFmpeg was built with) and costs 28 MiB of resident memory and 40 ms
 * of start-up in every run, although only FLAC, Ogg and M4B output use them.
 * So sink_av.c calls FFmpeg through this table, filled by dlopen()/dlsym()
 * the first time such a file is asked for; MP3 and WAV runs never load it.
 * The sonames come from the headers we compile against, so a table built
 * here always matches the ABI of those headers.
 */
#ifndef NR_AV_API_H
#define NR_AV_API_H

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/base64.h>
#include <libavutil/channel_layout.h>

/* X(function): every FFmpeg function sink_av.c calls */
#define NR_AV_FUNCTIONS(X) \
    X(av_base64_encode) X(av_calloc) X(av_channel_layout_copy) \
    X(av_channel_layout_default) X(av_dict_set) X(av_frame_alloc) \
    X(av_frame_free) X(av_frame_get_buffer) X(av_frame_make_writable) \
    X(av_free) X(av_freep) X(av_interleaved_write_frame) X(av_log_set_level) \
    X(av_malloc) X(av_mallocz) X(av_new_packet) X(av_packet_alloc) \
    X(av_packet_free) X(av_packet_rescale_ts) X(av_strerror) X(av_write_trailer) \
    X(avcodec_alloc_context3) X(avcodec_find_encoder_by_name) \
    X(avcodec_free_context) X(avcodec_open2) X(avcodec_parameters_from_context) \
    X(avcodec_receive_packet) X(avcodec_send_frame) \
    X(avformat_alloc_output_context2) X(avformat_free_context) \
    X(avformat_new_stream) X(avformat_write_header) X(avio_alloc_context) \
    X(avio_context_free) X(avio_flush)

typedef struct nr_av_api {
#define NR_AV_MEMBER(f) __typeof__(f) *f;
    NR_AV_FUNCTIONS(NR_AV_MEMBER)
#undef NR_AV_MEMBER
} nr_av_api;

/* The table, loaded once (thread-safe); NULL when FFmpeg's libraries cannot
   be loaded, with the reason (a static string) in *why. */
const nr_av_api *nr_av_api_get(const char **why);

#endif

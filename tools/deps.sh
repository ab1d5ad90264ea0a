#!/bin/sh
# deps.sh - install the Debian packages narrate needs, only those missing.
#
#   tools/deps.sh build|test|all
#
# Idempotent and quick when everything is present: dpkg-query decides, and
# apt-get runs only when something is missing.  Needs root (or sudo) to install.
set -eu

BUILD="gcc make pkg-config flite1-dev libmp3lame-dev libsndfile1-dev
libutf8proc-dev libxml2-dev libjansson-dev nettle-dev libebur128-dev
libcurl4-openssl-dev
libavformat-dev libavcodec-dev libavutil-dev libzip-dev"
# epubcheck and daisy-player (run in tmux) check the talking books
TEST="libcmocka-dev ffmpeg mp3val python3 python3-mutagen python3-podcastparser
libxml2-utils parallel flite lame valgrind man-db epubcheck daisy-player tmux"

case "${1:-all}" in
    build) want=$BUILD ;;
    test)  want="$BUILD $TEST" ;;
    all)   want="$BUILD $TEST" ;;
    fuzz)  want="$BUILD $TEST clang libclang-rt-14-dev" ;;
    *) echo "usage: $0 build|test|all|fuzz" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
    st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$st" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

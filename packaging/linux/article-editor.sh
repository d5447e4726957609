#!/bin/sh
# Start Article Editor, or say in one message why this system cannot run it.
# The build writes GLIBC_FLOOR: the newest glibc symbol version any file in the app needs
# (packaging/build.py measures it). Checked here, before the frozen binary loads Python and
# Qt, because an older glibc would stop it in the dynamic loader with a cryptic line.
set -eu
GLIBC_FLOOR=@GLIBC_FLOOR@
HERE=$(dirname "$(readlink -f "$0")")

# at_least HAVE NEED: whether version HAVE (major.minor) is NEED or newer.
at_least() {
    have_major=${1%%.*} have_minor=${1#*.}
    need_major=${2%%.*} need_minor=${2#*.}
    have_minor=${have_minor%%.*} need_minor=${need_minor%%.*}
    [ "$have_major" -gt "$need_major" ] ||
        { [ "$have_major" -eq "$need_major" ] && [ "$have_minor" -ge "$need_minor" ]; }
}

refuse() {
    case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in
        ko*) message="기사 편집기를 실행하려면 GNU C 라이브러리(glibc) $GLIBC_FLOOR 이상이 필요합니다. 이 시스템: $1. Debian 12, Ubuntu 22.04, Fedora 36 이상에서 실행됩니다." ;;
        *) message="Article Editor needs the GNU C library (glibc) $GLIBC_FLOOR or newer; this system has $1. It runs on Debian 12, Ubuntu 22.04, Fedora 36 or newer." ;;
    esac
    echo "article-editor: $message" >&2
    # Started from the menu there is no terminal to read it in: show it in a window.
    if [ ! -t 2 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
        if command -v zenity >/dev/null; then
            zenity --error --title="Article Editor" --text="$message" 2>/dev/null || true
        elif command -v kdialog >/dev/null; then
            kdialog --title "Article Editor" --error "$message" 2>/dev/null || true
        elif command -v xmessage >/dev/null; then
            xmessage -title "Article Editor" -center "$message" 2>/dev/null || true
        fi
    fi
    exit 1
}

# getconf comes with glibc itself; where it is missing, let the loader speak for itself.
command -v getconf >/dev/null || exec "$HERE/app/article-editor" "$@"
have=$(getconf GNU_LIBC_VERSION 2>/dev/null || true)
case $have in
    "glibc "[0-9]*.[0-9]*) at_least "${have#glibc }" "$GLIBC_FLOOR" || refuse "glibc ${have#glibc }" ;;
    *) refuse "no glibc (musl or another C library)" ;;
esac
exec "$HERE/app/article-editor" "$@"

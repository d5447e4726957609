#!/usr/bin/env bash
# Debian's libhunspell (built with -O2): the spell check binds it through ctypes and loads
# spellcheck-ko in ~1 s of CPU instead of chunspell's ~2.5 s; tests/storage/test_hunspell_lib.py
# proves both engines agree, and that `check` and the spell process use this one.
set -euo pipefail
dpkg-query -W -f '${db:Status-Status}' libhunspell-1.7-0 2>/dev/null | grep -qx installed && exit 0
[ "$(id -u)" = 0 ] || { echo "libhunspell is missing: apt-get install libhunspell-1.7-0"; exit 1; }
DEBIAN_FRONTEND=noninteractive apt-get install -y -q libhunspell-1.7-0

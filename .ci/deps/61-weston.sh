#!/usr/bin/env bash
# Weston (its headless back end): tests/ui/test_app_gl.py starts the app on a real Wayland
# compositor without a GPU, as it does on Xvfb.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "not root: skipping system packages"; exit 0; }
command -v weston >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q weston

#!/usr/bin/env bash
# Xvfb: tests/ui/test_app_gl.py starts the app's GL check on a real X display (Mesa's llvmpipe).
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "not root: skipping system packages"; exit 0; }
command -v Xvfb >/dev/null || apt-get install -y -q xvfb

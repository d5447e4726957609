#!/usr/bin/env bash
# A real WordPress for the publishing tests (tests/publish): Debian's wordpress package, MariaDB
# and PHP's CLI (its built-in web server). The tests start them on 127.0.0.1 in a temp folder and
# stop them; nothing here starts a service. Idempotent: installs only what is missing.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "not root: skipping system packages"; exit 0; }
# The theme: so a published post renders as a page too, not only over REST.
wanted=(wordpress mariadb-server php-cli php-mysql wordpress-theme-twentytwentythree)
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    # policy-rc.d 101: the packages must not start (or leave running) the system's own mysqld.
    # A policy-rc.d already there (containers often have one) is left as it is.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=900 --no-install-recommends "${missing[@]}"
fi

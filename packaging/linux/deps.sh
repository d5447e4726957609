#!/bin/sh
# What building (`build`) or proving (`check`) the Linux app needs, on Debian or Ubuntu.
# Missing packages are installed with apt, in plain view, when run as root; otherwise this
# names them and fails. It never skips: a proof without its tools proves nothing.
set -eu

# Build: PyInstaller reads binutils' objdump; the libraries the app carries (freeze.py's
# BUNDLED_HOST_LIBRARIES, libhunspell among them) must be there to be collected; Qt renders
# the icons offscreen.
BUILD="binutils libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
libxcb-util1 libffi8 libbz2-1.0 liblzma5 libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3
libhunspell-1.7-0"
# Check: the run-time libraries the app takes from the host (docs/packaging.md), the validators,
# Xvfb and friends for the GUI, GLib's gio for `gio launch`, and debootstrap for the old userland.
CHECK="$BUILD libxkbcommon-x11-0 libnss3 libasound2 libxcomposite1 libxdamage1 libxrandr2
libxtst6 libxkbfile1 libgbm1 libgssapi-krb5-2 libreadline8 xvfb xdotool x11-utils imagemagick appstream desktop-file-utils
shared-mime-info libglib2.0-bin debootstrap"

case "${1:-}" in
    build) wanted=$BUILD ;;
    check) wanted=$CHECK ;;
    *) echo "usage: $0 build|check" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null; then
    echo "deps.sh: not a Debian-based system; install the equivalents of: $wanted" >&2
    exit 1
fi
missing=""
for package in $wanted; do
    status=$(dpkg-query -W -f '${db:Status-Status}' "$package" 2>/dev/null || true)
    case $status in
        installed | triggers-pending | triggers-awaited) ;; # usable; a trigger runs later
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "deps.sh: missing packages:$missing" >&2
    echo "deps.sh: install them with: sudo apt-get install$missing" >&2
    exit 1
fi
echo "deps.sh: installing$missing"
# Another apt run (a colleague's, unattended-upgrades) may hold the lock: wait for it.
apt-get -o DPkg::Lock::Timeout=600 update
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y \
    --no-install-recommends $missing

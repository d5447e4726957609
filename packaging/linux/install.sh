#!/bin/sh
# Install Article Editor from its unpacked folder, or remove an installation again.
#   ./install.sh                        for you: copies into ~/.local/lib/article-editor
#   sudo ./install.sh /usr/local        for everyone: copies into /usr/local/lib/article-editor
#   PREFIX/lib/article-editor/install.sh --uninstall [PREFIX]    removes exactly what it installed
# Installing copies the app into PREFIX/lib/article-editor, links PREFIX/bin/article-editor to
# it and adds the launcher, icons, .article type and AppStream entry under PREFIX/share. Every
# file, link and folder it creates is written to PREFIX/lib/article-editor/install-manifest.txt;
# --uninstall removes those and nothing else, then refreshes the desktop caches.
set -eu

APP_DIR=$(cd "$(dirname "$0")" && pwd)
MANIFEST_NAME=install-manifest.txt

die() {
    echo "install.sh: $*" >&2
    exit 1
}

absolute() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s/%s\n' "$(pwd)" "$1" ;;
    esac
}

# Desktop Entry spec, "The Exec key": an argument with reserved characters is double-quoted,
# with " ` $ \ escaped by a backslash inside the quotes; the string rule then doubles every
# backslash, and a literal % is written %%.
exec_quote() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')"
}

# The string rule alone (TryExec is a plain string, not a command line).
string_escape() {
    printf '%s' "$1" | sed -e 's/\\/\\\\/g'
}

# record KIND PATH: note something this install created (f file, l link, d folder).
record() {
    printf '%s %s\n' "$1" "$2" >>"$MANIFEST_TMP"
}

# make_dirs DIR: create DIR and its missing parents, recording each one created.
make_dirs() {
    [ -d "$1" ] && return 0
    make_dirs "$(dirname "$1")"
    mkdir -m 755 "$1"
    record d "$1"
}

# put SOURCE TARGET: copy one file, recording it; never over a file someone else owns.
put() {
    [ -e "$2" ] || [ -L "$2" ] && die "$2 already exists and was not installed by this script (an older install.sh may have left it): remove it and run again"
    make_dirs "$(dirname "$2")"
    cp "$1" "$2"
    chmod u+rw,go+r,go-w "$2"
    record f "$2"
}

copy_app() {
    make_dirs "$DEST"
    (cd "$APP_DIR" && find . ! -name "$MANIFEST_NAME" ! -name . | LC_ALL=C sort) | while IFS= read -r entry; do
        source_path="$APP_DIR/${entry#./}"
        target="$DEST/${entry#./}"
        if [ -L "$source_path" ]; then
            ln -s "$(readlink "$source_path")" "$target"
            record l "$target"
        elif [ -d "$source_path" ]; then
            mkdir -m 755 "$target"
            record d "$target"
        else
            cp "$source_path" "$target" # not -p: as root, files must not stay the unpacker's
            chmod u+rw,go+r,go-w "$target"
            record f "$target"
        fi
    done
}

write_desktop_entry() {
    binary="$PREFIX/bin/article-editor"
    target="$SHARE/applications/article-editor.desktop"
    [ -e "$target" ] && die "$target already exists and was not installed by this script"
    make_dirs "$(dirname "$target")"
    # Exec and TryExec name the binary by its full path: PREFIX/bin may not be on PATH.
    EXEC_VALUE="$(exec_quote "$binary") %f" TRY_VALUE=$(string_escape "$binary") awk '
        /^Exec=/ { print "Exec=" ENVIRON["EXEC_VALUE"]; next }
        /^TryExec=/ { print "TryExec=" ENVIRON["TRY_VALUE"]; next }
        { print }
    ' "$APP_DIR/share/applications/article-editor.desktop" >"$target"
    chmod 644 "$target"
    record f "$target"
}

refresh_caches() {
    if command -v update-mime-database >/dev/null && [ -d "$SHARE/mime/packages" ]; then
        update-mime-database "$SHARE/mime" || true
    fi
    if command -v update-desktop-database >/dev/null && [ -d "$SHARE/applications" ]; then
        update-desktop-database "$SHARE/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -d "$SHARE/icons/hicolor" ]; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" || true
    fi
}

install_app() {
    [ -x "$APP_DIR/article-editor" ] || die "run me from the unpacked article-editor folder"
    [ "$APP_DIR" = "$DEST" ] && die "this copy is the one installed in $PREFIX; run the unpacked folder's install.sh"
    if [ -f "$DEST/$MANIFEST_NAME" ]; then
        echo "Replacing the Article Editor installed in $DEST"
        uninstall_app
    fi
    [ -e "$DEST" ] && die "$DEST exists but holds no $MANIFEST_NAME: remove it first"
    MANIFEST_TMP=$(mktemp)
    trap 'rm -f "$MANIFEST_TMP"' EXIT
    copy_app
    make_dirs "$PREFIX/bin"
    [ -e "$PREFIX/bin/article-editor" ] || [ -L "$PREFIX/bin/article-editor" ] &&
        die "$PREFIX/bin/article-editor already exists and was not installed by this script"
    ln -s "$DEST/article-editor" "$PREFIX/bin/article-editor"
    record l "$PREFIX/bin/article-editor"
    (cd "$APP_DIR/share" && find icons mime metainfo -type f | LC_ALL=C sort) | while IFS= read -r file; do
        put "$APP_DIR/share/$file" "$SHARE/$file"
    done
    write_desktop_entry
    # Caches the desktop tools will now create: uninstall takes them away again when empty.
    for cache in "$SHARE/applications/mimeinfo.cache" "$SHARE/icons/hicolor/icon-theme.cache"; do
        if [ ! -e "$cache" ]; then record c "$cache"; fi
    done
    record f "$DEST/$MANIFEST_NAME"
    cp "$MANIFEST_TMP" "$DEST/$MANIFEST_NAME"
    chmod 644 "$DEST/$MANIFEST_NAME"
    refresh_caches
    echo "Article Editor installed in $DEST (command: $PREFIX/bin/article-editor)."
    echo "To remove it: $DEST/install.sh --uninstall"
}

# A folder this install created goes when nothing but the desktop tools' caches is left in it.
only_caches_left() {
    case $1 in
        # The MIME database is generated from mime/packages/*.xml: with none left, it is all cache.
        "$SHARE/mime" | "$SHARE/mime/"*)
            [ -z "$(find "$SHARE/mime/packages" ! -type d 2>/dev/null | head -n 1)" ] ;;
        # Anything else in it (a file, someone's link) keeps it.
        *) [ -z "$(find "$1" ! -type d ! -name mimeinfo.cache ! -name icon-theme.cache | head -n 1)" ] ;;
    esac
}

# cache_is_empty CACHE: whether a regenerated cache indexes nothing (nobody else uses it).
cache_is_empty() {
    case $1 in
        */mimeinfo.cache) ! grep -q '=' "$1" ;;
        *) [ -z "$(find "$(dirname "$1")" ! -type d ! -name icon-theme.cache ! -name index.theme | head -n 1)" ] ;;
    esac
}

uninstall_app() {
    manifest="$DEST/$MANIFEST_NAME"
    [ -f "$manifest" ] || die "no Article Editor installation in $DEST ($MANIFEST_NAME missing)"
    saved=$(mktemp)
    cp "$manifest" "$saved"
    grep -E '^[fl] ' "$saved" | cut -c3- | while IFS= read -r path; do
        rm -f "$path"
    done
    # shiboken6 unpacks its signature support here at the app's first start: the app's own
    # cache inside its own folder, never listed when the install came from an unrun build.
    rm -rf "$DEST/app/_internal/shiboken6/files.dir"
    refresh_caches
    grep '^c ' "$saved" | cut -c3- | while IFS= read -r cache; do
        if [ -f "$cache" ] && cache_is_empty "$cache"; then rm -f "$cache"; fi
    done
    grep '^d ' "$saved" | cut -c3- | LC_ALL=C sort -r | while IFS= read -r folder; do
        [ -d "$folder" ] || continue
        if only_caches_left "$folder"; then
            rm -rf "$folder"
        else
            rmdir "$folder" 2>/dev/null || true
        fi
    done
    rm -f "$saved"
    echo "Article Editor removed from $PREFIX."
}

ACTION=install
if [ "${1:-}" = "--uninstall" ]; then
    ACTION=uninstall
    shift
fi
if [ $# -gt 0 ]; then
    PREFIX=$1
elif [ "$ACTION" = uninstall ] && [ -f "$APP_DIR/$MANIFEST_NAME" ]; then
    PREFIX=$(dirname "$(dirname "$APP_DIR")") # run from PREFIX/lib/article-editor
else
    PREFIX="$HOME/.local"
fi
case $PREFIX in
    *'
'*) die "the prefix must not contain a line break" ;;
esac
PREFIX=$(absolute "${PREFIX%/}")
SHARE="$PREFIX/share"
DEST="$PREFIX/lib/article-editor"
if [ "$ACTION" = uninstall ]; then uninstall_app; else install_app; fi

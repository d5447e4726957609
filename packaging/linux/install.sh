#!/bin/sh
# Register the one-folder Article Editor with the desktop: launcher, icons, .article type.
# Run from the unpacked app folder:  ./install.sh            (for you, into ~/.local)
#                                    sudo ./install.sh /usr/local   (for everyone)
# The app itself stays where it is; a symlink in PREFIX/bin points at it.
set -eu
APP_DIR=$(cd "$(dirname "$0")" && pwd)
PREFIX=${1:-"$HOME/.local"}
SHARE="$PREFIX/share"

mkdir -p "$PREFIX/bin" "$SHARE/applications" "$SHARE/mime/packages" "$SHARE/metainfo"
ln -sf "$APP_DIR/article-editor" "$PREFIX/bin/article-editor"
cp -R "$APP_DIR/share/icons/." "$SHARE/icons/"
cp "$APP_DIR/share/mime/packages/article-editor.xml" "$SHARE/mime/packages/"
cp "$APP_DIR/share/metainfo/kr.sisacatch.ArticleEditor.metainfo.xml" "$SHARE/metainfo/"
# Exec and TryExec name the binary by its full path: PREFIX/bin may not be on PATH.
sed -e "s|^Exec=article-editor|Exec=$APP_DIR/article-editor|" \
    -e "s|^TryExec=article-editor|TryExec=$APP_DIR/article-editor|" \
    "$APP_DIR/share/applications/article-editor.desktop" > "$SHARE/applications/article-editor.desktop"

command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "Article Editor registered under $PREFIX (.article files now open with it)."

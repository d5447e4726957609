"""What the Linux app leaves to the host, and how the build measures the glibc floor."""

from __future__ import annotations

import re

import buildinfo
import elfscan
import freeze

OBJDUMP = """
Dynamic Section:
  NEEDED               libstdc++.so.6
  NEEDED               libQt6Core.so.6
  NEEDED               libc.so.6

Version References:
  required from libm.so.6:
    0x069691b5 0x00 16 GLIBC_2.35
  required from libc.so.6:
    0x06969194 0x00 24 GLIBC_2.14
    0x06969195 0x00 19 GLIBC_2.2.5
  required from libstdc++.so.6:
    0x0297f869 0x00 05 GLIBCXX_3.4.29
    0x056bafd3 0x00 04 CXXABI_1.3
"""


def test_the_floor_is_the_newest_version_any_file_needs():
    older = OBJDUMP.replace("GLIBC_2.35", "GLIBC_2.17").replace("GLIBCXX_3.4.29", "GLIBCXX_3.4")
    needs = elfscan.collect([("a.so", older), ("b.so", OBJDUMP)], shipped={"libQt6Core.so.6"})
    assert needs.floor("GLIBC") == "2.35"
    assert needs.needed_by["GLIBC"] == "b.so"
    assert needs.floor("GLIBCXX") == "3.4.29"
    assert needs.host_libraries == {"libstdc++.so.6", "libc.so.6"}  # Qt Core is shipped


def test_version_compare_is_numeric():
    assert elfscan.at_least("2.35", "2.35")
    assert elfscan.at_least("2.100", "2.35")
    assert not elfscan.at_least("2.31", "2.35")


def entry(dest: str, source: str) -> tuple[str, str, str]:
    return (dest, source, "BINARY")


def test_system_libraries_stay_with_the_host():
    system = "/usr/lib/x86_64-linux-gnu/"
    binaries = [
        entry("libstdc++.so.6", system + "libstdc++.so.6"),
        entry("libgbm.so.1", system + "libgbm.so.1"),
        entry("libglib-2.0.so.0", system + "libglib-2.0.so.0"),
        entry("libgtk-3.so.0", "/lib/x86_64-linux-gnu/libgtk-3.so.0"),
        entry("libssl.so.3", system + "libssl.so.3"),
        entry("libxcb-cursor.so.0", system + "libxcb-cursor.so.0"),  # desktops often lack it
        entry("libffi.so.8", system + "libffi.so.8"),
        entry(
            "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
            "/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
        ),
        entry("libpython3.11.so.1.0", "/opt/python/lib/libpython3.11.so.1.0"),
        entry(
            "PySide6/Qt/lib/libQt6Core.so.6", "/venv/site-packages/PySide6/Qt/lib/libQt6Core.so.6"
        ),
        entry("pillow.libs/libfreetype-57f805ba.so.6", "/venv/site-packages/pillow.libs/x.so"),
    ]
    kept = [dest for dest, *_ in freeze.drop_host_libraries(binaries)]
    assert kept == [
        "libxcb-cursor.so.0",
        "libffi.so.8",
        "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
        "libpython3.11.so.1.0",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "pillow.libs/libfreetype-57f805ba.so.6",
    ]


def test_dist_archive_holds_the_one_folder_reproducibly(tmp_path):
    import tarfile

    import dist

    app = tmp_path / "article-editor"
    (app / "app").mkdir(parents=True)
    (app / "article-editor").write_text("#!/bin/sh\n")
    (app / "article-editor").chmod(0o755)
    (app / "app" / "lib.so").write_bytes(b"x")
    (app / "app" / "link.so").symlink_to("lib.so")
    first = dist.pack(app, tmp_path / "a.tar.gz", "2026-01-02")
    second = dist.pack(app, tmp_path / "b.tar.gz", "2026-01-02")
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        members = {m.name: m for m in tar.getmembers()}
    assert sorted(members) == [
        "article-editor",
        "article-editor/app",
        "article-editor/app/lib.so",
        "article-editor/app/link.so",
        "article-editor/article-editor",
    ]
    assert members["article-editor/article-editor"].mode & 0o111
    assert members["article-editor/app/link.so"].issym()
    assert {m.uname for m in members.values()} == {"root"}
    assert dist.archive_name("1.2.0", "x86_64") == "article-editor-1.2.0-linux-x86_64.tar.gz"


def test_docs_list_exactly_the_host_packages_the_proof_installs():
    text = (buildinfo.REPO / "docs" / "packaging.md").read_text(encoding="utf-8")
    listed = re.search(r"these packages are\s+enough[^`]*`([^`]+)`", text)
    assert listed is not None
    assert tuple(listed.group(1).split()) == buildinfo.HOST_PACKAGES


def test_the_app_carries_the_optimised_libhunspell_apart_from_chunspells():
    from realtools import require_library

    from editor.storage import hunspell_lib

    require_library(hunspell_lib.candidates(), "apt-get install libhunspell-1.7-0")
    [(dest, source, kind)] = freeze.hunspell_binaries()
    assert (dest, kind) == ("hunspell-lib/libhunspell-1.7.so.0", "BINARY")
    assert source.startswith(freeze.SYSTEM_LIBRARY_DIRS)  # the host's file, kept all the same
    chunspells = ("hunspell/libhunspell-1.7.so.0", "/venv/site-packages/hunspell/x.so", "BINARY")
    kept = freeze.drop_host_libraries([(dest, source, kind), chunspells])
    assert [entry[0] for entry in kept] == [dest, chunspells[0]]

"""Hostile and broken documents: each gives a typed error with a clear message."""

from __future__ import annotations

import io
import stat
import struct
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.errors import ArticleError, DocumentError, UnsafeDocumentError
from editor.storage import container, read_article

INDEX = "---\ntitle: 제목\n---\n본문\n"


def _zip(entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def _damaged(kind: str) -> bytes:
    """Return a good document damaged one way: its deflate stream or its zip version."""
    body = ("본문 " * 400).encode()
    data = bytearray(_zip([("index.md", INDEX.encode() + body)]))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("index.md")
    if kind == "deflate":
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        data[start + 4 : start + 12] = b"\xff" * 8
    else:  # a version from the future, in the local header and the central directory
        struct.pack_into("<H", data, info.header_offset + 4, 99)
        struct.pack_into("<H", data, bytes(data).find(b"PK\x01\x02") + 6, 99)
    return bytes(data)


def _nameless() -> bytes:
    return _zip([("index.md", INDEX.encode()), (zipfile.ZipInfo(""), b"x")])


def _small_entries_bomb() -> bytes:
    """Return ~120 KB that unpacks to 120 MiB: entries of 1 MiB escape the per-entry ratio."""
    zero = b"\0" * (1 << 20)
    return _zip([("index.md", INDEX.encode())] + [(f"images/{i}.bin", zero) for i in range(120)])


def _symlink(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


CASES = [
    ("not a zip", b"hello, I am text", DocumentError, "not a zip"),
    ("truncated", _zip([("index.md", INDEX.encode())])[:40], DocumentError, "truncated"),
    ("no index", _zip([("images/a.jpg", b"x")]), DocumentError, "no index.md"),
    (
        "traversal",
        _zip([("index.md", INDEX.encode()), ("../evil.txt", b"x")]),
        UnsafeDocumentError,
        "leaves it",
    ),
    (
        "absolute",
        _zip([("index.md", INDEX.encode()), ("/etc/passwd", b"x")]),
        UnsafeDocumentError,
        "absolute",
    ),
    (
        "windows absolute",
        _zip([("index.md", INDEX.encode()), ("C:/x.txt", b"x")]),
        UnsafeDocumentError,
        "absolute",
    ),
    (
        "symlink",
        _zip([("index.md", INDEX.encode()), _symlink("images/a.jpg", "/etc/passwd")]),
        UnsafeDocumentError,
        "link",
    ),
    (
        "zip bomb",
        _zip([("index.md", INDEX.encode()), ("images/a.jpg", b"\0" * (20 << 20))]),
        UnsafeDocumentError,
        "zip bomb",
    ),
    (
        "too many entries",
        _zip([("index.md", INDEX.encode())] + [(f"images/{i}.jpg", b"") for i in range(2001)]),
        UnsafeDocumentError,
        "entries",
    ),
    (
        "python tag",
        _zip([("index.md", b"---\ntitle: !!python/object/apply:os.system ['ls']\n---\nx")]),
        DocumentError,
        "not valid YAML",
    ),
    (
        # PyYAML's reader refuses it before parsing: it once escaped as a raw ReaderError
        "control character",
        _zip([("index.md", "---\ntitle: 벨\x07소리\n---\nx".encode())]),
        DocumentError,
        "line 1, column 9): unacceptable character #x0007",
    ),
    (
        "alias bomb",
        _zip(
            [
                (
                    "index.md",
                    (
                        b"---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                        b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                        b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\nx"
                    ),
                )
            ]
        ),
        UnsafeDocumentError,
        "aliases",
    ),
    (
        "not utf-8",
        _zip([("index.md", "---\ntitle: 제목\n---\n본문".encode("euc-kr"))]),
        DocumentError,
        "UTF-8",
    ),
    ("title list", _zip([("index.md", b"---\ntitle: [a, b]\n---\nx")]), DocumentError, "title"),
    (
        "lead image list",
        _zip([("index.md", b"---\nlead_image: [a]\n---\nx")]),
        DocumentError,
        "lead_image",
    ),
    (
        "front matter list",
        _zip([("index.md", b"---\n- a\n- b\n---\nx")]),
        DocumentError,
        "keys and values",
    ),
    ("bad date", _zip([("index.md", b"---\ndate: yesterday\n---\nx")]), DocumentError, "date"),
    (
        "duplicate names",
        _zip(
            [
                ("index.md", INDEX.encode()),
                ("images/사진.jpg", b"1"),
                ("images/" + __import__("unicodedata").normalize("NFD", "사진.jpg"), b"2"),
            ]
        ),
        UnsafeDocumentError,
        "two entries",
    ),
    ("corrupt deflate", _damaged("deflate"), DocumentError, "damaged"),
    ("unknown zip version", _damaged("version"), DocumentError, "cannot read"),
    ("empty entry name", _nameless(), UnsafeDocumentError, "without a name"),
    (
        "timestamp tag",
        _zip([("index.md", b"---\ndate: !!timestamp yesterday\n---\nx")]),
        DocumentError,
        "not one: 'yesterday'",
    ),
    (
        "index.md with a trailing space",
        _zip([("index.md ", b"---\ntitle: x\n---\n" + b"a" * (33 << 20))]),
        UnsafeDocumentError,
        "too large",
    ),
    (
        "INDEX.MD beside index.md",
        _zip([("index.md", INDEX.encode()), ("INDEX.MD", b"---\ntitle: other\n---\n")]),
        UnsafeDocumentError,
        "two entries",
    ),
    ("many small bombs", _small_entries_bomb(), UnsafeDocumentError, "zip bomb"),
    (
        "alias expansion",
        _zip(
            [
                (
                    "index.md",
                    (
                        "---\na0: &a0 ["
                        + ", ".join(['"' + "가" * 200 + '"'] * 20)
                        + "]\n"
                        + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 11))
                        + "---\nx"
                    ).encode(),
                )
            ]
        ),
        UnsafeDocumentError,
        "expand",
    ),
    (
        "bad private json",
        _zip([("index.md", INDEX.encode()), (".editor/notes.json", b"{")]),
        DocumentError,
        "damaged",
    ),
]


@pytest.mark.parametrize(("label", "data", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_hostile_container_gives_clear_error(tmp_path, label, data, error, words):
    path = tmp_path / "bad.article"
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        read_article(path)
    assert words.lower() in str(caught.value).lower()
    assert str(path) in str(caught.value)
    assert path.read_bytes() == data  # the file is left as it was


def test_wrong_but_sensible_types_are_coerced(tmp_path):
    path = tmp_path / "a.article"
    path.write_bytes(
        _zip([("index.md", b"---\ntitle: 123\ntags: \"a, b\"\nauthor: Hong\ndraft: 'no'\n---\nx")])
    )
    article = read_article(path)
    assert article.headline == "123"
    assert article.tags == ["a", "b"]
    assert article.authors[0].name == "Hong"


def test_symlinked_file_in_folder_is_not_followed(tmp_path):
    folder = tmp_path / "bundle"
    (folder / "images").mkdir(parents=True)
    (folder / "index.md").write_text(INDEX, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (folder / "images" / "leak.jpg").symlink_to(tmp_path / "secret.txt")
    assert read_article(folder).images == {}


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes_never_escape_as_unexpected_exceptions(data):
    try:
        container.read(data)
    except ArticleError:
        pass


@pytest.mark.filterwarnings("ignore:Duplicate name")
@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(
                st.characters(exclude_characters="\x00", exclude_categories=("Cs",)),
                min_size=1,
                max_size=20,
            ),
            st.binary(max_size=64),
        ),
        max_size=6,
    ),
    st.text(max_size=200),
)
def test_random_zip_entries_never_escape(entries, index):
    data = _zip([("index.md", index.encode("utf-8", "surrogatepass"))] + entries)
    try:
        container.read(data)
    except ArticleError:
        pass

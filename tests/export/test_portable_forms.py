"""Portable forms touch prose only: code, link destinations, autolinks and definitions stay."""

from __future__ import annotations

from editor.export.portable import portable_body


def keep(ref: str) -> str | None:
    return None


def test_code_and_urls_are_copied_as_written():
    body = (
        "`https://a.kr $x$ 2^3 @b {#c}` 와 [링크](https://example.com/a?b=$1&c=~d) "
        "<https://x.org/~y>\n\n[r]: https://example.com/~r\n\n```\nwww.example.org $x$ - [ ] a\n```"
    )
    exported = portable_body(body, keep)
    for kept in (
        "`https://a.kr $x$ 2^3 @b {#c}`",
        "(https://example.com/a?b=$1&c=~d)",
        "<https://x.org/~y>",
        "[r]: https://example.com/~r",
        "www.example.org $x$ - [ ] a",
    ):
        assert kept in exported


def test_a_bare_url_in_link_text_keeps_its_link():
    exported = portable_body("[https://example.com](https://example.com)", keep)
    assert exported == "[https&#58;//example.com](https://example.com)\n"

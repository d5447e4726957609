"""Errors carry a stable code and arguments; words come from the code's template."""

from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import pytest

from editor.core.errors import ArticleError, ErrorCode, ErrorRecord, ExportError, ImageError, render

EDITOR = Path(__file__).parents[2] / "editor"
LOWER_LAYERS = ("core", "storage", "render", "export", "publish", "cli")


def test_an_error_words_its_code_with_its_arguments_and_path():
    exc = ImageError(
        ErrorCode.IMAGE_PIXELS, path="images/큰.jpg", width=9000, height=9000, limit=40
    )
    assert exc.message == "The image has 9000x9000 pixels; the limit is 40 megapixels."
    assert str(exc) == f"images/큰.jpg: {exc.message}"
    assert exc.code is ErrorCode.IMAGE_PIXELS and exc.code == "image-pixels"


def test_a_reason_that_is_an_error_is_worded_with_the_same_templates():
    reason = ExportError(ErrorCode.BUNDLE_NO_MARKER)
    exc = ExportError(ErrorCode.BUNDLE_NOT_OURS, path="out/a", reason=reason)
    assert "(it has no export marker)" in exc.message
    shouted = render(exc, lambda code: code.english.upper().replace("{REASON}", "{reason}"))
    assert "(IT HAS NO EXPORT MARKER)" in shouted


def test_an_error_kept_as_data_words_the_same_after_a_round_trip():
    reason = ExportError(ErrorCode.BUNDLE_EXTRA_FILES, names="a.txt")
    exc = ExportError(ErrorCode.BUNDLE_NOT_OURS, path="out/a", reason=reason)
    import dataclasses
    import json

    kept = json.loads(json.dumps(dataclasses.asdict(exc.record())))
    record = ErrorRecord.from_dict(kept)
    assert record is not None and record.path == "out/a"
    assert render(record) == exc.message
    assert ErrorRecord.from_dict({"code": "no-such-code"}) is None
    assert ErrorRecord.from_dict({}) is None


def test_an_error_crosses_a_process_boundary_whole():
    exc = ImageError(ErrorCode.IMAGE_UNPROCESSABLE, path="images/a.png", reason="boom")
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is ImageError and back.code is ErrorCode.IMAGE_UNPROCESSABLE
    assert str(back) == str(exc)


def test_an_english_sentence_is_no_code():
    with pytest.raises(ValueError):
        ArticleError("A bundle with this name already exists.")  # type: ignore[arg-type]


def test_a_translation_naming_a_value_the_error_lacks_falls_back_to_english():
    exc = ArticleError(ErrorCode.MEMBER_MISSING, name="index.md")
    assert render(exc, lambda code: "{nope}") == "index.md does not exist."


@pytest.mark.parametrize("code", list(ErrorCode))
def test_every_template_names_only_plain_fields(code):
    fields = [f for _, f, _, _ in string.Formatter().parse(code.english) if f is not None]
    assert all(f.isidentifier() for f in fields), fields


def _error_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if name.endswith("Error") and name not in {"ValueError", "TypeError"}:
                yield name, node


def test_no_lower_layer_builds_an_error_from_words():
    """Every typed error raised below ui names a code; none is given an English sentence."""
    worded = []
    for layer in LOWER_LAYERS:
        for path in sorted((EDITOR / layer).rglob("*.py")):
            for name, call in _error_calls(ast.parse(path.read_text(encoding="utf-8"))):
                first = call.args[0] if call.args else None
                if isinstance(first, ast.Constant | ast.JoinedStr) and name not in {
                    "FileNotFoundError",
                    "FileExistsError",
                    "DictionaryError",  # the spell checker's log line, never shown to a user
                    "AttributeError",  # a package's lazy __getattr__ (PEP 562), Python's own
                }:
                    worded.append(f"{path.relative_to(EDITOR)}:{call.lineno} {name}")
    assert not worded

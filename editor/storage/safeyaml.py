"""YAML that cannot run code or explode: safe_load plus limits on size and aliases.

Aliases are the one way a small front matter grows: the dumper writes each use in full (no
anchors), so an alias-heavy file would be written back many times larger. The loader weighs
the front matter as it would be written, aliases expanded, and refuses more than
plain_yaml.MAX_YAML_BYTES (one limit for both readers); dump refuses the same, so what is
written can always be read back.
"""

from __future__ import annotations

import re
from typing import Any

from editor.core import regex_cache

# PyYAML's Reader refuses these characters with a negated class up to U+10FFFF, which
# sre_compile takes ~9 ms to build at every import; the same characters as seven short
# ranges compile in ~1 ms (tests compare the two at every code point).
YAML_NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
NON_PRINTABLE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
regex_cache.seed(YAML_NON_PRINTABLE, 0, re.compile(NON_PRINTABLE))
import yaml  # noqa: E402 - after the seed

from editor.core.errors import DocumentError, ErrorCode, UnsafeDocumentError  # noqa: E402
from editor.storage import plain_yaml  # noqa: E402

MAX_ALIASES = 20
_NODE_WEIGHT = 4  # bytes a node costs when written at least (": ", "- ", a line break)


class _LimitedLoader(yaml.SafeLoader):
    """SafeLoader that refuses alias bombs (billion laughs)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise UnsafeDocumentError(ErrorCode.YAML_ALIASES)
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node):  # noqa: ANN001, ANN201 - PyYAML's signature
        """Build a date, or say which value is not one (PyYAML itself trips on it)."""
        try:
            return super().construct_yaml_timestamp(node)
        except (AttributeError, ValueError, TypeError, OverflowError) as exc:
            line = node.start_mark.line + 1 if node.start_mark else 0
            raise DocumentError(ErrorCode.YAML_DATE_BAD, value=node.value, line=line) from exc


_LimitedLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _LimitedLoader.construct_yaml_timestamp
)


def expanded_weight(root: yaml.Node, limit: int | None = None) -> int:
    """Return about how many bytes the node tree takes written out with aliases expanded.

    Raises:
        UnsafeDocumentError: more than limit, or an alias that contains itself.
    """
    limit = plain_yaml.MAX_YAML_BYTES if limit is None else limit
    memo: dict[int, int] = {}
    open_nodes: set[int] = set()

    def weigh(node: yaml.Node) -> int:
        key = id(node)
        if key in memo:
            return memo[key]
        if key in open_nodes:
            raise UnsafeDocumentError(ErrorCode.YAML_ALIAS_LOOP)
        open_nodes.add(key)
        if isinstance(node, yaml.ScalarNode):
            total = len(node.value.encode("utf-8", "surrogatepass"))
        elif isinstance(node, yaml.SequenceNode):
            total = sum(weigh(child) for child in node.value)
        else:
            total = sum(weigh(k) + weigh(v) for k, v in node.value)
        total += _NODE_WEIGHT
        open_nodes.discard(key)
        if total > limit:
            raise UnsafeDocumentError(ErrorCode.YAML_ALIASES_LARGE)
        memo[key] = total
        return total

    return weigh(root)


def load(text: str) -> Any:
    """Parse YAML safely; raise DocumentError with a readable reason."""
    if len(text.encode("utf-8", "surrogatepass")) > plain_yaml.MAX_YAML_BYTES:
        raise UnsafeDocumentError(ErrorCode.YAML_TOO_LARGE)
    try:
        loader = _LimitedLoader(text)
    except yaml.reader.ReaderError as exc:  # the reader refuses a control character up front
        before = text[: exc.position]
        raise DocumentError(
            ErrorCode.YAML_INVALID_AT,
            line=before.count("\n") + 1,
            column=len(before) - before.rfind("\n"),
            reason=f"unacceptable character #x{exc.character:04x}: {exc.reason}",
        ) from exc
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if loader._aliases:
            expanded_weight(node)
        return loader.construct_document(node)
    except DocumentError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        if not mark:
            raise DocumentError(ErrorCode.YAML_INVALID, reason=exc.problem) from exc
        raise DocumentError(
            ErrorCode.YAML_INVALID_AT,
            line=mark.line + 1,
            column=mark.column + 1,
            reason=exc.problem,
        ) from exc
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, AttributeError) as exc:
        # A tag whose value is not of its kind (`!!timestamp yesterday`) trips PyYAML itself.
        raise DocumentError(ErrorCode.YAML_INVALID, reason=str(exc)) from exc
    finally:
        loader.dispose()


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode kept, no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump(data: Any) -> str:
    """Serialise to block-style YAML that keeps Hangul readable.

    Raises:
        UnsafeDocumentError: the result would be larger than load accepts (1 MiB).
    """
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )
    if len(text.encode("utf-8", "surrogatepass")) > plain_yaml.MAX_YAML_BYTES:
        raise UnsafeDocumentError(ErrorCode.YAML_WRITE_TOO_LARGE)
    return text

"""YAML that cannot run code or explode: safe_load plus limits on size and aliases."""

from __future__ import annotations

from typing import Any

import yaml

from editor.core.errors import DocumentError, UnsafeDocumentError

MAX_YAML_BYTES = 1 << 20  # front matter larger than 1 MiB is not a reporter's
MAX_ALIASES = 20


class _LimitedLoader(yaml.SafeLoader):
    """SafeLoader that refuses alias bombs (billion laughs)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise UnsafeDocumentError("The front matter uses too many YAML aliases.")
        return super().compose_node(parent, index)


def load(text: str) -> Any:
    """Parse YAML safely; raise DocumentError with a readable reason."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise UnsafeDocumentError("The front matter is larger than 1 MiB.")
    try:
        return yaml.load(text, Loader=_LimitedLoader)  # noqa: S506 - a SafeLoader subclass
    except UnsafeDocumentError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise DocumentError(f"The front matter is not valid YAML{where}: {exc.problem}.") from exc
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise DocumentError(f"The front matter is not valid YAML: {exc}.") from exc


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode kept, no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump(data: Any) -> str:
    """Serialise to block-style YAML that keeps Hangul readable."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )

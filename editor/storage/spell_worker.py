"""The spell checker as a child process: JSON lines in on stdin, JSON lines out on stdout.

Hunspell's work is long (loading the Korean dictionary ~1 s of CPU with the optimised
libhunspell, ~2.4 s with chunspell's build, a Korean suggestion up to ~1 s) and chunspell holds
Python's GIL meanwhile, so a thread would freeze the editor; a process does not, and keeps
Hunspell's ~50 MB out of the editor's own memory.

Requests: {"id", "op": "check", "items": [[key, text], …], "ignored": […]},
{"id", "op": "suggest", "word"}, {"op": "add", "word"}. Replies carry the request's id; the
first line is {"op": "ready"} or {"op": "error", "message"}. Each dictionary loads with the
first word of its script that the kept verdicts cannot answer (a Korean one ~50 MB and ~1 s,
the English one ~7 MB): a story checked before loads none, an all-Korean one no English. A
dictionary that fails to load then is reported as {"op": "error"} and the process ends.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any

from editor.storage.dictionaries import DictionaryError, SpellChecker, load_checker


def handle(checker: SpellChecker, request: dict[str, Any]) -> dict[str, Any] | None:
    """Answer one request (None for those that need no answer)."""
    op = request.get("op")
    if op == "check":
        ignored = frozenset(request.get("ignored") or ())
        results = []
        for key, text in request.get("items") or ():
            words = checker.misspelled(text, ignored)
            results.append([key, text, [[w.start, w.end, w.text] for w in words]])
        return {"id": request.get("id"), "op": "check", "results": results}
    if op == "suggest":
        word = str(request.get("word") or "")
        return {
            "id": request.get("id"),
            "op": "suggest",
            "word": word,
            "suggestions": checker.suggest(word),
        }
    if op == "add":
        checker.add(str(request.get("word") or ""))
    return None


def serve(stdin: IO[str], stdout: IO[str], checker: SpellChecker | None = None) -> int:
    """Answer requests until stdin closes (the dictionaries load when a word needs them)."""
    try:
        # The verdicts it reaches are kept for `check`: a story written in the editor is then
        # checked from the command line without loading the dictionaries again.
        checker = checker or load_checker(remember=True)
    except DictionaryError as exc:
        return _fail(stdout, exc)
    stdout.write(json.dumps({"op": "ready"}) + "\n")
    stdout.flush()
    for line in stdin:
        try:
            reply = handle(checker, json.loads(line))
        except (ValueError, TypeError):
            continue  # a garbled line: ignore it, keep serving
        except DictionaryError as exc:
            return _fail(stdout, exc)
        if reply is not None:
            stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
            stdout.flush()
    if checker.known is not None:
        checker.known.save()
    return 0


def _fail(stdout: IO[str], exc: DictionaryError) -> int:
    """Say why there is no spell check; the editor works on without underlines."""
    stdout.write(json.dumps({"op": "error", "message": str(exc)}) + "\n")
    stdout.flush()
    return 1


def main() -> int:
    """Serve on the process's own stdin and stdout (UTF-8 whatever the locale)."""
    stdin = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)  # noqa: SIM115
    stdout = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    return serve(stdin, stdout)


if __name__ == "__main__":
    sys.exit(main())

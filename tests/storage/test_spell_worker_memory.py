"""The spell process holds Hunspell's dictionary and little else (issue 17's memory target)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from editor.storage import hunspell_lib

# What the worker's own imports must not pull in: the article model, the .article reader
# and YAML came through the editor.core and editor.storage packages' __init__ (~2.8 MB of
# the spell process's anonymous memory, docs/performance.md).
NOT_IN_THE_SPELL_PROCESS = (
    "editor.core.model",
    "editor.core.review",
    "editor.core.validate",
    "editor.storage.document",
    "editor.storage.container",
    "yaml",
    "zipfile",
    "_hashlib",  # OpenSSL's libcrypto, for the BLAKE2 of two file names (editor/storage/digests.py)
)

SERVE_AND_LIST_MODULES = """
import io, json, sys
from editor.storage import spell_worker
request = {"id": 1, "op": "check", "items": [["0:0", "운행 계획이 확정됬다"]]}
out = io.StringIO()
spell_worker.serve(io.StringIO(json.dumps(request) + "\\n"), out)
print(out.getvalue().splitlines()[-1])
print(json.dumps(sorted(sys.modules)))
print(json.dumps(sorted({l.split()[-1] for l in open('/proc/self/maps') if 'libhunspell' in l})))
"""


def test_the_spell_process_imports_no_article_model_reader_or_yaml(tmp_path):
    env = {**os.environ, "ARTICLE_EDITOR_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", SERVE_AND_LIST_MODULES],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    reply, modules, maps = (json.loads(line) for line in done.stdout.splitlines()[-3:])
    assert [word for _s, _e, word in reply["results"][0][2]] == ["확정됬다"]  # Korean loaded
    # The optimised libhunspell where there is one (the first answer ~1.5 s sooner), else
    # chunspell's module with its own.
    system = [p for p in hunspell_lib.candidates() if os.path.isfile(p)]
    if system:
        assert (maps, "hunspell" in modules) == ([os.path.realpath(system[0])], False)
    else:
        assert "hunspell" in modules
    assert [name for name in NOT_IN_THE_SPELL_PROCESS if name in modules] == []


def test_the_packages_still_give_their_names():
    import pytest

    import editor.core
    import editor.storage
    from editor.core import Article, model
    from editor.storage import Kind, document, kind_of, read_article, write_article

    assert Article is model.Article
    assert (Kind, kind_of, read_article, write_article) == (
        document.Kind,
        document.kind_of,
        document.read_article,
        document.write_article,
    )
    with pytest.raises(AttributeError):
        editor.storage.no_such_name  # noqa: B018
    with pytest.raises(AttributeError):
        editor.core.no_such_name  # noqa: B018


def test_the_file_names_digest_is_hashlibs_blake2b():
    """The unpacked dictionaries' folder and the verdicts' file keep their names."""
    import hashlib

    from editor.storage.digests import blake2b

    for data in (b"", b"affixes once\n", "사전".encode()):
        assert (
            blake2b(data, digest_size=8).hexdigest()
            == hashlib.blake2b(data, digest_size=8).hexdigest()
        )

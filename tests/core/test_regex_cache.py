"""A pattern handed to re's cache is what a library's re.compile gets (editor.core.regex_cache)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from editor.core.regex_cache import LazyPattern, seed

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))  # surrogates included: str holds them


def test_a_seeded_text_compiles_to_the_seeded_pattern_and_others_do_not():
    text = r"seeded-\d+-only-here"
    mine = re.compile(r"\d+")
    assert seed(text, 0, mine) is True
    try:
        assert re.compile(text) is mine
        assert re.compile(text, re.IGNORECASE) is not mine  # flags are part of the key
    finally:
        re.purge()


def test_a_lazy_pattern_compiles_on_first_use_and_matches_as_the_real_one():
    text = r"(?P<word>\w+)\s*=\s*(?P<value>\d+)"
    lazy = LazyPattern(text, re.VERBOSE)
    seed(text, re.VERBOSE, lazy)
    try:
        finditer = re.compile(text, re.VERBOSE).finditer  # shiboken binds it at import
        assert lazy._compiled is None
        real = re.compile(text.replace("\\s", "[ \\t\\n\\r\\f\\v]"), re.VERBOSE)
        line = "a = 1, bb=22 ,c= 333"
        assert [m.groupdict() for m in finditer(line)] == [
            m.groupdict() for m in real.finditer(line)
        ]
        assert isinstance(lazy._compiled, re.Pattern)
        assert lazy.sub("x", line) == real.sub("x", line)
        assert lazy.groupindex == real.groupindex  # anything else: the compiled one's
        assert re.compile(text, re.VERBOSE) is lazy._compiled  # the cache holds the real one
    finally:
        re.purge()


def test_safeyaml_refuses_exactly_the_characters_pyyaml_refuses():
    from editor.storage import safeyaml

    # re.UNICODE is a str pattern's default, but another key: PyYAML's own, compiled.
    pyyaml = re.compile(safeyaml.YAML_NON_PRINTABLE, re.UNICODE)
    ours = re.compile(safeyaml.NON_PRINTABLE)
    assert pyyaml.pattern == safeyaml.YAML_NON_PRINTABLE
    theirs = [m.start() for m in pyyaml.finditer(EVERY_CHARACTER)]
    assert theirs == [m.start() for m in ours.finditer(EVERY_CHARACTER)]
    assert len(theirs) == 32 - 3 + 6 + 26 + 2048 + 2  # C0 but tab/LF/CR, 7F-84, 86-9F, …


def test_pyyaml_gets_the_cheap_pattern_and_still_refuses_a_control_character():
    code = (
        "import json\n"
        "from editor.storage import safeyaml\n"
        "from editor.core.errors import DocumentError\n"
        "try:\n"
        "    safeyaml.load('title: a\\x07b\\n')\n"
        "    refused = False\n"
        "except DocumentError:\n"
        "    refused = True\n"
        "import yaml.reader\n"
        "print(json.dumps([yaml.reader.Reader.NON_PRINTABLE.pattern, refused]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    pattern, refused = json.loads(out.stdout)
    from editor.storage import safeyaml

    assert pattern == safeyaml.NON_PRINTABLE
    assert refused is True

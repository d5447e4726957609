"""pyproject.toml keeps building next year: an SPDX licence and a bounded build backend."""

from __future__ import annotations

import tomllib

import buildinfo
from packaging.requirements import Requirement
from packaging.version import Version


def pyproject() -> dict:
    return tomllib.loads((buildinfo.REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_licence_is_an_spdx_expression():
    # setuptools stops accepting the {text = ...} table after 2027-02-18 (PEP 639).
    assert pyproject()["project"]["license"] == "MIT"


def test_build_backend_is_bounded_to_releases_that_read_pep_639():
    (requirement,) = (Requirement(r) for r in pyproject()["build-system"]["requires"])
    assert requirement.name == "setuptools"
    assert not requirement.specifier.contains(Version("76.1.0"))  # no licence expressions
    assert requirement.specifier.contains(Version("77.0.3"))
    upper = [spec for spec in requirement.specifier if spec.operator == "<"]
    assert upper, "an unbounded backend may drop what we use in its next major"

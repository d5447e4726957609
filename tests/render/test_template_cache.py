"""Compiled templates kept across starts: the same page, an edited template compiled again."""

from __future__ import annotations

import shutil

from jinja2.sandbox import SandboxedEnvironment

from editor import resources
from editor.paths import cache_dir
from editor.render import profiles, template_cache
from editor.render.profiles import load_profile


def _copy_profile(tmp_path, article="<article>{{ body }}</article>"):
    user_dir = tmp_path / "sites"
    shutil.copytree(resources.path("sites", "sisacatch"), user_dir / "sisacatch")
    (user_dir / "sisacatch" / "article.html").write_text(article, encoding="utf-8")
    return user_dir


def _fresh_profile(user_dir):
    profiles._cache.clear()  # a new start: nothing compiled in memory
    profiles._compiled.clear()
    return load_profile("sisacatch", user_dir)


def test_a_second_start_compiles_nothing_and_renders_the_same(tmp_path, monkeypatch):
    user_dir = _copy_profile(tmp_path)
    first = _fresh_profile(user_dir).template("article").render(body="<p>본문</p>")
    assert list((cache_dir() / template_cache.FOLDER).iterdir())
    monkeypatch.setattr(SandboxedEnvironment, "compile", _refuse)
    second = _fresh_profile(user_dir).template("article").render(body="<p>본문</p>")
    assert second == first == "<article>&lt;p&gt;본문&lt;/p&gt;</article>"


def test_an_edited_template_is_compiled_again(tmp_path):
    user_dir = _copy_profile(tmp_path)
    _fresh_profile(user_dir).template("article")
    article = user_dir / "sisacatch" / "article.html"
    article.write_text("<article>고친 틀 {{ body }}</article>", encoding="utf-8")
    page = _fresh_profile(user_dir).template("article").render(body="본문")
    assert page == "<article>고친 틀 본문</article>"


def test_an_unwritable_cache_folder_only_costs_the_compile(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("ARTICLE_EDITOR_CACHE_DIR", str(blocker))
    assert template_cache.template_cache() is None
    user_dir = _copy_profile(tmp_path)
    assert "본문" in _fresh_profile(user_dir).template("article").render(body="본문")


def test_a_cache_that_cannot_be_written_never_fails_a_render(tmp_path, monkeypatch):
    monkeypatch.setattr(template_cache.FileSystemBytecodeCache, "dump_bytecode", _refuse)
    user_dir = _copy_profile(tmp_path)
    assert (
        _fresh_profile(user_dir).template("article").render(body="본문")
        == "<article>본문</article>"
    )


def _refuse(self, *args, **kwargs):
    raise PermissionError("refused")

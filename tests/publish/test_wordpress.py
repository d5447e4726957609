"""Publishing to a real WordPress (Debian's package) as an Author and as an Editor."""

from __future__ import annotations

import html
import re
import urllib.request

import pytest
from publish_corpus import korean_article

from editor.cli.main import main
from editor.publish.records import record_for
from editor.storage import read_article, write_article

pytestmark = pytest.mark.slow


def publish(wp, path, login="reporter", *extra):
    """Run `article-editor publish` in this process; return the exit status."""
    return main(["publish", str(path), "--to", "wordpress", "--url", wp.url, "--user", login,
                 "--password-env", f"WP_PASSWORD_{login.upper()}", *extra])  # fmt: skip


@pytest.fixture
def passwords(wp, monkeypatch):
    for login, account in wp.accounts.items():
        monkeypatch.setenv(f"WP_PASSWORD_{login.upper()}", account.app_password)


@pytest.fixture
def korean(tmp_path):
    path = tmp_path / "korean.article"
    write_article(korean_article(), path)
    return path


def post_of(wp, path, login="reporter"):
    """Read back the post the .article's record names, as the admin sees it over REST."""
    record = record_for(read_article(path), f"wordpress:{wp.url}:{login}")
    return wp.request(f"/wp/v2/posts/{record['post_id']}&context=edit"), record


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.status, answer.headers["Content-Type"], answer.read()


def test_author_publishes_the_korean_article_as_written(wp, passwords, korean, capsys):
    assert publish(wp, korean) == 0
    line = capsys.readouterr().out.strip()
    post, record = post_of(wp, korean)
    assert line == f"sent: {korean_article().headline} → {post['link']}"
    source = korean_article()
    assert html.unescape(post["title"]["rendered"]) == source.headline
    assert source.summary in html.unescape(re.sub("<[^>]+>", "", post["excerpt"]["rendered"]))
    assert post["status"] == "pending"  # ready for desk
    assert post["author"] == wp.accounts["reporter"].user_id
    content = post["content"]["rendered"]
    # the subhead's lines are text, not tags
    assert "&lt;SBS 스페셜&gt;과 함께 기획<br />" in content
    # every image loads from the uploads, and WordPress added srcset itself (Author role)
    images = re.findall(r"<img\b[^>]*>", content)
    assert len(images) == 2
    for img in images:
        src = re.search(r'src="([^"]+)"', img).group(1)
        assert src.startswith(f"{wp.url}/wp-content/uploads/")
        status, kind, _ = fetch(src)
        assert (status, kind) == (200, "image/jpeg")
        assert re.search(r'class="wp-image-\d+"', img) and " srcset=" in img
    # the sideways phone photo arrives upright
    (manuscript,) = [m for m in record["media"].values() if "/manuscript-" in m["url"]]
    manuscript = wp.request(f"/wp/v2/media/{manuscript['id']}")
    assert (manuscript["media_details"]["width"], manuscript["media_details"]["height"]) == (
        800,
        1200,
    )
    # the lead is the featured image, with its words, and not repeated in the content
    lead = wp.request(f"/wp/v2/media/{post['featured_media']}&context=edit")
    assert lead["alt_text"] == source.lead_image.alt
    assert source.lead_image.caption in html.unescape(lead["caption"]["raw"])
    assert source.lead_image.credit in html.unescape(lead["description"]["raw"])
    assert lead["source_url"] not in content and lead["source_url"].split(".jpg")[0] not in content
    assert fetch(lead["source_url"])[0] == 200
    names = {html.unescape(wp.request(f"/wp/v2/tags/{t}")["name"]) for t in post["tags"]}
    assert names == {"<JTBC>", "방송", "토지"}


def test_angle_bracket_titles_in_the_body_reach_wordpress(wp, passwords, korean):
    assert publish(wp, korean) == 0
    post, _ = post_of(wp, korean)
    assert "MBC &lt;PD수첩&gt;이" in post["content"]["rendered"]


def test_editor_account_sets_category_and_publishes(wp, passwords, sample_dir, tmp_path):
    path = tmp_path / "sample.article"
    article = read_article(sample_dir)
    write_article(article, path)
    assert publish(wp, path, "desk", "--status", "publish") == 0
    post, _ = post_of(wp, path, "desk")
    assert post["status"] == "publish"
    cats = [html.unescape(wp.request(f"/wp/v2/categories/{c}")["name"]) for c in post["categories"]]
    assert cats == ["뉴스"]
    assert html.unescape(post["title"]["rendered"]) == article.headline
    # the published page itself loads and shows the headline
    status, _, page = fetch(post["link"])
    assert status == 200 and article.headline in html.unescape(page.decode("utf-8"))


def test_author_cannot_make_a_category_and_is_told(wp, passwords, korean, capsys):
    assert publish(wp, korean) == 0
    err = capsys.readouterr().err
    assert "“문화” does not exist on the site and this account may not create it" in err


def test_republish_after_an_edit_updates_the_same_post(wp, passwords, korean):
    assert publish(wp, korean) == 0
    first, record = post_of(wp, korean)
    media_before = len(wp.request("/wp/v2/media&per_page=100"))
    article = read_article(korean)
    article.body += "\n[정정] 방송 날짜를 바로잡습니다.\n"
    write_article(article, korean)
    assert publish(wp, korean) == 0
    second, again = post_of(wp, korean)
    assert second["id"] == first["id"]
    assert "[정정] 방송 날짜를 바로잡습니다." in second["content"]["rendered"]
    assert len(wp.request("/wp/v2/media&per_page=100")) == media_before  # no image sent twice
    assert again["media"] == record["media"]


def test_an_edit_on_the_web_is_never_overwritten(wp, passwords, korean, capsys):
    assert publish(wp, korean) == 0
    post, _ = post_of(wp, korean)
    web = post["content"]["raw"] + "\n<p>데스크가 웹에서 고친 문단</p>"
    wp.request(f"/wp/v2/posts/{post['id']}", login="desk", method="POST", body={"content": web})
    capsys.readouterr()
    assert publish(wp, korean) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "edited on the web" in err[0] and "nothing was overwritten" in err[0]
    kept, _ = post_of(wp, korean)
    assert "데스크가 웹에서 고친 문단" in kept["content"]["raw"]
    # the user chose to overwrite
    assert publish(wp, korean, "reporter", "--overwrite") == 0
    replaced, _ = post_of(wp, korean)
    assert "데스크가 웹에서 고친 문단" not in replaced["content"]["raw"]


def test_bad_password_is_one_line_and_exit_2(wp, korean, monkeypatch, capsys):
    monkeypatch.setenv("WP_PASSWORD_REPORTER", "wrong wrong wrong")
    assert publish(wp, korean) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("article-editor: not sent: The site refused")


def test_an_approved_article_with_a_later_time_is_scheduled(wp, passwords, tmp_path):
    from datetime import UTC, datetime, timedelta

    from editor.core.model import Status

    article = korean_article(seed=20)
    article.slug = "scheduled-for-later"
    article.status = Status.APPROVED
    article.published = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    path = tmp_path / "later.article"
    write_article(article, path)
    assert publish(wp, path, "desk") == 0
    post, _ = post_of(wp, path, "desk")
    assert post["status"] == "future"
    assert post["date_gmt"] == article.published.strftime("%Y-%m-%dT%H:%M:%S")


def test_the_wordpress_set_up_stays_under_a_minute(wordpress):
    assert wordpress.setup_seconds < 60, f"set-up took {wordpress.setup_seconds:.1f} s"


def test_an_embargoed_article_waits_as_scheduled_under_its_print_headline(
    wp, passwords, tmp_path, capsys
):
    """WordPress has one title: the printed headline; the embargo makes the post `future`."""
    from datetime import UTC, datetime, timedelta

    from editor.core.model import Status

    article = korean_article(seed=21)
    article.slug = "embargoed-until-later"
    article.status = Status.APPROVED
    article.web_title, article.social_title = "검색에 보일 긴 제목 <PD수첩>", "공유 제목"
    article.embargo = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    path = tmp_path / "embargo.article"
    write_article(article, path)
    assert publish(wp, path, "desk") == 0
    err = capsys.readouterr().err
    assert "article-editor: warning: Embargoed until" in err
    post, _ = post_of(wp, path, "desk")
    assert post["status"] == "future"
    assert post["date_gmt"] == article.embargo.strftime("%Y-%m-%dT%H:%M:%S")
    assert html.unescape(post["title"]["raw"]) == article.headline
    assert "검색에 보일" not in post["content"]["raw"] and "공유 제목" not in post["content"]["raw"]

"""House style from the site's style.yaml: rule ids, fixes, sensitive words, formats, headline."""

from __future__ import annotations

from editor.core.checklist import ChecklistConfig, run_checklist
from editor.core.model import Article
from editor.render.profiles import load_profile

BODY = "[시사캐치] 회의를 개최하였다. 3-4일 동안 50퍼센트가 참여했다. 장애자 꿀 먹은 벙어리. 22 km"


def sisacatch() -> ChecklistConfig:
    return ChecklistConfig.from_data(load_profile("sisacatch", templates=False).get("checklist"))


def findings(article: Article) -> dict[str, tuple[str, str, object]]:
    return {
        p.args["rule"]: (p.code, article.body[p.start : p.end], p.args.get("fix"))
        for p in run_checklist(article, sisacatch())
        if p.code in ("house-style", "style-sensitive")
    }


def test_the_site_style_yaml_is_read_with_its_rules():
    style = sisacatch().house_style()
    assert len(style.rules) >= 20
    assert style.headline.target == 23 and style.headline.warn == 30


def test_replacements_formats_and_sensitive_words_with_fixes():
    found = findings(Article(headline="제목", body=BODY))
    assert found["replace.gaejeohada"] == ("house-style", "개최하였다", "열었다")
    assert "replace.hayeotda" not in found  # inside the longer finding: one fix, not two
    assert found["format.range-hyphen"] == ("house-style", "3-4일", "3~4일")
    assert found["format.percent-word"] == ("house-style", "50퍼센트", "50%")
    assert found["format.space-before-unit"] == ("house-style", "22 km", "22km")
    assert found["replace.jangaeja"] == ("house-style", "장애자", "장애인")
    assert found["sensitive.disability-metaphor"] == ("style-sensitive", "꿀 먹은 벙어리", None)


def test_headline_rules_come_from_style_yaml():
    problems = run_checklist(Article(headline="알고 보니 시의회가", body=BODY), sisacatch())
    assert any(p.code == "headline-clickbait" for p in problems)
    long = run_checklist(Article(headline="가" * 31, body=BODY), sisacatch())
    assert [p.args["rule"] for p in long if p.code == "headline-long"] == ["headline.warn"]


def test_a_desk_can_edit_the_rules(tmp_path):
    config = ChecklistConfig(
        style={
            "replacements": [
                {"id": "mine.1", "find": "코로나19", "replace": "코로나바이러스감염증-19"}
            ],
            "formats": [{"id": "bad", "pattern": "("}],  # a broken rule is skipped
            "headline": {"target": 10, "warn": 12, "clickbait": ["!$"]},
        }
    )
    problems = run_checklist(
        Article(headline="짧은 제목이지만 느낌표!", body="코로나19 확산"), config
    )
    rules = {p.args.get("rule") for p in problems}
    assert {"mine.1", "headline.clickbait", "headline.warn"} <= rules

"""Articles the publishing tests send: the sample, and a Korean one with three photos."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from exporthelp import photo

from editor.core.model import Article, Author, LeadImage, Status

KST = timezone(timedelta(hours=9))


def korean_article(seed: int = 0) -> Article:
    """Return an article of the kind that broke hand-publishing: <…> titles, three photos.

    Photos of different seeds differ, so that no upload of another test is found and reused.
    """
    when = datetime(2025, 4, 3, 9, 30, tzinfo=KST)
    article = Article(
        headline="MBC <PD수첩>, 《토지》 다시 읽기… “3~4일 방송”",
        subhead="<SBS 스페셜>과 함께 기획\n원작자 인터뷰도 담아",
        summary="MBC <PD수첩>이 《토지》를 다시 읽는다 & 3~4일 방송한다.",
        body=(
            "[시사캐치=홍길동 기자] MBC <PD수첩>이 **“탐사보도”**는 끝나지 않았다고 말했다.\n\n"
            '![평사리 마을 전경](images/pyeongsari.jpg "▲ 경남 하동 평사리 마을")\n\n'
            "제작진은 3~4일 이틀에 걸쳐 방송한다고 밝혔다.\n\n"
            '![세로로 찍은 원고](images/manuscript.jpg "▲ 박경리 선생의 육필 원고")\n\n'
            "홍길동 기자 hong@sisacatch.example\n"
        ),
        lead_image=LeadImage(
            "images/lead.jpg",
            "평사리 최참판댁 앞마당",
            "▲ 드라마 촬영지인 최참판댁",
            "사진=하동군 제공",
        ),
        authors=[Author("홍길동", "hong@sisacatch.example")],
        section="문화",
        tags=["<JTBC>", "방송", "토지"],
        slug="pd-notebook-toji",
        created=when,
        updated=when,
        status=Status.READY,
    )
    article.images = {
        "images/lead.jpg": photo(1800, 1200, seed=seed * 3 + 1),
        "images/pyeongsari.jpg": photo(1200, 800, seed=seed * 3 + 2, colour=(40, 160, 40)),
        # a phone photo lying on its side: WordPress must get it upright (800 wide, 1200 high)
        "images/manuscript.jpg": photo(
            1200, 800, orientation=6, seed=seed * 3 + 3, colour=(40, 40, 200)
        ),
    }
    return article

"""The Korean corpus: constructs reporters really write, shared by reader and reference tests.

CORPUS holds one short passage per construct; korean_article() puts them all in one article
with a lead image (caption, credit) and body images whose names hold spaces and Hangul.
"""

from __future__ import annotations

import io
from datetime import datetime

from PIL import Image

from editor.core.clock import newsroom_zone
from editor.core.model import Article, Author, LeadImage, Status

CORPUS = {
    "bold quote before a particle": "**‘탐사보도’**라는 말이 나왔다.",
    "italic quote before a particle": '*"끝까지 간다"*는 영화다.',
    "bold hanja before a particle": "**세종(世宗)**은 한글을 만들었다.",
    "bold after a word": "기자는**“끝”**이라고 말했다.",
    "tilde ranges": "3~4일 동안 1만~2만 명이 다녀갔다.",
    "hashtag line": "#해시태그 #시사캐치",
    "programme titles": "MBC <PD수첩> 과 <JTBC> 보도, <SBS 스페셜>",
    "label-shaped correction": "[정정]: 지난 3일 보도에서 사실과 다른 부분을 바로잡습니다.",
    "book title brackets": "《토지》와 〈서시〉",
    "opening credit": "[시사캐치=홍길동 기자] 본문이 시작된다.",
    "footnote-shaped text": "각주[^1] 가 있는 문단.\n\n[^1]: 각주 내용은 이렇게 씁니다.",
    "paragraph over a rule": "두 줄 문단의 첫 줄\n둘째 줄 아래에 선을 그었다\n---",
    "rule under a paragraph": "문단 바로 아래\n***\n다음 문단",
    "heading under a paragraph": "문단 바로 아래 소제목\n## 소제목",
    "quote under a paragraph": "그는 이렇게 말했다\n> 끝까지 간다",
    "bare URLs": "자세한 내용은 https://example.com/a 와 www.example.org, 제보는 hong@example.com",
    "mention": "@시사캐치 계정에 올렸다.",
    "task list": "- [ ] 현장 취재\n- [x] 기사 작성",
    "definition-list shaped": "정정\n: 지난 보도를 바로잡는다",
    "dollars and carets": "1달러($1)에서 $x$로, $$2$$ 배, 2^10^ 배",
    "attribute-shaped braces": "### 소제목 {#id}\n\n[글]{.x} 과 `코드`{.x}",
}
BODY_IMAGE = "images/세종 셔틀 정류장.jpg"
INLINE_IMAGE = "images/지도 (세종).png"
LEAD_IMAGE = "images/리드 사진(1).jpg"


def photo(width: int, height: int, colour: tuple[int, int, int], fmt: str = "JPEG") -> bytes:
    """Return a small, deterministic picture of one colour."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, fmt)
    return buffer.getvalue()


def korean_article() -> Article:
    """Return the corpus as one article, every date fixed, with its images."""
    when = datetime(2025, 3, 27, 10, 0, tzinfo=newsroom_zone())
    body = "\n\n".join(
        [
            "[시사캐치=홍길동 기자] 세종시의 자율주행 셔틀이 첫 운행을 시작했다.",
            *CORPUS.values(),
            f'![세종 셔틀 정류장](<{BODY_IMAGE}> "▲ 세종시 정류장의 셔틀")',
            "노선은 ![노선 지도](images/%EC%A7%80%EB%8F%84%20(%EC%84%B8%EC%A2%85).png) 와 같다.",
            "저작권자 © 시사캐치 무단전재 및 재배포 금지",
        ]
    )
    return Article(
        headline="MBC <PD수첩>, ‘탐사보도’ 3~4일",
        subhead="<JTBC> 와 《토지》 그리고 [정정]: 부제",
        summary="요약 <KBS 뉴스9> & **굵게 아님**",
        body=body + "\n",
        lead_image=LeadImage(
            LEAD_IMAGE, "셔틀 <대체> 글", "▲ 캡션 <SBS 스페셜> 3~4일", "사진=홍길동 <기자>"
        ),
        authors=[Author("홍길동", "hong@example.com")],
        section="사회",
        tags=["<PD수첩>", "자율주행"],
        slug="corpus",
        created=when,
        updated=when,
        status=Status.READY,
        images={
            BODY_IMAGE: photo(1600, 900, (40, 90, 160)),
            LEAD_IMAGE: photo(1600, 900, (200, 60, 40)),
            INLINE_IMAGE: photo(640, 480, (60, 160, 60), "PNG"),
        },
    )

"""A deterministic corpus of real-shaped Korean news headlines for the headline meter.

Built from the pieces headlines are made of on Korean news sites: a subject, quotes in
curly or straight marks, `…` and `·`, bracketed tags (`[단독]`, `<PD수첩>`, `《토지》`),
numbers with units (`3~4일`, `1,200억 원`, `37.5%`), Latin names and acronyms (AI, K-방산,
ChatGPT), Hanja shorthand (尹, 野, 與, 美), and long unbroken words (compounds, URLs,
hashtags) that force overflow-wrap. Lengths run from a few syllables to four phone lines,
so many land near a line's end, where a meter is most easily wrong.
"""

from __future__ import annotations

import random

SUBJECTS = [
    "정부",
    "국회",
    "서울시",
    "세종시",
    "교육부",
    "한국은행",
    "기획재정부",
    "대법원",
    "검찰",
    "경찰",
    "여야",
    "대통령실",
    "환경부",
    "보건복지부",
    "국토교통부",
    "금융위원회",
    "삼성전자",
    "현대차",
    "카카오",
    "네이버",
    "SK하이닉스",
    "LG에너지솔루션",
    "쿠팡",
    "BTS",
    "손흥민",
    "OpenAI",
    "애플",
    "테슬라",
    "넷플릭스",
    "윤석열 정부",
    "민주당",
    "국민의힘",
    "시민단체",
    "전공의",
    "소상공인",
    "농민",
    "학부모",
    "청년층",
    "고령층",
]
VERBS = [
    "발표했다",
    "밝혀",
    "추진한다",
    "검토 중",
    "결정",
    "논란",
    "반발",
    "우려",
    "급증",
    "급락",
    "사상 최대",
    "첫 공개",
    "전격 합의",
    "무산",
    "연기",
    "재개",
    "확정",
    "철회",
    "돌입",
    "마무리",
    "본격화",
    "가속",
    "제동",
    "촉각",
    "비상",
    "주목",
    "초읽기",
]
TOPICS = [
    "자율주행 셔틀",
    "의대 증원",
    "전세 사기",
    "반도체 수출",
    "최저임금",
    "기준금리",
    "저출생 대책",
    "부동산 세제",
    "탄소중립",
    "폭염 특보",
    "집중호우",
    "산불",
    "전기요금",
    "가계부채",
    "청년 일자리",
    "지방 소멸",
    "교권 보호",
    "디지털 교과서",
    "생성형 AI",
    "K-방산 수출",
    "K-푸드",
    "공매도 재개",
    "비트코인 ETF",
    "출산율 0.72명",
    "원·달러 환율",
    "주 4.5일제",
    "늘봄학교",
    "GTX-A 개통",
    "5G 요금제",
    "ChatGPT 규제",
    "iPhone 16",
]
QUOTES = [
    "“물러설 수 없다”",
    "“민생 외면 말라”",
    "“사실과 다르다”",
    '"절대 안 된다"',
    "‘깜깜이’",
    "‘꼼수’ 논란",
    "“더는 못 참아”",
    '"검토한 바 없다"',
    "“국민께 죄송”",
    "‘역대급’",
    "“AI가 일자리 뺏는다”",
    "“2~3년 내 회복”",
]
TAGS = [
    "[단독]",
    "[속보]",
    "[정정]:",
    "[종합]",
    "[르포]",
    "[인터뷰]",
    "[팩트체크]",
    "<PD수첩>",
    "《토지》",
    "「오징어 게임」",
    "[포토]",
    "(종합2보)",
    "[사설]",
    "[기자수첩]",
]
NUMBERS = [
    "3~4일",
    "1,200억 원",
    "37.5%",
    "2026년",
    "10만 명",
    "0.25%p",
    "7월 1일부터",
    "24시간",
    "3년 만에",
    "12.3조",
    "1위",
    "5배",
    "100m",
    "8천 가구",
    "4,000만원",
    "99.9%",
]
HANJA = ["尹", "野", "與", "美", "中", "日", "北", "靑", "韓"]
LONG_WORDS = [
    "초국가적공급망재편시나리오",
    "국가첨단전략산업특별법개정안",
    "www.sisacatch.example/news/2026",
    "#기후위기대응행동촉구",
    "Supercalifragilistic",
    "https://example.com/very/long/path",
    "반도체·이차전지·바이오·미래차",
    "한국형발사체누리호4차발사",
    "AAAAAAAAAAAAAAAAAAAAAAAA",
    "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허",
]
JOINERS = [" ", " ", " ", "… ", ", ", "·", " ― ", " - ", "? ", "! ", ": ", " / "]


def _piece(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.28:
        return rng.choice(TOPICS)
    if pick < 0.48:
        return rng.choice(SUBJECTS)
    if pick < 0.63:
        return rng.choice(VERBS)
    if pick < 0.74:
        return rng.choice(QUOTES)
    if pick < 0.86:
        return rng.choice(NUMBERS)
    if pick < 0.92:
        return rng.choice(HANJA) + rng.choice(["", " ", "·"]) + rng.choice(SUBJECTS)
    return rng.choice(LONG_WORDS)


def _headline(rng: random.Random) -> str:
    parts = [rng.choice(TAGS) + " "] if rng.random() < 0.2 else []
    for index in range(rng.randint(1, 9)):
        if index:
            parts.append(rng.choice(JOINERS))
        parts.append(_piece(rng))
    if rng.random() < 0.15:
        parts.append(rng.choice(["는", "에", "도", "까지", "(종합)", "?", "…"]))
    return "".join(parts).strip()


def corpus(count: int = 320, seed: int = 17) -> list[str]:
    """Return count distinct headlines, the same ones every time for a seed."""
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    fixed = [
        "자율주행 셔틀, 세종 도심 달린다… 시민 1000명 시승",
        "<PD수첩> 《토지》 [정정]: 3~4일 **“…”**는",
        "가",
        "",
    ]
    for item in fixed:
        seen[item] = None
    while len(seen) < count:
        seen[_headline(rng)] = None
    return list(seen)

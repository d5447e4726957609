"""A generated, realistic Korean article body of a chosen length (for benchmarks)."""

from __future__ import annotations

import random

_VOCABULARY = (
    "세종시 자율주행 셔틀 시범운행 구간 정부세종청사 오송역 운행 계획 확정 국토교통부 "
    "한국교통안전공단 운행사 실무협의회 교통약자 예약 서비스 야간 안전요원 관제센터 "
    "정류장 출퇴근 광역 이동 수요 시민 요금 주말 평일 간격 보행자 인식 성능 차량 "
    "카메라 영상 실시간 확인 예산 지원 지방자치단체 주민 의견 수렴 설명회 개최 "
    "충청권 초광역 전략산업 바이오 모빌리티 미래 산업 육성 협력 방안 논의"
)
_WORDS = _VOCABULARY.split()
_ENDINGS = ("했다.", "한다.", "밝혔다.", "전했다.", "설명했다.", "계획이다.", "예정이다.")
_LATIN = ("KTX", "BRT", "AI", "5G", "IoT", "22km", "2025년", "30분", "8곳", "11km")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 12))]
    if rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), rng.choice(_LATIN))
    if rng.random() < 0.15:
        words.insert(2, f"‘{rng.choice(_WORDS)} {rng.choice(_WORDS)}’")
    if rng.random() < 0.08:
        words.append(f"[관련 자료](https://www.example.go.kr/{rng.randint(1, 999)})")
    if rng.random() < 0.1:
        words.insert(1, f"△{rng.choice(_WORDS)} △{rng.choice(_WORDS)} 등")
    return " ".join(words) + rng.choice(("이라고 ", "고 ", "며 ", "")) + rng.choice(_ENDINGS)


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def _block(rng: random.Random, index: int) -> str:
    roll = rng.random()
    if index and index % 9 == 0:
        return f"## {rng.choice(_WORDS)} {rng.choice(_WORDS)}, 이렇게 바뀐다"
    if roll < 0.07:
        return "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 4)))
    if roll < 0.11:
        return f"**{rng.choice(_WORDS)} {rng.choice(_WORDS)} {rng.choice(_WORDS)}**"
    if roll < 0.14:
        name = rng.choice(("shuttle-lead", "shuttle-stop"))
        return f'![{rng.choice(_WORDS)} 사진](images/{name}.jpg "▲ {_sentence(rng)}")'
    if roll < 0.17:
        return "> " + _sentence(rng)
    return _paragraph(rng)


def korean_body(chars: int, seed: int = 7) -> str:
    """Return a Markdown body of about chars characters, about 63% of them Hangul."""
    rng = random.Random(seed)
    blocks = ["[시사캐치] " + _paragraph(rng)]
    size = len(blocks[0])
    while size < chars:
        block = _block(rng, len(blocks))
        blocks.append(block)
        size += len(block) + 2
    text = "\n\n".join(blocks)
    return text[: max(chars, len(blocks[0]))].rsplit("\n\n", 1)[0] if size > chars * 1.05 else text


def hangul_share(text: str) -> float:
    """Return the fraction of characters that are Hangul syllables."""
    return sum("\uac00" <= ch <= "\ud7a3" for ch in text) / max(len(text), 1)

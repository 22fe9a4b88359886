"""Rank fusion and de-duplication of retrieved passages: pure functions."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """Where a passage lies: its document and offsets."""

    doc_id: str
    start: int
    end: int


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None, k: int = 60
) -> list[tuple[str, float]]:
    """Fuse rankings of ids: score(id) = Σ weight / (k + rank), rank from 1; best first."""
    weights = weights if weights is not None else [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    scores: dict[str, float] = {}
    first_seen: dict[str, tuple[int, int]] = {}
    for which, (ranking, weight) in enumerate(zip(rankings, weights, strict=True)):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
            first_seen.setdefault(item, (rank, which))
    return sorted(scores.items(), key=lambda pair: (-pair[1], first_seen[pair[0]]))


def with_stand_in_ranks(
    fused: Sequence[tuple[str, float]],
    dense: Sequence[str],
    lexical: Sequence[str],
    stand_in: Callable[[str], bool],
    weight: float,
    k: int = 60,
) -> list[tuple[str, float]]:
    """A fused dense and lexical ranking in which the dense hits that the lexical search
    cannot match (`stand_in`: text in a language that shares no words with the query's)
    count their dense rank in place of their lexical one, when that gives them more: a
    passage is not ranked down for words it could not have shared. Best first."""
    lexical_rank = {item: rank for rank, item in enumerate(lexical, start=1)}
    scores = dict(fused)
    for rank, item in enumerate(dense, start=1):
        if item in scores and stand_in(item):
            had = weight / (k + lexical_rank[item]) if item in lexical_rank else 0.0
            scores[item] += max(0.0, weight / (k + rank) - had)
    order = {item: place for place, (item, _) in enumerate(fused)}
    return sorted(scores.items(), key=lambda pair: (-pair[1], order[pair[0]]))


def z_score_fusion(
    dense: Mapping[str, float],
    lexical: Mapping[str, float],
    weights: tuple[float, float] = (1.0, 1.0),
    stand_in: Callable[[str], bool] | None = None,
) -> list[str]:
    """Fuse a dense and a lexical search by their scores: each candidate's score in each
    search standardised over all the candidates (a z-score), weighted and summed; best
    first. Ties keep the dense order, then the lexical order.

    Unlike rank fusion, how far a passage leads matters: a passage BM25 scores far above the
    rest is not levelled with one just ahead of the next. A candidate the lexical search did
    not return counts as matching none of the query's words (0), one the dense search did
    not return as near as the last it did. One the lexical search cannot match (`stand_in`:
    text in a language that shares no words with the query's) counts its dense z-score in
    place of a lower lexical one: it is not ranked down for words it could not have shared.
    """
    order: dict[str, int] = {}  # each candidate's first place: in the dense order, then lexical
    for item in [*dense, *lexical]:
        order.setdefault(item, len(order))
    lowest = min(dense.values(), default=0.0)
    dense_z = _z_scores({item: dense.get(item, lowest) for item in order})
    lexical_z = _z_scores({item: lexical.get(item, 0.0) for item in order})
    fused: dict[str, float] = {}
    for item in order:
        by_dense, by_lexical = dense_z[item], lexical_z[item]
        if stand_in is not None and item in dense and stand_in(item):
            by_lexical = max(by_lexical, by_dense)
        fused[item] = weights[0] * by_dense + weights[1] * by_lexical
    return sorted(fused, key=lambda item: (-fused[item], order[item]))


def _z_scores(scores: Mapping[str, float]) -> dict[str, float]:
    """Each score as standard deviations from the mean of all (0 when they are all alike)."""
    if not scores:
        return {}
    mean = statistics.fmean(scores.values())
    spread = statistics.pstdev(scores.values())
    return {item: (score - mean) / spread if spread > 0 else 0.0 for item, score in scores.items()}


def as_rank_scores(ranking: Sequence[str], weight: float, k: int = 60) -> list[tuple[str, float]]:
    """A ranking given the scores rank fusion would give its places (weight / (k + rank)), so
    that it fuses with further rankings as a rank-fused list would."""
    return [(item, weight / (k + rank)) for rank, item in enumerate(ranking, start=1)]


def overlap_share(a: Span, b: Span) -> float:
    """Share of the shorter span that the two spans have in common (0 across documents)."""
    if a.doc_id != b.doc_id:
        return 0.0
    common = min(a.end, b.end) - max(a.start, b.start)
    shortest = min(a.end - a.start, b.end - b.start)
    return max(0, common) / shortest if shortest > 0 else 0.0


def drop_overlapping(ranked: Sequence[tuple[str, Span]], max_share: float) -> list[str]:
    """Ids in rank order, without any that overlap a better one by more than `max_share`."""
    kept: list[tuple[str, Span]] = []
    for item, span in ranked:
        if all(overlap_share(span, other) <= max_share for _, other in kept):
            kept.append((item, span))
    return [item for item, _ in kept]


def quoted_first(ids: Sequence[str], quoted: Sequence[str]) -> list[str]:
    """The ids with those quoted (best quote first) moved to the front, the rest in order;
    a quoted id that is not among them is left out."""
    present = set(ids)
    front = [cid for cid in dict.fromkeys(quoted) if cid in present]
    return [*front, *(cid for cid in ids if cid not in set(front))]

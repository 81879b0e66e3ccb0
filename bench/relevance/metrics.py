"""Ranking metrics over graded labels (0-3): nDCG@k with gains 2^rel - 1, and precision@k."""

from __future__ import annotations

import math
from collections.abc import Sequence

K = 5
RELEVANT = 2  # a grade from which a result counts as relevant for precision


def dcg(grades: Sequence[int], k: int = K) -> float:
    """Discounted cumulative gain of the first k grades, in the order shown."""
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))


def ndcg(shown: Sequence[int], all_grades: Sequence[int], k: int = K) -> float:
    """DCG of the grades shown, divided by the DCG of the best possible order of every group's grade.

    When no group deserves any gain the ideal is 0: then the score is 1.0 if nothing with gain was expected
    and nothing was shown, else 0.0 (see expect_none in README.md; the caller decides for that case).
    """
    ideal = dcg(sorted(all_grades, reverse=True), k)
    if ideal == 0:
        return 1.0 if not shown else 0.0
    return dcg(shown, k) / ideal


def precision(shown: Sequence[int], k: int = K, relevant: int = RELEVANT) -> float:
    """Share of the k places holding a relevant result (grade >= relevant); empty places count as misses."""
    return sum(1 for g in shown[:k] if g >= relevant) / k


def ideal_precision(all_grades: Sequence[int], k: int = K, relevant: int = RELEVANT) -> float:
    """The best precision@k any ranking could reach: below 1 when fewer than k groups are relevant."""
    return min(k, sum(1 for g in all_grades if g >= relevant)) / k

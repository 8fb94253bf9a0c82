"""Scoring newskg against gold data; shared helpers for the scorers."""
from __future__ import annotations


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts, with the counts kept.

    >>> prf(2, 4, 2)["f1"]
    0.6667
    """
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

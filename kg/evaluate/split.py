"""The fixed tune/check halves of the dev evaluation data, and scores reported per half.

Every dev item (a Wikinews article, a GUM or MEANTIME document, a PLOVER
record, a Re-DocRED document, a PETRARCH-2 record) is in exactly one half of
kg/data/eval_split.jsonl (written by scripts/make_split.py). Rules are written
and debugged on `tune`; `check` is read only as aggregate scores, so a
benchmark scores both halves and `all`, and only `tune` carries item-by-item
detail (misses, false positives, confusion). A gap above 0.05 between the
halves means something was fitted to `tune`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from kg.errors import EvalError

HALVES = ("tune", "check", "all")
GAP = 0.05


def half_of(resource: str | None, item: str) -> str:
    """`tune` or `check` for one item; an item the split does not know is E030 (rerun scripts/make_split.py).

    With no resource, the item is written `resource:item` ("gum:GUM_news_nasa").
    """
    from kg.resources import eval_split

    if resource is None:
        resource, _, item = item.partition(":")
    half = eval_split().get(resource, {}).get(item)
    if half is None:
        raise EvalError("E030", f"{resource}:{item}",
                        "not in kg/data/eval_split.jsonl: the evaluation data changed; rerun scripts/make_split.py")
    return half


def items_of(resource: str | None, items: Iterable[str], half: str) -> list[str]:
    """The given items that belong to `half` (every item for `all`), in their order."""
    items = list(items)
    halves = {item: half_of(resource, item) for item in items}  # every item is checked, whatever the half asked
    return items if half == "all" else [i for i in items if halves[i] == half]


def by_half(resource: str | None, units: Mapping[str, Any], summarise: Callable[..., dict], halves: Iterable[str] = HALVES) -> dict:
    """{half: summarise(units of that half, details=...)} for tune, check and all, and the gaps between the halves.

    `units` maps item -> whatever the scorer keeps for it, in order. Only `tune`
    is summarised with item-by-item detail (`details=True`).

    >>> from kg.resources import eval_split
    >>> some = {item: 1 for item in list(eval_split()["plover"])[:6]}
    >>> r = by_half("plover", some, lambda u, details: {"n": len(u), "score": 1.0})
    >>> r["all"]["n"] == r["tune"]["n"] + r["check"]["n"] == 6
    True
    """
    out: dict[str, Any] = {}
    for half in halves:
        chosen = items_of(resource, units, half)
        out[half] = summarise([units[i] for i in chosen], details=half == "tune")
        out[half]["items"] = len(chosen)
    if "tune" in out and "check" in out:
        out["gap"] = gaps(out["tune"], out["check"])
    return out


def _numbers(d: Mapping, prefix: str = "") -> dict[str, float]:
    """Flatten the rates (floats in [0, 1]) of a nested score dict: {'dyad.f1': 0.58, ...}."""
    out = {}
    for k, v in d.items():
        if isinstance(v, Mapping):
            out.update(_numbers(v, f"{prefix}{k}."))
        elif isinstance(v, float) and 0.0 <= v <= 1.0:
            out[f"{prefix}{k}"] = v
    return out


def gaps(tune: Mapping, check: Mapping) -> dict[str, float]:
    """check minus tune for every rate both halves report."""
    a, b = _numbers(tune), _numbers(check)
    return {k: round(b[k] - a[k], 4) for k in a if k in b}


def get(d: Mapping, path: str) -> Any:
    """d['a']['b'] for path 'a.b' (None when absent)."""
    for part in path.split("."):
        if not isinstance(d, Mapping) or part not in d:
            return None
        d = d[part]
    return d


def report_head(result: Mapping, title: str, metrics: Iterable[tuple[str, str]], format_half: Callable[[Any, str], str],
                half: str | None = None) -> list[str]:
    """A report's opening lines: `half` alone, or tune / check / all side by side and then `tune` in full."""
    if half is not None:
        return [format_half(result[half], half)]
    return [f"{title}: tune / check / all (gap = check - tune)", side_by_side(result, metrics), "", format_half(result["tune"], "tune")]


def side_by_side(result: Mapping, metrics: Iterable[tuple[str, str]]) -> str:
    """A table of named rates for tune, check and all, with the gap (check - tune); '!' marks a gap above 0.05."""
    lines = [f"  {'measure':<34} {'tune':>7} {'check':>7} {'all':>7} {'gap':>7}",
             f"  {'items':<34} " + " ".join(f"{result[h]['items']:>7}" for h in HALVES)]
    for label, path in metrics:
        values = [get(result[h], path) for h in HALVES]
        if any(v is None for v in values):
            continue
        gap = values[1] - values[0]
        cells = " ".join(f"{v:>7.3f}" for v in values)
        lines.append(f"  {label:<34} {cells} {gap:>+7.3f}" + (" !" if abs(gap) > GAP else ""))
    return "\n".join(lines)


def public(result: dict, detail_keys: Iterable[str]) -> dict:
    """The result without item-level lists outside `tune` (for --json): check is aggregate scores only."""
    keys = set(detail_keys)
    return {h: ({k: v for k, v in r.items() if k not in keys} if h != "tune" and isinstance(r, dict) else r)
            for h, r in result.items()}

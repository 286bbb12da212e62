"""Stacking labels in a margin: each as near its height as it can be, none on another."""

from __future__ import annotations

from collections.abc import Sequence


def spread(wanted: Sequence[float], sizes: Sequence[float], lo: float, hi: float) -> list[float]:
    """Positions (the top of each label, growing downwards) for labels of ``sizes`` that
    want to start at ``wanted``, kept inside [lo, hi] and apart, in the order given by
    their wanted positions (the order of the heights they label never changes).

    Pushes down from the top, then back up from the bottom: each label moves only as far
    as the ones before it force it to. When they cannot all fit, they overflow past ``hi``
    rather than overlap.
    """
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    out = list(wanted)
    floor = lo
    for i in order:
        out[i] = max(wanted[i], floor)
        floor = out[i] + sizes[i]
    ceiling = hi
    for i in reversed(order):
        if out[i] + sizes[i] <= ceiling:
            break
        out[i] = max(lo, ceiling - sizes[i])
        ceiling = out[i]
    # Pushed up against lo, the first ones may overlap again: push down once more.
    floor = lo
    for i in order:
        out[i] = max(out[i], floor)
        floor = out[i] + sizes[i]
    return out

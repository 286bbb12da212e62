"""Watching the app's reactives from a screen or widget, and letting go of them.

``node.watch(app, name, callback)`` keeps ``(node, callback)`` on the app until that
reactive next changes; a screen or widget removed before then (a review rebuilt after a
change, a step screen let go of while the advice shows) stayed alive with all its
widgets and render caches until the person happened to switch units or theme. So a node
that watches the app also forgets its watchers when it is unmounted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode

# where Textual keeps an object's watchers (textual.reactive._watch)
_WATCHERS = "__watchers"


def watch_app(node: DOMNode, name: str, callback: Callable[..., Any]) -> None:
    """Call ``callback`` when the app's reactive ``name`` changes (not at once)."""
    node.watch(node.app, name, callback, init=False)


def forget_app_watchers(node: DOMNode) -> None:
    """Drop every watcher ``node`` set on the app; call it from ``on_unmount``."""
    watchers: dict[str, list[tuple[object, object]]] = getattr(node.app, _WATCHERS, {})
    for pairs in watchers.values():
        pairs[:] = [pair for pair in pairs if pair[0] is not node]

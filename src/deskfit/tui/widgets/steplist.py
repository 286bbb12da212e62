"""The list of steps beside every step: where you are, and a way back to any step visited."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def _options(titles: list[str], current: int, visited: int, flagged: set[int]) -> list[Option]:
    options = []
    for i, title in enumerate(titles):
        if i == current:
            mark = "▸"
        elif i in flagged:
            mark = "!"
        elif i <= visited:
            mark = "✓"
        else:
            mark = " "
        options.append(Option(f"{mark} {i + 1} {title}", id=f"step-{i}", disabled=i > visited))
    return options


class StepList(OptionList):
    """One line per step: ▸ here, ✓ visited, ! needs a look; steps not reached are greyed."""

    class Jump(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, titles: list[str], current: int, visited: int, flagged: set[int]) -> None:
        super().__init__(*_options(titles, current, visited, flagged), id="steps")
        self._titles = titles
        self._current = current
        self._shown: tuple[int, int, frozenset[int]] | None = None

    def on_mount(self) -> None:
        self.highlighted = self._current

    def update_steps(self, current: int, visited: int, flagged: set[int]) -> None:
        shown = (current, visited, frozenset(flagged))
        if shown == self._shown:
            return  # a step change re-lists the steps only when a mark changed
        self._shown = shown
        self._current = current
        self.clear_options()
        self.add_options(_options(self._titles, current, visited, flagged))
        self.highlighted = current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index != self._current:
            self.post_message(self.Jump(event.option_index))

"""Record which definitions compiled expressions name, and on whose behalf."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

Ref = tuple[str, str]  # (kind, id), e.g. ("flag", "pact") or ("condition", "weak")


class Uses:
    """The names each definition uses; `None` owns what the scenario's own keys use."""

    def __init__(self) -> None:
        self.by: dict[Ref | None, set[Ref]] = {}
        self._owners: list[Ref] = []
        self._captures: list[set[Ref]] = []

    def note(self, kind: str, name: str) -> None:
        """Record that the expression being compiled names a definition."""
        ref = (kind, name)
        self.by.setdefault(self._owners[-1] if self._owners else None, set()).add(ref)
        for captured in self._captures:
            captured.add(ref)

    def replay(self, refs: set[Ref]) -> None:
        """Record again what an already compiled expression named (as `note` does, each)."""
        if refs:
            self.by.setdefault(self._owners[-1] if self._owners else None, set()).update(refs)
            for captured in self._captures:
                captured.update(refs)

    @contextmanager
    def owner(self, ref: Ref) -> Iterator[None]:
        """Attribute what is named inside to a named condition or effect group."""
        self._owners.append(ref)
        try:
            yield
        finally:
            self._owners.pop()

    def start_capture(self) -> set[Ref]:
        """Begin collecting every name noted from now on, for compiled objects that are shared."""
        found: set[Ref] = set()
        self._captures.append(found)
        return found

    def stop_capture(self) -> None:
        """End the latest `start_capture`."""
        self._captures.pop()

    def reached(self) -> set[Ref]:
        """Return what the scenario's keys use, directly or through named definitions."""
        seen: set[Ref] = set()
        todo = list(self.by.get(None, ()))
        while todo:
            ref = todo.pop()
            if ref not in seen:
                seen.add(ref)
                todo.extend(self.by.get(ref, ()))
        return seen

"""One small load-once helper: a value made on first use, exactly once even when threads race, then kept.

>>> made = []
>>> answer = Once(lambda: made.append(1) or 42)
>>> answer.loaded, answer(), answer(), made, answer.loaded
(False, 42, 42, [1], True)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ("Once",)

_T = TypeVar("_T")


class Once(Generic[_T]):
    """Call ``make`` on the first call, under a lock; return its value ever after, without the lock.

    A failure is not kept: the next call tries again (a broken data file is
    reported each time it is used, not cached as a broken value).
    """

    __slots__ = ("_lock", "_make", "_value")

    def __init__(self, make: Callable[[], _T]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._value: _T | None = None

    def __call__(self) -> _T:
        value = self._value
        if value is not None:
            return value
        with self._lock:
            if self._value is None:
                self._value = self._make()
            return self._value

    @property
    def loaded(self) -> bool:
        """Whether the value has been made (for guards that check what a call loads)."""
        return self._value is not None

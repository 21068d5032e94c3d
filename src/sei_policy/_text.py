"""Text folding shared by lookup and search.

>>> fold("  Ｅｍｐｌｏｙｍｅｎｔ\\u3000“six  priorities” ")
'employment "six priorities"'
>>> compact(fold("发改高技[2020]1409号"))
'发改高技20201409号'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = ("NOT_WORD", "closest", "compact", "fold")

_FOLDS = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
        "「": '"', "」": '"', "『": '"', "』": '"',
        "‘": "'", "’": "'", "‚": "'", "`": "'",
        "〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")",
        "–": "-", "—": "-", "‐": "-", "‑": "-",
    }
)  # fmt: skip
_FOLDED = re.compile("[" + re.escape("".join(map(chr, _FOLDS))) + "]")
NOT_WORD = re.compile(r"[\W_]+")
"""Runs of characters that are neither letters nor digits."""


def fold(text: str) -> str:
    """Unicode-normalise (NFKC), casefold, unify quotes and brackets, collapse white space."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _FOLDED.search(folded):  # translate() is slow, and most text has nothing to unify
        folded = folded.translate(_FOLDS)
    return " ".join(folded.split())


def compact(folded: str) -> str:
    """Drop everything but letters and digits from folded text (for a last-resort match)."""
    return NOT_WORD.sub("", folded)


def closest(text: str, names: Mapping[str, Iterable[str]], limit: int = 5) -> tuple[str, ...]:
    """The identifiers whose names come closest to ``text``, best first.

    ``names`` maps each folded name to the identifiers it names.

    >>> closest("new-material", {"new-materials": ["action:new-materials"], "biotech": ["action:biotech"]})
    ('action:new-materials',)
    """
    import difflib

    found: dict[str, None] = {}
    for name in difflib.get_close_matches(fold(text)[:200], names, n=2 * limit, cutoff=0.6):
        found.update(dict.fromkeys(names[name]))
    return tuple(found)[:limit]

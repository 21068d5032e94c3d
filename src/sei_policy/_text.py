"""Text folding shared by lookup and search.

>>> fold("  Ｅｍｐｌｏｙｍｅｎｔ\\u3000“six  priorities” ")
'employment "six priorities"'
>>> compact(fold("发改高技[2020]1409号"))
'发改高技20201409号'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ("compact", "fold")

_FOLDS = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
        "「": '"', "」": '"', "『": '"', "』": '"',
        "‘": "'", "’": "'", "‚": "'", "`": "'",
        "〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")",
        "–": "-", "—": "-", "‐": "-", "‑": "-",
    }
)  # fmt: skip
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Unicode-normalise (NFKC), casefold, unify quotes and brackets, collapse white space."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLDS)
    return " ".join(folded.split())


def compact(folded: str) -> str:
    """Drop everything but letters and digits from folded text (for a last-resort match)."""
    return _NOT_WORD.sub("", folded)

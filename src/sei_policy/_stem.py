"""A light English stemmer for search: inflections only.

Search compares the stem of each query word with the stem of each indexed word, so what matters is
that the inflected forms of one word share a stem and that unrelated words do not. The stem itself
is not meant to be read: ``manufacture``, ``manufactures``, ``manufactured`` and ``manufacturing``
all give ``manufactur``.

The rules are Porter's inflectional steps (1a, 1b, 1c and 5), adjusted where Porter conflates
or splits too much:

- plural ``-s``: ``-sses`` → ``-ss`` (processes), ``-ies`` → ``-i`` (policies, and ``fly`` from
  flies, ``tie`` from ties); a plain ``-s`` goes, except after ``s``, ``u`` or ``i`` (glass, virus,
  analysis); ``-es`` after ``s``, ``x``, ``z``, ``ch``, ``sh`` comes off in two steps, the ``-s``
  here and the ``e`` by the rule below (boxes → box, matches → match, but sizes → size).
- ``-ed`` and ``-ing`` (not ``-eed``: need, speed, proceed) when what is left has a vowel; a doubled
  b, d, g, m, n, p, r or t is undoubled (planned → plan), and an ``e`` is put back after a single
  short syllable (storing → store, hoped → hope) and after a two-letter stem (used → use).
- a final ``y`` after a consonant becomes ``i``, so that it meets the ``-ies`` and ``-ied`` forms.
- a final ``e`` goes, as Porter's step 5 (vaccine → vaccin), but not after a single short syllable,
  so plane is not plan, note is not not and code is not cod; nor after another ``e`` (free,
  employee is not employ), nor where the rest would look inflected (license, purpose, precede).
- ``-ll`` → ``-l`` in words of five letters or more (travelled → travel, install → instal).

Derivational suffixes (``-tion``, ``-ment``, ``-ity``, ``-er``) are left alone, so distinct concepts
stay distinct: ``invest`` and ``investment``, ``manufacture`` and ``manufacturer``.

Words of three letters or fewer are returned unchanged, and so is anything that is not made of the
lower-case ASCII letters a-z (digits, hyphens, capitals, other scripts), after a possessive ``'s``
or ``'`` is dropped. The rules are applied again until nothing changes, so ``stem`` is idempotent:
``stem(stem(w)) == stem(w)`` for every string.

>>> [stem(w) for w in ("vaccines", "antibodies", "processes", "planning", "stored", "china's")]
['vaccin', 'antibodi', 'process', 'plan', 'store', 'china']
>>> [stem(w) for w in ("data", "series", "news", "analyses", "bus", "virus", "glass")]
['data', 'series', 'news', 'analysis', 'bus', 'virus', 'glass']
"""

from __future__ import annotations

import functools

__all__ = ("stem",)

_INVARIANT = frozenset(
    {
        # Singular words that look like plurals; their -es forms (biases, gases) give the singular.
        "alias", "atlas", "bias", "bus", "canvas", "chaos", "cosmos", "ethos", "gas", "lens",
        "news", "series", "species",
    }
)  # fmt: skip
"""Words ending in ``s`` that are not plurals (``bus`` and ``gas`` are here for ``buses``, ``gases``)."""

_IRREGULAR: dict[str, str] = {
    # Greek and Latin plurals, whose singular the rules cannot reach (analyses would meet analyse).
    "analyses": "analysis", "crises": "crisis", "diagnoses": "diagnosis", "hypotheses": "hypothesis",
    "syntheses": "synthesis", "indices": "index", "matrices": "matrix",
    # -ee verbs: -eed is otherwise kept whole (need, seed, speed, proceed, exceed).
    "agreed": "agree", "disagreed": "disagree", "freed": "free", "guaranteed": "guarantee",
}  # fmt: skip
"""Whole-word replacements, applied before the rules; no value is longer than its key."""

_CV = str.maketrans("abcdefghijklmnopqrstuvwxz", "vcccvcccvcccccvcccccvcccc")  # y is settled letter by letter
_TOUCHED = frozenset("sdgeyl'")
"""The last letters that some rule or exception looks at: -s, -ed, -ing, -e, -y, -ll and the possessive."""
_UNDOUBLE = frozenset("bdgmnprt")  # the consonants English doubles before -ed and -ing (not l, s, z, f)


@functools.lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """The stem of a lower-case word: the same for its inflected forms.

    Args:
        word: One word, lower-cased and casefolded by the caller.

    Returns:
        The stem, never longer than ``word`` and never empty unless ``word`` is. Words of three
        letters or fewer, and words with anything but the letters a-z (after a possessive is
        dropped), come back unchanged.

    >>> [stem(w) for w in ("cluster", "clusters", "clustered", "clustering")]
    ['cluster', 'cluster', 'cluster', 'cluster']
    >>> [stem(w) for w in ("supply", "supplies", "supplied", "supplying")]
    ['suppli', 'suppli', 'suppli', 'suppli']
    >>> [stem(w) for w in ("plan", "plane", "note", "use", "uses", "using")]
    ['plan', 'plane', 'note', 'use', 'use', 'use']
    >>> [stem(w) for w in ("5g", "co2", "électrique", "Vaccines", "e-commerce")]
    ['5g', 'co2', 'électrique', 'Vaccines', 'e-commerce']
    """
    if word[-1:] not in _TOUCHED:
        return word  # no rule (nor exception) applies to a word with another last letter
    while True:  # each pass shortens the word or ends it in "i"; see _once
        shorter = _once(word)
        if shorter == word:
            return word
        word = shorter


def _once(word: str) -> str:
    """One pass of the rules.

    Every change makes the word shorter, except ``-y`` → ``-i`` (after which no rule applies) and
    the same-length entries of ``_IRREGULAR`` (whose values no rule changes), so repeating it ends.
    """
    if len(word) <= 3 or not word.isascii():
        return word
    if word.endswith("'s"):
        base = word[:-2]
    elif word.endswith("'"):
        base = word[:-1]
    else:
        base = word
    if not (base.isalpha() and base.islower()):  # on ASCII: nothing but a-z
        return word
    if len(base) <= 3 or base in _INVARIANT:
        return base
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    return _tidy(_participle(_plural(base)))


def _plural(word: str) -> str:
    """Porter's step 1a, without stripping ``-us`` and ``-is``."""
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies"):
        stem = word[:-3]
        if len(stem) >= 3:
            return stem + "i"  # policies → polici, which is where policy goes too
        return stem + "y" if len(stem) == 2 else word[:-1]  # flies → fly, ties → tie
    if word.endswith("es") and word[:-2] in _INVARIANT:
        return word[:-2]  # biases → bias, buses → bus
    if word[-1] == "s" and word[-2] not in "isu":
        return word[:-1]
    return word


def _participle(word: str) -> str:
    """Porter's step 1b: ``-ed`` and ``-ing``, undoubling a final consonant or putting back an ``e``."""
    if word.endswith("ed"):
        if word.endswith("eed") or len(word) <= 3:
            return word
        if word.endswith("ied"):
            stem = word[:-3]
            if len(stem) >= 3:
                return stem + "i"  # supplied → suppli
            return stem + "y" if len(stem) == 2 else word[:-1]  # tried → try, tied → tie
        stem = word[:-2]
    elif word.endswith("ing"):
        stem = word[:-3]
    else:
        return word
    shape = _shape(stem)
    if len(stem) < 2 or "v" not in shape:
        return word  # sing, thing, string, shed
    if len(stem) == 2:
        if shape[1] == "c":
            return stem + "e"  # used → use, aged → age, eyed → eye
        if stem[1] == "y":
            return stem + "e" if word.endswith("ed") else stem[0] + "ie"  # dyed → dye, dying → die
        return word  # being, doing, going
    if stem[-1] == stem[-2] and stem[-1] in _UNDOUBLE and len(stem) > 3:
        return stem[:-1]  # planned → plan; but added → add
    if _short(stem, shape) or _strippable(stem):
        return stem + "e"  # stored → store; licensed → license, hinged → hinge
    return stem


def _tidy(word: str) -> str:
    """Porter's steps 1c and 5: ``-y`` → ``-i``, drop a final ``e``, ``-ll`` → ``-l``."""
    if len(word) >= 4 and word[-1] == "y" and word[-2] not in "aeiouy":
        return word[:-1] + "i"
    if len(word) >= 4 and word[-1] == "e":
        stem = word[:-1]
        shape = _shape(stem)
        if not (_short(stem, shape) or _strippable(stem) or stem[-1] in "ey" or "vc" not in shape):
            word = stem  # vaccine → vaccin; but plane, base, license, free and employee keep theirs
    if len(word) >= 5 and word.endswith("ll"):
        word = word[:-1]  # travell(ed) → travel, install → instal, but call, fill
    return word


def _shape(word: str) -> str:
    """Porter's consonant-vowel pattern, one ``c`` or ``v`` a letter (``y`` after a consonant is a vowel).

    >>> _shape("toy"), _shape("syzygy")
    ('cvc', 'cvcvcv')
    """
    if "y" not in word:
        return word.translate(_CV)
    shape = []
    consonant = False
    for i, letter in enumerate(word):
        consonant = letter not in "aeiou" and (letter != "y" or i == 0 or not consonant)
        shape.append("c" if consonant else "v")
    return "".join(shape)


def _short(stem: str, shape: str) -> bool:
    """A single short syllable: consonant-vowel-consonant ending, the last not w, x or y (hop, stor, plan)."""
    return shape.count("vc") == 1 and shape.endswith("cvc") and stem[-1] not in "wxy"


def _strippable(stem: str) -> bool:
    """Whether a stem would itself lose a suffix (a bare -s, -ed or -ing), so that its ``e`` must stay."""
    if len(stem) <= 3:
        return False
    if stem[-1] == "s":
        return stem[-2] not in "isu" and stem not in _INVARIANT
    for suffix in ("ing", "ed"):
        if stem.endswith(suffix) and not stem.endswith("eed"):
            rest = stem[: -len(suffix)]
            return len(rest) >= 2 and "v" in _shape(rest)
    return False

"""What each column of the flat tables holds, as a short label: one vocabulary for the Stata and Excel exports.

The columns are those of :func:`sei_policy.to_records` and :func:`sei_policy.relations`;
a label is at most 80 characters, as Stata asks of its variable labels.

>>> column_label("title_zh"), column_label("agency_ids")
('Title (Chinese)', 'Agencies (identifiers), separated by ;')
"""

from __future__ import annotations

from sei_policy.models import Status

__all__ = ("MAX_LABEL", "column_label")

MAX_LABEL = 80
"""The longest variable or dataset label Stata accepts, in characters."""

# What a column holds, as a noun phrase; the label is this phrase with a capital letter.
_NOUNS = {
    "id": "identifier",
    "kind": "kind of record",
    "notation": "notation (short code)",
    "number": "number (position within its kind)",
    "title_en": "title (English)",
    "title_zh": "title (Chinese)",
    "summary": "summary (the project's own words)",
    "aliases_en": "aliases (English)",
    "aliases_zh": "aliases (Chinese)",
    "keywords_en": "keywords (English)",
    "keywords_zh": "keywords (Chinese)",
    "keywords": "keywords",
    "part": "part of the original (a Chinese numeral)",
    "value": "target value",
    "year": "target year",
    "nbs_2018_match": "match with the NBS 2018 field (exact or partial)",
    "nbs_2018": "NBS 2018 field",
    "addressees": "addressees",
    "document_number": "document number",
    "document_number_en": "document number (English)",
    "issued": "date issued",
    "published": "date published",
    "written": "date written",
    "from": "record the link starts from (identifier)",
    "relation": "relation (the field that holds the link)",
    "to": "record the link points to (identifier)",
    "position": "position within the field's list (from 1)",
}
_LISTS = frozenset({"aliases_en", "aliases_zh", "keywords_en", "keywords_zh"})
_STATUS_LABEL = "Status of the record (" + ", ".join(str(s) for s in Status if s is not Status.UNVERIFIED) + ")"


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _noun(column: str) -> str:
    """A column as a noun phrase, without a capital: ``agency_ids`` is "agencies (identifiers)"."""
    if column in _NOUNS:
        return _NOUNS[column]
    if column.endswith("_ids"):
        return f"{_plural(_noun(column.removesuffix('_ids')))} (identifiers)"
    if column.endswith("_id"):
        return f"{_noun(column.removesuffix('_id'))} (identifier)"
    return column.replace("_", " ")


def column_label(column: str) -> str:
    """What a column of :func:`~sei_policy.to_records` or :func:`~sei_policy.relations` holds, in one short line.

    The label is at most 80 characters, as Stata asks. A list column says that its
    items are separated by ``;``; a status column names the field it qualifies.

    Args:
        column: a column name (``title_zh``, ``requirement_id``, ``keywords_status``).

    >>> column_label("number"), column_label("aliases_en")
    ('Number (position within its kind)', 'Aliases (English), separated by ;')
    """
    if column == "status":
        label = _STATUS_LABEL
    elif column.endswith("_status"):
        label = f"Status of {_noun(column.removesuffix('_status'))}"
    else:
        noun = _noun(column)
        label = noun[:1].upper() + noun[1:]
        if column in _LISTS or column.endswith("_ids"):
            label += ", separated by ;"
    return label[:MAX_LABEL]

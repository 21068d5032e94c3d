"""sei_policy: China's 2020 plan for investment in Strategic Emerging Industries, as typed records.

>>> import sei_policy as sp
>>> plan = sp.plan()
>>> plan.document_number
'发改高技〔2020〕1409号'
>>> [a.notation for a in plan.actions][:3]
['A1', 'A2', 'A3']
>>> sp.get("priority:employment").title.zh
'稳就业'

Importing the package loads nothing: the record classes, cattrs and the data
are loaded on first use of a name below (each listed, with its module, in ``_LAZY``).
"""

from __future__ import annotations

import importlib  # loaded by the interpreter at start-up: free to import
import warnings  # likewise

from sei_policy._about import DATA_EDITION, __version__
from sei_policy.errors import (
    AmbiguousLookupError,
    DeprecatedIdentifierWarning,
    PlanDataError,
    SeiPolicyError,
    UnknownIdentifierError,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sei_policy._cite import cite
    from sei_policy._formats import (
        FORMATS,
        asdict,
        export,
        relations,
        to_frame,
        to_records,
    )
    from sei_policy._loader import classification, plan
    from sei_policy._lookup import get, lookup, records
    from sei_policy._render import overview
    from sei_policy._search import Hit, Hits, did_you_mean, search
    from sei_policy.errors import ExportError, MissingExtraError
    from sei_policy.models import (
        Action,
        Agency,
        Claim,
        Classification,
        Direction,
        Figure,
        Frontier,
        Guarantee,
        Industry,
        Kind,
        Match,
        NbsCategory,
        Objective,
        Pillar,
        Plan,
        PlanOrRecord,
        Priority,
        Provenance,
        Record,
        Requirement,
        Retirement,
        Seed,
        Source,
        Status,
        Target,
        Terms,
        Text,
    )
    from sei_policy.views import crosswalk, documents, gdp_share, lineage

# The public face, as docs/reference.md documents it (tests/test_api.py checks the two agree).
__all__ = [
    "DATA_EDITION",
    "FORMATS",
    "Action",
    "Agency",
    "AmbiguousLookupError",
    "Claim",
    "Classification",
    "DeprecatedIdentifierWarning",
    "Direction",
    "ExportError",
    "Figure",
    "Frontier",
    "Guarantee",
    "Hit",
    "Hits",
    "Industry",
    "Kind",
    "Match",
    "MissingExtraError",
    "NbsCategory",
    "Objective",
    "Pillar",
    "Plan",
    "PlanDataError",
    "PlanOrRecord",
    "Priority",
    "Provenance",
    "Record",
    "Requirement",
    "Retirement",
    "Seed",
    "SeiPolicyError",
    "Source",
    "Status",
    "Target",
    "Terms",
    "Text",
    "UnknownIdentifierError",
    "__version__",
    "asdict",
    "cite",
    "classification",
    "crosswalk",
    "did_you_mean",
    "documents",
    "export",
    "gdp_share",
    "get",
    "lineage",
    "lookup",
    "overview",
    "plan",
    "records",
    "relations",
    "search",
    "to_frame",
    "to_records",
]

# Each lazily imported public name and the module that defines it.
_MODELS = "sei_policy.models"
_LAZY = {
    "plan": "sei_policy._loader",
    "classification": "sei_policy._loader",
    "get": "sei_policy._lookup",
    "lookup": "sei_policy._lookup",
    "records": "sei_policy._lookup",
    "search": "sei_policy._search",
    "documents": "sei_policy.views",
    "lineage": "sei_policy.views",
    "crosswalk": "sei_policy.views",
    "gdp_share": "sei_policy.views",
    "Pillar": _MODELS,
    "Frontier": _MODELS,
    "Direction": _MODELS,
    "did_you_mean": "sei_policy._search",
    "Hit": "sei_policy._search",
    "Hits": "sei_policy._search",
    "cite": "sei_policy._cite",
    "overview": "sei_policy._render",
    "FORMATS": "sei_policy._formats",
    "ExportError": "sei_policy.errors",
    "MissingExtraError": "sei_policy.errors",
    "asdict": "sei_policy._formats",
    "export": "sei_policy._formats",
    "relations": "sei_policy._formats",
    "to_frame": "sei_policy._formats",
    "to_records": "sei_policy._formats",
    "Action": _MODELS,
    "Agency": _MODELS,
    "Claim": _MODELS,
    "Classification": _MODELS,
    "Figure": _MODELS,
    "Guarantee": _MODELS,
    "Industry": _MODELS,
    "Kind": _MODELS,
    "Match": _MODELS,
    "NbsCategory": _MODELS,
    "Objective": _MODELS,
    "Plan": _MODELS,
    "PlanOrRecord": _MODELS,
    "Priority": _MODELS,
    "Provenance": _MODELS,
    "Record": _MODELS,
    "Requirement": _MODELS,
    "Retirement": _MODELS,
    "Seed": _MODELS,
    "Source": _MODELS,
    "Status": _MODELS,
    "Target": _MODELS,
    "Terms": _MODELS,
    "Text": _MODELS,
}

# Names documented in 0.1 that left the public face in 0.2: each still works, with a
# DeprecationWarning, until 0.4 (kept through 0.3, the lineage release). Each maps to its module,
# its name there and what to use instead.
_ERRORS = "sei_policy.errors"
_DEPRECATED = {
    "KINDS": (_MODELS, "KINDS", "the record classes and sp.Kind (the registry is internal)"),
    "KindSpec": (_MODELS, "KindSpec", "the record classes and sp.Kind (the registry is internal)"),
    "AnyRecord": (_MODELS, "PlanOrRecord", "sp.PlanOrRecord"),
    "relations_frame": ("sei_policy._formats", "relations_frame", "pandas.DataFrame(sp.relations())"),
    "ArgumentTypeError": (_ERRORS, "InvalidArgumentTypeError", "sei_policy.errors.InvalidArgumentTypeError"),
    "InvalidArgumentError": (_ERRORS, "InvalidArgumentError", "sei_policy.errors.InvalidArgumentError"),
    "UnknownKindError": (_ERRORS, "UnknownKindError", "sei_policy.errors.UnknownKindError"),
}


def __getattr__(name: str) -> object:
    """Import a public name on first use and keep it, so later access is direct."""
    if name in _DEPRECATED:
        module, attribute, instead = _DEPRECATED[name]
        warnings.warn(f"sei_policy.{name} is deprecated and leaves in 0.4; use {instead}", DeprecationWarning, 2)
        return getattr(importlib.import_module(module), attribute)
    if name not in _LAZY:
        raise AttributeError(f"module 'sei_policy' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

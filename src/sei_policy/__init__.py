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
are loaded on first use of a name below.
"""

from __future__ import annotations

from sei_policy.errors import (
    AmbiguousLookupError,
    ArgumentTypeError,
    DeprecatedIdentifierWarning,
    InvalidArgumentError,
    PlanDataError,
    SeiPolicyError,
    UnknownIdentifierError,
    UnknownKindError,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sei_policy.index import classification, get, lookup, plan, search
    from sei_policy.models import (
        Action,
        Agency,
        AnyRecord,
        Claim,
        Classification,
        Figure,
        Guarantee,
        Industry,
        Kind,
        Match,
        NbsCategory,
        Objective,
        Plan,
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
    from sei_policy.ranking import Hit

__version__ = "0.1.0"
DATA_EDITION = "2026.1"
"""The edition of the shipped data, versioned apart from the code (equals ``plan().edition``)."""

__all__ = (
    "DATA_EDITION",
    "Action",
    "Agency",
    "AmbiguousLookupError",
    "AnyRecord",
    "ArgumentTypeError",
    "Claim",
    "Classification",
    "DeprecatedIdentifierWarning",
    "Figure",
    "Guarantee",
    "Hit",
    "Industry",
    "InvalidArgumentError",
    "Kind",
    "Match",
    "NbsCategory",
    "Objective",
    "Plan",
    "PlanDataError",
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
    "UnknownKindError",
    "__version__",
    "classification",
    "get",
    "lookup",
    "plan",
    "search",
)

_LAZY = {
    "classification": "sei_policy.index",
    "get": "sei_policy.index",
    "lookup": "sei_policy.index",
    "plan": "sei_policy.index",
    "search": "sei_policy.index",
    "Hit": "sei_policy.ranking",
}


def __getattr__(name: str) -> object:
    """Import a public name on first use and keep it, so later access is direct."""
    if name in _LAZY:
        module = _LAZY[name]
    elif name in __all__:
        module = "sei_policy.models"
    else:
        raise AttributeError(f"module 'sei_policy' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

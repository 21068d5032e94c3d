"""The library's version, data edition, licences and credit: one home, importing nothing of the package.

>>> from sei_policy import _about
>>> _about.DATA_LICENCE_ID, _about.AUTHOR
('CC-BY-4.0', 'The sei_policy developers')
"""

__all__ = (
    "AUTHOR",
    "CODE_LICENCE",
    "DATA_EDITION",
    "DATA_LICENCE",
    "DATA_LICENCE_ID",
    "DATA_LICENCE_TITLE",
    "DATA_LICENCE_URL",
    "__version__",
)

__version__ = "0.3.0"
"""The version of the code (``sei_policy.__version__``)."""

DATA_EDITION = "2026.4"
"""The edition of the shipped data, versioned apart from the code (equals ``plan().edition``)."""

AUTHOR = "The sei_policy developers"
"""Who the data set is credited to; the sources of each record are credited in the citation itself."""

CODE_LICENCE = "MIT"
"""The licence of the code."""

DATA_LICENCE = "CC BY 4.0"
"""The licence of the data files, as people write it."""

DATA_LICENCE_ID = "CC-BY-4.0"
"""The same licence's SPDX identifier, as data packages and metadata write it."""

DATA_LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
"""The licence's full name."""

DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
"""Where the licence's text is."""

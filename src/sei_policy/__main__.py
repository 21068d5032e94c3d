"""``python -m sei_policy``: the same as the ``sei-policy`` command."""

import sys

from sei_policy.cli import main

sys.exit(main())

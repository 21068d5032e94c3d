"""``python -m sei_policy``: the same as the ``sei-policy`` command."""

from sei_policy.cli import main

raise SystemExit(main())

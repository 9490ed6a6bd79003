"""Generative ledger tests: hypothesis profiles ("ci" by default, "fuzz" for thousands) and their budget.

HYPOTHESIS_PROFILE=ci (make test) keeps the whole property file well under two minutes on two cores;
HYPOTHESIS_PROFILE=fuzz (make fuzz) runs thousands of ledgers. FUZZ_EXAMPLES scales the fuzz run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much, HealthCheck.large_base_example]
settings.register_profile(
    "ci", max_examples=20, deadline=None, derandomize=False, print_blob=True, suppress_health_check=SLOW
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")),
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=SLOW,
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def examples(share: float) -> int:
    """This property's share of the profile's examples: the shares (0.8 load, 0.5 refuse, 1.2 readers, 0.3 uploads
    machine of 5 steps) sum to 2.8, so the ci profile's 50 makes 140 examples across the file."""
    return max(1, int(settings.default.max_examples * share))

"""Generative ledger tests: hypothesis profiles ("ci" by default, "fuzz" for thousands) and their budget.

HYPOTHESIS_PROFILE=ci (make test) keeps the whole property file to about 150 ledgers, under two minutes of CPU;
HYPOTHESIS_PROFILE=fuzz (make fuzz) runs thousands of ledgers. FUZZ_EXAMPLES scales the fuzz run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much, HealthCheck.large_base_example]
settings.register_profile(
    "ci", max_examples=50, deadline=None, derandomize=False, print_blob=True, suppress_health_check=SLOW
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")),
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=SLOW,
)
# While hunting: the first failing example as drawn, unshrunk (shrinking a ledger can take minutes).
settings.register_profile(
    "hunt", parent=settings.get_profile("fuzz"), phases=(Phase.explicit, Phase.reuse, Phase.generate)
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def examples(share: float) -> int:
    """This property's share of the profile's examples. The shares (0.3 load, 0.2 refuse, 1.7 readers, 0.2 uploads
    machines of up to 5 uploads) follow each example's cost measured on the 2-core machine (CPU seconds: load 1.9,
    refuse 1.6, readers 0.4, one upload 0.5): the ci profile's 50 make about 150 generated ledgers in about 100 s
    of CPU, and FUZZ_EXAMPLES=1800 about 5,000."""
    return max(1, int(settings.default.max_examples * share))

"""Generative ledger tests: hypothesis profiles ("ci" by default, "fuzz" for thousands) and their budget.

HYPOTHESIS_PROFILE=ci (make test) keeps the whole property file well under two minutes on two cores;
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
    """This property's share of the profile's examples: the shares (0.45 load, 0.3 refuse, 1.6 readers, 0.25 uploads
    machines of up to 5 uploads) make the ci profile's 50 about 150 generated ledgers across the file, most of the
    time going to the ledgers imported and checked against the oracle."""
    return max(1, int(settings.default.max_examples * share))

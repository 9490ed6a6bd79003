"""Which render styles and ledger shapes the generated examples covered, counted for `make fuzz`'s summary.

With FUZZ_REPORT set, the counts are rewritten to that JSON file every few examples, so a run stopped early still
says how far it got."""

from __future__ import annotations

import json
import os
import time
from collections import Counter

SHAPES: Counter[str] = Counter()
EXAMPLES: Counter[str] = Counter()
STARTED = time.monotonic()
REPORT = os.environ.get("FUZZ_REPORT")


def record(shapes: set[str], prop: str) -> None:
    """Count one generated example of a property and the shapes its files showed."""
    EXAMPLES[prop] += 1
    SHAPES.update(shapes)
    if REPORT and sum(EXAMPLES.values()) % 10 == 0:
        save()


def save() -> None:
    if REPORT:
        state = {"examples": dict(EXAMPLES), "shapes": dict(SHAPES), "seconds": round(time.monotonic() - STARTED)}
        with open(REPORT, "w", encoding="utf-8") as out:
            json.dump(state, out, ensure_ascii=False, indent=1)


def summary() -> list[str]:
    """Lines for the end of a run: examples per property, distinct shapes, the rarest ones, time taken."""
    per = ", ".join(f"{name} {count}" for name, count in sorted(EXAMPLES.items()))
    families = Counter(shape.split(":", 1)[0] for shape in SHAPES)
    return [
        f"generated examples: {sum(EXAMPLES.values())} ({per})",
        f"distinct shapes covered: {len(SHAPES)} in {len(families)} families",
        "per family: " + ", ".join(f"{family} {count}" for family, count in sorted(families.items())),
        "rarest: " + ", ".join(f"{shape!r} ×{count}" for shape, count in SHAPES.most_common()[:-9:-1]),
        f"time: {time.monotonic() - STARTED:.0f} s",
    ]

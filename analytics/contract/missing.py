"""The one test of a missing value: None, pandas' NA and NaT, or a float NaN (what a NULL becomes in a frame)."""

from __future__ import annotations

import math

import pandas as pd


def is_missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))

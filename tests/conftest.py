"""Shared test configuration: hypothesis profiles and the path to ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
#: ``shared/`` sits beside the project root (``../shared`` from the checkout).
SHARED = ROOT.parent / "shared"
SCORES_CSV = SHARED / "data" / "papi_provincial_scores_2011_2024.csv"


@pytest.fixture(scope="session")
def scores_csv() -> Path:
    """The third-party PAPI provincial score table; tests using it skip where it is absent."""
    if not SCORES_CSV.is_file():
        pytest.skip(f"{SCORES_CSV} is absent (it lives in ../shared/data beside the checkout)")
    return SCORES_CSV

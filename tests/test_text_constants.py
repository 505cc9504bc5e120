"""Public module constants carry attribute docstrings (read by griffe for the reference docs)."""

from __future__ import annotations

import importlib
import inspect

import griffe
import pytest

MODULES = ("papi.text", "papi.calendar", "papi.dates", "papi.rules")


def _constants(name: str) -> list[str]:
    mod = importlib.import_module(name)
    return [
        n
        for n in mod.__all__
        if n.isupper() and not (inspect.isclass(getattr(mod, n)) or callable(getattr(mod, n)))
    ]


@pytest.fixture(scope="module")
def package() -> griffe.Module:
    return griffe.load("papi", resolve_aliases=False)  # type: ignore[return-value]


@pytest.mark.parametrize("name", MODULES)
def test_public_constants_have_attribute_docstrings(package: griffe.Module, name: str) -> None:
    module = package[name.removeprefix("papi.")]
    missing = []
    for const in _constants(name):
        member = module[const]
        if not (member.docstring and member.docstring.value.strip()):
            missing.append(const)
    assert not missing, f"{name}: constants without a docstring: {missing}"


def test_the_expected_constants_are_covered() -> None:
    found = {c for name in MODULES for c in _constants(name)}
    assert {"PREFIXES", "DAY_OFF", "WORKING_DAY", "FIRST_TRUSTED_YEAR", "VN_TZ", "ALWAYS"} <= found

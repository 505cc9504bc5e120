"""Every public name is documented, and the top-level package exposes the documented API."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import papi

PUBLIC_MODULES = sorted(
    m.name for m in pkgutil.iter_modules(papi.__path__) if not m.name.startswith("_")
)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"papi.{name}")


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_module_has_docstring_and_all(name: str) -> None:
    mod = _module(name)
    assert (mod.__doc__ or "").strip(), f"papi.{name} has no module docstring"
    if name != "__main__":
        assert hasattr(mod, "__all__"), f"papi.{name} declares no __all__"


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_name_is_documented(name: str) -> None:
    mod = _module(name)
    undocumented: list[str] = []
    for public in getattr(mod, "__all__", ()):
        obj = getattr(mod, public)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if not (inspect.getdoc(obj) or "").strip():
            undocumented.append(public)
        if inspect.isclass(obj):
            for attr, value in vars(obj).items():
                if attr.startswith("_"):
                    continue
                is_member = inspect.isfunction(value) or isinstance(value, property)
                if is_member and not (inspect.getdoc(getattr(obj, attr)) or "").strip():
                    undocumented.append(f"{public}.{attr}")
    assert not undocumented, f"papi.{name}: undocumented public names: {undocumented}"


def test_top_level_names_resolve() -> None:
    for public in papi.__all__:
        assert getattr(papi, public) is not None
    # The function shadows the module attribute; the classes stay importable from the module.
    from papi.framework import Framework

    assert isinstance(papi.framework(2024), Framework)


_HEAVY = ("networkx", "holidays", "cattrs")


@pytest.mark.parametrize("statement", ["import papi", "import papi.dates", "import papi.errors"])
def test_importing_papi_loads_no_heavy_dependency(statement: str) -> None:
    import subprocess
    import sys

    code = f"{statement}; import sys; print(sorted({{m.split('.')[0] for m in sys.modules}}))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(eval(proc.stdout))
    assert not loaded & set(_HEAVY), loaded & set(_HEAVY)


def test_lazy_names_are_listed_and_unknown_names_raise() -> None:
    assert set(papi.__all__) <= set(dir(papi))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        papi.nope  # noqa: B018
    # a submodule imported by others never hides the function of the same name
    import papi.framework as fw_module

    assert callable(fw_module)
    assert papi.framework is fw_module
    assert papi.hanoi is papi.datasets.hanoi

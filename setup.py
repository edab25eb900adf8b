"""Builds the Python package `cadrekit` with CMake (see pyproject.toml).

`pip install --no-build-isolation .` runs this with the system's setuptools: build_ext configures
the CMake project (library and Python bindings only; no tests, benchmarks, examples or command
line), builds the `_core` target, and copies the extension next to python/cadrekit/*.py in the
wheel. Everything CMake produces stays in build-pip/ (ignored by git), so a second install only
rebuilds what changed.

Environment: CADREKIT_BUILD_TYPE (default Release), CADREKIT_JOBS (default: number of cores),
CMAKE_ARGS (extra CMake arguments, split on spaces). ccache is used when it is installed.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
WORK = ROOT / "build-pip"


def version() -> str:
    """The version lives in one place: capi/cadrekit.h (CMake reads it from there too)."""
    text = (ROOT / "capi" / "cadrekit.h").read_text(encoding="utf-8")
    parts = [re.search(rf"^#define CK_VERSION_{k} ([0-9]+)$", text, re.M) for k in ("MAJOR", "MINOR", "PATCH")]
    if not all(parts):
        raise RuntimeError("capi/cadrekit.h lacks CK_VERSION_MAJOR/MINOR/PATCH")
    return ".".join(p.group(1) for p in parts)


class CMakeExtension(Extension):
    def __init__(self, name: str, target: str) -> None:
        super().__init__(name, sources=[])
        self.target = target


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        if shutil.which("cmake") is None:
            raise RuntimeError("cmake is not installed: run ./scripts/setup (Debian packages) first")
        build_dir = WORK  # one level below the root, like build/: ccache (base_dir) shares objects
        build_dir.mkdir(parents=True, exist_ok=True)
        build_type = os.environ.get("CADREKIT_BUILD_TYPE", "Release")
        cfg = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            f"-DCMAKE_BUILD_TYPE={build_type}",
            f"-DPython3_EXECUTABLE={sys.executable}",
            "-DCADREKIT_BUILD_PYTHON=ON", "-DCADREKIT_BUILD_TESTS=OFF",
            "-DCADREKIT_BUILD_BENCHMARKS=OFF", "-DCADREKIT_BUILD_EXAMPLES=OFF",
            "-DCADREKIT_BUILD_CLI=OFF",
        ]
        if shutil.which("ccache"):
            cfg += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", "-DCMAKE_C_COMPILER_LAUNCHER=ccache"]
        cfg += os.environ.get("CMAKE_ARGS", "").split()
        jobs = os.environ.get("CADREKIT_JOBS") or str(os.cpu_count() or 1)
        subprocess.run(cfg, check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", ext.target, "-j", jobs], check=True)
        built = sorted((build_dir / "python" / "cadrekit").glob("_core.*.so")) or sorted(
            (build_dir / "python" / "cadrekit").glob("_core*.so"))
        if not built:
            raise RuntimeError(f"CMake built no _core extension under {build_dir}/python/cadrekit")
        dest = Path(self.get_ext_fullpath(ext.name))
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built[-1], dest)


WORK.mkdir(exist_ok=True)
setup(
    version=version(),
    packages=["cadrekit"],
    package_dir={"cadrekit": "python/cadrekit"},
    package_data={"cadrekit": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("cadrekit._core", target="_core")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
    options={"build": {"build_base": str(WORK / "setuptools")},
             "egg_info": {"egg_base": str(WORK)}},
)

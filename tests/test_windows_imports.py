"""The app starts where fcntl and resource do not exist (Windows): they are imported only where used, and guarded."""

import pickle
import subprocess
import sys
import textwrap

from analytics.ingest.read import DEFAULT_LIMITS
from tests.conftest import ROOT
from tests.parse_helpers import PROJECT_HEADER, xlsx

WITHOUT_POSIX = "import sys\nsys.modules['fcntl'] = None\nsys.modules['resource'] = None\n"


def run(code: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_POSIX + textwrap.dedent(code)],
        cwd=ROOT, input=stdin, capture_output=True, timeout=120,
    )  # fmt: skip


def test_every_app_module_imports_without_fcntl_and_resource():
    result = run(
        """
        import importlib, pkgutil
        import analytics, pages, ui
        names = ["analytics.cli", "analytics.ingest.worker"]
        for package in (analytics, ui, pages):
            found = pkgutil.walk_packages(package.__path__, package.__name__ + ".")
            names += [m.name for m in found if not m.name.endswith("__main__")]  # those run the command line
        for name in sorted(set(names)):
            importlib.import_module(name)
        from analytics.ingest import sandbox
        with sandbox._machine_lock():
            pass
        print(len(set(names)))
        """
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert int(result.stdout.decode().split()[-1]) > 40


def test_the_parse_worker_answers_without_resource():
    data = xlsx({"项目": [PROJECT_HEADER, ["P1", "项目", "甲公司", 2024]]})
    request = pickle.dumps(("a.xlsx", data, None, DEFAULT_LIMITS, None))
    result = run(
        """
        sys.argv = ["worker", str(1536 * 1024 * 1024)]
        from analytics.ingest import worker
        worker.main()
        """,
        stdin=request,
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    status, parsed = pickle.loads(result.stdout)
    assert status == "ok"
    assert parsed.sheets[0].frame["project_id"].tolist() == ["P1"]

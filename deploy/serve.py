"""`make serve WORKERS=3`: N dashboard processes (streamlit run asgi.py) on consecutive ports behind one nginx
(websocket upgrade, sticky sessions by cookie), all serving one store through its published copies; Ctrl-C stops
everything. Listens on 127.0.0.1 only."""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import string
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf.template")


def max_upload_mb() -> int:
    """nginx must let through what the dashboard accepts: .streamlit/config.toml's server.maxUploadSize."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return int(config.get("server", {}).get("maxUploadSize", 200))


def nginx_config(run_dir: Path, port: int, backends: list[int]) -> str:
    servers = "\n".join(f"        server 127.0.0.1:{backend} max_fails=0;" for backend in backends)
    return string.Template(TEMPLATE.read_text()).substitute(
        run_dir=run_dir, port=port, servers=servers, max_upload=max_upload_mb() + 1
    )


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not start within {timeout:.0f} s")


def start(workers: int, port: int, db: Path, run_dir: Path) -> list[subprocess.Popen]:
    """Starts the dashboards, then nginx; returns every process (nginx last)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is missing: `make system-deps` installs it (apt-get install nginx-light)")
    run_dir.mkdir(parents=True, exist_ok=True)
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / temp).mkdir(exist_ok=True)
        (run_dir / temp).chmod(0o777)  # nginx's workers drop to an unprivileged user when started as root
    env = {
        **os.environ,
        "DASHBOARD_DB": str(db.resolve()),
        # One secret for all: XSRF and sign-in cookies minted by one process are accepted by the others.
        "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32),
    }
    backends = [port + 1 + index for index in range(workers)]
    processes = []
    for backend in backends:
        log = (run_dir / f"streamlit-{backend}.log").open("w")
        command = [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "asgi.py"),
            "--server.address", "127.0.0.1", "--server.port", str(backend), "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        ]  # fmt: skip
        processes.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
    for backend, process in zip(backends, processes, strict=True):
        wait_healthy(f"http://127.0.0.1:{backend}", process)
    conf = run_dir / "nginx.conf"
    conf.write_text(nginx_config(run_dir.resolve(), port, backends))
    proxy = subprocess.Popen([nginx, "-p", str(run_dir.resolve()), "-c", str(conf.resolve())], cwd=run_dir)
    processes.append(proxy)
    wait_healthy(f"http://127.0.0.1:{port}", proxy)
    return processes


def stop(processes: list[subprocess.Popen]) -> None:
    for process in reversed(processes):
        if process.poll() is None:
            process.send_signal(signal.SIGTERM if process is not processes[-1] else signal.SIGQUIT)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8501, help="nginx's port; the dashboards take the next ones")
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("DASHBOARD_DB", "data/innovation.duckdb")))
    parser.add_argument("--run-dir", type=Path, help="config, pid and logs (default .run/serve-<port>)")
    args = parser.parse_args()
    run_dir = args.run_dir or ROOT / ".run" / f"serve-{args.port}"
    processes = start(args.workers, args.port, args.db, run_dir)
    print(
        f"http://127.0.0.1:{args.port} → {args.workers} dashboards on ports {args.port + 1}–{args.port + args.workers}"
    )
    print(f"logs and nginx.conf in {run_dir}; Ctrl-C stops everything", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while all(process.poll() is None for process in processes):
            time.sleep(1)
        print("a process exited; stopping the others", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        stop(processes)


if __name__ == "__main__":
    main()

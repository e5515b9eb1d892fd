"""Headless Chromium for tests: the one place that knows how to start it here."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SKIP_REASON = "Chromium is not installed (.ci/run installs Debian's chromium package)"

# No background networking or update checks: this machine has no network, and
# Chromium would otherwise keep retrying connections.
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def run_chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a fresh profile folder and ``args``; raise on failure."""
    assert CHROMIUM is not None, SKIP_REASON
    return subprocess.run(
        [CHROMIUM, *_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

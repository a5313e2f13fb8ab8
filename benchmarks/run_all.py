"""Run every benchmark script in this folder (``make bench``); each prints its own table.

Figures are printed, never asserted: speed depends on the machine, and the targets in the issues
are read off these tables and recorded in the model cards.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def main() -> int:
    scripts = sorted(p for p in HERE.glob("*_bench.py"))
    failed = []
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(script), *sys.argv[1:]])
        print(f"--- {script.stem}: exit {code}, {time.perf_counter() - started:.1f} s", flush=True)
        if code:
            failed.append(script.stem)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

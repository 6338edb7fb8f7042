"""`make bench`: run every benchmark script in bench/ and print their tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
# -P: bench/planner.py must not shadow the planner package for the other scripts.
# Order matters only for reading: the end-to-end figure first.
SCRIPTS = [
    "e2e.py", "extraction.py", "confidence.py", "agreement.py", "find_skill.py", "planner.py",
    "pipeline.py", "pages.py", "load.py",
]


def main() -> int:
    failed = 0
    for name in SCRIPTS:
        path = HERE / name
        if not path.exists():
            continue
        print(f"\n## bench/{name}\n", flush=True)
        failed += subprocess.run([sys.executable, "-P", str(path)]).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

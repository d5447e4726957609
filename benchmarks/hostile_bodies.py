"""Render and export bodies of one construct repeated (8-64 KB); print seconds per KB.

    .venv/bin/python benchmarks/hostile_bodies.py [--sizes 8192,16384]

The constructs are tests/render/test_render_time.py's PATHOLOGICAL list (issue 13 item 9:
8-16 KB of `[` took 15 s to over a minute before). Prints a table, then one line of JSON.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _cases():
    path = REPO / "tests" / "render" / "test_render_time.py"
    spec = importlib.util.spec_from_file_location("render_time_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PATHOLOGICAL, module.render_and_export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="8192,16384,65536")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    units, measure = _cases()
    rows = []
    print("| construct | " + " | ".join(f"{s // 1024} KB s" for s in sizes) + " | worst s/KB |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for unit in units:
        times = [measure(unit * (size // len(unit))) for size in sizes]
        worst = max(t / (s / 1024) for t, s in zip(times, sizes, strict=True))
        rows.append({"construct": unit, "seconds": times, "worst_s_per_kb": round(worst, 4)})
        cells = " | ".join(f"{t:.2f}" for t in times)
        print(f"| `{unit!r}` | {cells} | {worst:.3f} |", flush=True)
    print(json.dumps({"sizes": sizes, "rows": rows}))


if __name__ == "__main__":
    main()

"""``python -m benchmarks``: run the benchmark suite (see benchmarks/runner.py and BENCHMARKS.md)."""

from benchmarks.runner import main

raise SystemExit(main())

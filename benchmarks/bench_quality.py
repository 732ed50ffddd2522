"""Extraction quality: the example brief and any directory of reference briefs, scored with the
shared scorer, and the speed of the same extraction in kB of brief text per CPU second.

The reference annotations are not part of the project; give their directories (each holds
``briefs/NAME.txt`` and ``gold/NAME.yaml``) and the scorer on the command line::

    python -m benchmarks.bench_quality --scorer ../shared/tools/score_extraction.py ../shared ../shared/dev

or through the runner: ``python -m benchmarks --reference ../shared --reference ../shared/dev
--scorer ../shared/tools/score_extraction.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path


def _scorer(path: str):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(references: list[str], scorer: str) -> dict:
    """Rows of (set, brief, overall, entities F1, events F1, agreements F1, relations F1) and the
    mean per set; plus the extraction speed over all the briefs scored."""
    from briefgraph.graph.jsonio import builder_to_dict, dump
    from briefgraph.pipeline import gather

    score = _scorer(scorer).score
    firsts = [b for ref in references for b in sorted((Path(ref) / "briefs").glob("*.txt"))][:1]
    if firsts:
        gather(firsts)  # warm: the gazetteer and grammar load once per process, not per brief
    rows, means = [], []
    total_bytes, cpu = 0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for ref in references:
            d = Path(ref)
            got = []
            for brief in sorted((d / "briefs").glob("*.txt")):
                gold = d / "gold" / f"{brief.stem}.yaml"
                if not gold.exists():
                    continue
                out = Path(tmp) / f"{brief.stem}.json"
                t0 = time.process_time()
                builder = gather([brief])
                cpu += time.process_time() - t0
                total_bytes += brief.stat().st_size
                dump(builder_to_dict(builder), out)
                r = score(str(out), str(gold))
                # A part the reference does not have is not scored (the scorer leaves it out of
                # the overall); show it as "-" rather than as an F1 of 0.
                row = [d.name, brief.stem, round(r["overall"], 3)] + [
                    round(r[p]["f1"], 2) if r[p]["total"] else "-"
                    for p in ("entities", "events", "agreements", "relations")]
                rows.append(row)
                got.append(r["overall"])
            if got:
                means.append([d.name, f"mean of {len(got)}", round(sum(got) / len(got), 3), "", "", "", ""])
    return {"columns": ["set", "brief", "overall", "entities F1", "events F1", "agreements F1", "relations F1"],
            "rows": rows + means,
            "kb_per_cpu_s": round(total_bytes / 1000 / cpu, 1) if cpu else None,
            "kb": round(total_bytes / 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("references", nargs="+", help="directories holding briefs/NAME.txt and gold/NAME.yaml")
    p.add_argument("--scorer", required=True, help="path of the shared score_extraction.py")
    args = p.parse_args(argv)
    result = run(args.references, args.scorer)
    print(" | ".join(result["columns"]))
    for row in result["rows"]:
        print(" | ".join(str(x) for x in row))
    print(f"extraction speed: {result['kb_per_cpu_s']} kB per CPU second over {result['kb']} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

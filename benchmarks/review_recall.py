"""How many of the scorer's errors does ``briefgraph review`` put among its first entries?

    python -m benchmarks.review_recall DEV_DIR [--scorer PATH] [--top 10] [--verbose]

DEV_DIR holds ``briefs/*.txt`` and ``gold/<same name>.yaml`` (a development set: it is not part
of the project and never copied into it). Each brief is ingested, scored by the shared scorer
(``score_extraction.py``, found beside DEV_DIR in ``../tools`` unless ``--scorer`` says where),
and each error the scorer lists is tied to the nodes and edges it is about:

* an extra entity node: that node; a wrong kind: the nodes that carry the name;
* a missing entity: the nodes whose name is a fragment of it or runs past it (``Park Geun`` for
  ``Park Geun-hye``); none: the error cannot be pointed at;
* a wrong date or missing participant of an event or agreement: the node the scorer paired
  with the reference item (the same pairing, recomputed); a missing event or agreement: the
  sentence that tells it (an entry about a sentence points at it when the scorer's overlap
  measure finds the reference's evidence in it);
* a missing relation: its subject's nodes (``a person with no state`` points at it); a
  relation not in the reference: that edge.

An error is *found* when one of the first ``--top`` review entries names one of its nodes or
edges (an entry about a sentence: when it is the sentence that tells the missing item). The figure is found / errors (and found / errors that can be pointed at).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path

from briefgraph.graph.jsonio import write_json
from briefgraph.graph.review import review
from briefgraph.pipeline import ingest


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairing(sc, nodes: dict, items: list, kind: str) -> dict[str, str]:
    """Reference item id -> node id, as the scorer pairs them (best pairs first)."""
    candidates = {i: n for i, n in nodes.items() if sc.node_kind(n) == kind}
    pairs = []
    for k, item in enumerate(items):
        for i, n in candidates.items():
            s = sc.evidence_overlap(item.get("evidence", ""), sc.node_evidence(n) + [n.get("name") or ""])
            if item.get("date") and sc.year_of(n.get("date")) == sc.year_of(item["date"]):
                s += 0.05
            s = max(s, sc.evidence_overlap(item.get("label", ""), [n.get("name") or ""]) * 0.9)
            if s >= 0.6:
                pairs.append((s, k, i))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    chosen, used = {}, set()
    for s, k, i in pairs:
        if items[k]["id"] not in chosen and i not in used:
            chosen[items[k]["id"]] = i
            used.add(i)
    return chosen


def _contained(a: list[str], b: list[str]) -> bool:
    return bool(a) and len(a) <= len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))


def error_targets(sc, graph_path: str, gold: dict, problems: list[str]) -> list[tuple[str, set, set, set]]:
    """Each problem line with the node ids, (source, target, type) edges and reference
    sentences it is about."""
    data = json.loads(Path(graph_path).read_text("utf-8"))
    nodes = {str(n["id"]): n for n in data["nodes"]}
    entity_nodes = {i: n for i, n in nodes.items() if sc.node_kind(n) in sc.ENTITY_KINDS}
    gold_entities = {e["id"]: e for e in gold.get("entities", [])}

    def matched(gid: str) -> set[str]:
        e = gold_entities.get(gid)
        if not e:
            return set()
        names = {sc.norm(e["name"])} | {sc.norm(a) for a in e.get("aliases", [])}
        return {i for i, n in entity_nodes.items() if sc.node_names(n) & names}

    def fragments(gid: str) -> set[str]:
        e = gold_entities[gid]
        names = [sc.norm(e["name"]).split()] + [sc.norm(a).split() for a in e.get("aliases", [])]
        out = set()
        for i, n in entity_nodes.items():
            for form in sc.node_names(n):
                toks = form.split()
                if any(_contained(toks, g) or _contained(g, toks) for g in names):
                    out.add(i)
                # a name cut inside a word: "erdo" of "erdogan", "geun" of "geun hye"
                elif any(len(toks) <= len(g) and toks[:-1] == g[:len(toks) - 1] and toks[-1] and
                         g[len(toks) - 1].startswith(toks[-1]) for g in names):
                    out.add(i)
        return out

    pairs = {**_pairing(sc, nodes, gold.get("events", []), "Event"),
             **_pairing(sc, nodes, gold.get("agreements", []), "Agreement")}
    told = {item["id"]: item.get("evidence", "") for item in gold.get("events", []) + gold.get("agreements", [])}
    out = []
    for line in problems:
        text = line.strip()
        ns, es, ss = set(), set(), set()
        if m := re.match(r"entity (\S+) \(.*\): missing$", text):
            ns = fragments(m.group(1))
        elif m := re.match(r"entity (\S+) \(.*\): wrong kind", text):
            ns = matched(m.group(1))
        elif m := re.match(r"extra entity node: (\w+) (['\"])(.*)\2$", text):
            ns = {i for i, n in entity_nodes.items() if sc.node_kind(n) == m.group(1) and n.get("name") == m.group(3)}
        elif m := re.match(r"(?:event|agreement) (\S+?):? \(.*\): missing$", text):
            ss = {told.get(m.group(1)) or ""} - {""}  # only the sentence that tells it
        elif m := re.match(r"(?:event|agreement) (\S+): (?:date|not linked)", text):
            if m.group(1) in pairs:
                ns = {pairs[m.group(1)]}
        elif m := re.match(r"relation (\S+) (\S+) (\S+): missing$", text):
            ns = matched(m.group(1))
        elif m := re.match(r"relation not in the reference: (['\"])(.*)\1 (\S+) (['\"])(.*)\4$", text):
            a = {i for i, n in nodes.items() if n.get("name") == m.group(2)}
            b = {i for i, n in nodes.items() if n.get("name") == m.group(5)}
            es = {(s, t, m.group(3)) for s in a for t in b}
        out.append((text, ns, es, ss))
    return out


def measure(dev: Path, scorer: Path, top: int = 10, verbose: bool = False) -> dict:
    import yaml

    sc = load_scorer(scorer)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for brief in sorted((dev / "briefs").glob("*.txt")):
            gold_path = dev / "gold" / f"{brief.stem}.yaml"
            if not gold_path.exists():
                continue
            graph = ingest([brief])
            path = str(Path(tmp) / f"{brief.stem}.json")
            write_json(graph, path)
            result = sc.score(path, str(gold_path), verbose=True)
            gold = yaml.safe_load(gold_path.read_text("utf-8"))
            errors = error_targets(sc, path, gold, result["problems"])
            queue = review(graph, limit=top)
            found, pointable = 0, 0
            hit_entries = set()
            for text, ns, es, ss in errors:
                if ns or es or ss:
                    pointable += 1
                # an entry about a sentence points only at the missing items that sentence tells (the
                # scorer's own measure of overlap, at its threshold), not at every error of the
                # actors it names; the other entries, at the errors about their nodes and edges
                hits = [k for k, item in enumerate(queue)
                        if (any(sc.evidence_overlap(s, item.sentences) >= 0.6 for s in ss) if item.sentences
                            else ns & set(item.nodes) or es & {tuple(e) for e in item.edges})]
                if hits:
                    found += 1
                    hit_entries.update(hits)
                if verbose:
                    print(f"  {'FOUND' if hits else ('-    ' if ns or es or ss else 'n/a  ')} {brief.stem}: {text}")
            if verbose:
                for k, item in enumerate(queue):
                    print(f"  {'useful' if k in hit_entries else 'other '} #{k + 1} {item.category}: {item.message}")
            rows.append({"brief": brief.stem, "errors": len(errors), "pointable": pointable, "found": found,
                         "entries": len(queue), "useful_entries": len(hit_entries)})
    total = {k: sum(r[k] for r in rows) for k in ("errors", "pointable", "found", "entries", "useful_entries")}
    return {"top": top, "briefs": rows, "total": total}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dev", type=Path, help="folder with briefs/*.txt and gold/*.yaml")
    ap.add_argument("--scorer", type=Path, help="score_extraction.py [default: DEV/../tools/score_extraction.py]")
    ap.add_argument("--top", type=int, default=10, help="review entries looked at per brief")
    ap.add_argument("--verbose", action="store_true", help="list every error and entry")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    scorer = args.scorer or args.dev.parent / "tools" / "score_extraction.py"
    if not (args.dev / "briefs").is_dir() or not scorer.is_file():
        print(f"error: need {args.dev}/briefs and the scorer at {scorer}", file=sys.stderr)
        return 2
    r = measure(args.dev, scorer, args.top, args.verbose)
    if args.json:
        print(json.dumps(r, indent=1))
        return 0
    print(f"{'brief':<32}{'errors':>7}{'pointable':>10}{'found':>7}{'useful entries':>16}")
    for row in r["briefs"]:
        print(f"{row['brief']:<32}{row['errors']:>7}{row['pointable']:>10}{row['found']:>7}"
              f"{row['useful_entries']:>9} of {row['entries']:<4}")
    t = r["total"]
    print(f"{'total':<32}{t['errors']:>7}{t['pointable']:>10}{t['found']:>7}{t['useful_entries']:>9} of {t['entries']:<4}")
    print(f"scorer errors among the first {r['top']} review entries: {t['found']}/{t['errors']} = "
          f"{t['found'] / max(1, t['errors']):.2f} (of those that can be pointed at: {t['found']}/{t['pointable']} = "
          f"{t['found'] / max(1, t['pointable']):.2f}); entries that point at an error: "
          f"{t['useful_entries']}/{t['entries']} = {t['useful_entries'] / max(1, t['entries']):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Entity resolution: spelling variants and typos of one person merge (``Iham Aliyev`` and
``Ilham Aliyev``); different people who share a surname (Ilham and Heydar Aliyev) stay apart.

Candidates are blocked by surname, so the cost grows with the number of names, not its square.
"""

from __future__ import annotations

from collections import defaultdict

from briefgraph.graph.ids import make_id, normalise
from briefgraph.graph.model import EdgeRecord, NodeRecord, Records


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def same_person(a: str, b: str) -> bool:
    """True if two person names are one person written two ways.

    Examples
    --------
    >>> same_person("Iham Aliyev", "Ilham Aliyev"), same_person("Heydar Aliyev", "Ilham Aliyev")
    (True, False)
    >>> same_person("Muhammad Shehbaz Sharif", "Shehbaz Sharif")
    True
    """
    ta, tb = normalise(a).split(), normalise(b).split()
    if not ta or not tb or ta[-1] != tb[-1] and not _edit_distance_at_most_one(ta[-1], tb[-1]):
        return False
    if ta == tb:
        return True
    ga, gb = ta[:-1], tb[:-1]
    if not ga or not gb:
        return False
    if set(ga) <= set(gb) or set(gb) <= set(ga):  # a dropped middle or first name
        return ta[-1] == tb[-1]
    if len(ga) == len(gb):
        diffs = [(x, y) for x, y in zip(ga, gb) if x != y]
        return len(diffs) == 1 and len(diffs[0][0]) > 3 and _edit_distance_at_most_one(*diffs[0]) and ta[-1] == tb[-1]
    return False


def merge_people(names: dict[str, tuple[str, int]]) -> dict[str, str]:
    """Map each person key that is a variant to the key it merges into.

    ``names`` maps key -> (display name, number of mentions). The canonical form is the most
    mentioned, then the longest, then the first in alphabetical order, so the result does not
    depend on input order.

    Names are blocked by the start of the surname, and within a block a name is only compared
    with the groups that share the first letter of one of its given names: variants keep those
    ("Iham"/"Ilham", "Muhammad Shehbaz"/"Shehbaz"), so the work stays near linear even for a
    surname as common as Khan.
    """
    tokens = {k: normalise(n).split() for k, (n, _) in names.items()}
    blocks: dict[str, list[str]] = defaultdict(list)
    for key, toks in tokens.items():
        if toks:
            blocks[toks[-1][:4]].append(key)
    out: dict[str, str] = {}
    for keys in blocks.values():
        keys.sort(key=lambda k: (-names[k][1], -len(names[k][0]), names[k][0]))
        groups: list[list[str]] = []
        by_initial: dict[str, list[int]] = defaultdict(list)  # given-name initial -> group indexes
        lone: list[str] = []
        for k in keys:
            given = tokens[k][:-1]
            if not given:
                lone.append(k)
                continue
            candidates = sorted({i for t in given for i in by_initial[t[0]]})
            for i in candidates:
                if all(same_person(names[k][0], names[x][0]) for x in groups[i]):
                    groups[i].append(k)
                    break
            else:
                groups.append([k])
                i = len(groups) - 1
                for t in given:
                    by_initial[t[0]].append(i)
        # a lone surname ("President Mirziyoyev") is the one person of the block who bears it
        bearers: dict[str, list[int]] = defaultdict(list)
        for i, g in enumerate(groups):
            bearers[tokens[g[0]][-1]].append(i)
        for k in lone:
            who = bearers.get(tokens[k][0], [])
            if len(who) == 1:
                groups[who[0]].append(k)
            else:
                groups.append([k])
        for g in groups:
            g.sort(key=lambda k: (len(tokens[k]) == 1, -names[k][1], -len(names[k][0]), names[k][0]))
            for k in g[1:]:
                out[k] = g[0]
    return out


def resolve_across(per_doc: list[Records]) -> Records:
    """Merge the records of several briefs; people are resolved across them.

    Every other kind already shares ids across briefs (deterministic natural keys).
    """
    # merge in document-id order, so aliases and evidence come out the same whatever the order of the files
    per_doc = sorted(per_doc, key=lambda r: min(r.documents, default=""))
    out = Records()
    people: dict[str, tuple[str, int]] = {}
    for r in per_doc:
        out.documents.update(r.documents)
        for n in r.nodes:
            if n.kind == "Person":
                name, count = people.get(n.id, (n.name, 0))
                people[n.id] = (name, count + len(n.evidence))
    remap = merge_people(people)
    for r in per_doc:
        for n in r.nodes:
            nid = remap.get(n.id, n.id)
            name = people[nid][0] if nid != n.id else n.name
            out.nodes.append(NodeRecord(nid, n.kind, name, n.aliases, n.props, n.evidence))
        for e in r.edges:
            out.edges.append(EdgeRecord(remap.get(e.source, e.source), remap.get(e.target, e.target), e.type,
                                        e.props, e.evidence))
    return out


__all__ = ["merge_people", "resolve_across", "same_person", "make_id"]

"""People and bodies of a brief's header: author, editor, the author's affiliation, publisher."""

from __future__ import annotations

import re

from briefgraph.graph.ids import normalise
from briefgraph.loaders import gazetteer
from briefgraph.loaders.document import Document
from briefgraph.loaders.mentions import Mention, org_keywords
from briefgraph.loaders.people import person_key, strip_honorifics


def _org_keywords():
    return org_keywords()


_AFFILIATION_PART = re.compile(r"[^()]+?\([A-Z][A-Za-z&]{1,9}\)")
_NAME_WITH_ABBR = re.compile(r"(.+?)\s*\(([A-Z][A-Za-z&]{1,9})\)$")


def header_mentions(doc: Document) -> list[Mention]:
    """Author, editor and the author's affiliation, from the brief's header."""
    out = []
    table = gazetteer.lookup()
    for role in ("author", "editor"):
        name = getattr(doc, role)
        if name:
            clean = strip_honorifics(name)
            for prefix in sorted(gazetteer.words("person_prefixes"), key=len, reverse=True):
                if clean.startswith(prefix + " "):
                    clean = clean[len(prefix) + 1:].strip()
            out.append(Mention("Person", person_key(clean), clean, name, -1, 0, 0, "header", {"role": role},
                               alias=name if name != clean else None))
    if doc.affiliation:
        # "Centre for Afghanistan, Middle East and Africa (CAMEA), ISSI": a name may hold commas,
        # so a "(ABBR)" closes a part; plain commas separate the rest
        parts, rest = [], doc.affiliation
        for m in _AFFILIATION_PART.finditer(doc.affiliation):
            part = m.group(0).strip(" ,")
            lead, _, tail = part.rpartition(", ")
            if lead and not any(w in _org_keywords() for w in lead.split()):
                part = tail  # "Research Associate, India Study Centre (ISC)": the role comes first
            parts.append(part)
            rest = rest.replace(m.group(0), ",", 1)
        parts += [p.strip() for p in rest.split(",") if p.strip()]
        orgs = []
        for p in parts:
            m = _NAME_WITH_ABBR.match(p)
            name, abbr = (m.group(1), m.group(2)) if m else (p, None)
            entry = table.get(normalise(name)) or (table.get(normalise(abbr)) if abbr else None)
            if entry and entry.kind == "Organisation":
                orgs.append(Mention("Organisation", entry.key, entry.name, p, -1, 0, 0, "header", dict(entry.props)))
            elif any(w in _org_keywords() for w in name.split()) or (abbr is None and p.isupper()):
                orgs.append(Mention("Organisation", normalise(name), name, p, -1, 0, 0, "header",
                                    {"abbreviation": abbr} if abbr else {}, alias=abbr))
        for inner, outer in zip(orgs, orgs[1:]):
            inner.part_of = outer.key
        out.extend(orgs)
    if doc.publisher:
        entry = table.get(normalise(doc.publisher))
        if entry and entry.kind == "Organisation":
            out.append(Mention("Organisation", entry.key, entry.name, doc.publisher, -1, 0, 0, "header", dict(entry.props)))
    return out

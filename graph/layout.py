"""A deterministic node layout computed in Python, so the browser never runs a physics simulation.

Why not ``nx.spring_layout``: below 500 nodes it builds dense n x n arrays (fine), above it
falls back to a per-node Python loop that takes minutes at 5,000 nodes, and its energy
method is n^2 per step. This module runs a force layout in numpy:

* forces: Fruchterman-Reingold attraction, with repulsion weighted by degree as in
  ForceAtlas2, so that the hubs of a brief (two states linked to most events) stand apart
  and their spokes have room;
* small components (up to ``EXACT_LIMIT`` nodes): exact all-pairs repulsion, then a pass
  that pushes apart nodes whose labels would overlap;
* large ones: multilevel (Walshaw 2000) with O(n log n) Barnes-Hut-style repulsion on a grid
  pyramid. 5,000 nodes and 15,000 edges take about 1.5 s, 20,000 / 60,000 about 5 s;
* components are packed in rows, largest first; isolated nodes share one grid.

Determinism: nodes are processed in sorted id order, the start positions come from a seeded
generator, every sum has a fixed order and coordinates are rounded to integers, so the same
graph gives the same picture.
"""

from __future__ import annotations

from typing import Callable, Hashable, Iterable

import networkx as nx

#: below this many nodes a component uses exact all-pairs repulsion
EXACT_LIMIT = 250
#: typical distance, in canvas pixels, from a node to its nearest neighbour
SPACING = 70.0


def layout(graph: nx.Graph, seed: int = 7, order: Callable[[Hashable], object] | None = None,
           spacing: float = SPACING) -> dict[Hashable, tuple[int, int]]:
    """Integer ``(x, y)`` positions for every node of ``graph`` (directions and parallel edges
    are ignored).

    Connected components are laid out one by one and packed in rows, the largest first;
    isolated nodes go into one grid, sorted by ``order`` (default: node id).

    Parameters
    ----------
    graph : networkx graph
    seed : int
        Seed of the start positions; the same graph and seed give the same positions.
    order : callable, optional
        Sort key for isolated nodes (e.g. kind then name), so the grid reads sensibly.
    spacing : float
        Scale of the drawing: the median distance in pixels from a node to its nearest
        neighbour.

    Examples
    --------
    >>> g = nx.path_graph(["a", "b", "c"])
    >>> pos = layout(g)
    >>> sorted(pos) == ["a", "b", "c"] and pos == layout(g)
    True
    """
    import numpy as np

    nodes = sorted(graph.nodes, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    simple = nx.Graph()
    simple.add_nodes_from(range(len(nodes)))
    simple.add_edges_from((index[u], index[v]) for u, v in graph.edges() if u != v)

    comps = [sorted(c) for c in nx.connected_components(simple)]
    isolated = sorted((c[0] for c in comps if len(c) == 1),
                      key=lambda i: (order(nodes[i]) if order else str(nodes[i])))
    comps = sorted((c for c in comps if len(c) > 1), key=lambda c: (-len(c), c[0]))

    rng = np.random.default_rng(seed)
    blocks = []  # (member indices, positions array in layout units)
    for members in comps:
        local = {g: i for i, g in enumerate(members)}
        pairs = np.array(sorted((min(local[u], local[v]), max(local[u], local[v]))
                                for u, v in simple.subgraph(members).edges()), dtype=np.int64)
        blocks.append((members, _orient(_force_layout(len(members), pairs, rng))))
    # Scale by the typical gap between a node and its nearest neighbour, not by edge length:
    # hubs stretch their edges and crowd their leaves, and crowding is what hides labels.
    gaps = [_nearest_gaps(pos) for _, pos in blocks]
    unit = float(np.median(np.concatenate(gaps))) if blocks else 1.0
    # a lone pair has no neighbours to set its own scale: give it the common one
    blocks = [(m, pos * (1.6 * unit) if len(m) == 2 else pos) for m, pos in blocks]
    # small drawings are read label by label: push apart nodes whose labels would collide
    blocks = [(m, _separate(pos, 2.6 * unit, 1.0 * unit) if len(m) <= EXACT_LIMIT else pos)
              for m, pos in blocks]
    if isolated:
        # cells wide enough for a label (Source boxes carry theirs inside), the grid about square
        cell = np.array([3.0, 0.9]) * unit
        cols = max(1, int(round(np.sqrt(len(isolated) * cell[1] / cell[0]))))
        grid = np.array([(i % cols, i // cols) for i in range(len(isolated))], dtype=float) * cell
        blocks.append((isolated, grid))

    placed = _pack([pos for _, pos in blocks], gap=2.0 * unit)
    scale = spacing / unit
    out: dict[Hashable, tuple[int, int]] = {}
    for (members, _), pos in zip(blocks, placed):
        for g, (x, y) in zip(members, pos):
            out[nodes[g]] = (int(round(x * scale)), int(round(y * scale)))
    return out


def _force_layout(n: int, pairs, rng):
    """Positions (n x 2, edge-length units) of one connected component of ``n`` nodes linked
    by ``pairs`` (an m x 2 int array)."""
    import numpy as np

    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    if n <= EXACT_LIMIT:
        pos = rng.random((n, 2)) * np.sqrt(n)
        return _fruchterman_reingold(pos, pairs, iterations=250, start=np.sqrt(n) / 8, exact=True)
    return _multilevel(n, pairs, rng)


def _multilevel(n: int, pairs, rng):
    """Multilevel force layout (Walshaw 2000): merge matched neighbours until the graph is
    small, lay that out exactly, then undo the merges one level at a time, refining each level
    with a few cheap local iterations. The coarse levels fix the global shape, which the grid
    repulsion alone cannot see; each level costs time linear in its size."""
    import numpy as np

    levels = []  # (groups, n_fine, pairs_fine)
    while n > EXACT_LIMIT:
        groups, n_coarse, coarse_pairs = _coarsen(n, pairs)
        if n_coarse > 0.95 * n:
            break  # nothing left to merge (e.g. a perfect matching is impossible): stop here
        levels.append((groups, n, pairs))
        n, pairs = n_coarse, coarse_pairs
    exact = n <= EXACT_LIMIT  # else coarsening stalled: lay out what is left with the pyramid
    pos = rng.random((n, 2)) * np.sqrt(n)
    pos = _fruchterman_reingold(pos, pairs, iterations=250 if exact else 100, start=np.sqrt(n) / 8,
                                exact=exact)
    for groups, n_fine, fine_pairs in reversed(levels):
        # a coarse node stands for about n_fine / n nodes: spread the drawing to give them room
        pos = pos[groups] * np.sqrt(n_fine / n) + (rng.random((n_fine, 2)) - 0.5) * 0.5
        n = n_fine
        # the coarse levels settled the shape: big levels only need a local polish
        polish = 30 if n_fine <= 2000 else 15
        pos = _fruchterman_reingold(pos, fine_pairs, iterations=polish, start=1.0, exact=False)
    return pos


def _coarsen(n: int, pairs):
    """Merge each node with one unmatched neighbour (low-degree pairs first, so hubs keep
    their leaves apart); return ``(group of each node, number of groups, coarse pairs)``."""
    import numpy as np

    deg = np.bincount(pairs.ravel(), minlength=n)
    order = np.lexsort((pairs[:, 1], pairs[:, 0], deg[pairs[:, 0]] + deg[pairs[:, 1]]))
    mate = [-1] * n
    for u, v in pairs[order].tolist():
        if mate[u] < 0 and mate[v] < 0:
            mate[u], mate[v] = v, u
    if sum(m >= 0 for m in mate) < n // 2:
        # star-like graphs match few pairs: let each unmatched leaf join its neighbour too
        for u, v in pairs[order].tolist():
            if mate[u] < 0 and deg[u] == 1:
                mate[u] = v
            elif mate[v] < 0 and deg[v] == 1:
                mate[v] = u
    group = [-1] * n
    count = 0
    for i in range(n):
        if group[i] < 0:
            j = mate[i]
            if j >= 0 and group[j] >= 0:  # a leaf joining an already grouped neighbour
                group[i] = group[j]
                continue
            group[i] = count
            if j >= 0:
                group[j] = count
            count += 1
    groups = np.array(group, dtype=np.int64)
    cp = groups[pairs]
    cp = np.sort(cp[cp[:, 0] != cp[:, 1]], axis=1)
    cp = np.unique(cp, axis=0) if len(cp) else cp.reshape(0, 2)
    return groups, count, cp


def _fruchterman_reingold(pos, pairs, iterations: int, start: float, exact: bool):
    """Fruchterman-Reingold with k = 1: attraction d^2 along each edge, repulsion
    m_i m_j / d between every two nodes (exact, or through the grid pyramid), where m is the
    degree + 1; each step moves a node at most the temperature, which cools linearly from
    ``start``.

    The degree weights come from ForceAtlas2 (Jacomy et al. 2014): briefs are hub-and-spoke
    graphs (two states linked to most events), and plain FR piles the spokes onto the hubs;
    weighted repulsion pushes the hubs apart and gives their neighbours room for labels.
    """
    import numpy as np

    n = len(pos)
    src, dst = pairs[:, 0], pairs[:, 1]
    mass = np.bincount(pairs.ravel(), minlength=n) + 1.0
    t, cool = start, start / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion_exact(pos, mass) if exact else _repulsion_tree(pos, mass)
        d = pos[src] - pos[dst]
        f = d * np.sqrt((d * d).sum(axis=1))[:, None]
        disp += _scatter(dst, f, n) - _scatter(src, f, n)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= cool
    return pos


def _repulsion_exact(pos, mass):
    """m_i m_j / d repulsion between every pair (dense n x n arrays: small graphs only)."""
    import numpy as np

    dx = pos[:, 0, None] - pos[None, :, 0]
    dy = pos[:, 1, None] - pos[None, :, 1]
    inv = mass[:, None] * mass[None, :] / np.maximum(dx * dx + dy * dy, 1e-4)
    return np.stack([(dx * inv).sum(axis=1), (dy * inv).sum(axis=1)], axis=1)


def _repulsion_tree(pos, mass):
    """m_i m_j / d repulsion of every node from all others in O(n log n), Barnes-Hut style on a grid
    pyramid: exact between nodes in the same or adjacent cells of the finest grid; at each
    coarser level, from the centroids of the cells that are well separated from the node's
    cell but whose parents are not (the interaction lists of the fast multipole method). The
    levels partition all other nodes, so none is counted twice or missed."""
    import numpy as np

    n = len(pos)
    lo = pos.min(axis=0)
    span = float(np.ptp(pos, axis=0).max()) * 1.0001 + 1e-9
    depth = max(2, int(np.ceil(np.log(max(n, 2) / 2) / np.log(4))))  # about 2 nodes a cell
    size = 1 << depth
    cell = np.minimum(((pos - lo) * (size / span)).astype(np.int64), size - 1)

    ii, jj = _near_pairs(cell)
    d = pos[ii] - pos[jj]
    f = d * (mass[ii] * mass[jj] / np.maximum((d * d).sum(axis=1), 1e-4))[:, None]
    disp = _scatter(ii, f, n) - _scatter(jj, f, n)

    offsets = np.arange(-2, 4)  # per axis: the children of the parent's 3 x 3 neighbourhood
    for level in range(2, depth + 1):
        c = cell >> (depth - level)
        pad = (1 << level) + 4  # two empty cells on each side, so candidates never wrap
        key = (c[:, 0] + 2) * pad + (c[:, 1] + 2)
        occupied, inverse = np.unique(key, return_inverse=True)
        cell_mass = np.bincount(inverse, mass)
        centre = _scatter(inverse, pos * mass[:, None], len(occupied)) / cell_mass[:, None]
        grid_mass = np.zeros(pad * pad)
        grid_x, grid_y = np.zeros(pad * pad), np.zeros(pad * pad)
        grid_mass[occupied], grid_x[occupied], grid_y[occupied] = cell_mass, centre[:, 0], centre[:, 1]
        # one far force per occupied cell, felt at its centroid by every node inside: the
        # sources are at least a cell away, so the error is small and the work is per cell
        ux, uy = occupied // pad - 2, occupied % pad - 2
        ox = np.repeat((2 * (ux >> 1))[:, None] + offsets, 6, axis=1)
        oy = np.tile((2 * (uy >> 1))[:, None] + offsets, (1, 6))
        separated = np.maximum(np.abs(ox - ux[:, None]), np.abs(oy - uy[:, None])) > 1
        k = (ox + 2) * pad + (oy + 2)
        dx = centre[:, 0, None] - grid_x[k]
        dy = centre[:, 1, None] - grid_y[k]
        w = np.where(separated, grid_mass[k], 0.0) / np.maximum(dx * dx + dy * dy, 1e-4)
        far = np.stack([(dx * w).sum(axis=1), (dy * w).sum(axis=1)], axis=1)
        disp += far[inverse] * mass[:, None]
    return disp


def _near_pairs(cell):
    """Index arrays ``(i, j)`` of every node pair in the same or adjacent grid cells (``cell``
    holds each node's integer cell coordinates), each unordered pair once, fully vectorised."""
    import numpy as np

    ncol = int(cell[:, 1].max()) + 3
    key = (cell[:, 0] + 1) * ncol + (cell[:, 1] + 1)
    order = np.argsort(key, kind="stable")
    uniq, start, count = np.unique(key[order], return_index=True, return_counts=True)
    out_i, out_j = [], []
    # half of the 3 x 3 neighbourhood, so each pair of cells is visited once
    for dx, dy in ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1)):
        want = uniq + dx * ncol + dy
        at = np.minimum(np.searchsorted(uniq, want), len(uniq) - 1)
        hit = uniq[at] == want
        a, b = np.nonzero(hit)[0], at[hit]
        ca, cb = count[a], count[b]
        sizes = ca * cb
        total = int(sizes.sum())
        if total == 0:
            continue
        which = np.repeat(np.arange(len(a)), sizes)
        q = np.arange(total) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        i = start[a][which] + q // cb[which]
        j = start[b][which] + q % cb[which]
        if dx == 0 and dy == 0:
            keep = i < j
            i, j = i[keep], j[keep]
        out_i.append(order[i])
        out_j.append(order[j])
    return np.concatenate(out_i), np.concatenate(out_j)


def _scatter(index, values, n):
    """Row sums of ``values`` grouped by ``index`` (bincount keeps a fixed summation order)."""
    import numpy as np

    return np.stack([np.bincount(index, values[:, 0], n), np.bincount(index, values[:, 1], n)], axis=1)


def _separate(pos, width: float, height: float, iterations: int = 80):
    """Move nodes apart until no two sit inside each other's ``width`` x ``height`` ellipse
    (a label is wider than tall), each pair sharing the move; dense arrays, small graphs."""
    import numpy as np

    pos = pos.copy()
    n = len(pos)
    if n < 2:
        return pos
    order = np.sign(np.arange(n)[:, None] - np.arange(n)[None, :])
    for _ in range(iterations):
        dx = (pos[:, 0, None] - pos[None, :, 0]) / width
        dy = (pos[:, 1, None] - pos[None, :, 1]) / height
        # coincident nodes: separate along x, the lower index to the left
        dx = np.where(np.abs(dx) + np.abs(dy) < 1e-9, order * 1e-6, dx)
        e = np.maximum(np.sqrt(dx * dx + dy * dy), 1e-6)
        np.fill_diagonal(e, 1.0)
        close = e < 1.0
        if not close.any():
            break
        push = np.where(close, (1.0 - e) / e * 0.5, 0.0)
        pos[:, 0] += (dx * push).sum(axis=1) * width
        pos[:, 1] += (dy * push).sum(axis=1) * height
    return pos


def _nearest_gaps(pos):
    """Distance from each node of ``pos`` to its nearest neighbour (through a grid whose cells
    are a few typical gaps wide; nodes alone in their neighbourhood are left out)."""
    import numpy as np

    n = len(pos)
    if n < 2:
        return np.zeros(0)
    span = float(np.ptp(pos, axis=0).max()) + 1e-9
    cell = np.floor((pos - pos.min(axis=0)) / (span / max(1.0, np.sqrt(n) / 2))).astype(np.int64)
    ii, jj = _near_pairs(cell)
    dist = np.sqrt(((pos[ii] - pos[jj]) ** 2).sum(axis=1))
    best = np.full(n, np.inf)
    np.minimum.at(best, ii, dist)
    np.minimum.at(best, jj, dist)
    return best[np.isfinite(best)]


def _orient(pos):
    """Centre ``pos`` and turn its long axis horizontal (screens are wide), with a fixed sign."""
    import numpy as np

    pos = pos - pos.mean(axis=0)
    _, vecs = np.linalg.eigh(np.cov(pos.T))
    pos = pos @ vecs[:, ::-1]
    # eigenvectors have no sign; make the drawing's first node sit left of / above the centre
    if pos[0, 0] > 0:
        pos[:, 0] = -pos[:, 0]
    if pos[0, 1] > 0:
        pos[:, 1] = -pos[:, 1]
    return pos


def _pack(blocks: Iterable, gap: float) -> list:
    """Shelf packing: place each block (largest first) left to right in rows about as wide as
    a screen-shaped (1.5 : 1) rectangle of the blocks' total area."""
    import numpy as np

    blocks = [b - b.min(axis=0) for b in blocks]
    sizes = [b.max(axis=0) + gap for b in blocks]
    area = sum(float(w * h) for w, h in sizes)
    row_width = max([float(np.sqrt(area * 1.5))] + [float(w) for w, _ in sizes])
    out, x, y, row_h = [], 0.0, 0.0, 0.0
    for b, (w, h) in zip(blocks, sizes):
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        out.append(b + np.array([x, y]))
        x += w
        row_h = max(row_h, h)
    return out

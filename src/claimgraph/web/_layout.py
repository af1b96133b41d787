"""Where the network view puts its nodes: a seeded spring layout, so the same graph is drawn the same way."""

from __future__ import annotations

import networkx as nx


def spring_positions(graph) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1] for each node of a ``claimgraph.query.Network``."""
    g = nx.Graph()
    g.add_nodes_from(n.id for n in graph.nodes)
    g.add_weighted_edges_from((e.source, e.target, 1 + e.independent) for e in graph.edges)
    if len(g) == 1:
        return {next(iter(g)): (0.0, 0.0)}
    placed = nx.spring_layout(g, seed=7, weight="weight") if len(g) else {}
    return {node: (float(x), float(y)) for node, (x, y) in placed.items()}

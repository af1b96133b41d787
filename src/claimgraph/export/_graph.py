"""Who is tied to whom as a graph file: GraphML and GEXF (both open in Gephi), through networkx."""

from __future__ import annotations

import json
from typing import Any


def to_networkx(network, metadata: dict[str, Any]):
    """A directed multigraph: a node per actor, an edge per (actor, recipient, PLOVER type)."""
    import networkx as nx

    graph = nx.MultiDiGraph(**{k: _attribute(v) for k, v in metadata.items()}, name="claimgraph export")
    for node in network.nodes:
        graph.add_node(node.id, label=node.name, events=node.events)
    for edge in network.edges:
        graph.add_edge(edge.source, edge.target, key=edge.type, type=edge.type, label=edge.type,
                       weight=edge.independent, independent_sources=edge.independent, events=len(edge.events),
                       event_ids=" ".join(edge.events), statuses=" ".join(edge.statuses))
    return graph


def _attribute(value) -> str | int:
    """Graph attributes GraphML and GEXF can both hold: numbers stay, the rest is text ('' for none)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return "" if value is None else str(value)


def write_gexf(graph, path: str, metadata: dict[str, Any]) -> None:
    """GEXF with the metadata, as JSON, in its <meta><description> (GEXF has no other place for graph data)."""
    from xml.etree.ElementTree import SubElement

    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    SubElement(writer.xml.find("meta"), "description").text = json.dumps(metadata, ensure_ascii=False)
    writer.add_graph(graph)
    writer.write(path)

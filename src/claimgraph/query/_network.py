"""Who is tied to whom: actors as nodes, events as typed, directed edges weighed by independent sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.query._merged import MergedEvent


@dataclass
class Node:
    id: str  # the entity id, or the name where the entity is unresolved
    name: str
    events: int = 0


@dataclass
class Edge:
    source: str  # node id of the actor
    target: str  # node id of the recipient
    type: str  # PLOVER type
    events: list[str] = field(default_factory=list)  # ids of the events across reports
    independent: int = 0  # independent sources, summed over the events
    statuses: list[str] = field(default_factory=list)  # each event's summary status, in event order


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    as_of: str | None = None


def network(events: list[MergedEvent], as_of: str | None = None, max_edges: int | None = None) -> Network:
    """One edge per (actor, recipient, type); an event with several actors or recipients gives one per pair.
    Events naming no recipient tie no one and are left out. With ``max_edges``, the best-sourced edges are kept."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    for event in events:
        for actor in event.actor:
            for recipient in event.recipient:
                source, target = _node(nodes, actor), _node(nodes, recipient)
                if source.id == target.id:
                    continue
                edge = edges.setdefault((source.id, target.id, event.type), Edge(source.id, target.id, event.type))
                edge.events.append(event.id)
                edge.independent += event.sources.independent
                edge.statuses.append(event.status)
    kept = sorted(edges.values(), key=lambda e: (-e.independent, -len(e.events), e.source, e.target, e.type))
    kept = kept[:max_edges] if max_edges is not None else kept
    tied = {i for e in kept for i in (e.source, e.target)}
    for e in kept:
        nodes[e.source].events += len(e.events)
        nodes[e.target].events += len(e.events)
    return Network(sorted((n for n in nodes.values() if n.id in tied), key=lambda n: (-n.events, n.name)), kept, as_of)


def _node(nodes: dict[str, Node], participant: dict) -> Node:
    node_id = participant.get("entity") or participant["name"]
    return nodes.setdefault(node_id, Node(node_id, participant["name"]))

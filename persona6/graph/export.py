"""A person's graph as data: JSON (the show view) or GraphML (for graph tools).

GraphML is written with the standard library's ElementTree: nodes are the person, their traits
and the events cited as evidence; edges are ``has_trait``, ``evidence``, ``counter_evidence``
and ``supersedes``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from persona6.types import StoredEvent, Trait

_KEYS = (
    ("label", "node", "string"),
    ("type", "node", "string"),
    ("kind", "node", "string"),
    ("confidence", "node", "double"),
    ("status", "node", "string"),
    ("valid_from", "node", "string"),
    ("valid_to", "node", "string"),
    ("ts", "node", "string"),
    ("session_id", "node", "string"),
    ("relation", "edge", "string"),
    ("quote", "edge", "string"),
)


def to_graphml(person_id: str, traits: list[Trait], events: dict[str, StoredEvent]) -> str:
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for name, domain, kind in _KEYS:
        ET.SubElement(
            root, "key", id=name, attrib={"for": domain, "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, "graph", id=f"persona:{person_id}", edgedefault="directed")
    _node(graph, f"person:{person_id}", label=person_id, type="person")
    edge_id = 0

    def edge(source: str, target: str, **data: str) -> None:
        nonlocal edge_id
        element = ET.SubElement(graph, "edge", id=f"e{edge_id}", source=source, target=target)
        edge_id += 1
        for key, value in data.items():
            ET.SubElement(element, "data", key=key).text = value

    cited: set[str] = set()
    for trait in traits:
        _node(
            graph,
            f"trait:{trait.id}",
            label=trait.statement,
            type="trait",
            kind=trait.kind.value,
            confidence=str(trait.confidence),
            status=trait.status.value,
            valid_from=trait.valid_from,
            valid_to=trait.valid_to or "",
        )
        edge(f"person:{person_id}", f"trait:{trait.id}", relation="has_trait")
        if trait.supersedes:
            edge(f"trait:{trait.id}", f"trait:{trait.supersedes}", relation="supersedes")
        for relation, items in (
            ("evidence", trait.evidence),
            ("counter_evidence", trait.counter_evidence),
        ):
            for item in items:
                cited.add(item.event_id)
                edge(
                    f"trait:{trait.id}",
                    f"event:{item.event_id}",
                    relation=relation,
                    quote=item.quote,
                )
    for event_id in sorted(cited):
        event = events.get(event_id)
        _node(
            graph,
            f"event:{event_id}",
            label=(event.text or "")[:200] if event else "",
            type="event",
            ts=event.ts if event else "",
            session_id=event.session_id if event else "",
        )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _node(graph: ET.Element, node_id: str, **data: str) -> None:
    element = ET.SubElement(graph, "node", id=node_id)
    for key, value in data.items():
        if value:
            ET.SubElement(element, "data", key=key).text = value

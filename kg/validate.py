"""SHACL validation of a graph against kg/ontology/shapes.ttl, with the ontology for class inference."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph

from kg.rdf import union
from kg.resources import ontology_text


@dataclass(frozen=True)
class ValidationResult:
    """Whether the graph conforms, and pyshacl's readable report."""

    conforms: bool
    report: str
    violations: int


def ontology_graph(name: str = "kg.ttl") -> Graph:
    """The bundled ontology (kg.ttl) or shapes (shapes.ttl) as an rdflib Graph."""
    return Graph().parse(data=ontology_text(name), format="turtle")




def validate(ds: Dataset) -> ValidationResult:
    """Validate every named graph together; subclasses count through the ontology (rdfs inference)."""
    import pyshacl

    conforms, report_graph, text = pyshacl.validate(
        union(ds), shacl_graph=ontology_graph("shapes.ttl"), ont_graph=ontology_graph("kg.ttl"), inference="rdfs", advanced=True
    )
    from rdflib.namespace import SH

    violations = len(set(report_graph.subjects(predicate=SH.resultSeverity)))
    return ValidationResult(conforms=bool(conforms), report=text, violations=violations)

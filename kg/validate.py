"""SHACL validation of a graph against kg/ontology/shapes.ttl, with the ontology for class inference."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset

from kg.graphio import union
from kg.vocab import ontology_graph


@dataclass(frozen=True)
class ValidationResult:
    """Whether the graph conforms, and pyshacl's readable report."""

    conforms: bool
    report: str
    violations: int


__all__ = ["ValidationResult", "ontology_graph", "validate"]


def validate(ds: Dataset) -> ValidationResult:
    """Validate every named graph together; subclasses count through the ontology (rdfs inference)."""
    import pyshacl

    conforms, report_graph, text = pyshacl.validate(
        union(ds), shacl_graph=ontology_graph("shapes.ttl"), ont_graph=ontology_graph("kg.ttl"), inference="rdfs", advanced=True
    )
    from rdflib.namespace import SH

    violations = len(set(report_graph.subjects(predicate=SH.resultSeverity)))
    return ValidationResult(conforms=bool(conforms), report=text, violations=violations)

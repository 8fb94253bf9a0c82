"""Network analysis: project the RDF graph onto networkx graphs (project), measure them (metrics), report (report)."""

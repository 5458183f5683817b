#!/usr/bin/env python3
"""Reads an exported GraphML and GEXF file with networkx, a reader this project did not
write, and prints what it found as one JSON object:

    {"graphml": {"nodes": N, "edges": M, "directed": true, "multigraph": true,
                 "undirected_relations": K}, "gexf": {...}}

Usage: read_with_networkx.py FILE.graphml FILE.gexf

Called by tests/export.rs, which compares the counts with the exported view. networkx adds
a node for any edge end it has not seen declared, so a dangling edge shows up as an extra
node. Any networkx error (invalid XML, undeclared attribute key, a mixed directed and
undirected file) ends the script with a traceback and a non-zero status.
"""

import json
import sys

import networkx as nx


def describe(graph):
    """Counts, and how many edges carry the boolean `directed` attribute as False."""
    undirected = sum(
        1 for _, _, data in graph.edges(data=True) if data.get("directed") is False
    )
    return {
        "nodes": graph.number_of_nodes(),
        # number_of_edges counts parallel edges of a MultiDiGraph one by one.
        "edges": graph.number_of_edges(),
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "undirected_relations": undirected,
    }


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    # force_multigraph: the atlas may hold parallel relations (member of and partners
    # with between the same pair); a plain DiGraph would merge them and hide the count.
    graphml = nx.read_graphml(argv[1], force_multigraph=True)
    gexf = nx.read_gexf(argv[2], version="1.3")
    print(json.dumps({"graphml": describe(graphml), "gexf": describe(gexf)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

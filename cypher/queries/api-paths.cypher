// The shortest chains between two nodes over the relations of the graph model, either way round.
// {{first}} and {{maxDepth}} are validated integers (≤ 10, ≤ 12); everything else is a parameter.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = SHORTEST {{first}} (a)-[:IMPLEMENTS|CONTINUES|AMENDS|REPLACES|REPEALS|GUIDES|BASED_ON|PROPOSED_BY|REPORTS_ON|RESPONDS_TO|ISSUED_WITH|CITES|ASSIGNED_BY|PART_OF|RESULTED_IN|SERVES|ISSUED_BY|LEAD|COOPERATES|PERFORMED_BY]-{1,{{maxDepth}}}(b)
RETURN [n IN nodes(p) | {eid: elementId(n), labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {rid: elementId(r), type: type(r), start: elementId(startNode(r)), props: properties(r)}] AS rels

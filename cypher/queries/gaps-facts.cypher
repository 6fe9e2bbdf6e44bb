// Everything the gap rules look at, in one read: directive-like documents with the tiers of what
// implements them, documents known only from citations, tasks with their lead count, statuses and
// deadline, and findings with their document. $documents / $tasks (element ids) restrict to a
// root's chain when not null.
CALL {
  MATCH (d:Document)
  WHERE ($documents IS NULL OR elementId(d) IN $documents)
  RETURN collect({
    node: {eid: elementId(d), labels: labels(d), props: properties(d)},
    implementers: [(c)-[:IMPLEMENTS|CONTINUES]->(d) WHERE c:Document OR c:Task | c.tier]
  }) AS documents
}
CALL {
  MATCH (t:Task)
  WHERE ($tasks IS NULL OR elementId(t) IN $tasks)
  RETURN collect({
    node: {eid: elementId(t), labels: labels(t), props: properties(t)},
    leads: size([(o:Organisation)-[:LEAD]->(t) | o]),
    statuses: [(t)-[:HAS_STATUS]->(s:StatusReport) | {value: s.value, reportedOn: s.reportedOn}]
  }) AS tasks
}
CALL {
  MATCH (f:Finding)
  WHERE $documents IS NULL OR EXISTS { MATCH (f)-[:FOUND_IN]->(d) WHERE elementId(d) IN $documents }
  RETURN collect({eid: elementId(f), labels: labels(f), props: properties(f)}) AS findings
}
RETURN documents, tasks, findings

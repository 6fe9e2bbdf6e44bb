// What a lineage filter needs beyond kind and tier: the organisations behind each node (lead and
// cooperating units of a task, performer of an action, issuer of a document), and a task's status
// claims and deadline. Status "as of" is decided in TypeScript (src/graph/queries/status.ts).
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
RETURN id,
       [(o:Organisation)-[:LEAD|COOPERATES]->(n) | o.key] +
       [(n)-[:PERFORMED_BY|ISSUED_BY]->(o:Organisation) | o.key] AS organisations,
       [(n)-[:HAS_STATUS]->(s:StatusReport) | {value: s.value, reportedOn: s.reportedOn}] AS statuses

// One level of a lineage walk, for every frontier node at once. On the first level the frontier is
// empty and $start holds the root's identity ({label, key}: a seek on that label's uniqueness
// constraint), so finding the root costs no round trip of its own; its properties come back in
// `root`. For each frontier node, its neighbours along the allowed relationship types — $inTypes are
// followed against their direction, $outTypes along it — at most $cap relationships per node, so the
// caller can tell a node with too many neighbours (BREADTH) without loading them all.
// One row per (frontier node, neighbour): parallel relationships (one per source stating the
// relation) are grouped into `rels`, so the neighbour's properties are read once per parent, not once
// per source. A frontier node without neighbours still yields one row (node null), so an existing
// root with nothing below is told apart from a missing one.
// Per neighbour, also: `more` (has it any neighbour of its own along the same types: a walk whose
// frontier is all leaves ends without one more, empty round trip); when $parents, the element ids of
// every node it hangs from (the caller stops at a page only once these are all reached, so the most
// detailed chain of each node on the page is certain); when $facts, what a filter on organisations
// or status reads (lead and cooperating units, performer, issuer; status claims), so filtering needs
// no statement of its own.
CALL {
  UNWIND $frontier AS fid
  MATCH (n) WHERE elementId(n) = fid
  RETURN n
  UNION ALL
  UNWIND $start AS ref
  CALL (ref) {
    MATCH (n:Document {key: ref.key}) WHERE ref.label = 'Document' RETURN n
    UNION ALL
    MATCH (n:Task {key: ref.key}) WHERE ref.label = 'Task' RETURN n
    UNION ALL
    MATCH (n:Action {key: ref.key}) WHERE ref.label = 'Action' RETURN n
    UNION ALL
    MATCH (n:Organisation {key: ref.key}) WHERE ref.label = 'Organisation' RETURN n
    UNION ALL
    MATCH (n:Target {key: ref.key}) WHERE ref.label = 'Target' RETURN n
    UNION ALL
    MATCH (n:Finding {key: ref.key}) WHERE ref.label = 'Finding' RETURN n
    UNION ALL
    MATCH (n:Source {key: ref.key}) WHERE ref.label = 'Source' RETURN n
  }
  RETURN n
}
OPTIONAL CALL (n) {
  CALL (n) {
    MATCH (n)<-[r]-(m)
    WHERE type(r) IN $inTypes AND (m:Document OR m:Task OR m:Action)
    RETURN r, m
    UNION ALL
    MATCH (n)-[r]->(m)
    WHERE type(r) IN $outTypes AND (m:Document OR m:Task OR m:Action)
    RETURN r, m
  }
  RETURN r, m
  LIMIT $cap
}
WITH n, m, collect({rid: elementId(r), type: type(r), start: elementId(startNode(r)), props: properties(r)}) AS rels
RETURN elementId(n) AS fid,
       CASE WHEN $start = [] THEN null ELSE {eid: elementId(n), labels: labels(n), props: properties(n)} END AS root,
       CASE WHEN m IS NULL THEN null ELSE {eid: elementId(m), labels: labels(m), props: properties(m)} END AS node,
       rels,
       m IS NOT NULL AND (EXISTS {
         MATCH (m)<-[r2]-(x)
         WHERE type(r2) IN $inTypes AND (x:Document OR x:Task OR x:Action)
       } OR EXISTS {
         MATCH (m)-[r2]->(x)
         WHERE type(r2) IN $outTypes AND (x:Document OR x:Task OR x:Action)
       }) AS more,
       CASE WHEN $parents AND m IS NOT NULL THEN
         [(m)-[r2]->(p) WHERE type(r2) IN $inTypes AND (p:Document OR p:Task OR p:Action) | elementId(p)] +
         [(m)<-[r2]-(p) WHERE type(r2) IN $outTypes AND (p:Document OR p:Task OR p:Action) | elementId(p)]
       END AS parents,
       CASE WHEN $facts AND m IS NOT NULL THEN {
         organisations: [(o:Organisation)-[:LEAD|COOPERATES]->(m) | o.key] +
                        [(m)-[:PERFORMED_BY|ISSUED_BY]->(o:Organisation) | o.key],
         statuses: [(m)-[:HAS_STATUS]->(s:StatusReport) | {value: s.value, reportedOn: s.reportedOn}]
       } END AS facts

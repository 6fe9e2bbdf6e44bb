// By-parent fetches for many parents at once (one DataLoader batch): for each request, the
// neighbours of node q.eid along q.types in direction q.dir ('OUT' or 'IN') whose label is in
// q.labels, grouped per neighbour (one relationship per source), ordered by date then key, and one
// page of them with the total.
// Only the page is projected, and only as much as the query shows: q.props names the properties to
// read (null: all of them), q.rels whether the relationships (kinds and evidence) are needed. Ordering and counting every neighbour reads two properties each; reading all properties of
// every neighbour and all its relationships, then slicing, was most of the cost of nested
// `implementedBy` selections.
// The batch comes inside a map ($batch): Neo4j keys plans on a list parameter's size (by order of
// magnitude), so as a bare list each new batch size was planned again (0.4–0.8 s here).
UNWIND $batch.requests AS q
MATCH (n) WHERE elementId(n) = q.eid
CALL (n, q) {
  MATCH (n)-[r]->(m)
  WHERE q.dir = 'OUT' AND type(r) IN q.types AND any(l IN labels(m) WHERE l IN q.labels)
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r]-(m)
  WHERE q.dir = 'IN' AND type(r) IN q.types AND any(l IN labels(m) WHERE l IN q.labels)
  RETURN r, m
}
WITH q, m, collect(r) AS rs
ORDER BY q.i, coalesce(m.issuedOn, m.reportedOn, ''), m.key
WITH q, collect({m: m, rs: rs}) AS found
RETURN q.i AS i,
       size(found) AS total,
       [f IN found[q.offset..q.offset + q.limit] | {
         node: {
           eid: elementId(f.m),
           labels: labels(f.m),
           props: CASE WHEN q.props IS NULL THEN properties(f.m) ELSE {key: f.m.key} END,
           values: [k IN coalesce(q.props, []) | f.m[k]]
         },
         rels: CASE WHEN q.rels THEN [r IN f.rs | {rid: elementId(r), type: type(r), props: properties(r)}] ELSE [] END
       }] AS items

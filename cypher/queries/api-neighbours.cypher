// By-parent fetches for many parents at once (one DataLoader batch): for each request, the
// neighbours of node q.eid along q.types in direction q.dir ('OUT' or 'IN') whose label is in
// q.labels, grouped per neighbour with every relationship (one per source) as evidence, ordered by
// date then key, and one page of them with the total.
UNWIND $requests AS q
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
WITH q, m, collect({rid: elementId(r), type: type(r), props: properties(r)}) AS rels
ORDER BY q.i, coalesce(m.issuedOn, m.reportedOn, ''), m.key
WITH q, collect({node: {eid: elementId(m), labels: labels(m), props: properties(m)}, rels: rels}) AS found
RETURN q.i AS i, size(found) AS total, found[q.offset..q.offset + q.limit] AS items

// One level of a lineage walk. For each frontier node, its neighbours along the allowed relationship
// types — $inTypes are followed against their direction, $outTypes along it — at most $cap per node,
// so the caller can tell a node with too many neighbours (BREADTH) without loading them all.
UNWIND $frontier AS fid
MATCH (n) WHERE elementId(n) = fid
CALL (n) {
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
RETURN fid,
       elementId(r) AS rid,
       type(r) AS type,
       elementId(startNode(r)) AS startId,
       properties(r) AS rel,
       {eid: elementId(m), labels: labels(m), props: properties(m)} AS node

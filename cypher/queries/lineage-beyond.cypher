// Whether any frontier node at the depth bound has a neighbour the walk has not seen: the difference
// between "the chain ends here" and "the chain was cut at maxDepth" (MAX_DEPTH). The lists come in
// one map, $walk, as in lineage-walk (one plan whatever their sizes).
UNWIND $walk.frontier AS fid
MATCH (n) WHERE elementId(n) = fid
CALL (n) {
  CALL (n) {
    MATCH (n)<-[r]-(m)
    WHERE type(r) IN $inTypes AND (m:Document OR m:Task OR m:Action)
    RETURN m
    UNION ALL
    MATCH (n)-[r]->(m)
    WHERE type(r) IN $outTypes AND (m:Document OR m:Task OR m:Action)
    RETURN m
  }
  WITH m WHERE NOT elementId(m) IN $walk.seen
  RETURN m
  LIMIT 1
}
RETURN count(m) AS beyond

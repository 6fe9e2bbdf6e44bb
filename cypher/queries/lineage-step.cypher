// One level of a lineage walk. For each frontier node, its neighbours along the allowed relationship
// types — $inTypes are followed against their direction, $outTypes along it — at most $cap per node,
// so the caller can tell a node with too many neighbours (BREADTH) without loading them all.
// A neighbour comes back slim: identity and only the properties the walk and its filters read (tier,
// issue date, deadline), because reading every property of every reached node was most of the cost
// (PROFILE: 5,267 of 5,963 db hits); the page actually returned is fetched in full afterwards.
// `more` says whether the neighbour has any neighbour of its own along the same types, so a walk
// whose frontier is all leaves ends without one more, empty round trip.
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
       {eid: elementId(m), labels: labels(m), props: m {.key, .tier, .issuedOn, .deadlineTo, .recurring}} AS node,
       EXISTS {
         MATCH (m)<-[r2]-(x)
         WHERE type(r2) IN $inTypes AND (x:Document OR x:Task OR x:Action)
       } OR EXISTS {
         MATCH (m)-[r2]->(x)
         WHERE type(r2) IN $outTypes AND (x:Document OR x:Task OR x:Action)
       } AS more

// Opens the ingest of one file (inside its write transaction): the Source node, and the removal of
// everything this file contributed last time — its relationships (r.source) and its mentions. The
// nodes it touched are returned so ingest-finish can delete those no file mentions any more; nodes
// other files mention, and their relationships, are left alone.
MERGE (s:Source {key: $source.key})
WITH s
CALL (s) {
  OPTIONAL MATCH (s)-[:MENTIONS|CONTAINS]->(n)
  RETURN collect(DISTINCT n) AS touched
}
CALL (s, touched) {
  UNWIND touched AS n
  MATCH (n)-[r]-()
  WHERE r.source = s.key
  WITH DISTINCT r
  DELETE r
}
CALL (s) {
  MATCH (s)-[m:MENTIONS|CONTAINS]->()
  DELETE m
}
SET s += $source, s.ingestedAt = datetime()
RETURN [n IN touched | elementId(n)] AS touched

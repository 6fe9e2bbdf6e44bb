// Opens the ingest of one file (inside its write transaction): the Source node, and the removal of
// everything this file contributed last time — its relationships (found by the per-type index on
// r.source, one branch per type the ingest writes) and its mentions. The nodes it touched are
// returned so ingest-finish can delete those no file mentions any more; nodes other files mention,
// and their relationships, are left alone.
MERGE (s:Source {key: $source.key})
WITH s
CALL (s) {
  OPTIONAL MATCH (s)-[:MENTIONS|CONTAINS]->(n)
  RETURN collect(DISTINCT n) AS touched
}
CALL () {
  CALL () {
    MATCH ()-[r:IMPLEMENTS {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:CONTINUES {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:AMENDS {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:REPLACES {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:REPEALS {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:GUIDES {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:BASED_ON {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:PROPOSED_BY {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:REPORTS_ON {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:RESPONDS_TO {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:ISSUED_WITH {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:CITES {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:ISSUED_BY {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:PART_OF {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:ASSIGNED_BY {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:RESULTED_IN {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:LEAD {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:COOPERATES {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:HAS_STATUS {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:REPORTED_BY {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:SERVES {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:PERFORMED_BY {source: $source.key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:FOUND_IN {source: $source.key}]->() RETURN r
  }
  DELETE r
}
CALL (s) {
  MATCH (s)-[m:MENTIONS|CONTAINS]->()
  DELETE m
}
SET s += $source, s.ingestedAt = datetime()
RETURN [n IN touched | elementId(n)] AS touched

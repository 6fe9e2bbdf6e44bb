// Removes everything some files contributed last time, before they are written again (or deleted):
// their relationships, found by the per-type index on r.source (one branch per type the ingest
// writes, so the cost does not grow with how many other files cite the same hub document), and
// their mentions. The nodes themselves are left to ingest-finish, which deletes those no file
// mentions any more.
UNWIND $keys AS key
CALL (key) {
  CALL (key) {
    MATCH ()-[r:IMPLEMENTS {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:CONTINUES {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:AMENDS {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:REPLACES {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:REPEALS {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:GUIDES {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:BASED_ON {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:PROPOSED_BY {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:REPORTS_ON {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:RESPONDS_TO {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:ISSUED_WITH {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:CITES {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:ISSUED_BY {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:PART_OF {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:ASSIGNED_BY {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:RESULTED_IN {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:LEAD {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:COOPERATES {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:HAS_STATUS {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:REPORTED_BY {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:SERVES {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:PERFORMED_BY {source: key}]->() RETURN r
    UNION ALL
    MATCH ()-[r:FOUND_IN {source: key}]->() RETURN r
  }
  DELETE r
}
CALL (key) {
  MATCH (:Source {key: key})-[m:MENTIONS|CONTAINS]->()
  DELETE m
}

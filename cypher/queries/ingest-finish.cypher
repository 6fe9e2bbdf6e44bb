// Closes a file's ingest: nodes it used to mention that no file mentions any more are deleted
// (registry organisations stay), and a document whose own file is gone is no longer held.
CALL {
  UNWIND $touched AS id
  MATCH (n) WHERE elementId(n) = id
  WITH n WHERE NOT EXISTS { (:Source)-[:MENTIONS|CONTAINS]->(n) } AND NOT coalesce(n.registered, false)
  DETACH DELETE n
}
CALL {
  UNWIND $touched AS id
  MATCH (d:Document) WHERE elementId(d) = id AND d.held AND NOT EXISTS { (:Source)-[:CONTAINS]->(d) }
  SET d.held = false
}

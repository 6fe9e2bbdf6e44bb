// Actions (what was done or planned), the tasks and documents they serve, and who performed them.
// An action's tier is its actor's.
MATCH (s:Source {key: $source})
UNWIND $actions AS row
MERGE (a:Action {key: row.key})
SET a += row.props
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: $version}]->(a)
WITH a, row
CALL (a, row) {
  UNWIND row.servesTasks AS key
  MATCH (t:Task {key: key})
  MERGE (a)-[r:SERVES {source: $source}]->(t)
  ON CREATE SET r += row.provenance
}
CALL (a, row) {
  UNWIND row.servesDocuments AS key
  MATCH (d:Document {key: key})
  MERGE (a)-[r:SERVES {source: $source}]->(d)
  ON CREATE SET r += row.provenance
}
CALL (a, row) {
  OPTIONAL MATCH (o:Organisation {key: row.actor})
  FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END |
    MERGE (a)-[r:PERFORMED_BY {source: $source}]->(o)
    ON CREATE SET r += row.provenance
  )
  SET a.tier = o.tier
}

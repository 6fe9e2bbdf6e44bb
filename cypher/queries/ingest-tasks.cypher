// Tasks (nhiệm vụ) with their links: part of the file's document, assigned by / implementing /
// resulting in documents, lead and cooperating organisations, and the status this file reports.
// A task's tier is its (first) lead unit's.
MATCH (s:Source {key: $source}), (self:Document {key: $self})
UNWIND $tasks AS row
MERGE (t:Task {key: row.key})
SET t += row.props
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: $version}]->(t)
MERGE (t)-[p:PART_OF {source: $source}]->(self)
ON CREATE SET p += row.provenance
WITH s, t, row
CALL (t, row) {
  UNWIND row.assignedBy AS key
  MATCH (d:Document {key: key})
  MERGE (t)-[r:ASSIGNED_BY {source: $source}]->(d)
  ON CREATE SET r += row.provenance
}
CALL (t, row) {
  UNWIND row.implements AS key
  MATCH (d:Document {key: key})
  MERGE (t)-[r:IMPLEMENTS {source: $source}]->(d)
  ON CREATE SET r += row.provenance
}
CALL (t, row) {
  UNWIND row.results AS key
  MATCH (d:Document {key: key})
  MERGE (t)-[r:RESULTED_IN {source: $source}]->(d)
  ON CREATE SET r += row.provenance
}
CALL (t, row) {
  UNWIND row.lead AS key
  MATCH (o:Organisation {key: key})
  MERGE (o)-[r:LEAD {source: $source}]->(t)
  ON CREATE SET r += row.provenance
}
CALL (t, row) {
  UNWIND row.cooperating AS key
  MATCH (o:Organisation {key: key})
  MERGE (o)-[r:COOPERATES {source: $source}]->(t)
  ON CREATE SET r += row.provenance
}
CALL (t, row) {
  OPTIONAL MATCH (o:Organisation {key: row.lead[0]})
  SET t.tier = o.tier
}
CALL (s, t, row) {
  UNWIND CASE WHEN row.status IS NULL THEN [] ELSE [row.status] END AS status
  MATCH (d:Document {key: status.reportedBy})
  MERGE (st:StatusReport {key: status.key})
  SET st.value = status.value, st.reportedOn = status.reportedOn, st.label = status.value
  CREATE (s)-[:MENTIONS {start: status.mention.start, end: status.mention.end, quote: status.mention.quote,
    confidence: 1.0, extractorVersion: $version}]->(st)
  MERGE (t)-[h:HAS_STATUS {source: $source}]->(st)
  ON CREATE SET h += row.provenance
  MERGE (st)-[b:REPORTED_BY {source: $source}]->(d)
  ON CREATE SET b += row.provenance
}

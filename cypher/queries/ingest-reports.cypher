// What the file reports about itself: statistics tables and audit findings, both part of (found in)
// the file's own document.
MATCH (s:Source {key: $source}), (self:Document {key: $self})
CALL (s, self) {
  UNWIND $statistics AS row
  MERGE (n:Statistics {key: row.key})
  SET n += row.props
  CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
    extractorVersion: $version}]->(n)
  MERGE (n)-[r:PART_OF {source: $source}]->(self)
  ON CREATE SET r += row.provenance
}
CALL (s, self) {
  UNWIND $findings AS row
  MERGE (f:Finding {key: row.key})
  SET f += row.props
  CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
    extractorVersion: $version}]->(f)
  MERGE (f)-[r:FOUND_IN {source: $source}]->(self)
  ON CREATE SET r += row.provenance
}

// Targets (chỉ tiêu), part of the document that sets them.
MATCH (s:Source {key: $source})
UNWIND $targets AS row
MERGE (g:Target {key: row.key})
SET g += row.props
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: $version}]->(g)
WITH g, row
UNWIND row.setBy AS key
MATCH (d:Document {key: key})
MERGE (g)-[r:PART_OF {source: $source}]->(d)
ON CREATE SET r += row.provenance

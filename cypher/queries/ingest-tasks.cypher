// Tasks (nhiệm vụ): the nodes and this file's mention of each. Their links go through ingest-links
// and their tier through ingest-tiers: one label per statement keeps the plan small (no subqueries,
// no Eager), so it is planned in milliseconds and reused for every file.
MATCH (s:Source {key: $source})
UNWIND $tasks AS row
MERGE (n:Task {key: row.key})
// SET inside MERGE (both branches) rather than after it: a map SET after a MERGE costs two Eagers.
ON CREATE SET n += row.props
ON MATCH SET n += row.props
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: $version}]->(n)

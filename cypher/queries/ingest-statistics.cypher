// Statistics tables a report gives about its own tasks: the nodes and this file's mention of each,
// one label per statement like ingest-tasks (links through ingest-links).
MATCH (s:Source {key: $source})
UNWIND $statistics AS row
MERGE (n:Statistics {key: row.key})
// SET inside MERGE (both branches) rather than after it: a map SET after a MERGE costs two Eagers.
ON CREATE SET n += row.props
ON MATCH SET n += row.props
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: $version}]->(n)

// The status a report claims for a task on a date (one StatusReport per task and reporting document),
// with this file's mention of it.
MATCH (s:Source {key: $source})
UNWIND $statuses AS row
MERGE (n:StatusReport {key: row.key})
ON CREATE SET n.value = row.value, n.reportedOn = row.reportedOn, n.label = row.value
ON MATCH SET n.value = row.value, n.reportedOn = row.reportedOn, n.label = row.value
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: $version}]->(n)

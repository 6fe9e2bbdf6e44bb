// The status a report claims for a task on a date (one StatusReport per task and reporting document),
// with the reporting file's mention of it; rows grouped by file like ingest-tasks.
UNWIND $files AS file
MATCH (s:Source {key: file.source})
UNWIND file.statuses AS row
MERGE (n:StatusReport {key: row.key})
SET n.value = row.value, n.reportedOn = row.reportedOn, n.label = row.value
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: file.version}]->(n)

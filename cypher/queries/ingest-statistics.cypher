// Statistics tables reports give about their own tasks: the nodes and each file's mention of them,
// one label per statement like ingest-tasks (links through ingest-links).
UNWIND $files AS file
MATCH (s:Source {key: file.source})
UNWIND file.statistics AS row
MERGE (n:Statistics {key: row.key})
// Each property by name (null keeps what another file wrote): a map set (`n += row.props`) might
// write `key`, which the next row's MERGE reads, and costs an Eager that buffers the whole batch.
SET n.label = coalesce(row.props.label, n.label),
    n.assigned = coalesce(row.props.assigned, n.assigned),
    n.completed = coalesce(row.props.completed, n.completed),
    n.completedLate = coalesce(row.props.completedLate, n.completedLate),
    n.notCompleted = coalesce(row.props.notCompleted, n.notCompleted),
    n.overdue = coalesce(row.props.overdue, n.overdue),
    n.asOf = coalesce(row.props.asOf, n.asOf)
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: file.version}]->(n)

// Audit findings about the batch's own documents: the nodes and each file's mention of them, one
// label per statement like ingest-tasks (links through ingest-links).
UNWIND $files AS file
MATCH (s:Source {key: file.source})
UNWIND file.findings AS row
MERGE (n:Finding {key: row.key})
// Each property by name (null keeps what another file wrote): a map set (`n += row.props`) might
// write `key`, which the next row's MERGE reads, and costs an Eager that buffers the whole batch.
SET n.label = coalesce(row.props.label, n.label),
    n.kind = coalesce(row.props.kind, n.kind),
    n.severity = coalesce(row.props.severity, n.severity),
    n.messageVi = coalesce(row.props.messageVi, n.messageVi),
    n.messageViFolded = coalesce(row.props.messageViFolded, n.messageViFolded),
    n.messageEn = coalesce(row.props.messageEn, n.messageEn),
    n.messageEnFolded = coalesce(row.props.messageEnFolded, n.messageEnFolded),
    n.evidence = coalesce(row.props.evidence, n.evidence)
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: file.version}]->(n)

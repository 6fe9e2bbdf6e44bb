// Tasks (nhiệm vụ) of every file in the batch, grouped by file: a file's Source is found once and
// its key and extractor version travel once, not on each of its rows (a Source seek and ≈ 80
// characters per row). The nodes, their tier (their first lead unit's, written by
// ingest-organisations just before; null when there is none, so a changed file cannot leave a stale
// tier behind) and the file's mention of each. Their links go through ingest-links, so the plan
// stays seeks, one MERGE, one SET, one CREATE (no subquery, no Eager).
UNWIND $files AS file
MATCH (s:Source {key: file.source})
UNWIND file.tasks AS row
OPTIONAL MATCH (o:Organisation {key: row.tierOf})
MERGE (n:Task {key: row.key})
// Each property by name (null keeps what another file wrote): a map set (`n += row.props`) might
// write `key`, which the next row's MERGE reads, and costs an Eager that buffers the whole batch.
SET n.tier = o.tier,
    n.ref = coalesce(row.props.ref, n.ref),
    n.label = coalesce(row.props.label, n.label),
    n.content = coalesce(row.props.content, n.content),
    n.contentFolded = coalesce(row.props.contentFolded, n.contentFolded),
    n.deadlineText = coalesce(row.props.deadlineText, n.deadlineText),
    n.deadlineFrom = coalesce(row.props.deadlineFrom, n.deadlineFrom),
    n.deadlineTo = coalesce(row.props.deadlineTo, n.deadlineTo),
    n.recurring = coalesce(row.props.recurring, n.recurring),
    n.product = coalesce(row.props.product, n.product),
    n.productFolded = coalesce(row.props.productFolded, n.productFolded),
    n.section = coalesce(row.props.section, n.section)
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: file.version}]->(n)

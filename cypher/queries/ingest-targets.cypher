// Targets (chỉ tiêu) the batch's documents set: the nodes and each file's mention of them, one label
// per statement like ingest-tasks (links through ingest-links).
UNWIND $files AS file
MATCH (s:Source {key: file.source})
UNWIND file.targets AS row
MERGE (n:Target {key: row.key})
// Each property by name (null keeps what another file wrote): a map set (`n += row.props`) might
// write `key`, which the next row's MERGE reads, and costs an Eager that buffers the whole batch.
SET n.label = coalesce(row.props.label, n.label),
    n.indicator = coalesce(row.props.indicator, n.indicator),
    n.indicatorFolded = coalesce(row.props.indicatorFolded, n.indicatorFolded),
    n.unit = coalesce(row.props.unit, n.unit),
    n.comparator = coalesce(row.props.comparator, n.comparator),
    n.value = coalesce(row.props.value, n.value),
    n.valueText = coalesce(row.props.valueText, n.valueText),
    n.horizon = coalesce(row.props.horizon, n.horizon)
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: file.version}]->(n)

// Actions (what was done or planned): the nodes, their tier (their actor's, null when there is
// none) and each file's mention of them, one label per statement like ingest-tasks (links through
// ingest-links).
UNWIND $files AS file
MATCH (s:Source {key: file.source})
UNWIND file.actions AS row
OPTIONAL MATCH (o:Organisation {key: row.tierOf})
MERGE (n:Action {key: row.key})
// Each property by name (null keeps what another file wrote): a map set (`n += row.props`) might
// write `key`, which the next row's MERGE reads, and costs an Eager that buffers the whole batch.
SET n.tier = o.tier,
    n.label = coalesce(row.props.label, n.label),
    n.text = coalesce(row.props.text, n.text),
    n.textFolded = coalesce(row.props.textFolded, n.textFolded),
    n.actor = coalesce(row.props.actor, n.actor),
    n.partners = coalesce(row.props.partners, n.partners),
    n.quantity = coalesce(row.props.quantity, n.quantity),
    n.unit = coalesce(row.props.unit, n.unit),
    n.total = coalesce(row.props.total, n.total)
CREATE (s)-[:MENTIONS {start: row.mention.start, end: row.mention.end, quote: row.mention.quote, confidence: 1.0,
  extractorVersion: file.version}]->(n)

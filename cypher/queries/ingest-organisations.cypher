// Organisations the batch's texts name, grouped by file (its Source key once). Registry organisations
// (loaded by ingest-registry) keep the registry's description; an organisation created from a text
// takes the text's. Properties by name, `registered` last (it is read by the others).
UNWIND $files AS file
MATCH (s:Source {key: file.source})
UNWIND file.organisations AS row
MERGE (o:Organisation {key: row.key})
ON CREATE SET
  o.name = row.props.name,
  o.nameFolded = row.props.nameFolded,
  o.label = row.props.label,
  o.tier = row.props.tier,
  o.jurisdiction = row.props.jurisdiction,
  o.collective = row.props.collective,
  o.registered = row.props.registered
ON MATCH SET
  o.name = CASE WHEN coalesce(o.registered, false) THEN o.name ELSE coalesce(row.props.name, o.name) END,
  o.nameFolded = CASE WHEN coalesce(o.registered, false) THEN o.nameFolded ELSE coalesce(row.props.nameFolded, o.nameFolded) END,
  o.label = CASE WHEN coalesce(o.registered, false) THEN o.label ELSE coalesce(row.props.label, o.label) END,
  o.tier = CASE WHEN coalesce(o.registered, false) THEN o.tier ELSE coalesce(row.props.tier, o.tier) END,
  o.jurisdiction = CASE WHEN coalesce(o.registered, false) THEN o.jurisdiction ELSE coalesce(row.props.jurisdiction, o.jurisdiction) END,
  o.collective = CASE WHEN coalesce(o.registered, false) THEN o.collective ELSE coalesce(row.props.collective, o.collective) END,
  o.registered = coalesce(o.registered, false) OR row.props.registered
FOREACH (m IN row.mentions |
  CREATE (s)-[:MENTIONS {start: m.start, end: m.end, quote: m.quote, confidence: 1.0, extractorVersion: file.version}]->(o)
)

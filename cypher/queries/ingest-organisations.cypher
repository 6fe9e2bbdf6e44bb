// Organisations the text names. Registry organisations (loaded by ingest-registry) keep the
// registry's description; an organisation created from the text takes the text's.
MATCH (s:Source {key: $source})
UNWIND $organisations AS row
MERGE (o:Organisation {key: row.key})
ON CREATE SET o += row.props
ON MATCH SET o += CASE WHEN coalesce(o.registered, false) THEN {} ELSE row.props END
FOREACH (m IN row.mentions |
  CREATE (s)-[:MENTIONS {start: m.start, end: m.end, quote: m.quote, confidence: 1.0, extractorVersion: $version}]->(o)
)

// The file's own document and the documents it cites, with one MENTIONS per place it is cited.
// A document's own text is authoritative: its file sets its properties and marks it held; a
// citation only describes a document nobody holds yet. A document first known from citations is the
// same node (same key), upgraded in place when its own text arrives.
MATCH (s:Source {key: $source})
UNWIND $documents AS row
MERGE (d:Document {key: row.key})
ON CREATE SET d += row.props, d.held = row.own
ON MATCH SET d += CASE WHEN row.own OR NOT d.held THEN row.props ELSE {} END, d.held = d.held OR row.own
FOREACH (_ IN CASE WHEN row.own THEN [1] ELSE [] END |
  CREATE (s)-[:CONTAINS {extractorVersion: $version}]->(d)
)
FOREACH (m IN row.mentions |
  CREATE (s)-[:MENTIONS {start: m.start, end: m.end, quote: m.quote, confidence: row.confidence, extractorVersion: $version}]->(d)
)

// The batch's own documents and the documents they cite, with one MENTIONS per place a file cites
// one; rows grouped by file (its Source key once), in file order. A document's own text is
// authoritative: its file sets its properties and marks it held; a citation only describes a
// document nobody holds yet. A document first known from citations is the same node (same key),
// upgraded in place when its own text arrives. Properties are set by name (a map set costs an Eager:
// it might write `key`, which the next row's MERGE reads); `held` is set last, after the others read it.
UNWIND $files AS file
MATCH (s:Source {key: file.source})
UNWIND file.documents AS row
MERGE (d:Document {key: row.key})
ON CREATE SET
  d.label = row.props.label,
  d.symbol = row.props.symbol,
  d.symbolFolded = row.props.symbolFolded,
  d.type = row.props.type,
  d.system = row.props.system,
  d.issuer = row.props.issuer,
  d.issuerFolded = row.props.issuerFolded,
  d.issuerKey = row.props.issuerKey,
  d.issuedOn = row.props.issuedOn,
  d.year = row.props.year,
  d.title = row.props.title,
  d.titleFolded = row.props.titleFolded,
  d.jurisdiction = row.props.jurisdiction,
  d.ambiguous = row.props.ambiguous,
  d.candidates = row.props.candidates,
  d.held = row.own
ON MATCH SET
  d.label = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.label, d.label) ELSE d.label END,
  d.symbol = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.symbol, d.symbol) ELSE d.symbol END,
  d.symbolFolded = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.symbolFolded, d.symbolFolded) ELSE d.symbolFolded END,
  d.type = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.type, d.type) ELSE d.type END,
  d.system = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.system, d.system) ELSE d.system END,
  d.issuer = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.issuer, d.issuer) ELSE d.issuer END,
  d.issuerFolded = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.issuerFolded, d.issuerFolded) ELSE d.issuerFolded END,
  d.issuerKey = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.issuerKey, d.issuerKey) ELSE d.issuerKey END,
  d.issuedOn = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.issuedOn, d.issuedOn) ELSE d.issuedOn END,
  d.year = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.year, d.year) ELSE d.year END,
  d.title = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.title, d.title) ELSE d.title END,
  d.titleFolded = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.titleFolded, d.titleFolded) ELSE d.titleFolded END,
  d.jurisdiction = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.jurisdiction, d.jurisdiction) ELSE d.jurisdiction END,
  d.ambiguous = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.ambiguous, d.ambiguous) ELSE d.ambiguous END,
  d.candidates = CASE WHEN row.own OR NOT d.held THEN coalesce(row.props.candidates, d.candidates) ELSE d.candidates END,
  d.held = d.held OR row.own
FOREACH (_ IN CASE WHEN row.own THEN [1] ELSE [] END |
  CREATE (s)-[:CONTAINS {extractorVersion: file.version}]->(d)
)
FOREACH (m IN row.mentions |
  CREATE (s)-[:MENTIONS {start: m.start, end: m.end, quote: m.quote, confidence: row.confidence, extractorVersion: file.version}]->(d)
)

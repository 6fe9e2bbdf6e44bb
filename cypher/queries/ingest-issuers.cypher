// Who issued each document (ISSUED_BY, possibly a registry organisation no file of the batch names),
// and a document's tier, which is its issuer's: set by the document's own file, or by a citation
// while nobody holds the document's text. Each row carries its file's Source key; the writer sends
// each (document, organisation, source) once, so CREATE (see ingest-links).
UNWIND $issuers AS row
MATCH (d:Document {key: row.document})
MATCH (o:Organisation {key: row.organisation})
CREATE (d)-[:ISSUED_BY {source: row.source, start: row.start, end: row.end, quote: row.quote, confidence: 1.0,
  extractorVersion: row.version}]->(o)
WITH d, o, row WHERE row.own OR NOT d.held
SET d.tier = o.tier

// Who issued each document (ISSUED_BY, possibly a registry organisation no file of the batch names),
// and a document's tier, which is its issuer's: set by the document's own file, or by a citation
// while nobody holds the document's text. Rows grouped by file like ingest-tasks; the writer sends
// each (document, organisation, source) once, so CREATE (see ingest-links).
UNWIND $files AS file
UNWIND file.issuers AS row
MATCH (d:Document {key: row.document})
MATCH (o:Organisation {key: row.organisation})
CREATE (d)-[:ISSUED_BY {source: file.source, start: row.start, end: row.end, quote: row.quote, confidence: 1.0,
  extractorVersion: file.version}]->(o)
WITH d, o, row WHERE row.own OR NOT d.held
SET d.tier = o.tier

// Who issued each document (ISSUED_BY, possibly a registry organisation this file does not name),
// and a document's tier, which is its issuer's: set by the document's own file, or by a citation
// while nobody holds the document's text.
UNWIND $issuers AS row
MATCH (d:Document {key: row.document})
MATCH (o:Organisation {key: row.organisation})
MERGE (d)-[r:ISSUED_BY {source: $source}]->(o)
ON CREATE SET r.start = row.start, r.end = row.end, r.quote = row.quote, r.confidence = 1.0,
  r.extractorVersion = $version
WITH d, o, row WHERE row.own OR NOT d.held
SET d.tier = o.tier

// Typed relations between documents and who issued them, one relationship per (from, type, to,
// source). The relation kind is a parameter checked against the model's closed list in TypeScript
// (src/graph/rows.ts) before it reaches the dynamic type. A document's tier is its issuer's.
CALL {
  UNWIND $relations AS row
  MATCH (a:Document {key: row.from}), (b:Document {key: row.to})
  MERGE (a)-[r:$(row.kind) {source: $source}]->(b)
  ON CREATE SET r += row.props
}
CALL {
  UNWIND $issuers AS row
  MATCH (d:Document {key: row.document}), (o:Organisation {key: row.organisation})
  MERGE (d)-[r:ISSUED_BY {source: $source}]->(o)
  ON CREATE SET r.start = row.start, r.end = row.end, r.quote = row.quote, r.confidence = 1.0,
    r.extractorVersion = $version
  WITH d, o, row WHERE row.own OR NOT d.held
  SET d.tier = o.tier
}

// Every relationship the batch's files state between nodes the earlier statements of the
// transaction wrote, in one flat batch: ends by element id (returned by ingest-ids), each row with
// its file's Source key. CREATE, not MERGE: ingest-begin removed everything these files wrote
// before and holds their Source nodes' locks, and the writer sends each (from, type, to, source)
// once, so there is nothing to match — no expand over a hub document's thousands of relationships.
// The type comes from the writer's closed set (src/graph/writer.ts; relation kinds are checked
// against the model's list in src/graph/rows.ts) before it reaches the dynamic type. Every row has
// every key (cue is null where there is none), so the plan is cached once.
UNWIND $links AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[:$(row.type) {source: row.source, start: row.start, end: row.end, quote: row.quote,
  confidence: row.confidence, cue: row.cue, extractorVersion: row.version}]->(b)

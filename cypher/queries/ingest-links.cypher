// Every relationship a file states between nodes the earlier statements of its transaction wrote, in
// one flat batch: ends by element id (returned by those statements), one relationship per (from,
// type, to, source). The type comes from the writer's closed set (src/graph/writer.ts; relation
// kinds are checked against the model's list in src/graph/rows.ts) before it reaches the dynamic
// type. Every row has every key (cue is null where there is none), so the plan is cached once.
UNWIND $links AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MERGE (a)-[r:$(row.type) {source: $source}]->(b)
ON CREATE SET r.start = row.start, r.end = row.end, r.quote = row.quote, r.confidence = row.confidence,
  r.cue = row.cue, r.extractorVersion = $version

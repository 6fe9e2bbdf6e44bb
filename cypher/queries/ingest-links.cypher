// Every relationship the batch's files state between nodes the earlier statements of the
// transaction wrote: ends by position in $nodes, the element ids ingest-ids returned, each sent once
// (most nodes end several links). Grouped by file, then by fact — the task, action, relation … a
// file states, whose provenance (span, quote, confidence) every link read from it shares: a task's
// quote is its whole table row and a task has about six links, so the quote travels once per fact
// instead of once per link. CREATE, not MERGE: ingest-begin removed everything these files wrote
// before and holds their Source nodes' locks, and the writer sends each (from, type, to, source)
// once, so there is nothing to match — no expand over a hub document's thousands of relationships.
// The type comes from the writer's closed set (src/graph/writer.ts; relation kinds are checked
// against the model's list in src/graph/rows.ts) before it reaches the dynamic type. Every row has
// every key (a fact's cue is null unless it is a relation between documents), so the plan is cached
// once.
UNWIND $files AS file
UNWIND file.facts AS fact
UNWIND fact.links AS link
MATCH (a) WHERE elementId(a) = $nodes[link.from]
MATCH (b) WHERE elementId(b) = $nodes[link.to]
CREATE (a)-[:$(link.type) {source: file.source, start: fact.start, end: fact.end, quote: fact.quote,
  confidence: fact.confidence, cue: fact.cue, extractorVersion: file.version}]->(b)

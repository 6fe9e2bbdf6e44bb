// Opens the ingest of a batch of files (inside its write transaction): each file's Source node, and
// the nodes the file mentioned or contained last time (none for a new file). Setting the Source's
// properties first takes its write lock, so a concurrent ingest of the same file waits here and
// then sees what the first one wrote. The properties are set by name: a map set might write `key`,
// which the next row's MERGE reads, and would cost an Eager. What the files wrote before is removed
// by ingest-clear, sent only when some file had been ingested before, so that a first ingest never
// pays for planning that statement.
UNWIND $sources AS source
MERGE (s:Source {key: source.key})
SET s.name = source.name, s.label = source.label, s.path = source.path, s.sha256 = source.sha256, s.format = source.format, s.bytes = source.bytes, s.chars = source.chars, s.extractorVersion = source.extractorVersion, s.ingestedAt = datetime()
WITH s
OPTIONAL MATCH (s)-[:MENTIONS|CONTAINS]->(n)
WITH s, collect(DISTINCT elementId(n)) AS touched
RETURN s.key AS key, touched

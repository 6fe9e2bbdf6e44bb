// The element id of every node the batch's statements just wrote, for ingest-links: what each file's
// Source contains or mentions, and the batch's documents by key (a citation always has a mention,
// but the links must not depend on it). A read of its own, because a statement that writes and then
// returns rows needs an Eager before returning them.
CALL () {
  UNWIND $sources AS source
  MATCH (:Source {key: source})-[:MENTIONS|CONTAINS]->(n)
  RETURN n
  UNION
  UNWIND $documents AS key
  MATCH (n:Document {key: key})
  RETURN n
}
RETURN labels(n) AS labels, n.key AS key, elementId(n) AS id

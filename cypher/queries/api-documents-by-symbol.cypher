// Documents whose folded symbol is one of $symbols (index document_symbol), or whose key is $key.
CALL {
  MATCH (d:Document) WHERE d.symbolFolded IN $symbols RETURN d
  UNION
  MATCH (d:Document {key: $key}) RETURN d
}
RETURN {eid: elementId(d), labels: labels(d), props: properties(d)} AS node
ORDER BY d.key
LIMIT 200

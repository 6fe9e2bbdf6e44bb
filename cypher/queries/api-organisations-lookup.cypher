// Organisation candidates for a typed reference: by key or code exactly, else by full-text match on
// the folded name and aliases ($query is built from folded words, every special character escaped).
CALL {
  MATCH (o:Organisation {key: $key}) RETURN o, 100.0 AS score
  UNION
  MATCH (o:Organisation) WHERE o.code = $code RETURN o, 50.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('organisation_search', $query, {limit: 50}) YIELD node, score
  RETURN node AS o, score
}
RETURN {eid: elementId(o), labels: labels(o), props: properties(o)} AS node, max(score) AS score
ORDER BY score DESC, node.props.key

// Full-text search over the folded twins, one index per kind ($indexes). The Lucene query arrives
// built from folded words with every special character escaped (src/graph/queries/search.ts); the
// index name is a procedure argument, so it too is a parameter.
UNWIND $indexes AS idx
CALL db.index.fulltext.queryNodes(idx, $query, {limit: $cap}) YIELD node, score
RETURN {eid: elementId(node), labels: labels(node), props: properties(node)} AS node, score
ORDER BY score DESC, node.props.key

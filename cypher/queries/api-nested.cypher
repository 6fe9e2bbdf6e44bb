// A nested selection of connections (node(id) { implementedBy { edges { node { implementedBy … } } } })
// compiled into one statement (src/api/nested.ts): the roots, each found by key (a seek on the
// Document key constraint) or by element id, with every level below them. One statement instead of
// one per level, because on a busy machine a round trip costs more than the reads of a whole level.
// Each level is one api-nested-level block spliced in at the LEVELS comment below (its text, from
// this directory, with only integers substituted); their results are listed at the RESULTS comment.
// The batch comes inside a map ($batch): Neo4j keys plans on a list parameter's size (by order of
// magnitude), so as a bare list each new batch size was planned again (0.4–0.8 s here).
UNWIND $batch.starts AS s
CALL (s) {
  MATCH (n:Document {key: s.key})
  RETURN n
  UNION
  MATCH (n)
  WHERE elementId(n) = s.eid
  RETURN n
}
WITH s, n AS n0
/*LEVELS*/
RETURN s.i AS i, {eid: elementId(n0), labels: labels(n0), props: properties(n0)} AS root, [/*RESULTS*/] AS levels

// Levels of a lineage walk (src/graph/lineage.ts) in one statement: the frontier's nodes, then one
// lineage-walk-level block per level, spliced in at the LEVELS comment below (only integers are
// substituted into their text), their rows listed at the RESULTS comment. With one level this is one
// step of the level-by-level walk; with several, a whole narrow walk (UPSTREAM: 1–3 parents a node)
// or a whole first page (DOWNSTREAM, $need) in one round trip instead of one per level.
// On the first level the frontier is empty and $walk.start holds the root's identity ({label, key}:
// a seek on that label's uniqueness constraint), so finding the root costs no round trip of its own;
// its properties come back in `root` (no record at all when no such node exists). $walk.seen: every
// node the walk reached before; $need: see lineage-walk-level.
// The walk's lists (frontier, start, seen) come in one map, $walk: Neo4j keys its plan cache on the
// size of each list parameter (by order of magnitude, and empty apart), so as separate parameters a
// continuation (frontier of 1, 2–10, 11–100… nodes, start empty) was a new plan each time — 1.3–2.7 s
// of planning inside a request on this 2-core machine — while inside a map the sizes are not part of
// the key: one plan per level count serves a first page and every continuation.
CALL {
  UNWIND $walk.frontier AS fid
  MATCH (n) WHERE elementId(n) = fid
  RETURN n
  UNION ALL
  UNWIND $walk.start AS ref
  CALL (ref) {
    MATCH (n:Document {key: ref.key}) WHERE ref.label = 'Document' RETURN n
    UNION ALL
    MATCH (n:Task {key: ref.key}) WHERE ref.label = 'Task' RETURN n
    UNION ALL
    MATCH (n:Action {key: ref.key}) WHERE ref.label = 'Action' RETURN n
    UNION ALL
    MATCH (n:Organisation {key: ref.key}) WHERE ref.label = 'Organisation' RETURN n
    UNION ALL
    MATCH (n:Target {key: ref.key}) WHERE ref.label = 'Target' RETURN n
    UNION ALL
    MATCH (n:Finding {key: ref.key}) WHERE ref.label = 'Finding' RETURN n
    UNION ALL
    MATCH (n:Source {key: ref.key}) WHERE ref.label = 'Source' RETURN n
  }
  RETURN n
}
WITH collect(n) AS frontier0
WITH frontier0, [n IN frontier0 | elementId(n)] + $walk.seen AS seen0, $need AS need0
/*LEVELS*/
WITH CASE WHEN $walk.start = [] OR frontier0 = [] THEN null
          ELSE {eid: elementId(frontier0[0]), labels: labels(frontier0[0]), props: properties(frontier0[0])} END AS root,
     [/*RESULTS*/] AS levels
// One record per row, not one record holding every level: a single large record took 40 % longer to
// send and decode (a directive's second level, 172 rows). The root comes with the first row; an
// existing root always has one (a node without neighbours yields a row with node null).
UNWIND range(0, size(levels) - 1) AS k
UNWIND range(0, size(levels[k]) - 1) AS j
RETURN CASE WHEN k = 0 AND j = 0 THEN root END AS root, k, levels[k][j] AS row

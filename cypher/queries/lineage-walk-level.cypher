// One level of a lineage walk (lineage-walk.cypher): for every node of frontier{{prev}} at once, its
// neighbours along the allowed relationship types — $inTypes are followed against their direction,
// $outTypes along it — at most $cap relationships per node, so the caller can tell a node with too
// many neighbours (BREADTH) without loading them all.
// One row per (frontier node, neighbour): parallel relationships (one per source stating the
// relation) are grouped into `rels`, so the neighbour's properties are read once per parent, not once
// per source. A frontier node without neighbours still yields one row (node null), so an existing
// root with nothing below is told apart from a missing one, and an expanded node from one that was not.
// Properties: all of the neighbour's, or, when $props lists some, only those (`values`, in that
// order); the relationships' (provenance) only when $evidence — without it, parallel relationships
// come back once per type and direction (`count` still counts each, for BREADTH).
// Per neighbour, also: `more` (has it any neighbour of its own along the same types: a walk whose
// frontier is all leaves ends without one more, empty level); when $parents, the element ids of
// every node it hangs from (the caller stops at a page only once these are all reached, so the most
// detailed chain of each node on the page is certain); when $facts, what a filter on organisations
// or status reads (lead and cooperating units, performer, issuer; status claims), so filtering needs
// no statement of its own.
// frontier{{k}}: the neighbours first reached here that have neighbours of their own — the next
// level's frontier, the same the caller computes from the rows when nothing was cut (when something
// was, by BREADTH or MAX_NODES, the caller's frontier is smaller and it checks before using a level).
// need{{prev}}: for a first page without a filter (every node matches), how many nodes the page still
// lacks before this level (null otherwise). Once a level has reached that many new nodes, the levels
// after it in this statement read nothing (their frontier is empty): the page is full, and the caller
// reads the next level on its own only if the page is not settled yet. So a first page costs one
// statement, not one per level, and no level beyond it is read.
// Rows and relationships are positional lists, not maps — a row [fid, node [eid, labels, props or
// values], count, rels, more, parents, facts], a relationship [rid, type, start, props] — because the
// driver decodes a map's keys again in every row: for a first page's 207 rows, decoding was a quarter
// of the server's CPU (docs/benchmarks.md, "round 5"). lineage.ts (readLevels) names the positions.
CALL (frontier{{prev}}, seen{{prev}}) {
  UNWIND frontier{{prev}} AS n
  OPTIONAL CALL (n) {
    CALL (n) {
      MATCH (n)<-[r]-(m)
      WHERE type(r) IN $inTypes AND (m:Document OR m:Task OR m:Action)
      RETURN r, m
      UNION ALL
      MATCH (n)-[r]->(m)
      WHERE type(r) IN $outTypes AND (m:Document OR m:Task OR m:Action)
      RETURN r, m
    }
    RETURN r, m
    LIMIT $cap
  }
  WITH n, m, r, CASE WHEN r IS NOT NULL THEN
         [CASE WHEN $evidence THEN elementId(r) END, type(r), elementId(startNode(r)),
          CASE WHEN $evidence THEN properties(r) END] END AS rel
  WITH n, m, count(r) AS count, collect(DISTINCT rel) AS rels
  WITH n, m, count, rels,
       m IS NOT NULL AND (EXISTS {
         MATCH (m)<-[r2]-(x)
         WHERE type(r2) IN $inTypes AND (x:Document OR x:Task OR x:Action)
       } OR EXISTS {
         MATCH (m)-[r2]->(x)
         WHERE type(r2) IN $outTypes AND (x:Document OR x:Task OR x:Action)
       }) AS more
  RETURN collect([
           elementId(n),
           CASE WHEN m IS NULL THEN null WHEN $props IS NULL THEN [elementId(m), labels(m), properties(m)]
                ELSE [elementId(m), labels(m), [name IN $props | m[name]]] END,
           count,
           rels,
           more,
           CASE WHEN $parents AND m IS NOT NULL THEN
             [(m)-[r2]->(p) WHERE type(r2) IN $inTypes AND (p:Document OR p:Task OR p:Action) | elementId(p)] +
             [(m)<-[r2]-(p) WHERE type(r2) IN $outTypes AND (p:Document OR p:Task OR p:Action) | elementId(p)]
           END,
           CASE WHEN $facts AND m IS NOT NULL THEN {
             organisations: [(o:Organisation)-[:LEAD|COOPERATES]->(m) | o.key] +
                            [(m)-[:PERFORMED_BY|ISSUED_BY]->(o:Organisation) | o.key],
             statuses: [(m)-[:HAS_STATUS]->(s:StatusReport) | {value: s.value, reportedOn: s.reportedOn}]
           } END
         ]) AS rows{{k}},
         collect(DISTINCT CASE WHEN more AND NOT elementId(m) IN seen{{prev}} THEN m END) AS next{{k}},
         count(DISTINCT CASE WHEN NOT elementId(m) IN seen{{prev}} THEN m END) AS added{{k}}
}
WITH *, seen{{prev}} + [x IN rows{{k}} WHERE x[1] IS NOT NULL | x[1][0]] AS seen{{k}},
     CASE WHEN need{{prev}} > added{{k}} THEN need{{prev}} - added{{k}} WHEN need{{prev}} IS NOT NULL THEN 0 END AS need{{k}}
WITH *, CASE WHEN need{{k}} = 0 THEN [] ELSE next{{k}} END AS frontier{{k}}

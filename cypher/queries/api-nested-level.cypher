// One level of a compiled nested selection (api-nested.cypher): the page of documents implementing
// ({{out}} = 0) or implemented by ({{out}} = 1) n{{parent}} that api-neighbours would return for the
// same request ($levels[{{id}}]: offset, end, props, rels) — same order (date, then key), same total,
// same projection — and,
// per item, the levels below it (spliced in at the LEVELS comment, listed at the RESULTS one). Items carry their
// index `i`, so their order does not rest on collect() keeping row order. The relationship types and
// the label are written out (not parameters, as in api-neighbours) so the expansion is typed: a
// third of the db hits of filtering every relationship of a node.
CALL (n{{parent}}) {
  CALL (n{{parent}}) {
    MATCH (n{{parent}})-[r:IMPLEMENTS|CONTINUES]->(m:Document)
    WHERE {{out}} = 1
    RETURN r, m
    UNION ALL
    MATCH (n{{parent}})<-[r:IMPLEMENTS|CONTINUES]-(m:Document)
    WHERE {{out}} = 0
    RETURN r, m
  }
  WITH m, collect(r) AS rs
  ORDER BY coalesce(m.issuedOn, m.reportedOn, ''), m.key
  WITH collect({m: m, rs: rs}) AS found
  WITH size(found) AS total, found[$levels[{{id}}].offset..$levels[{{id}}].end] AS page
  CALL (page) {
    UNWIND range(0, size(page) - 1) AS i
    WITH i, page[i].m AS n{{id}}, page[i].rs AS rs
    /*LEVELS*/
    RETURN collect({
      i: i,
      node: {
        eid: elementId(n{{id}}),
        labels: labels(n{{id}}),
        props: CASE WHEN $levels[{{id}}].props IS NULL THEN properties(n{{id}}) ELSE {key: n{{id}}.key} END,
        values: [k IN coalesce($levels[{{id}}].props, []) | n{{id}}[k]]
      },
      rels: CASE WHEN $levels[{{id}}].rels THEN [r IN rs | {rid: elementId(r), type: type(r), props: properties(r)}] ELSE [] END,
      levels: [/*RESULTS*/]
    }) AS items
  }
  RETURN {total: total, items: items} AS l{{id}}
}

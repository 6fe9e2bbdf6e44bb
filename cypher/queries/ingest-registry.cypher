// The organisation registry (seeds/registry/, src/extract/organisations) as Organisation nodes with
// their hierarchy (PART_OF parent) and succession (SUCCEEDED_BY), in one batch. The Registry node
// keeps the checksum of what was loaded, so an unchanged registry is not written again.
UNWIND $organisations AS row
MERGE (o:Organisation {key: row.key})
SET o += row.props, o.registered = true
WITH collect(o) AS loaded
CALL {
  UNWIND $organisations AS row
  WITH row WHERE row.parent IS NOT NULL
  MATCH (o:Organisation {key: row.key}), (p:Organisation {key: row.parent})
  MERGE (o)-[:PART_OF]->(p)
}
CALL {
  UNWIND $organisations AS row
  WITH row WHERE row.successor IS NOT NULL
  MATCH (o:Organisation {key: row.key}), (n:Organisation {key: row.successor})
  MERGE (o)-[:SUCCEEDED_BY]->(n)
}
MERGE (r:Registry {key: 'organisations'})
SET r.checksum = $checksum, r.count = size(loaded), r.loadedAt = datetime()

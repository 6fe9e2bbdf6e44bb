// Which actions serve a document: the actions serving a task or document that implements it
// (or continues it), directly or through any chain of implementing documents, each with its
// shortest chain. $symbolFolded is the folded canonical symbol ("36-nq/tw"); $tiers limits the
// actions to those tiers (null for all); {{maxDepth}} bounds the chain length.
MATCH (root:Document {symbolFolded: $symbolFolded})
MATCH chain = (a:Action)-[:SERVES]->()-[:IMPLEMENTS|CONTINUES*1..{{maxDepth}}]->(root)
WHERE $tiers IS NULL OR a.tier IN $tiers
WITH a, chain ORDER BY length(chain)
WITH a, head(collect(chain)) AS chain
RETURN a.key AS key, a.text AS text, a.tier AS tier,
       [n IN nodes(chain) | coalesce(n.symbol, n.ref, n.label)] AS via
ORDER BY a.key

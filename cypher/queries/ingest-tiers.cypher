// A task's tier is its first lead unit's, an action's its actor's (null when there is none, so a
// changed file cannot leave a stale tier behind).
UNWIND $tiers AS row
MATCH (n) WHERE elementId(n) = row.node
OPTIONAL MATCH (o:Organisation {key: row.organisation})
SET n.tier = o.tier

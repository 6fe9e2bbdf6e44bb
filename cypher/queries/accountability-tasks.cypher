// Tasks per lead unit (cơ quan chủ trì) with everything "status as of" and "overdue" need; restricted
// to the tasks under a root ($tasks, element ids) and to some organisations ($organisations, keys)
// when those are not null.
MATCH (o:Organisation)-[:LEAD]->(t:Task)
WHERE ($tasks IS NULL OR elementId(t) IN $tasks)
  AND ($organisations IS NULL OR o.key IN $organisations)
WITH o, t, [(t)-[:HAS_STATUS]->(s:StatusReport) | {value: s.value, reportedOn: s.reportedOn}] AS statuses
ORDER BY t.key
RETURN {eid: elementId(o), labels: labels(o), props: properties(o)} AS organisation,
       collect({node: {eid: elementId(t), labels: labels(t), props: properties(t)}, statuses: statuses}) AS tasks

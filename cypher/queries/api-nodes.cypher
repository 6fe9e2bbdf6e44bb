// Nodes by identity (label + key). One branch per label so each lookup is a seek on that label's
// uniqueness constraint; the label is a parameter compared in WHERE, never spliced into the text.
// The batch comes inside a map ($batch): Neo4j keys plans on a list parameter's size (by order of
// magnitude), so as a bare list each new batch size was planned again (0.4–0.8 s here).
UNWIND $batch.refs AS ref
CALL (ref) {
  MATCH (n:Document {key: ref.key}) WHERE ref.label = 'Document' RETURN n
  UNION ALL
  MATCH (n:Organisation {key: ref.key}) WHERE ref.label = 'Organisation' RETURN n
  UNION ALL
  MATCH (n:Task {key: ref.key}) WHERE ref.label = 'Task' RETURN n
  UNION ALL
  MATCH (n:Action {key: ref.key}) WHERE ref.label = 'Action' RETURN n
  UNION ALL
  MATCH (n:Target {key: ref.key}) WHERE ref.label = 'Target' RETURN n
  UNION ALL
  MATCH (n:Finding {key: ref.key}) WHERE ref.label = 'Finding' RETURN n
  UNION ALL
  MATCH (n:Source {key: ref.key}) WHERE ref.label = 'Source' RETURN n
}
RETURN ref.uid AS uid, {eid: elementId(n), labels: labels(n), props: properties(n)} AS node

// Ends a source's deletion: the Source node itself, once ingest-begin has removed what the file
// contributed and ingest-finish the nodes only it mentioned.
MATCH (s:Source {key: $key})
DETACH DELETE s

// What the graph holds of some files: checksum and extractor version per Source key, to skip
// unchanged files (one read for a whole batch; keys with no Source give no row).
UNWIND $keys AS key
MATCH (s:Source {key: key})
RETURN key, s.sha256 AS sha256, s.extractorVersion AS extractorVersion

// What the graph holds of a file: its checksum and extractor version, to skip unchanged files.
MATCH (s:Source {key: $key})
RETURN s.sha256 AS sha256, s.extractorVersion AS extractorVersion

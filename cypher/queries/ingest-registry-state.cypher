// The checksum of the organisation registry last loaded into the graph (null when never loaded).
OPTIONAL MATCH (r:Registry {key: 'organisations'})
RETURN r.checksum AS checksum

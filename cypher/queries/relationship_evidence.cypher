// The evidence for the relationships between two named nodes (either direction): sentences as JSON, cited source ids.
// @param a string  name of one end, e.g. "Pakistan"
// @param b string  name of the other end, e.g. "Azerbaijan"
MATCH (x)-[r]->(y)
WHERE (x.name = $a AND y.name = $b) OR (x.name = $b AND y.name = $a)
RETURN x.name AS source, type(r) AS type, y.name AS target, r.evidence_json AS evidence, r.source_ids AS sources
ORDER BY source, type, target, x.id, y.id

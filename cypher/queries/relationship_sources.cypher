// The Source nodes (title, url) that the evidence for relationships between two named nodes cites.
// @param a string  name of one end, e.g. "Pakistan"
// @param b string  name of the other end, e.g. "Azerbaijan"
MATCH (x)-[r]->(y)
WHERE (x.name = $a AND y.name = $b) OR (x.name = $b AND y.name = $a)
MATCH (s:Source) WHERE s.id IN r.source_ids
RETURN x.name AS source, type(r) AS type, y.name AS target, s.name AS cited, s.title AS title, s.url AS url
ORDER BY source, type, target, cited, s.id

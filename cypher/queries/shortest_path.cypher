// Shortest chain of relationships between two actors, in any direction (at most 8 hops).
// @param actor_a string  name of one actor, e.g. "Ilham Aliyev"
// @param actor_b string  name of the other, e.g. "Pakistan"
MATCH (a {name: $actor_a}), (b {name: $actor_b})
WHERE a <> b
MATCH p = shortestPath((a)-[*..8]-(b))
RETURN [n IN nodes(p) | n.name] AS path, [r IN relationships(p) | type(r)] AS relationships, length(p) AS hops
ORDER BY hops, a.id, b.id

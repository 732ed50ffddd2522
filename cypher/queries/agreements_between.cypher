// Agreements to which both states are party, in date order.
// @param state_a string  one state's name, e.g. "Pakistan"
// @param state_b string  the other state's name, e.g. "Azerbaijan"
MATCH (a:State)-[:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(b:State)
WHERE a.name = $state_a AND b.name = $state_b
RETURN g.date AS date, g.name AS agreement, g.agreement_type AS type, g.id AS id
ORDER BY g.date_start, g.name, g.id

// Who met whom and when: pairs of actors at the same meeting, visit, summit, conference, talks or signing.
MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b)
WHERE a.id < b.id AND e.event_type IN ["Meeting", "Visit", "Summit", "Conference", "Negotiation", "Signing"]
RETURN a.name AS actor_a, b.name AS actor_b, e.name AS event, e.date AS date
ORDER BY e.date_start, e.id, a.id, b.id

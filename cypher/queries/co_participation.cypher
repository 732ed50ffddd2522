// Co-participation network: pairs of actors and the number of events they took part in together.
MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b)
WHERE a.id < b.id
RETURN a.name AS actor_a, b.name AS actor_b, COUNT(e) AS shared_events
ORDER BY shared_events DESC, actor_a, actor_b

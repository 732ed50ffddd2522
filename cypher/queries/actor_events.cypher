// Events an actor took part in, in date order (undated last), with the actor's role.
// @param actor string  exact name of a state, person or organisation, e.g. "Pakistan"
MATCH (a)-[r:PARTICIPATED_IN]->(e:Event)
WHERE a.name = $actor
RETURN e.date AS date, e.name AS event, e.event_type AS type, r.role AS role, e.id AS id
ORDER BY e.date_start, e.name, e.id

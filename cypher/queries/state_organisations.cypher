// Organisations a state is a member of.
// @param state string  the state's name, e.g. "Azerbaijan"
MATCH (s:State)-[:MEMBER_OF]->(o:Organisation)
WHERE s.name = $state
RETURN o.name AS organisation, o.abbreviation AS abbreviation, o.id AS id
ORDER BY o.name, o.id

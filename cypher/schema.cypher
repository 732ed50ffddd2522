// briefgraph Neo4j schema, generated from graph/schema.json by briefgraph.cypher.schema.
// Uniqueness constraints on id (one per label) back every MERGE; indexes serve lookups
// by name and date. Safe to run again (IF NOT EXISTS).
CREATE CONSTRAINT briefgraph_state_id IF NOT EXISTS FOR (n:`State`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT briefgraph_person_id IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT briefgraph_organisation_id IF NOT EXISTS FOR (n:`Organisation`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT briefgraph_place_id IF NOT EXISTS FOR (n:`Place`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT briefgraph_event_id IF NOT EXISTS FOR (n:`Event`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT briefgraph_agreement_id IF NOT EXISTS FOR (n:`Agreement`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT briefgraph_source_id IF NOT EXISTS FOR (n:`Source`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT briefgraph_briefgraphdocument_id IF NOT EXISTS FOR (n:`BriefgraphDocument`) REQUIRE n.id IS UNIQUE;
CREATE INDEX briefgraph_state_name IF NOT EXISTS FOR (n:`State`) ON (n.name);
CREATE INDEX briefgraph_person_name IF NOT EXISTS FOR (n:`Person`) ON (n.name);
CREATE INDEX briefgraph_organisation_name IF NOT EXISTS FOR (n:`Organisation`) ON (n.name);
CREATE INDEX briefgraph_place_name IF NOT EXISTS FOR (n:`Place`) ON (n.name);
CREATE INDEX briefgraph_event_name IF NOT EXISTS FOR (n:`Event`) ON (n.name);
CREATE INDEX briefgraph_event_date_start IF NOT EXISTS FOR (n:`Event`) ON (n.date_start);
CREATE INDEX briefgraph_agreement_name IF NOT EXISTS FOR (n:`Agreement`) ON (n.name);
CREATE INDEX briefgraph_agreement_date_start IF NOT EXISTS FOR (n:`Agreement`) ON (n.date_start);
CREATE INDEX briefgraph_source_name IF NOT EXISTS FOR (n:`Source`) ON (n.name);
CREATE INDEX briefgraph_source_date_start IF NOT EXISTS FOR (n:`Source`) ON (n.date_start);

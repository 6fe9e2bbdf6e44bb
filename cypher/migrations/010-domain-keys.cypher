// One node per key for every label of the graph model (docs/graph-model.md). The uniqueness
// constraints also give each label its key index, which every MERGE of the writer uses.
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organisation_key IF NOT EXISTS FOR (n:Organisation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT task_key IF NOT EXISTS FOR (n:Task) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT target_key IF NOT EXISTS FOR (n:Target) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT action_key IF NOT EXISTS FOR (n:Action) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT status_report_key IF NOT EXISTS FOR (n:StatusReport) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT statistics_key IF NOT EXISTS FOR (n:Statistics) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT finding_key IF NOT EXISTS FOR (n:Finding) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT registry_key IF NOT EXISTS FOR (n:Registry) REQUIRE n.key IS UNIQUE;

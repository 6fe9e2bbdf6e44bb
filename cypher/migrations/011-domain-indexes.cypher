// Lookups other than by key: a citation typed by a user is resolved by symbol (folded) within a
// jurisdiction; lineage and accountability filter by tier; "unchanged file?" looks up the checksum.
CREATE INDEX document_symbol IF NOT EXISTS FOR (n:Document) ON (n.symbolFolded);
CREATE INDEX document_jurisdiction IF NOT EXISTS FOR (n:Document) ON (n.jurisdiction);
CREATE INDEX document_tier IF NOT EXISTS FOR (n:Document) ON (n.tier);
CREATE INDEX document_held IF NOT EXISTS FOR (n:Document) ON (n.held);
CREATE INDEX document_issued_on IF NOT EXISTS FOR (n:Document) ON (n.issuedOn);
CREATE INDEX organisation_code IF NOT EXISTS FOR (n:Organisation) ON (n.code);
CREATE INDEX organisation_jurisdiction IF NOT EXISTS FOR (n:Organisation) ON (n.jurisdiction);
CREATE INDEX organisation_tier IF NOT EXISTS FOR (n:Organisation) ON (n.tier);
CREATE INDEX task_tier IF NOT EXISTS FOR (n:Task) ON (n.tier);
CREATE INDEX task_deadline IF NOT EXISTS FOR (n:Task) ON (n.deadlineTo);
CREATE INDEX action_tier IF NOT EXISTS FOR (n:Action) ON (n.tier);
CREATE INDEX status_report_on IF NOT EXISTS FOR (n:StatusReport) ON (n.reportedOn);
CREATE INDEX finding_kind IF NOT EXISTS FOR (n:Finding) ON (n.kind);
CREATE INDEX source_sha256 IF NOT EXISTS FOR (n:Source) ON (n.sha256);

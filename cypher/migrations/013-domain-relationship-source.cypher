// Every relationship read from a text carries the key of its Source. Re-ingesting a changed file
// removes that file's relationships by these indexes, so the cost does not grow with how many other
// files cite the same hub document (36-NQ/TW is cited by every province).
CREATE INDEX rel_implements_source IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.source);
CREATE INDEX rel_continues_source IF NOT EXISTS FOR ()-[r:CONTINUES]-() ON (r.source);
CREATE INDEX rel_amends_source IF NOT EXISTS FOR ()-[r:AMENDS]-() ON (r.source);
CREATE INDEX rel_replaces_source IF NOT EXISTS FOR ()-[r:REPLACES]-() ON (r.source);
CREATE INDEX rel_repeals_source IF NOT EXISTS FOR ()-[r:REPEALS]-() ON (r.source);
CREATE INDEX rel_guides_source IF NOT EXISTS FOR ()-[r:GUIDES]-() ON (r.source);
CREATE INDEX rel_based_on_source IF NOT EXISTS FOR ()-[r:BASED_ON]-() ON (r.source);
CREATE INDEX rel_proposed_by_source IF NOT EXISTS FOR ()-[r:PROPOSED_BY]-() ON (r.source);
CREATE INDEX rel_reports_on_source IF NOT EXISTS FOR ()-[r:REPORTS_ON]-() ON (r.source);
CREATE INDEX rel_responds_to_source IF NOT EXISTS FOR ()-[r:RESPONDS_TO]-() ON (r.source);
CREATE INDEX rel_issued_with_source IF NOT EXISTS FOR ()-[r:ISSUED_WITH]-() ON (r.source);
CREATE INDEX rel_cites_source IF NOT EXISTS FOR ()-[r:CITES]-() ON (r.source);
CREATE INDEX rel_issued_by_source IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() ON (r.source);
CREATE INDEX rel_part_of_source IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.source);
CREATE INDEX rel_assigned_by_source IF NOT EXISTS FOR ()-[r:ASSIGNED_BY]-() ON (r.source);
CREATE INDEX rel_resulted_in_source IF NOT EXISTS FOR ()-[r:RESULTED_IN]-() ON (r.source);
CREATE INDEX rel_lead_source IF NOT EXISTS FOR ()-[r:LEAD]-() ON (r.source);
CREATE INDEX rel_cooperates_source IF NOT EXISTS FOR ()-[r:COOPERATES]-() ON (r.source);
CREATE INDEX rel_has_status_source IF NOT EXISTS FOR ()-[r:HAS_STATUS]-() ON (r.source);
CREATE INDEX rel_reported_by_source IF NOT EXISTS FOR ()-[r:REPORTED_BY]-() ON (r.source);
CREATE INDEX rel_serves_source IF NOT EXISTS FOR ()-[r:SERVES]-() ON (r.source);
CREATE INDEX rel_performed_by_source IF NOT EXISTS FOR ()-[r:PERFORMED_BY]-() ON (r.source);
CREATE INDEX rel_found_in_source IF NOT EXISTS FOR ()-[r:FOUND_IN]-() ON (r.source);

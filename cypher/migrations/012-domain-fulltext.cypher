// Diacritic-insensitive search. The indexed properties are folded copies (diacritics removed,
// đ→d, lower case) written by the ingest; the analyzer keeps stop words because Neo4j's English
// stop list deletes Vietnamese syllables (to, the, an, no). One index per searchable kind, so the
// API can rank documents among documents.
CREATE FULLTEXT INDEX document_search IF NOT EXISTS FOR (n:Document) ON EACH [n.symbolFolded, n.titleFolded, n.issuerFolded]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX organisation_search IF NOT EXISTS FOR (n:Organisation) ON EACH [n.nameFolded, n.aliasesFolded]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX task_search IF NOT EXISTS FOR (n:Task) ON EACH [n.contentFolded, n.productFolded]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX action_search IF NOT EXISTS FOR (n:Action) ON EACH [n.textFolded]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX target_search IF NOT EXISTS FOR (n:Target) ON EACH [n.indicatorFolded]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX finding_search IF NOT EXISTS FOR (n:Finding) ON EACH [n.messageViFolded, n.messageEnFolded]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };

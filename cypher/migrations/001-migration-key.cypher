// One record per migration file: the name is the key (see src/graph/migrations.ts).
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE;

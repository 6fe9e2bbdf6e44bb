// Waits until every index is online: after an offline import, the migrations' constraints and
// indexes are populated from the imported store in the background, and a load is done only when
// the queries that need them are fast.
CALL db.awaitIndexes($seconds)

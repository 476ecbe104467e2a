-- Inbox search (issue 13 point 6): trigram indexes over a folded form of message texts and client names,
-- so partial words match in Russian, Kyrgyz and English, case-insensitively, and Kyrgyz letters typed
-- without their marks match (ң→н, ө→о, ү→у, ё→е). src/server/domain/conversations/inbox-search.ts folds
-- the query the same way (foldSearchText). The indexes are expression indexes Prisma's schema cannot
-- state, they live here only, and a later `migrate dev` must not drop them: check its generated SQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- lower() follows the database's LC_CTYPE: a UTF-8 one (C.UTF-8, the cluster default here, or ru_RU.UTF-8)
-- lowers Cyrillic. One short translate keeps the function cheap: it runs on every recheck of an index hit.
CREATE OR REPLACE FUNCTION soul_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(lower(t), 'ёңөү', 'еноу') $$;

CREATE INDEX "messages_search_trgm" ON "messages" USING gin ("organizationId", soul_fold("content") gin_trgm_ops);
CREATE INDEX "clients_name_search_trgm" ON "clients" USING gin ("organizationId", soul_fold(coalesce("name", '')) gin_trgm_ops);
CREATE INDEX "clients_phone_search_trgm" ON "clients" USING gin ("organizationId", coalesce("phone", '') gin_trgm_ops);

-- Newest messages of an organization first: a common query ("ста") walks this index and stops at the page,
-- a rare one uses the trigram index.
CREATE INDEX "messages_organizationId_createdAt_idx" ON "messages"("organizationId", "createdAt" DESC);

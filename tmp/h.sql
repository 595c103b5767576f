EXPLAIN (ANALYZE) SELECT r.record, r.id::text AS id, r.seq, b."createdAt" AS "batchAt", b.id::text AS "batchId"
FROM (SELECT 'contacts'::text AS record, e.id, e."batchId", e.seq FROM "ContactEvent" e WHERE e."companyId" = '53f7e95e-e6bc-4223-8799-1042422e04c9'::uuid) r
JOIN "ChangeBatch" b ON b."companyId" = '53f7e95e-e6bc-4223-8799-1042422e04c9'::uuid AND b.id = r."batchId"
WHERE b."companyId" = '53f7e95e-e6bc-4223-8799-1042422e04c9'::uuid
ORDER BY b."createdAt" DESC, b.id DESC, r.record DESC, r.seq DESC LIMIT 50 OFFSET 0;
EXPLAIN (ANALYZE) SELECT count(*) FROM (SELECT 'contacts'::text AS record, e.id, e."batchId", e.seq FROM "ContactEvent" e WHERE e."companyId" = '53f7e95e-e6bc-4223-8799-1042422e04c9'::uuid) r
JOIN "ChangeBatch" b ON b."companyId" = '53f7e95e-e6bc-4223-8799-1042422e04c9'::uuid AND b.id = r."batchId" WHERE b."companyId" = '53f7e95e-e6bc-4223-8799-1042422e04c9'::uuid;
EXPLAIN (ANALYZE) SELECT count(*) FROM "ContactEvent" e WHERE e."companyId" = '53f7e95e-e6bc-4223-8799-1042422e04c9'::uuid;

EXPLAIN (ANALYZE, BUFFERS) SELECT v.id::text AS id, v.name, m.members AS "memberCount"
    FROM (SELECT c."vendorId", count(*)::int AS members
    FROM "ProjectContact" pc
    JOIN "Contact" c ON c."companyId" = pc."companyId" AND c.id = pc."contactId"
    WHERE pc."companyId" = '205ea0d7-2ecd-4e42-9402-f78112659ef8'::uuid AND pc."projectId" = :'pr'::uuid AND pc.status = 'ACTIVE'
      AND c."companyId" = '205ea0d7-2ecd-4e42-9402-f78112659ef8'::uuid AND c.status = 'ACTIVE' AND c."vendorId" IS NOT NULL
    GROUP BY c."vendorId") m
    JOIN "Vendor" v ON v."companyId" = '205ea0d7-2ecd-4e42-9402-f78112659ef8'::uuid AND v.id = m."vendorId"
    WHERE v."companyId" = '205ea0d7-2ecd-4e42-9402-f78112659ef8'::uuid
    ORDER BY m.members DESC NULLS LAST, lower(v.name) DESC, v.id DESC LIMIT 50;

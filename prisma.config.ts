import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only: migrations are plain SQL applied by
// src/server/db/migrate.ts (Prisma's schema engine cannot be downloaded offline).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

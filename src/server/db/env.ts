import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  ROLLCALL_DATA_DIR: z.string().min(1).default(".data"),
  ROLLCALL_DEMO_DATA: z.enum(["auto", "off"]).default("auto"),
});

export type DatabaseEnv = z.infer<typeof envSchema>;

export function readDatabaseEnv(env: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  const parsed = envSchema.safeParse({
    DATABASE_URL: env.DATABASE_URL || undefined,
    ROLLCALL_DATA_DIR: env.ROLLCALL_DATA_DIR || undefined,
    ROLLCALL_DEMO_DATA: env.ROLLCALL_DEMO_DATA || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid database settings: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function embeddedDataDir(env: DatabaseEnv): string {
  return path.resolve(process.cwd(), env.ROLLCALL_DATA_DIR, "pglite");
}

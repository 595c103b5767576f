import { z } from "zod";

export const signInSchema = z.object({
  email: z.email({ error: "Enter the email address you sign in with." }).max(254),
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

/** Where to go after signing in: a path on this site only, never another host. */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

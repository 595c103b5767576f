import { z } from "zod";

export const signInSchema = z.object({
  email: z.email({ error: "Enter the email address you sign in with." }).max(254),
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

const THIS_SITE = "http://rollcall.invalid";

/**
 * Where to go after signing in: a path on this site only, never another host. Browsers
 * drop tabs and line breaks from URLs and read a backslash as a slash ("/\t/evil.example"
 * is "//evil.example" to them), so a value holding any is refused outright; what remains
 * must resolve to this site, and goes out percent-encoded (a raw "。" or line break in a
 * Location header fails the response).
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, THIS_SITE);
  } catch {
    return "/";
  }
  return url.origin === THIS_SITE ? `${url.pathname}${url.search}${url.hash}` : "/";
}

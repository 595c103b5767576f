import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/log/logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger(stream) };
}

describe("the app's log lines", () => {
  it("are JSON with a level name, a time and the request id they were given", () => {
    const { lines, logger } = capture();
    logger.error({ requestId: "req-123" }, "API request failed");
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: "error",
      requestId: "req-123",
      msg: "API request failed",
      service: "rollcall",
    });
    expect(new Date(line.time as string).toString()).not.toBe("Invalid Date");
  });

  it("never carry a password, token, cookie, authorization header or secret, at the top or nested", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: "hunter2-top",
        body: { email: "ann@example.com", password: "hunter2-body", newPassword: "hunter2-new" },
        headers: { authorization: "Bearer rc_secret-token", cookie: "better-auth.session_token=abc123" },
        request: { headers: { cookie: "session=xyz789" } },
        token: "rc_another-token",
        BETTER_AUTH_SECRET: "the-auth-secret",
      },
      "sign-in",
    );
    const out = lines.join("");
    for (const secret of [
      "hunter2-top",
      "hunter2-body",
      "hunter2-new",
      "rc_secret-token",
      "abc123",
      "xyz789",
      "rc_another-token",
      "the-auth-secret",
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("ann@example.com");
    expect(out).toContain("[redacted]");
  });
});

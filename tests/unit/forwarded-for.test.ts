import { expect, test } from "vitest";
import { forwardedFor } from "../../scripts/forwarded-for.mjs";

test("without trusted proxies the connection's address is the client's, whatever X-Forwarded-For it sent", () => {
  expect(forwardedFor(undefined, "203.0.113.7", false)).toBe("203.0.113.7");
  expect(forwardedFor("198.51.100.1", "203.0.113.7", false)).toBe("203.0.113.7");
  expect(forwardedFor(["1.1.1.1", "2.2.2.2"], "203.0.113.7", false)).toBe("203.0.113.7");
});

test("behind trusted proxies the peer joins the chain, as a proxy appends it", () => {
  expect(forwardedFor("198.51.100.1, 203.0.113.7", "10.0.0.1", true)).toBe("198.51.100.1, 203.0.113.7, 10.0.0.1");
  expect(forwardedFor(undefined, "10.0.0.1", true)).toBe("10.0.0.1");
  // Straight to the app, past the proxy: the chain ends with the sender's own address.
  expect(forwardedFor("10.9.9.9", "203.0.113.7", true)).toBe("10.9.9.9, 203.0.113.7");
});

import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // Next.js resolves "server-only" to an empty module on the server; so do the tests.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          sequence: { groupOrder: 0 },
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/global-setup.ts"],
          // Signs the session cookies of the sign-in tests; never used outside tests.
          env: { BETTER_AUTH_SECRET: "rollcall-integration-tests-only-0123456789" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Reads the statements the integration project sent, so it runs after it.
          name: "routing",
          include: ["tests/routing/**/*.test.ts"],
          environment: "node",
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

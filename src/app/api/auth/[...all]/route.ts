import { getAuth } from "@/server/auth/get-auth";

// Better Auth's own endpoints (session, sign-out) for clients that call them directly.
async function handle(request: Request) {
  return (await getAuth()).handler(request);
}

export const GET = handle;
export const POST = handle;

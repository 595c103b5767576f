import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth } from "./get-auth";

export type SessionUser = { id: string; name: string; email: string };

/** The signed-in user of this request, or null. Read once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
});

export function forwardedFor(
  sent: string | string[] | undefined,
  peer: string | undefined,
  behindProxies: boolean,
): string | undefined;

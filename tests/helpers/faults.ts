import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/** Which statement inside a transaction fails (1-based), and the statements seen. */
export type FaultPlan = { failAt: number | null; seen: number };

export class InjectedFault extends Error {
  constructor(readonly statement: number) {
    super(`injected fault at statement ${statement}`);
  }
}

/**
 * A driver adapter that passes everything through to the real one, except that the
 * plan's failAt-th statement sent inside a transaction throws instead of running: a
 * failure at the database boundary, whatever the code above it does.
 */
export function faultyAdapter(factory: SqlDriverAdapterFactory, plan: FaultPlan): SqlDriverAdapterFactory {
  const wrapTx = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === "queryRaw" || prop === "executeRaw") {
          return (query: never) => {
            plan.seen += 1;
            if (plan.failAt === plan.seen) return Promise.reject(new InjectedFault(plan.seen));
            return (target[prop] as (q: never) => Promise<unknown>).call(target, query);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const wrapAdapter = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    new Proxy(adapter, {
      get(target, prop, receiver) {
        if (prop === "startTransaction") {
          return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
            wrapTx(await target.startTransaction(...args));
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => wrapAdapter(await target.connect());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Where the chooser keeps the last plan (its query, `?hosting=vps&…`) in this browser. */
export const PLAN_KEY = 'deployment-map:plan:v1';

/** The plan query kept in this browser, or null (none, or storage unavailable). */
export function readStoredPlan(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage
): string | null {
  try {
    return storage?.getItem(PLAN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Keeps a plan query; false when storage refuses (blocked, full): the address still holds it. */
export function storePlan(
  query: string,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage
): boolean {
  try {
    storage?.setItem(PLAN_KEY, query);
    return Boolean(storage);
  } catch {
    return false;
  }
}

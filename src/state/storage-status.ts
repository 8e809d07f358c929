/**
 * The browser's storage for the app: whether it is kept (persistent storage, which the browser does
 * not clear to make room), the space used and available, and asking for it to be kept. Browsers
 * without the StorageManager API answer null.
 */
export interface StorageStatus {
  /** null: the browser does not say. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

const manager = (): StorageManager | null => (typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null);

export async function storageStatus(): Promise<StorageStatus> {
  const storage = manager();
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks the browser to keep the app's data; true when it is kept (now or already), null when it cannot be asked. */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = manager();
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return null;
  }
}

let asked = false;
/**
 * Asks once per visit, at the moment there is something worth keeping (the first attempt saved,
 * imported or restored), rather than on the first screen.
 */
export function keepOnceThereIsWork(hasWork: boolean) {
  if (asked || !hasWork) return;
  asked = true;
  void requestPersistence();
}

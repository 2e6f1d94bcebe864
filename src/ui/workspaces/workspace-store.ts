import { readLabSetup } from '../../core/sim/lab-setup-schema.ts';
import type { LabSetup } from '../../core/sim/lab.ts';
import type { InputKind } from '../app/workspace.ts';

/**
 * The browser's own storage (IndexedDB) for what the user loaded: each case with its files as Blobs (the
 * browser keeps them on disk, the page never copies a large log to store it), and the lab's setup. Nothing
 * here leaves the machine; keys in a config are stored as they are, like the file on the user's disk.
 */
const DB_NAME = 'ikescope';
const DB_VERSION = 1;
const CASES = 'cases';
/** Small records by key: the lab's setup, and which case was open last. */
const STATE = 'state';
const LAB_KEY = 'lab';
const LAST_CASE_KEY = 'last-case';

export interface StoredFile {
  name: string;
  kind: InputKind;
  router?: string;
  blob: Blob;
}

export interface StoredCase {
  id: string;
  title: string;
  /** Milliseconds since 1970, when it was loaded: the list shows the latest first. */
  savedAt: number;
  files: StoredFile[];
}

export type CaseSummary = Pick<StoredCase, 'id' | 'title' | 'savedAt'>;

export interface WorkspaceStore {
  putCase: (stored: StoredCase) => Promise<void>;
  getCase: (id: string) => Promise<StoredCase | null>;
  listCases: () => Promise<CaseSummary[]>;
  putLab: (setup: LabSetup) => Promise<void>;
  getLab: () => Promise<LabSetup | null>;
  /** Forgets the lab's setup alone: the lab then opens at the seed's routers. */
  forgetLab: () => Promise<void>;
  /** The case the analysis showed last, so that a page opened in the lab goes back to it. */
  putLastCase: (id: string) => Promise<void>;
  getLastCase: () => Promise<string | null>;
  /** Forgets every case and the lab. */
  clear: () => Promise<void>;
}

/** Why the page cannot keep workspaces: said to the user as "…, so …". */
export class StorageUnavailable extends Error {}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new StorageUnavailable('the browser refused to read its storage'));
  });
}

/** A write is kept once its transaction completes; a full disk (quota) aborts it. */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    const fail = () => reject(transaction.error ?? new StorageUnavailable('the browser refused to store the workspace'));
    transaction.onerror = fail;
    transaction.onabort = fail;
  });
}

function openDatabase(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) return Promise.reject(new StorageUnavailable('this browser offers no IndexedDB'));
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(error instanceof Error ? error : new StorageUnavailable(String(error)));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(CASES)) db.createObjectStore(CASES, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STATE)) db.createObjectStore(STATE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new StorageUnavailable('the browser refused to open its storage'));
    request.onblocked = () => reject(new StorageUnavailable('another tab holds an older version of the storage open'));
  });
}

const isCase = (value: unknown): value is StoredCase => {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<StoredCase>;
  return typeof c.id === 'string' && typeof c.title === 'string' && Array.isArray(c.files) && c.files.every((f) => f.blob instanceof Blob);
};

export async function openWorkspaceStore(): Promise<WorkspaceStore> {
  const db = await openDatabase();
  const write = async (name: string, act: (store: IDBObjectStore) => void) => {
    const transaction = db.transaction(name, 'readwrite');
    act(transaction.objectStore(name));
    await committed(transaction);
  };
  const read = <T>(name: string, act: (store: IDBObjectStore) => IDBRequest<T>) => done(act(db.transaction(name, 'readonly').objectStore(name)));
  return {
    putCase: (stored) => write(CASES, (store) => store.put(stored)),
    getCase: async (id) => {
      const value: unknown = await read(CASES, (store) => store.get(id));
      return isCase(value) ? value : null;
    },
    listCases: async () => {
      const all: unknown[] = await read(CASES, (store) => store.getAll());
      return all
        .filter(isCase)
        .map(({ id, title, savedAt }) => ({ id, title, savedAt }))
        .sort((a, b) => b.savedAt - a.savedAt);
    },
    putLab: (setup) => write(STATE, (store) => store.put(setup, LAB_KEY)),
    getLab: async () => {
      // Read back like a shared link: storage written by another version, or by hand, is checked field by field.
      const value: unknown = await read(STATE, (store) => store.get(LAB_KEY));
      return value === undefined ? null : readLabSetup(value);
    },
    forgetLab: () => write(STATE, (store) => store.delete(LAB_KEY)),
    putLastCase: (id) => write(STATE, (store) => store.put(id, LAST_CASE_KEY)),
    getLastCase: async () => {
      const value: unknown = await read(STATE, (store) => store.get(LAST_CASE_KEY));
      return typeof value === 'string' ? value : null;
    },
    clear: async () => {
      const transaction = db.transaction([CASES, STATE], 'readwrite');
      transaction.objectStore(CASES).clear();
      transaction.objectStore(STATE).clear();
      await committed(transaction);
    },
  };
}

/** What to tell the user when storage fails: a quota, a private window, a browser without IndexedDB. */
export function storageProblem(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'the browser has no room left for it';
  if (error instanceof StorageUnavailable) return error.message;
  if (error instanceof DOMException) return `the browser refused (${error.name})`;
  return error instanceof Error ? error.message : String(error);
}

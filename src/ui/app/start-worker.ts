import analysisWorkerUrl from '../../worker/analysis-worker.ts?worker&url';
import labWorkerUrl from '../../worker/lab-worker.ts?worker&url';

const urls = { analysis: analysisWorkerUrl, lab: labWorkerUrl } as const;

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
type TrustedTypesFactory = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };

/**
 * The one Trusted Types policy of the page: a worker may start from a script of this origin, nothing else.
 * Under a host's `require-trusted-types-for 'script'` a worker needs it; without Trusted Types the URL is used as is.
 */
let policy: ScriptUrlPolicy | null | undefined;
function scriptUrl(url: string): string {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    policy =
      factory?.createPolicy('ikescope-worker', {
        createScriptURL: (value) => {
          const resolved = new URL(value, document.baseURI);
          if (resolved.origin !== window.location.origin) throw new TypeError(`a worker from another origin: ${resolved.origin}`);
          return resolved.href;
        },
      }) ?? null;
  }
  // A TrustedScriptURL is what the Worker constructor accepts under Trusted Types; the DOM types know only strings.
  return (policy ? policy.createScriptURL(url) : url) as string;
}

/** Starts one of the page's workers (module workers, built by Vite into this origin's assets). */
export function startWorker(name: keyof typeof urls): Worker {
  return new Worker(scriptUrl(urls[name]), { type: 'module' });
}

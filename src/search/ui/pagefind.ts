/**
 * Pagefind in the browser, fetched the first time a search panel is created,
 * never on page load. Pagefind JS API: https://pagefind.app/docs/api/
 */

/** One result's data, as Pagefind returns it. */
export interface Fragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
/** A result whose data loads on demand (each costs a fragment request). */
export interface Result {
  data(): Promise<Fragment>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o: Record<string, unknown>): Promise<{ results: Result[] } | null>;
}

/** The deployment base, with a trailing slash. */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, "/");

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind once per page (the bundle lives at <base>pagefind/, written by the build). */
export function loadPagefind(): Promise<Pagefind> {
  return (pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
    // Result URLs are indexed from the site root; the deployment sub-path is added back here.
    // noWorker: Pagefind 1.6 would otherwise fetch pagefind-worker.js (~12 KB gzip) on top of pagefind.js to search
    // off the main thread; searching a blog-sized index takes milliseconds, so the bytes matter more on a slow phone.
    await pf.options({ baseUrl: BASE, excerptLength: 26, noWorker: true });
    await pf.init();
    return pf;
  })());
}

// Pagefind's worker, run with each WebAssembly file fetched once per worker: Pagefind fetches it
// for every instance, and the search page starts one instance per part of a language's index in
// one worker (src/client/pagefind-instance.ts). A classic worker script; the build copies it next
// to Pagefind's own (src/integrations/search-index.ts).
const fetched = new Map();
const fetchOnce = self.fetch.bind(self);
self.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!/\/wasm\.[^/]+\.pagefind$/.test(new URL(url, self.location.href).pathname)) return fetchOnce(input, init);
  if (!fetched.has(url)) fetched.set(url, fetchOnce(input, init));
  return fetched.get(url).then((response) => response.clone());
};
importScripts('pagefind-worker.js');

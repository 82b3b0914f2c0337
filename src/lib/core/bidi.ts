/**
 * Right-to-left text next to left-to-right text: a headline in Arabic or Hebrew, or one carrying a
 * direction override (U+202E, the "txt.exe" trick), must not reorder the text around it.
 */

// Hebrew to Arabic Extended (U+0590–U+08FF), the Hebrew and Arabic presentation forms, and the
// explicit embedding, override and isolate controls.
const BIDI_RE = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u202A-\u202E\u2066-\u2069]/;

/** Whether `text` holds right-to-left letters or direction controls that can affect its neighbours. */
export function needsBidiIsolation(text: string): boolean {
  return BIDI_RE.test(text);
}

/**
 * Wraps `text` in a first-strong isolate (U+2068 … U+2069) when it needs one, for places without
 * markup such as the document title: inside an isolate, text takes its own direction and any
 * override it opens ends with it, so "Judul — Warta" keeps its order whatever the headline holds.
 */
export function isolateBidi(text: string): string {
  return needsBidiIsolation(text) ? `\u2068${text}\u2069` : text;
}

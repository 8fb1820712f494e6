/**
 * Work the page does once the browser has nothing else to do (code a later step will need), so that it
 * never delays what the person is waiting for. Returns the cancel. requestIdleCallback where the browser has
 * it; otherwise (an older Office webview) shortly after, by a timer.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 200);
  return () => clearTimeout(id);
}

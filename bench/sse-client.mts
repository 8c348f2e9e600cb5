/* A minimal Server-Sent Events reader over fetch (Node has no EventSource), for the load script. */

/** An open event stream: `open` resolves once the response headers arrived; `close` aborts it. */
export interface EventStream {
  open: Promise<void>;
  close(): void;
}

/** Reads `event:`/`data:` frames from `url`, calling `onEvent(type, parsedData)` for each. */
export function readEvents(url: string, headers: Record<string, string>, onEvent: (type: string, data: unknown) => void): EventStream {
  const controller = new AbortController();
  const open = (async () => {
    const res = await fetch(url, { headers, signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`event stream ${url}: ${res.status}`);
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let type = 'message';
            const data: string[] = [];
            for (const line of frame.split('\n')) {
              if (line.startsWith('event:')) type = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (data.length) onEvent(type, JSON.parse(data.join('\n')));
          }
        }
      } catch {
        /* aborted */
      }
    })();
  })();
  return { open, close: () => controller.abort() };
}

/** The p-th percentile (nearest rank) of values; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

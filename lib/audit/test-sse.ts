/** One parsed Server-Sent Event: its name and its JSON data. */
export interface SseFrame {
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event's parsed JSON; each test asserts the shape it expects
  data: any;
}

/** Reads a text/event-stream response frame by frame (a `: ping` comment becomes event `ping`); `next(predicate)` waits (up to 5 s) for the next matching frame. */
export function readSse(res: Response): { next(predicate: (frame: SseFrame) => boolean): Promise<SseFrame> } {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const frames: SseFrame[] = [];
  async function pull(): Promise<void> {
    const { done, value } = await reader.read();
    if (done) throw new Error('event stream ended');
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const event =
        lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim() ?? (lines.some((l) => l.startsWith(': ping')) ? 'ping' : undefined);
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
      if (event) frames.push({ event, data: data ? JSON.parse(data) : null });
    }
  }
  return {
    async next(predicate) {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const index = frames.findIndex(predicate);
        if (index >= 0) return frames.splice(0, index + 1)[index];
        if (Date.now() > deadline) throw new Error('timed out waiting for an event');
        await pull();
      }
    },
  };
}

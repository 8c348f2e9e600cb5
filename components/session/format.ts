/** `2025-01-31 12:00 UTC` from an ISO timestamp (the same on server and client, so hydration matches). */
export function formatTime(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}

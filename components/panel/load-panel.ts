import { AppError, toAppError, type AppErrorCode } from '@/lib/errors';

/** A panel's data, or why it could not be loaded: a message that is safe to show, and the error's code. */
export type PanelLoad<T> = { status: 'ok'; value: T } | { status: 'error'; code: AppErrorCode; message: string };

/**
 * Runs a panel's loader so that a failure degrades only that panel, never the page: an AppError keeps its message,
 * anything else says `fallback`; errors at or above 500 are logged. Never throws.
 */
export async function loadPanel<T>(load: () => Promise<T>, fallback: string): Promise<PanelLoad<T>> {
  try {
    return { status: 'ok', value: await load() };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { status: 'error', code: appError.code, message: error instanceof AppError ? appError.message : fallback };
  }
}

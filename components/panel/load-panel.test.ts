import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { loadPanel } from './load-panel';

describe('loadPanel', () => {
  it("passes a loader's value through", async () => {
    expect(await loadPanel(async () => 42, 'x')).toEqual({ status: 'ok', value: 42 });
  });

  it('keeps the message and code of an AppError', async () => {
    const failing = async () => {
      throw new AppError('not_found:review', 'No review "r-1"');
    };
    expect(await loadPanel(failing, 'fallback')).toEqual({ status: 'error', code: 'not_found:review', message: 'No review "r-1"' });
  });

  it('says only the fallback for anything else, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = async () => {
      throw new Error('connection refused 10.0.0.7:5432');
    };
    expect(await loadPanel(failing, 'Audit sessions could not be loaded.')).toEqual({
      status: 'error',
      code: 'internal:unexpected',
      message: 'Audit sessions could not be loaded.',
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

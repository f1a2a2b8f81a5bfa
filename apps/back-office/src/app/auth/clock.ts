import { InjectionToken } from '@angular/core';

/** Time as the idle timeout sees it; injectable so that a test can drive it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` every `periodMs`; the returned function stops it. */
  every(periodMs: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every: (periodMs, callback) => {
    const handle = setInterval(callback, periodMs);
    return () => clearInterval(handle);
  },
};

export const CLOCK = new InjectionToken<Clock>('CLOCK', { providedIn: 'root', factory: () => systemClock });

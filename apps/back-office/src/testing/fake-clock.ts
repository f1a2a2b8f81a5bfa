import { Clock } from '../app/auth/clock';

/** A clock that moves only when the test says so. */
export class FakeClock implements Clock {
  private time = Date.UTC(2026, 0, 15, 9, 0, 0);
  private readonly timers = new Set<{ periodMs: number; nextAt: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  every(periodMs: number, callback: () => void): () => void {
    const timer = { periodMs, nextAt: this.time + periodMs, callback };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Moves time forward, firing each periodic callback that falls due on the way. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = [...this.timers]
        .filter((timer) => timer.nextAt <= target)
        .sort((a, b) => a.nextAt - b.nextAt)[0];
      if (!due) break;
      this.time = due.nextAt;
      due.nextAt += due.periodMs;
      due.callback();
    }
    this.time = target;
  }

  /** The computer slept: time jumps without any timer firing on the way. */
  jump(ms: number): void {
    this.time += ms;
    for (const timer of this.timers) timer.nextAt = Math.max(timer.nextAt, this.time);
  }

  get activeTimers(): number {
    return this.timers.size;
  }
}

import { DOCUMENT, inject, Injectable } from '@angular/core';
import { IDLE_SESSION_MINUTES } from '@passerelle/shared/domain';
import { AuthService } from './auth.service';
import { CLOCK } from './clock';

/** What counts as the user being there: the keyboard and the pointer. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Ends the session after IDLE_SESSION_MINUTES without user activity (shared town-hall computers).
 * It compares wall-clock times rather than trusting one long timer, so a computer that slept
 * through the deadline logs out as soon as it wakes.
 */
@Injectable({ providedIn: 'root' })
export class IdleTimeout {
  static readonly checkEveryMs = 15_000;
  readonly limitMs = IDLE_SESSION_MINUTES * 60_000;

  private readonly clock = inject(CLOCK);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private lastActivity = 0;
  private stopWatching: (() => void) | null = null;

  private readonly onActivity = (): void => {
    this.lastActivity = this.clock.now();
  };

  start(): void {
    this.stop();
    this.lastActivity = this.clock.now();
    for (const type of ACTIVITY_EVENTS) {
      this.document.addEventListener(type, this.onActivity, { capture: true, passive: true });
    }
    const stopTicking = this.clock.every(IdleTimeout.checkEveryMs, () => this.check());
    this.stopWatching = () => {
      stopTicking();
      for (const type of ACTIVITY_EVENTS) {
        this.document.removeEventListener(type, this.onActivity, { capture: true });
      }
    };
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = null;
  }

  private check(): void {
    if (this.clock.now() - this.lastActivity < this.limitMs) return;
    this.stop();
    void this.auth.logout('idle');
  }
}

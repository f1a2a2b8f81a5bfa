import { TestBed } from '@angular/core/testing';
import { IDLE_SESSION_MINUTES } from '@passerelle/shared/domain';
import { FakeClock } from '../../testing/fake-clock';
import { AuthService } from './auth.service';
import { CLOCK } from './clock';
import { IdleTimeout } from './idle-timeout';

const MINUTE = 60_000;

describe('IdleTimeout', () => {
  let clock: FakeClock;
  let logout: jest.Mock;
  let idle: IdleTimeout;

  beforeEach(() => {
    clock = new FakeClock();
    logout = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: AuthService, useValue: { logout } },
      ],
    });
    idle = TestBed.inject(IdleTimeout);
  });

  afterEach(() => idle.stop());

  it(`logs out after ${IDLE_SESSION_MINUTES} minutes without activity, saying why`, () => {
    idle.start();
    clock.advance(IDLE_SESSION_MINUTES * MINUTE - 20_000);
    expect(logout).not.toHaveBeenCalled();

    clock.advance(20_000);
    expect(logout).toHaveBeenCalledTimes(1);
    expect(logout).toHaveBeenCalledWith('idle');

    clock.advance(10 * MINUTE);
    expect(logout).toHaveBeenCalledTimes(1);
    expect(clock.activeTimers).toBe(0);
  });

  it('counts the keyboard and the pointer as activity', () => {
    idle.start();
    clock.advance(20 * MINUTE);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    clock.advance(20 * MINUTE);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    clock.advance(IDLE_SESSION_MINUTES * MINUTE - 30_000);
    expect(logout).not.toHaveBeenCalled();

    clock.advance(30_000);
    expect(logout).toHaveBeenCalledWith('idle');
  });

  it('logs out at once when the computer wakes up after the deadline', () => {
    idle.start();
    clock.jump(2 * IDLE_SESSION_MINUTES * MINUTE);
    expect(logout).not.toHaveBeenCalled();
    clock.advance(IdleTimeout.checkEveryMs);
    expect(logout).toHaveBeenCalledWith('idle');
  });

  it('does nothing once stopped (the user logged out by hand)', () => {
    idle.start();
    idle.stop();
    clock.advance(2 * IDLE_SESSION_MINUTES * MINUTE);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(logout).not.toHaveBeenCalled();
    expect(clock.activeTimers).toBe(0);
  });

  it('starting again resets the clock instead of adding a second watcher', () => {
    idle.start();
    clock.advance(25 * MINUTE);
    idle.start();
    expect(clock.activeTimers).toBe(1);
    clock.advance(25 * MINUTE);
    expect(logout).not.toHaveBeenCalled();
  });
});

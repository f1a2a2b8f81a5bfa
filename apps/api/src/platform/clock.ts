import { type CalendarDate, calendarDateInParis } from '@passerelle/shared/domain';

/** Time, injectable so that tests and jobs control « now » and « today » (Europe/Paris). */
export abstract class Clock {
  abstract now(): Date;

  today(): CalendarDate {
    return calendarDateInParis(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stays where a test puts it. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
}

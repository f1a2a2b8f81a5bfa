import {
  REPORTING_QUARTER_PATTERN,
  REPORTING_YEAR_PATTERN,
  type ReportingPeriodQuery,
} from '@passerelle/shared/domain';
import { DateField, PatternField, UUID } from '@api/platform/http/fields';
import { PageQueryDto } from '@api/platform/http/pagination';

/** One of `from`/`to`, `year` or `quarter`; nothing: the last 12 months ending today. */
export class ReportingPeriodQueryDto implements ReportingPeriodQuery {
  @DateField({
    optional: true,
    description: 'First day (Europe/Paris), included; default: 12 months before `to`',
    example: '2026-01-01',
  })
  from?: string;
  @DateField({ optional: true, description: 'Last day, included, not after today; default: today' })
  to?: string;
  @PatternField(REPORTING_YEAR_PATTERN, 4, {
    optional: true,
    description: 'A calendar year (up to today if it is running); not with from/to or quarter',
    example: '2026',
  })
  year?: string;
  @PatternField(REPORTING_QUARTER_PATTERN, 7, {
    optional: true,
    description: 'A calendar quarter, YYYY-Qn (up to today if it is running); not with from/to or year',
    example: '2026-Q2',
  })
  quarter?: string;
}

export class RenewalRemindersQueryDto extends PageQueryDto {}

export class ReminderTextQueryDto {
  @PatternField(UUID, 36, { description: 'The applicant file' })
  fileId!: string;
}

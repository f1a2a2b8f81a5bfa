import { Foundation1795709585287 } from './1795709585287-foundation';
import { ApplicantFiles1795710036852 } from './1795710036852-applicant-files';
import { CaseWork1795710810564 } from './1795710810564-case-work';
import { AuditLog1795711120214 } from './1795711120214-audit-log';
import { SignInLimits1795711330955 } from './1795711330955-sign-in-limits';
import { PersonalData1795711747994 } from './1795711747994-personal-data';
import { ReportingSummary1795713385781 } from './1795713385781-reporting-summary';
import { KeptFileIndex1795715783086 } from './1795715783086-kept-file-index';
import { ReportingFacts1795717217108 } from './1795717217108-reporting-facts';
import { NamePrefixes1795718400000 } from './1795718400000-name-prefixes';
import { WaitingDays1795731119042 } from './1795731119042-waiting-days';
import { AuditPurge1796686604256 } from './1796686604256-audit-purge';
import { SignInAttempts1796686776483 } from './1796686776483-sign-in-attempts';
import { AuditTargets1796687069170 } from './1796687069170-audit-targets';
import { ScheduledJobs1796693938376 } from './1796693938376-scheduled-jobs';
import { ProConnect1796699570476 } from './1796699570476-pro-connect';
import { SecondFactor1796699574646 } from './1796699574646-second-factor';
/** Every migration, in order, as classes. Add new ones with `npx nx run api:migration-generate --name=<Name>`. */
export const MIGRATIONS: (new () => object)[] = [
  Foundation1795709585287,
  ApplicantFiles1795710036852,
  CaseWork1795710810564,
  AuditLog1795711120214,
  SignInLimits1795711330955,
  PersonalData1795711747994,
  ReportingSummary1795713385781,
  KeptFileIndex1795715783086,
  ReportingFacts1795717217108,
  NamePrefixes1795718400000,
  WaitingDays1795731119042,
  AuditPurge1796686604256,
  SignInAttempts1796686776483,
  AuditTargets1796687069170,
  ScheduledJobs1796693938376,
  ProConnect1796699570476,
  SecondFactor1796699574646,
];

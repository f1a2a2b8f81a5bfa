import type { DocumentStatus, DocumentType, FlagStatus, FragilityCriterion } from '../codes';
import {
  type CalendarDate,
  addMonthsClamped,
  compareCalendarDates,
  frenchDate,
  wholeMonthsBetween,
} from '../dates';
import type { ApplicantFileContent } from '../file/file';
import { DOCUMENT_TYPE_LABELS } from '../labels';
import {
  CATEGORY_CAP_LINE,
  type CotationGrid,
  type GridCriterion,
  type GridKind,
  REFUSAL_PENALTY_LINE,
  SENIORITY_LINE,
} from './cotation-codes';
import { REFUSAL_PENALTY_LINE_LABEL, SENIORITY_LINE_LABEL } from './cotation-labels';

/** What the score of a demand rests on: plain data the API gathers in the transaction. */
export interface CotationFacts {
  content: ApplicantFileContent;
  /** The demand's seniority date (DOMAIN.md §3): it never changes on renewal. */
  seniorityDate: CalendarDate;
  flags: { criterion: FragilityCriterion; status: FlagStatus; decidedOn?: CalendarDate | null }[];
  documents: { type: DocumentType; status: DocumentStatus; issuedOn?: CalendarDate | null }[];
  /** Refusals of an offer the PPGD calls adapted. */
  refusals: { refusedOn: CalendarDate }[];
}

export interface CotationLine {
  code: string;
  label: string;
  points: number;
  /** Resting on a document not yet verified. */
  provisional: boolean;
  /** False for a criterion another one beat in a « highest » category: its points are not in the score. */
  counted: boolean;
  reason: string;
}

/** The file's `cotation` (issue #16): the counted lines' points add up to `score`. */
export interface Cotation {
  gridVersion: string;
  score: number;
  provisional: boolean;
  criteria: CotationLine[];
}

/** Applicants already in social housing make transfer requests. */
export function gridKindOf(content: ApplicantFileContent): GridKind {
  return content.currentHousing?.status === 'SOCIAL_TENANT' ? 'TRANSFER' : 'DEMAND';
}

/** The grid that scores this demand: the transfer grid when there is one and it applies. */
export function gridFor(
  grids: { demand: CotationGrid; transfer?: CotationGrid | null },
  content: ApplicantFileContent,
): CotationGrid {
  return gridKindOf(content) === 'TRANSFER' && grids.transfer ? grids.transfer : grids.demand;
}

interface Met {
  criterion: GridCriterion;
  points: number;
  /** Why, before what the proof adds. */
  why: string;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function monthlyIncome(content: ApplicantFileContent): number {
  // The housing benefit is taken off the rent, so it is not income here too.
  return (content.resources?.incomes ?? [])
    .filter((income) => income.type !== 'HOUSING_BENEFIT')
    .reduce((sum, income) => sum + income.monthlyAmount, 0);
}

/** Percent of the income the housing costs, or null when the file does not say enough. */
export function rentBurdenPercent(content: ApplicantFileContent): number | null {
  const housing = content.currentHousing;
  if (housing?.monthlyRent === undefined) return null;
  const income = monthlyIncome(content);
  if (income <= 0) return null;
  const cost = housing.monthlyRent + (housing.monthlyCharges ?? 0) - (housing.housingBenefit ?? 0);
  return Math.max(0, Math.round((cost / income) * 1000) / 10);
}

function isSingleParent(content: ApplicantFileContent): boolean {
  return (
    !content.coApplicant &&
    (content.householdMembers ?? []).some(
      (member) => member.kind === 'DEPENDANT' && member.relationship === 'CHILD',
    )
  );
}

function meets(criterion: GridCriterion, facts: CotationFacts): Met | null {
  const rests = criterion.rests;
  const content = facts.content;
  switch (rests.fact) {
    case 'REASON':
      return content.reasons?.codes.includes(rests.reason)
        ? { criterion, points: criterion.points, why: 'motif déclaré' }
        : null;
    case 'HOUSING_STATUS':
      return content.currentHousing?.status === rests.status
        ? { criterion, points: criterion.points, why: 'logement actuel déclaré' }
        : null;
    case 'SINGLE_PARENT':
      return isSingleParent(content)
        ? { criterion, points: criterion.points, why: 'seul(e) avec enfant à charge' }
        : null;
    case 'RENT_BURDEN': {
      const percent = rentBurdenPercent(content);
      if (percent === null) return null;
      const step = [...rests.scale]
        .sort((a, b) => b.fromPercent - a.fromPercent)
        .find((s) => percent >= s.fromPercent);
      if (!step || step.points === 0) return null;
      const shown = String(percent).replace('.', ',');
      return {
        criterion,
        points: step.points,
        why: `taux d'effort de ${shown} % (à partir de ${step.fromPercent} %)`,
      };
    }
    case 'CONFIRMED_FLAG': {
      const flag = facts.flags.find((f) => f.criterion === rests.criterion && f.status === 'CONFIRMED');
      if (!flag) return null;
      const on = flag.decidedOn ? ` le ${frenchDate(flag.decidedOn)}` : '';
      return { criterion, points: criterion.points, why: `confirmé par un travailleur social${on}` };
    }
  }
}

/** The line of a criterion met: its proof makes it certain, or leaves it provisional. */
function line(met: Met, facts: CotationFacts): CotationLine {
  const { criterion } = met;
  let provisional = false;
  let reason = `${criterion.label} : ${met.why}`;
  if (criterion.proof) {
    const label = lowerFirst(DOCUMENT_TYPE_LABELS[criterion.proof]);
    const verified = facts.documents
      .filter((d) => d.type === criterion.proof && d.status === 'VERIFIED')
      .sort((a, b) => compareCalendarDates(b.issuedOn ?? '', a.issuedOn ?? ''))[0];
    if (verified) {
      reason = `${criterion.label} : ${label}${verified.issuedOn ? ` du ${frenchDate(verified.issuedOn)}` : ' vérifié'}`;
    } else {
      provisional = true;
      const held = facts.documents.some((d) => d.type === criterion.proof && d.status === 'PROVIDED');
      reason = `${reason} ; ${label} ${held ? 'fourni, en attente de vérification' : 'attendu'} (provisoire)`;
    }
  }
  return {
    code: criterion.code,
    label: criterion.label,
    points: met.points,
    provisional,
    counted: true,
    reason,
  };
}

/**
 * The score of a demand under a grid, on `today` (Europe/Paris), with each line explained. Pure:
 * the API computes it in the transaction that changes a file, the screens show it as is.
 */
export function scoreDemand(grid: CotationGrid, facts: CotationFacts, today: CalendarDate): Cotation {
  if (grid.kind === 'TRANSFER' && gridKindOf(facts.content) !== 'TRANSFER') {
    throw new RangeError(`Grid ${grid.version} scores transfer requests only`);
  }
  const lines: CotationLine[] = [];
  for (const category of grid.categories) {
    const met = grid.criteria
      .filter((c) => c.category === category.code)
      .map((c) => meets(c, facts))
      .filter((m): m is Met => m !== null)
      .map((m) => line(m, facts));
    if (category.mode === 'HIGHEST') {
      // The strongest counts; between equals, a certain criterion beats a provisional one, then grid order.
      const best = met.reduce<CotationLine | undefined>(
        (top, l) =>
          !top || l.points > top.points || (l.points === top.points && top.provisional && !l.provisional)
            ? l
            : top,
        undefined,
      );
      for (const l of met)
        lines.push(
          l === best
            ? l
            : {
                ...l,
                counted: false,
                reason: `${l.reason} ; non compté : « ${best?.label} » compte davantage dans la catégorie ${category.label}`,
              },
        );
    } else {
      lines.push(...met);
      const total = met.reduce((sum, l) => sum + l.points, 0);
      if (category.maxPoints !== undefined && total > category.maxPoints) {
        lines.push({
          code: `${CATEGORY_CAP_LINE}:${category.code}`,
          label: `Plafond de la catégorie ${category.label}`,
          points: category.maxPoints - total,
          provisional: false,
          counted: true,
          reason: `La catégorie ${category.label} donne au plus ${category.maxPoints} points`,
        });
      }
    }
  }

  const months = wholeMonthsBetween(facts.seniorityDate, today);
  const earned = months * grid.seniority.pointsPerMonth;
  const cap = grid.seniority.maxPoints;
  const seniority = cap !== undefined ? Math.min(earned, cap) : earned;
  if (seniority > 0) {
    lines.push({
      code: SENIORITY_LINE,
      label: SENIORITY_LINE_LABEL,
      points: seniority,
      provisional: false,
      counted: true,
      reason:
        `${months} mois d'ancienneté depuis le ${frenchDate(facts.seniorityDate)}` +
        (seniority < earned ? `, plafonnée à ${cap} points` : ''),
    });
  }

  const penalty = grid.refusalPenalty;
  if (penalty) {
    for (const { refusedOn } of [...facts.refusals].sort((a, b) =>
      compareCalendarDates(a.refusedOn, b.refusedOn),
    )) {
      const until = addMonthsClamped(refusedOn, penalty.months);
      if (compareCalendarDates(refusedOn, today) <= 0 && compareCalendarDates(today, until) < 0) {
        lines.push({
          code: REFUSAL_PENALTY_LINE,
          label: REFUSAL_PENALTY_LINE_LABEL,
          points: -penalty.points,
          provisional: false,
          counted: true,
          reason: `Proposition adaptée refusée le ${frenchDate(refusedOn)}, pénalité levée le ${frenchDate(until)}`,
        });
      }
    }
  }

  const counted = lines.filter((l) => l.counted);
  return {
    gridVersion: grid.version,
    score: counted.reduce((sum, l) => sum + l.points, 0),
    provisional: counted.some((l) => l.provisional),
    criteria: lines,
  };
}

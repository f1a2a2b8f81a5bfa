import { computed, inject, type Signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  REPORTING_INDICATOR_LABELS,
  REPORTING_INDICATORS,
  type ReportingContext,
  type ReportingIndicator,
  type ReportingPeriodQuery,
} from '@passerelle/shared/domain';
import { EMPTY_INDICATOR_HINTS, indicatorTables } from './indicator-tables';
import type { ReportTable } from './report-table';
import { ReportingApi } from './reporting-api.service';

/** One indicator of the page: its own request, its tables once answered. */
export interface IndicatorSection {
  readonly indicator: ReportingIndicator;
  readonly title: string;
  readonly emptyHint: string;
  readonly loading: Signal<boolean>;
  readonly failed: Signal<boolean>;
  readonly context: Signal<ReportingContext | null>;
  readonly tables: Signal<ReportTable[]>;
}

/** Loads the seven indicators for a period, each on its own (one slow figure holds up no other). */
export function indicatorSections(period: Signal<ReportingPeriodQuery>): IndicatorSection[] {
  const api = inject(ReportingApi);
  return REPORTING_INDICATORS.map((indicator) => {
    const report = rxResource({
      params: () => period(),
      stream: ({ params }) => api.indicator(indicator, params),
    });
    const value = computed(() => (report.hasValue() ? report.value() : null));
    return {
      indicator,
      title: REPORTING_INDICATOR_LABELS[indicator],
      emptyHint: EMPTY_INDICATOR_HINTS[indicator],
      loading: report.isLoading,
      failed: computed(() => report.error() !== undefined),
      context: value,
      tables: computed(() => {
        const answer = value();
        return answer && !report.isLoading() ? indicatorTables(indicator, answer) : [];
      }),
    };
  });
}

/** The period and freshness every answer repeats, from the first one in. */
export function sectionsContext(sections: readonly IndicatorSection[]): Signal<ReportingContext | null> {
  return computed(() => sections.map((section) => section.context()).find((context) => context) ?? null);
}

const REFRESHED = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** « Chiffres à jour au 12 mai 2026 à 10:35 », or why there are none yet. */
export function freshnessText(context: ReportingContext): string {
  return context.summaryRefreshedAt
    ? `Chiffres à jour au ${REFRESHED.format(new Date(context.summaryRefreshedAt))} ; les saisies plus récentes seront comptées à la prochaine mise à jour, dans quelques minutes.`
    : 'Les chiffres sont en cours de première préparation : revenez dans quelques minutes.';
}

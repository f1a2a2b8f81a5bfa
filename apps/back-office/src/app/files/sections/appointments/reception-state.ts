import type { ReceptionRequestView } from '@passerelle/shared/domain';
import { formatDate } from '../../../appointments/paris-time';

const days = (count: number): string => (count > 1 ? `${count} jours` : `${count} jour`);

/** The one-month commitment of a reception request, said in French (DOMAIN.md §7). */
export function receptionCommitment(request: ReceptionRequestView): string {
  const deadline = formatDate(request.deadline);
  switch (request.state) {
    case 'MET':
      return request.daysLate && request.daysLate > 0
        ? `Engagement tenu avec ${days(request.daysLate)} de retard`
        : `Engagement tenu (échéance le ${deadline})`;
    case 'LATE':
      return request.daysLate && request.daysLate > 0
        ? `En retard de ${days(request.daysLate)} : l’échéance était le ${deadline}`
        : `En retard : l’échéance était le ${deadline}`;
    default:
      return `En attente : à recevoir au plus tard le ${deadline}`;
  }
}

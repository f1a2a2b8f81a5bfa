import type { CreateEvaluationRequest, Diagnosis, EvaluationKind, Typology } from '@passerelle/shared/domain';

/** What the evaluation form holds. */
export interface EvaluationFormValue {
  notes: string;
  typologies: Typology[];
  communes: string[];
  familySituation: string;
  economicSituation: string;
  conclusion: string;
}

/** The request body: texts trimmed, empty parts of the diagnosis left out (and the diagnosis if empty). */
export function evaluationRequest(kind: EvaluationKind, value: EvaluationFormValue): CreateEvaluationRequest {
  const diagnosis: Diagnosis = {
    ...(value.typologies.length ? { typologies: value.typologies } : {}),
    ...(value.communes.length ? { communes: value.communes } : {}),
    ...(value.familySituation.trim() ? { familySituation: value.familySituation.trim() } : {}),
    ...(value.economicSituation.trim() ? { economicSituation: value.economicSituation.trim() } : {}),
    ...(value.conclusion.trim() ? { conclusion: value.conclusion.trim() } : {}),
  };
  return {
    kind,
    notes: value.notes.trim(),
    ...(Object.keys(diagnosis).length > 0 ? { diagnosis } : {}),
  };
}

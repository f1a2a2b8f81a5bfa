import {
  CLOSURE_REASON_LABELS,
  DOCUMENT_TYPE_LABELS,
  FILE_STATUS_LABELS,
  type ApplicantFileView,
  type ClosureReason,
  type DocumentType,
  type FileStatus,
} from '@passerelle/shared/domain';
import type { PersonalDataExport } from './privacy.service';

const escape = (value: unknown): string =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Any JSON value, as nested lists a person can read. */
function render(value: unknown): string {
  if (value === null || value === undefined || value === '') return '<em>—</em>';
  if (value instanceof Date) return escape(value.toISOString());
  if (Array.isArray(value)) {
    return value.length
      ? `<ol>${value.map((item) => `<li>${render(item)}</li>`).join('')}</ol>`
      : '<em>aucun</em>';
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([key]) => key !== 'contentBase64',
    );
    return `<dl>${entries.map(([key, child]) => `<dt>${escape(key)}</dt><dd>${render(child)}</dd>`).join('')}</dl>`;
  }
  return escape(value);
}

function section(title: string, value: unknown): string {
  return `<section><h2>${escape(title)}</h2>${render(value)}</section>`;
}

/** The right-of-access export as a printable French document. */
export function exportDocument(data: PersonalDataExport): string {
  const file: ApplicantFileView = data.file;
  const name =
    `${file.applicant?.lastName ?? ''} ${file.applicant?.firstNames ?? ''}`.trim() || 'Dossier anonymisé';
  const status = FILE_STATUS_LABELS[file.status as FileStatus];
  const closure = file.closure ? ` — ${CLOSURE_REASON_LABELS[file.closure.reason as ClosureReason]}` : '';
  const documents = data.documents.map((d) => ({
    ...d,
    type: DOCUMENT_TYPE_LABELS[d['type'] as DocumentType] ?? d['type'],
  }));
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Données personnelles — ${escape(name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1b1b1b;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #999;margin-top:2rem}dt{font-weight:600}dd{margin:0 0 .4rem 1rem}
@media print{body{margin:0}}</style></head>
<body><h1>Données personnelles détenues par Passerelle</h1>
<p>Demandeur : <strong>${escape(name)}</strong> — dossier ${escape(file.id)} — ${escape(status)}${escape(closure)}</p>
<p>Extrait le ${escape(new Date(data.exportedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }))} au titre du droit d'accès (RGPD, article 15).</p>
${section('Dossier', file)}
${section('Historique', data.timeline)}
${section('Évaluations', data.evaluations)}
${section('Fragilités', data.fragilityFlags)}
${section('Pièces justificatives', documents)}
${section('Orientations', data.referrals)}
${section('Rendez-vous', data.appointments)}
${section('Demandes de rendez-vous', data.receptionRequests)}
</body></html>`;
}

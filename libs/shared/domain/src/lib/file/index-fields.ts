import type { Typology } from '../codes';
import type { ApplicantFileContent } from './file';
import { allNameWords, nameWords } from './names';

/** The columns a file's content determines, kept beside it for lists, filters, search and duplicates. */
export interface FileIndexFields {
  sortName: string;
  birthDate: string;
  coApplicantBirthDate: string | null;
  inseeCode: string | null;
  wishedTypologies: Typology[];
  wishedCommunes: string[];
  nameWords: string[];
  /** PostgreSQL tsvector literal of `nameWords` (`'dupre' 'menard'`). */
  nameSearch: string;
}

export function fileIndexFields(content: ApplicantFileContent): FileIndexFields {
  const { applicant, coApplicant } = content;
  const words = allNameWords(
    applicant.lastName,
    applicant.usageName,
    applicant.firstNames,
    coApplicant?.lastName,
    coApplicant?.usageName,
    coApplicant?.firstNames,
  );
  return {
    sortName: [
      ...nameWords(applicant.usageName || applicant.lastName),
      ...nameWords(applicant.firstNames),
    ].join(' '),
    birthDate: applicant.birthDate,
    coApplicantBirthDate: coApplicant?.birthDate ?? null,
    inseeCode: content.contact?.inseeCode ?? null,
    wishedTypologies: [...new Set(content.wishes?.typologies ?? [])],
    wishedCommunes: [...new Set(content.wishes?.communes ?? [])],
    nameWords: words,
    // Words are [a-z0-9]+ only, so quoting them is enough.
    nameSearch: words.map((word) => `'${word}'`).join(' '),
  };
}

import { Injectable, type Provider } from '@angular/core';
import {
  DateAdapter,
  MAT_DATE_FORMATS,
  MAT_NATIVE_DATE_FORMATS,
  NativeDateAdapter,
} from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { MatPaginatorIntl } from '@angular/material/paginator';

@Injectable()
class FrenchPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = 'Dossiers par page';
  override nextPageLabel = 'Page suivante';
  override previousPageLabel = 'Page précédente';
  override firstPageLabel = 'Première page';
  override lastPageLabel = 'Dernière page';
  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return '0 sur 0';
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return `${start} – ${end} sur ${length.toLocaleString('fr-FR')}`;
  };
}

@Injectable()
class FrenchDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = 'Calendrier';
  override openCalendarLabel = 'Ouvrir le calendrier';
  override closeCalendarLabel = 'Fermer le calendrier';
  override prevMonthLabel = 'Mois précédent';
  override nextMonthLabel = 'Mois suivant';
  override prevYearLabel = 'Année précédente';
  override nextYearLabel = 'Année suivante';
  override prevMultiYearLabel = 'Années précédentes';
  override nextMultiYearLabel = 'Années suivantes';
  override switchToMonthViewLabel = 'Choisir une date';
  override switchToMultiYearViewLabel = 'Choisir le mois et l’année';
}

/** Reads what a French user types (`14/03/1975`, `14-03-1975`); the native adapter reads US dates. */
@Injectable()
export class FrenchDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value === 'string') {
      const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
      if (match) {
        const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
        const date = new Date(year, month - 1, day);
        const exists = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
        return exists ? date : this.invalid();
      }
      if (value.trim() === '') return null;
      return this.invalid();
    }
    return super.parse(value, parseFormat);
  }
}

/** Material's own words in French, for the screens of the files feature. */
export const FRENCH_MATERIAL: Provider[] = [
  { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl },
  { provide: MatDatepickerIntl, useClass: FrenchDatepickerIntl },
  // The feature brings its own date handling rather than rely on the app's configuration.
  { provide: DateAdapter, useClass: FrenchDateAdapter },
  { provide: MAT_DATE_FORMATS, useValue: MAT_NATIVE_DATE_FORMATS },
];

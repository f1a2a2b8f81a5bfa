import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { FrenchDateAdapter } from './material-fr';

describe('FrenchDateAdapter', () => {
  let adapter: FrenchDateAdapter;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [FrenchDateAdapter, { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' }],
    });
    adapter = TestBed.inject(FrenchDateAdapter);
  });

  it('reads day/month/year', () => {
    const date = adapter.parse('14/03/1975', null);
    expect(date && [date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([1975, 2, 14]);
  });

  it('refuses a day that does not exist and US order', () => {
    expect(adapter.isValid(adapter.parse('31/04/2020', null) as Date)).toBe(false);
    expect(adapter.isValid(adapter.parse('03/14/1975', null) as Date)).toBe(false);
    expect(adapter.parse('', null)).toBeNull();
  });
});

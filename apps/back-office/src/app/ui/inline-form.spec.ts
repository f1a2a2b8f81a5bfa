import { FormControl, Validators } from '@angular/forms';
import { FORM_HAS_ERRORS, InlineForm } from './inline-form';

describe('InlineForm', () => {
  function setUp() {
    const control = new FormControl('', { nonNullable: true, validators: Validators.required });
    return { control, form: new InlineForm(control, { firstField: 'field', opener: 'opener' }) };
  }

  it('refuses an invalid form without sending, marking its fields', async () => {
    const { control, form } = setUp();
    form.open();
    const send = jest.fn();
    await form.submit(send, () => 'refusé');
    expect(send).not.toHaveBeenCalled();
    expect(control.touched).toBe(true);
    expect(form.error()).toBe(FORM_HAS_ERRORS);
    expect(form.opened()).toBe(true);
  });

  it('closes once sent', async () => {
    const { control, form } = setUp();
    form.open();
    control.setValue('Artix');
    await form.submit(
      async () => undefined,
      () => 'refusé',
    );
    expect(form.opened()).toBe(false);
    expect(form.busy()).toBe(false);
    expect(form.error()).toBeNull();
  });

  it('stays open with the reason and what was typed when the server refuses', async () => {
    const { control, form } = setUp();
    form.open();
    control.setValue('Artix');
    await form.submit(
      () => Promise.reject(new Error('409')),
      (error) => `refusé : ${(error as Error).message}`,
    );
    expect(form.opened()).toBe(true);
    expect(form.error()).toBe('refusé : 409');
    expect(control.value).toBe('Artix');
  });

  it('sends once while a sending is under way', async () => {
    const { control, form } = setUp();
    form.open();
    control.setValue('Artix');
    let finish = (): void => undefined;
    const send = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const first = form.submit(send, () => 'refusé');
    await form.submit(send, () => 'refusé');
    finish();
    await first;
    expect(send).toHaveBeenCalledTimes(1);
  });
});

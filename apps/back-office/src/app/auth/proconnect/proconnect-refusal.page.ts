import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { isCode, PROCONNECT_REFUSAL_LABELS, PROCONNECT_REFUSALS } from '@passerelle/shared/domain';

/** Where the API sends an agent whom ProConnect identified but Passerelle does not let in. */
@Component({
  selector: 'bo-proconnect-refusal-page',
  imports: [RouterLink],
  template: `
    <main id="contenu" tabindex="-1" class="login">
      <section class="panel" aria-labelledby="refusal-title">
        <p class="brand">Passerelle</p>
        <h1 id="refusal-title">{{ refusal().title }}</h1>
        <p class="message notice" role="status">{{ refusal().text }}</p>
        <p><a routerLink="/connexion">Retour à la page de connexion</a></p>
      </section>
    </main>
  `,
  styleUrl: '../login/login.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProConnectRefusalPage {
  /** `?motif=UNKNOWN_ACCOUNT`…; anything else reads as a failed sign-in. */
  readonly motif = input<string>();

  protected readonly refusal = computed(() => {
    const motif = this.motif();
    return PROCONNECT_REFUSAL_LABELS[isCode(PROCONNECT_REFUSALS, motif) ? motif : 'FAILED'];
  });
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'bo-not-found-page',
  imports: [RouterLink],
  template: `
    <h1>Page introuvable</h1>
    <p>Cette adresse ne correspond à aucun écran de Passerelle, ou cet écran ne vous est pas ouvert.</p>
    <p><a routerLink="/">Retour à l'accueil</a></p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}

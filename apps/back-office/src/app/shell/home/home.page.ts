import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../auth/auth.service';
import { IconComponent } from '../../ui/icon.component';
import { ORGANIZATION_TYPE_LABELS, ROLE_LABELS } from '@passerelle/shared/domain';
import { navItem } from '../navigation';

@Component({
  selector: 'bo-home-page',
  imports: [RouterLink, MatAnchor, IconComponent],
  templateUrl: './home.page.html',
  styleUrl: './home.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly auth = inject(AuthService);

  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly organizationTypeLabel = computed(() => {
    const user = this.user();
    return user ? ORGANIZATION_TYPE_LABELS[user.organization.type] : '';
  });
  /** The relay clerk's main task, put first on its home page. */
  protected readonly newReferral = computed(() => {
    const user = this.user();
    const item = navItem('/orientations/nouvelle');
    return user && item.visible(this.auth.actions(), user.role) ? item : null;
  });
}

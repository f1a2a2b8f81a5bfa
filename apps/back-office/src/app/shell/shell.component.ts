import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { IdleTimeout } from '../auth/idle-timeout';
import { UNAVAILABLE_MESSAGE } from '../ui/api-error';
import { Availability } from '../ui/availability';
import { IconComponent } from '../ui/icon.component';
import { ROLE_LABELS } from '@passerelle/shared/domain';
import { map } from 'rxjs';
import { navigationFor } from './navigation';

/** Below this width the navigation becomes a drawer opened from the toolbar. */
const WIDE_LAYOUT = '(min-width: 960px)';

@Component({
  selector: 'bo-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbar,
    MatAnchor,
    MatButton,
    MatIconButton,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    IconComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly auth = inject(AuthService);

  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly navigation = computed(() => {
    const user = this.user();
    return user ? navigationFor(this.auth.actions(), user.role) : [];
  });
  protected readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe(WIDE_LAYOUT)
      .pipe(map((state) => state.matches)),
    { initialValue: true },
  );
  protected readonly drawerOpen = signal(false);
  /** Passerelle answered 503 (its database away): said above every page until a call succeeds. */
  protected readonly unavailable = inject(Availability).unavailable;
  protected readonly unavailableMessage = UNAVAILABLE_MESSAGE;

  constructor() {
    const idleTimeout = inject(IdleTimeout);
    idleTimeout.start();
    inject(DestroyRef).onDestroy(() => idleTimeout.stop());
  }

  protected closeDrawer(): void {
    if (!this.wide()) this.drawerOpen.set(false);
  }

  protected logout(): Promise<void> {
    return this.auth.logout('user');
  }
}

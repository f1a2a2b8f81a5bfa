import { inject } from '@angular/core';
import type { CanMatchFn, RedirectFunction } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { NAV_ITEMS, type NavItem, navItem } from './navigation';

/**
 * A screen the navigation hides is not routed either: its URL falls through to « Page introuvable ».
 * The API enforces the rights; this only keeps the UI honest.
 */
export function canOpen(path: string): CanMatchFn {
  const item = navItem(path);
  return () => visibleItems().includes(item);
}

/**
 * `/dossiers` alone is the list, a screen of the navigation; a file's page (`/dossiers/:id/...`) opens
 * for anyone who may read files — a relay clerk follows the people they referred.
 */
export const canOpenFiles: CanMatchFn = (route, segments) => {
  if (segments.length <= 1) return canOpen('/dossiers')(route, segments);
  return inject(AuthService).actions().has('files.read');
};

/** For a feature with several screens (`/orientations/...`): open when one of them is. */
export function canOpenSection(prefix: string): CanMatchFn {
  sectionItems(prefix);
  return () => visibleItems().some((item) => item.path.startsWith(`${prefix}/`));
}

/** `/orientations` alone leads to the first screen of the section the user may open. */
export function firstScreenOf(prefix: string): RedirectFunction {
  return () => visibleItems().find((item) => item.path.startsWith(`${prefix}/`))?.path ?? '/';
}

function visibleItems(): readonly NavItem[] {
  const auth = inject(AuthService);
  const user = auth.user();
  return user ? NAV_ITEMS.filter((item) => item.visible(auth.actions(), user.role)) : [];
}

function sectionItems(prefix: string): NavItem[] {
  const items = NAV_ITEMS.filter((item) => item.path.startsWith(`${prefix}/`));
  if (items.length === 0) throw new Error(`No navigation entry under ${prefix}`);
  return items;
}

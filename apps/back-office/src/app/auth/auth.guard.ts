import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import { map } from 'rxjs';
import { AuthService, returnQuery } from './auth.service';

/**
 * Everything but the login page needs a session. A `canMatch` guard, so that it runs (and restores
 * the session after a reload) before the child routes check the user's rights.
 */
export const sessionGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return auth.ensureSession().pipe(
    map((signedIn) => {
      if (signedIn) return true;
      const navigation = router.currentNavigation();
      const target = navigation ? router.serializeUrl(navigation.extractedUrl) : router.url;
      return router.createUrlTree(['/connexion'], { queryParams: returnQuery(target) });
    }),
  );
};

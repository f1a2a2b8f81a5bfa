import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is calling and through which route, for the audit log: set per request, read anywhere below. */
export interface RequestContext {
  requestId?: string;
  /** `GET /api/applicant-files/:id`: the route pattern, never the concrete URL (it may carry names). */
  route?: string;
  userId?: string;
  username?: string;
  organizationId?: string;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

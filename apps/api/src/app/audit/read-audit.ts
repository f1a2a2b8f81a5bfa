import type { AuditAction } from '@passerelle/shared/domain';
import type { SqlParams, SqlStatement } from '@api/platform/database/sql-params';
import { requestContext } from '@api/platform/request-context';

/** Who an audit entry names; what is missing comes from the request context. */
export interface Actor {
  userId?: string | null;
  username?: string | null;
  organizationId?: string | null;
  route?: string;
}

/** Who acted and through which route: what the caller says, else the request context. */
export function actorOf(actor: Actor): [string | null, string | null, string | null, string] {
  const context = requestContext();
  return [
    actor.userId ?? context?.userId ?? null,
    (actor.username ?? context?.username ?? null)?.slice(0, 128) ?? null,
    actor.organizationId ?? context?.organizationId ?? null,
    (actor.route ?? context?.route ?? 'internal').slice(0, 200),
  ];
}

/**
 * In which request and from which address: the request id of its log lines, and the client's
 * address (behind a trusted proxy, taken from `X-Forwarded-For`: any text, hence the cut).
 */
export function originOf(): [string | null, string | null] {
  const context = requestContext();
  return [context?.requestId?.slice(0, 64) ?? null, context?.ip?.slice(0, 64) ?? null];
}

/**
 * The audit entries of a read, written by the very statement that reads the files: a
 * data-modifying CTE named `name` that logs one READ entry per row of `source` (a CTE of the
 * statement with an `id` column), for the actor, route, request and address of the request
 * context. No further statement, no further round trip: its route declares `@AuditedByStatement()`
 * and runs no read interceptor.
 *
 * Only for a statement that is its own transaction (on the pool, never inside `Transactions.run`):
 * it commits asynchronously. `synchronous_commit` is off for that transaction only, so the answer
 * does not wait for a WAL flush (one per read otherwise, slower as the load grows). The trade-off:
 * a crash of PostgreSQL or of its machine (not a clean stop) can lose the read entries of the last
 * fraction of a second (at most three times wal_writer_delay, 600 ms by default), never user data:
 * writes and their entries still commit durably.
 */
export function readAuditCte(name: string, source: string, params: SqlParams): string {
  const [userId, username, organizationId, route, requestId, clientAddress] = [
    ...actorOf({}),
    ...originOf(),
  ].map((value) => params.add(value));
  return `${name} AS (
  INSERT INTO audit_entry (user_id, username, organization_id, applicant_file_id, action, route, request_id, client_address)
  SELECT ${userId}::uuid, ${username}, ${organizationId}::uuid, ${source}.id, 'READ', ${route}, ${requestId}, ${clientAddress}
  FROM ${source}, set_config('synchronous_commit', 'off', true)
)`;
}

/**
 * One entry per file (or one without a file), for the actor, route, request and address of the
 * request context unless `actor` says otherwise (AuditRepository.record).
 */
export function auditEntriesStatement(
  action: AuditAction,
  fileIds: readonly (string | null)[],
  actor: Actor = {},
): SqlStatement {
  const [userId, username, organizationId, route] = actorOf(actor);
  const [requestId, clientAddress] = originOf();
  return {
    text: `INSERT INTO audit_entry (user_id, username, organization_id, applicant_file_id, action, route, request_id, client_address)
       SELECT $1, $2, $3, file_id, $4, $5, $7, $8 FROM unnest($6::uuid[]) AS file_id`,
    values: [
      userId,
      username,
      organizationId,
      action,
      route,
      [...new Set(fileIds)],
      requestId,
      clientAddress,
    ],
  };
}

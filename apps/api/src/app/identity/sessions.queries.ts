/** The one query that turns a session id into a principal; it also applies every way a session ends. */
export const LIVE_SESSION_SQL = `
  SELECT s.id AS session_id, s.last_seen_at, s.refresh_token_hash,
         u.id AS user_id, u.username, u.display_name, u.role,
         o.id AS organization_id, o.name AS organization_name, o.type AS organization_type, o.registers_demands
    FROM user_session s
    JOIN app_user u ON u.id = s.user_id
    JOIN organization o ON o.id = u.organization_id
   WHERE s.id = $1
     AND s.revoked_at IS NULL
     AND s.expires_at > now()
     AND s.last_seen_at > now() - make_interval(mins => $2)
     AND u.active
     AND o.active
     -- An organisation that requires ProConnect ends its members' password sessions.
     AND (s.id_token IS NOT NULL OR NOT o.requires_pro_connect)`;

/**
 * The lookup of an authenticated request ($1 session, $2 idle minutes, $3 user), keeping the session
 * alive in the same statement (written at most once a minute per session). Exported for the
 * benchmark's bare server, which runs the very statements of a request.
 */
export const LIVE_SESSION_TOUCH_SQL = `WITH live AS (${LIVE_SESSION_SQL}
     AND u.id = $3
       ), touched AS (
         UPDATE user_session s SET last_seen_at = now()
           FROM live
          WHERE s.id = live.session_id AND s.last_seen_at < now() - interval '1 minute'
         RETURNING s.id
       )
       SELECT * FROM live`;

#!/bin/bash
# Puts a backup of backup.sh back into the compose deployment (README.md, « Exploitation »), run by
# the `restore` service with the API stopped. Refuses, changing nothing, while the API answers or is
# connected, and when the backup's checksums differ. The database is made again, owned by
# passerelle_owner, with the runtime role's grants of the dump (the API gives them again at start);
# the documents replace the volume's.
set -eu

name="${1:?usage: restore.sh passerelle-<date> (a folder of the backups)}"
case "$name" in
  */* | .*)
    echo "Name the backup by its folder, as listed in the backups folder: $name" >&2
    exit 2
    ;;
esac
cd "/backups/$name"
sha256sum --check --quiet SHA256SUMS

for api in api-1 api-2; do
  if (exec 3<>"/dev/tcp/$api/3000") 2>/dev/null; then
    echo "$api answers: stop the API first (docker compose -f docker/compose.yml stop api-1 api-2), then restore." >&2
    exit 1
  fi
done
export PGPASSWORD="$POSTGRES_PASSWORD"
connected=$(psql --username=postgres --dbname=postgres --tuples-only --no-align --command \
  "SELECT count(*) FROM pg_stat_activity WHERE datname = 'passerelle' AND usename <> 'postgres'")
if [ "$connected" != 0 ]; then
  echo "$connected sessions are connected to the database: stop the API first, then restore." >&2
  exit 1
fi

# Restored aside, then swapped in: a failure leaves the database as it was. The one replaced is kept
# as passerelle_before_<time> (DROP DATABASE it once the restored Passerelle is checked).
psql --username=postgres --dbname=postgres --set=ON_ERROR_STOP=1 \
  --command='DROP DATABASE IF EXISTS passerelle_restoring' \
  --command='CREATE DATABASE passerelle_restoring OWNER passerelle_owner'
pg_restore --username=postgres --dbname=passerelle_restoring --exit-on-error --single-transaction \
  passerelle.dump
before="passerelle_before_$(date -u +%Y%m%d_%H%M%S)"
# Both renames or neither; a session that connected meanwhile makes them fail, before anything changed.
psql --username=postgres --dbname=postgres --set=ON_ERROR_STOP=1 --single-transaction \
  --command="ALTER DATABASE passerelle RENAME TO $before" \
  --command='ALTER DATABASE passerelle_restoring RENAME TO passerelle'
rm -rf /var/lib/passerelle/documents.before-restore
if [ -d /var/lib/passerelle/documents ]; then
  mv /var/lib/passerelle/documents /var/lib/passerelle/documents.before-restore
fi
tar -C /var/lib/passerelle -xf documents.tar
echo "Restored $name (the database replaced is kept as $before, the documents as documents.before-restore):"
echo "start the API again (docker compose -f docker/compose.yml start api-1 api-2)."

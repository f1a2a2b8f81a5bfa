#!/bin/sh
# The nightly backup of the compose deployment (README.md, « Exploitation »), run by the `backup`
# service: a pg_dump of the database as its owner, then a copy of the documents (a document's bytes
# are written before its row and removed after it, so every document the dump names is in the copy),
# with their SHA-256; backups older than BACKUP_KEEP_DAYS days are removed. Prints the backup's path.
set -eu

stamp=$(date -u +%Y-%m-%dT%H-%M-%SZ)
target="/backups/passerelle-$stamp"
mkdir -m 700 "$target.partial"
# An interrupted backup leaves no folder that looks complete.
trap 'rm -rf "$target.partial"' EXIT

PGPASSWORD="$PASSERELLE_OWNER_PASSWORD" pg_dump --username=passerelle_owner --dbname=passerelle \
  --format=custom --file="$target.partial/passerelle.dump"
if [ -d /var/lib/passerelle/documents ]; then
  tar -C /var/lib/passerelle -cf "$target.partial/documents.tar" documents
else
  tar -cf "$target.partial/documents.tar" -T /dev/null
fi
(cd "$target.partial" && sha256sum passerelle.dump documents.tar >SHA256SUMS)
mv "$target.partial" "$target"

find /backups -mindepth 1 -maxdepth 1 -type d -name 'passerelle-*' -mtime +"${BACKUP_KEEP_DAYS:-14}" \
  -exec rm -rf {} +
echo "$target"

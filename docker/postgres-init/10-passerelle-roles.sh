#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d): Passerelle's
# two roles and its database. The owner migrates and owns every object; the API serves as
# passerelle_app, which owns nothing and gets its grants from the API after each migration.
# An existing volume: run the same statements once as the superuser (README.md, « Database roles »).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$PASSERELLE_OWNER_PASSWORD" -v app_password="$PASSERELLE_APP_PASSWORD" <<'SQL'
CREATE ROLE passerelle_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE passerelle_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE passerelle OWNER passerelle_owner;
SQL

# PostgreSQL for the archive tests: installs Debian's server when missing, starts a cluster,
# creates the `newsgraph` role and `newsgraph_test` database, and exports
# NEWSGRAPH_TEST_POSTGRES so `pytest` runs every archive test against PostgreSQL as well.
# Source it from .ci/run (`. .ci/postgres.sh`); it runs as root or with sudo, and is safe to rerun.

newsgraph_start_postgres() {
    local sudo="" as_postgres="runuser -u postgres --" version
    if [ "$(id -u)" != 0 ]; then sudo="sudo" as_postgres="sudo -u postgres"; fi
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
            || return 1
    fi
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if ! pg_lsclusters -h | grep -q "^$version main "; then
        $sudo pg_createcluster "$version" main >/dev/null || return 1
    fi
    if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
        $sudo pg_ctlcluster "$version" main start || return 1
    fi
    for _ in $(seq 1 60); do
        pg_isready -q -h localhost && break
        sleep 0.5
    done
    $as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL' || return 1
SELECT 'CREATE ROLE newsgraph LOGIN PASSWORD ''newsgraph'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsgraph')\gexec
SELECT 'CREATE DATABASE newsgraph_test OWNER newsgraph'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'newsgraph_test')\gexec
SQL
    export NEWSGRAPH_TEST_POSTGRES="postgresql://newsgraph:newsgraph@localhost:5432/newsgraph_test"
}

newsgraph_start_postgres || echo "postgres: could not start a server; postgres tests will skip" >&2

#!/usr/bin/env bash
# Benchmark (not a test): ephemeral-env as shipped (Native AOT) against a throwaway local
# PostgreSQL: create with 20 migration files (median of 5 runs, each a new PR), and a sweep over 1,000
# expired environments. Wall clock from process start to exit.
#   usage: scripts/bench-ephemeral-env.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/ensure-tools.sh"; source "$root/scripts/lib/postgres.sh"
ensure_dotnet; ensure_postgres_server
work=$(mktemp -d); trap 'rm -rf "$work"; stop_pg' EXIT
echo "== publishing ephemeral-env (Native AOT)"
dotnet publish "$root/actions/ephemeral-env" -c Release -r linux-x64 -o "$work/app" -p:NuGetLockFilePath="$work/ephemeral-env-$RANDOM.lock.json" -v quiet -nologo >/dev/null
start_pg
mkdir -p "$work/ws/db/migrations" "$work/fc"
for i in $(seq -w 1 20); do
  printf 'CREATE TABLE t%s (id serial PRIMARY KEY, name text NOT NULL, at timestamptz DEFAULT now());\nCREATE INDEX ON t%s (name);\nINSERT INTO t%s (name) SELECT g::text FROM generate_series(1, 100) g;\n' "$i" "$i" "$i" > "$work/ws/db/migrations/0${i}_t.sql"
done
export GITHUB_WORKSPACE=$work/ws GITHUB_REPOSITORY=bookiji/bookiji GITHUB_OUTPUT=$work/fc/out GITHUB_STEP_SUMMARY=$work/fc/sum
run_env() { : > "$work/fc/out"; : > "$work/fc/sum"; env "INPUT_DATABASE-URL=$PG_URL" "$@" "$work/app/ephemeral-env" > "$work/log" 2>&1; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

echo "== create with 20 migration files (5 runs, new PR each)"
samples=()
for n in 1 2 3 4 5; do
  t0=$(date +%s%N)
  run_env INPUT_APP-ENV=bench_$n INPUT_MIGRATIONS-PATH=db/migrations INPUT_MODE=create "INPUT_BASE-URL-TEMPLATE=https://{app-env}.bookiji.com"
  t1=$(date +%s%N)
  grep -q '^schema-created<<' "$work/fc/out" && grep -A1 '^schema-created<<' "$work/fc/out" | grep -qx true || { cat "$work/log"; exit 1; }
  samples+=("$(ms "$t0" "$t1")")
done
printf 'create + 20 migrations: runs %s ms; median %s ms\n' "${samples[*]}" "$(printf '%s\n' "${samples[@]}" | sort -n | sed -n 3p)"

echo "== sweep over 1,000 expired environments"
psql_q "DO \$\$ BEGIN FOR i IN 1..1000 LOOP
  EXECUTE format('CREATE SCHEMA %I', 'bookiji_sweep_' || i);
  EXECUTE format('CREATE TABLE %I.t (id int)', 'bookiji_sweep_' || i);
  EXECUTE format('COMMENT ON SCHEMA %I IS %L', 'bookiji_sweep_' || i,
    json_build_object('creator','bookiji/ephemeral-env','appEnv','sweep_' || i,'repository','bookiji/bookiji','pr',i,'createdAt','2025-01-01T00:00:00Z')::text);
END LOOP; END \$\$" >/dev/null
t0=$(date +%s%N); run_env INPUT_MODE=sweep INPUT_TTL=7d; t1=$(date +%s%N)
left=$(psql_q "select count(*) from pg_namespace where nspname like 'bookiji\_sweep\_%'")
removed=$(grep -A1 '^removed<<' "$work/fc/out" | tail -1 | tr ',' '\n' | grep -c sweep_ || true)
echo "sweep: $(ms "$t0" "$t1") ms; removed $removed, left $left"

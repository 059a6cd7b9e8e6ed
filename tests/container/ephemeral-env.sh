# Container scenarios for ephemeral-env, sourced by scripts/container-test.sh (which defines step, check, fail,
# run_action, $image and $root). Each scenario runs the built image exactly as the Actions runner does.
step "ephemeral-env: create on a PR against a real PostgreSQL, then destroy on close"
source "$root/scripts/lib/postgres.sh"
start_pg
run3=$(mktemp -d); cleanups+=("rm -rf '$run3'" stop_pg)
mkdir -p "$run3/workflow"
echo '{"action":"opened","number":42,"pull_request":{"number":42,"head":{"ref":"feature/x","sha":"1234567890abcdef1234567890abcdef12345678"}}}' > "$run3/workflow/event.json"
env_inputs=(-e GITHUB_EVENT_NAME=pull_request -e GITHUB_REPOSITORY=bookiji/bookiji -e INPUT_MODE=auto -e "INPUT_DATABASE-URL=$PG_URL_FOR_CONTAINERS"
  -e INPUT_SCHEMA-PREFIX=bookiji_ -e "INPUT_BASE-URL-TEMPLATE=https://pr-{number}.bookiji.com" -e INPUT_REDIS-PREFIX=bookiji:
  -e INPUT_CREATE-ROLE=true -e INPUT_TTL=7d -e INPUT_DESCRIPTOR-DIR=env-descriptors -e INPUT_DESCRIPTOR-FILE=.ephemeral-env.json)
run_action "$image" ephemeral-env "$run3" "${env_inputs[@]}" > "$run3/log" 2>&1 || fail "ephemeral-env exited non-zero: $(cat "$run3/log")"
check "schema bookiji_pr_42 exists" "[ \"\$(psql_q \"select count(*) from pg_namespace where nspname = 'bookiji_pr_42'\")\" = 1 ]"
check "descriptor written" "grep -q '\"schemaName\": \"bookiji_pr_42\"' '$run3/workspace/.ephemeral-env.json' && [ -f '$run3/workspace/env-descriptors/pr_42.json' ]"
check "outputs base-url and schema-created" "grep -qx 'https://pr-42.bookiji.com' '$run3/file_commands/set_output' && grep -A1 '^schema-created<<' '$run3/file_commands/set_output' | grep -qx true"
pw=${PG_URL#postgres://postgres:}; pw=${pw%%@*}
check "the database password is masked in the log and absent from every file" "grep -q '::add-mask::$pw' '$run3/log' && [ \"\$(grep -v '::add-mask::' '$run3/log' | grep -c '$pw')\" = 0 ] && ! grep -rq '$pw' '$run3/workspace'"
echo '{"action":"closed","number":42,"pull_request":{"number":42}}' > "$run3/workflow/event.json"
run_action "$image" ephemeral-env "$run3" "${env_inputs[@]}" > "$run3/log2" 2>&1 || fail "ephemeral-env destroy exited non-zero: $(cat "$run3/log2")"
check "closed PR destroys the schema and role" "[ \"\$(psql_q \"select count(*) from pg_namespace where nspname = 'bookiji_pr_42'\")\" = 0 ] && [ \"\$(psql_q \"select count(*) from pg_roles where rolname = 'bookiji_pr_42_owner'\")\" = 0 ]"


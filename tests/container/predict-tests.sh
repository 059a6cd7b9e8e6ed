# Container scenarios for predict-tests, sourced by scripts/container-test.sh (which defines step, check, fail,
# run_action, $image and $root). Each scenario runs the built image exactly as the Actions runner does.
step "predict-tests: a push to a real git repository (git inside the container)"
run4=$(mktemp -d); cleanups+=("rm -rf '$run4'")
ws=$run4/workspace; mkdir -p "$ws/src/lib" "$ws/src/booking" "$ws/tests/e2e" "$ws/tests/config"
git -C "$ws" init -q -b main
echo '{"booking":["tests/e2e/booking-flow.spec.ts"],"auth":["tests/e2e/auth.spec.ts"]}' > "$ws/tests/config/test-map.json"
echo 'export const today = () => 1;' > "$ws/src/lib/date.ts"
echo "import { today } from '../lib/date'; export const create = today;" > "$ws/src/booking/create.ts"
echo "import { create } from '../../src/booking/create'; test('b', create);" > "$ws/tests/e2e/booking-flow.spec.ts"
echo "test('a', () => {});" > "$ws/tests/e2e/auth.spec.ts"
git -C "$ws" add -A; git -C "$ws" -c user.name=t -c user.email=t@t commit -qm base
echo 'export const today = () => 2;' > "$ws/src/lib/date.ts"
git -C "$ws" -c user.name=t -c user.email=t@t commit -qam change
chown -R 1001:1001 "$ws"   # as on a runner: the workspace is not root's
run_action "$image" predict-tests "$run4" -e GITHUB_EVENT_NAME=push -e INPUT_MODE=plan -e INPUT_WORKING-DIRECTORY=. \
  -e INPUT_TEST-MAP=tests/config/test-map.json -e INPUT_PLAN-FILE=ci-plan.json -e INPUT_MAX-SHARDS=4 > "$run4/log" 2>&1 \
  || fail "predict-tests exited non-zero: $(cat "$run4/log")"
check "ci-plan.json selects the importing spec" "grep -q '\"risk\": \"medium\"' '$ws/ci-plan.json' && grep -q 'tests/e2e/booking-flow.spec.ts' '$ws/ci-plan.json' && ! grep -q 'auth.spec.ts' '$ws/ci-plan.json'"
check "outputs risk, shard-count and run-all" "grep -A1 '^risk<<' '$run4/file_commands/set_output' | grep -qx medium && grep -A1 '^run-all<<' '$run4/file_commands/set_output' | grep -qx false"
check "no git ownership error (safe.directory)" "! grep -qi 'dubious ownership' '$run4/log'"


step "predict-tests: the image's git fetches over HTTPS (its transport and libraries load in the chiseled base)"
# Nothing listens on the port: git must get as far as connecting (not "remote-https is not a git command" or a
# missing library); and the other images carry no git at all.
code=0; out=$(pm run --rm --network none --entrypoint /usr/bin/git "$image" ls-remote https://127.0.0.1:9/x.git 2>&1) || code=$?
check "git ls-remote over HTTPS reaches the connect step" "[ $code -ne 0 ] && printf '%s' \"\$out\" | grep -q 'Failed to connect'"
for other in "${names[@]}"; do
  [ "$other" = predict-tests ] && continue
  check "$other: image carries no git" "! pm run --rm --network none --entrypoint /usr/bin/git localhost/bookiji-actions-$other:test --version >/dev/null 2>&1"
done
check "the image has no shell" "! pm run --rm --network none --entrypoint /bin/sh '$image' -c true >/dev/null 2>&1"

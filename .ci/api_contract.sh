#!/usr/bin/env bash
# API contract test: checks that a running Simpul server answers as openapi.yaml says.
#
#   .ci/api_contract.sh http://127.0.0.1:8080
#
# The server must be a demo instance (`simpul demo`): the script signs in as the demo
# supervisor through the web forms, creates an API token on the profile page, and runs
# schemathesis with that token against every operation of the spec. It writes to the
# server (creates and changes units, accounts and people), so never point it at real data.
#
# Environment (all optional):
#   SIMPUL_DEMO_EMAIL / SIMPUL_DEMO_PASSWORD  sign-in of the demo supervisor
#   CONTRACT_MAX_EXAMPLES   test cases per operation and phase (default 25)
#   CONTRACT_MAX_SECONDS    hard limit for the whole schemathesis run (default 600)
#   CONTRACT_SEED           fixed random seed, to reproduce a run
#   CONTRACT_REPORT_DIR     where to write a JUnit report (default: none)
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 BASE_URL   (e.g. http://127.0.0.1:8080)" >&2
    exit 2
fi
base="${1%/}"
cd "$(dirname "$0")/.."

email="${SIMPUL_DEMO_EMAIL:-sri.wahyuni@tirtamayakota.go.id}"
password="${SIMPUL_DEMO_PASSWORD:-simpul-demo-2026}"
max_examples="${CONTRACT_MAX_EXAMPLES:-25}"
max_seconds="${CONTRACT_MAX_SECONDS:-600}"

for tool in curl schemathesis timeout; do
    command -v "$tool" >/dev/null || { echo "api_contract: $tool is not installed" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$work/cookies"

# The value of the first hidden _csrf field of an HTML page.
csrf_of() {
    sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$1" | head -n 1
}

fail() {
    echo "api_contract: $*" >&2
    exit 1
}

# 1. Sign in: the login form sets a pre-session CSRF cookie and carries the matching field.
curl -fsS -c "$jar" -b "$jar" "$base/login" -o "$work/login.html" || fail "cannot load $base/login"
login_csrf="$(csrf_of "$work/login.html")"
[[ -n "$login_csrf" ]] || fail "no _csrf field on the login page"
status="$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$login_csrf" --data-urlencode "next=/" "$base/login")"
[[ "$status" == "303" ]] || fail "sign-in as $email failed (HTTP $status)"
grep -q 'simpul_session' "$jar" || fail "sign-in did not set a session cookie"

# 2. Create an API token on the profile page; it is shown once, in the response page.
curl -fsS -c "$jar" -b "$jar" "$base/profile" -o "$work/profile.html" || fail "cannot load $base/profile"
session_csrf="$(csrf_of "$work/profile.html")"
[[ -n "$session_csrf" ]] || fail "no _csrf field on the profile page"
curl -sS -c "$jar" -b "$jar" -o "$work/token.html" \
    --data-urlencode "name=api-contract-$(date +%Y%m%d%H%M%S)" --data-urlencode "_csrf=$session_csrf" \
    "$base/profile/tokens"
token="$(sed -n 's/.*<code class="token" id="new-token">\([^<]*\)<\/code>.*/\1/p' "$work/token.html" | head -n 1)"
[[ "$token" == spl_* ]] || fail "no API token in the answer of POST /profile/tokens"

# 3. Check the token works before spending time on generated tests.
status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/units?limit=1")"
[[ "$status" == "200" ]] || fail "GET /api/v1/units with the new token answered HTTP $status"

# 4. Property-based tests from the spec (examples, coverage, fuzzing and stateful phases).
#    One worker: the demo runs on SQLite and the result should not depend on request
#    interleaving. schemathesis exits non-zero on any failure; `timeout` turns a run that
#    exceeds the budget into a failure as well. (--max-time is not used: in this schemathesis
#    version it makes fuzzing repeat until the whole budget is spent.)
# schemathesis keeps a crash cache in ./.schemathesis and hypothesis its data in ./.hypothesis
# unless told otherwise; keep both out of the working tree.
printf '[cache]\nenabled = false\n' > "$work/schemathesis.toml"
export HYPOTHESIS_STORAGE_DIRECTORY="$work/hypothesis"
args=(
    --config-file "$work/schemathesis.toml"
    run openapi.yaml
    --url "$base/api/v1"
    --header "Authorization: Bearer $token"
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
    --max-examples "$max_examples"
    --workers 1
    --request-timeout 15
    --generation-database none
    --no-color
)
if [[ -n "${CONTRACT_SEED:-}" ]]; then args+=(--seed "$CONTRACT_SEED"); fi
if [[ -n "${CONTRACT_REPORT_DIR:-}" ]]; then args+=(--report junit --report-dir "$CONTRACT_REPORT_DIR"); fi

set +e
timeout --signal=INT --kill-after=30 "$max_seconds" schemathesis "${args[@]}"
code=$?
set -e
if [[ $code -eq 124 ]]; then
    fail "schemathesis did not finish within ${max_seconds}s"
elif [[ $code -ne 0 ]]; then
    fail "schemathesis found failures (exit $code)"
fi
echo "api_contract: passed"

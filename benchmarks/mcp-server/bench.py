#!/usr/bin/env python3
"""Measures refold-mcp: stdio cold start, tools/list size per surface, and the latency a tools/call adds over a
direct HTTP call to the emulator. Standard library only. Build first:

    dotnet build src/Refold.Mcp.Server -c Release
    python3 benchmarks/mcp-server/bench.py [--runs 15] [--calls 60]

Prints markdown tables (the ones in docs/benchmarks.md)."""
import argparse, base64, http.client, json, os, re, statistics, subprocess, sys, time
from urllib.parse import urlparse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "Refold.Mcp.Server", "bin", "Release", "net10.0")
DLL = os.path.join(OUT, "refold-mcp.dll")
APPHOST = os.path.join(OUT, "refold-mcp")
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}


def env(extra):
    e = {k: v for k, v in os.environ.items() if not k.startswith("REFOLD_")}
    e.update(extra)
    return e


def fake_token():
    b = lambda s: base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")
    return b('{"alg":"HS256"}') + "." + b('{"org_id":"o","linked_account_id":"acct_bench","exp":4102444800}') + "." + b("x")


def cold_start(command, extra_env, runs):
    """Process spawn -> initialize response, and -> first tools/list response (ms)."""
    init_ms, list_ms = [], []
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env(extra_env), text=True, bufsize=1)
        p.stdin.write(json.dumps(INIT) + "\n"); p.stdin.flush()
        json.loads(p.stdout.readline()); t_init = time.perf_counter()
        p.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
        p.stdin.write(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}) + "\n"); p.stdin.flush()
        json.loads(p.stdout.readline()); t_list = time.perf_counter()
        p.stdin.close(); p.wait(timeout=30)
        init_ms.append((t_init - start) * 1000); list_ms.append((t_list - start) * 1000)
    return init_ms, list_ms


SURFACES = [("compact (default)", []), ("compact --read-only", ["--read-only"]), ("--tools all", ["--tools", "all"]),
            ("--tools all --include-deprecated --include-inferred", ["--tools", "all", "--include-deprecated", "--include-inferred"]),
            ("--toolsets workflows,executions", ["--toolsets", "workflows,executions"])]


def credentials():
    return [("org API key", {"REFOLD_API_KEY": "tk-bench"}), ("session token", {"REFOLD_SESSION_TOKEN": fake_token()})]


def tools_size(args, extra_env, command=None):
    out = subprocess.run([*(command or ["dotnet", DLL]), "tools", "--json", *args], capture_output=True, text=True, env=env(extra_env), check=True).stdout
    doc = json.loads(out)
    minified = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()
    return len(doc["tools"]), len(minified)


def sse_json(body):
    text = body.decode()
    if text.lstrip().startswith("{"):
        return json.loads(text)
    return json.loads([l[5:] for l in text.splitlines() if l.startswith("data:")][-1])


def latency(calls):
    p = subprocess.Popen(["dotnet", DLL, "--transport", "http", "--urls", "http://127.0.0.1:0", "--emulator"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env({}), text=True)
    emulator = mcp = None
    while mcp is None:
        line = p.stderr.readline()
        if not line:
            raise SystemExit("server exited")
        emulator = emulator or (re.search(r"emulator at (http://\S+?)/? ", line) or [None, None])[1]
        m = re.search(r"listening on (http://\S+/mcp)", line)
        mcp = m and m.group(1)
    try:
        described = subprocess.run(["dotnet", DLL, "call", "describe_operation", '{"name":"get_linked_account"}', "--emulator"],
                                   capture_output=True, text=True, env=env({}), check=True).stdout
        method, route = json.loads(described)["http"].split(" ", 1)
        path = route.replace("{linked_account_id}", "acct_globex")
        key = re.search(r'ApiKey = "(tk[^"]+)"', open(os.path.join(ROOT, "src", "Refold.Emulator", "EmulatorOptions.cs")).read()).group(1)

        e, m = urlparse(emulator), urlparse(mcp)
        direct = http.client.HTTPConnection(e.hostname, e.port); server = http.client.HTTPConnection(m.hostname, m.port)
        headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        server.request("POST", m.path, json.dumps(INIT), headers); r = server.getresponse(); r.read()
        headers["Mcp-Session-Id"] = r.getheader("Mcp-Session-Id"); headers["MCP-Protocol-Version"] = "2025-11-25"
        server.request("POST", m.path, json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}), headers); server.getresponse().read()
        call = json.dumps({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "get_linked_account", "arguments": {"linked_account_id": "acct_globex"}}})

        d_ms, s_ms = [], []
        for i in range(calls + 10):
            t0 = time.perf_counter(); direct.request(method, path, headers={"x-api-key": key, "Accept": "application/json"})
            r = direct.getresponse(); body = r.read(); t1 = time.perf_counter()
            assert r.status == 200, body
            server.request("POST", m.path, call, headers); r = server.getresponse(); result = sse_json(r.read()); t2 = time.perf_counter()
            assert not result["result"].get("isError"), result
            if i >= 10:
                d_ms.append((t1 - t0) * 1000); s_ms.append((t2 - t1) * 1000)
            time.sleep(0.15)  # stay well inside Refold's 20 requests/s so no limiter wait is measured
        return d_ms, s_ms
    finally:
        p.terminate(); p.wait(timeout=30)


def row(name, values):
    return f"| {name} | {statistics.median(values):.0f} | {min(values):.0f} | {max(values):.0f} |"


def main():
    a = argparse.ArgumentParser(); a.add_argument("--runs", type=int, default=15); a.add_argument("--calls", type=int, default=60)
    a.add_argument("--r2r", help="folder of a ReadyToRun publish (dotnet publish src/Refold.Mcp.Server -c Release -r linux-x64 "
                                 "--self-contained false -p:PublishReadyToRun=true -o DIR) to measure too")
    o = a.parse_args()
    if not os.path.exists(DLL):
        raise SystemExit(f"build first: dotnet build src/Refold.Mcp.Server -c Release ({DLL} missing)")
    offline = {"REFOLD_API_KEY": "tk-bench", "REFOLD_BASE_URL": "http://127.0.0.1:9"}

    print(f"### stdio cold start ({o.runs} runs, ms: median (min–max))\n")
    print("| variant | to initialize response | to first tools/list response |\n|---|---|---|")
    variants = [("`dotnet refold-mcp.dll` (API key, compact)", ["dotnet", DLL], offline),
                         ("apphost `./refold-mcp` (API key, compact)", [APPHOST], offline),
                         ("`dotnet refold-mcp.dll --tools all`", ["dotnet", DLL, "--tools", "all"], offline),
                         ("`dotnet refold-mcp.dll --emulator` (emulator starts in-process)", ["dotnet", DLL, "--emulator"], {})]
    if o.r2r:
        variants.append(("ReadyToRun apphost (API key, compact)", [os.path.join(o.r2r, "refold-mcp")], offline))
    for name, cmd, e in variants:
        i, l = cold_start(cmd, e, o.runs)
        print(f"| {name} | {statistics.median(i):.0f} ({min(i):.0f}–{max(i):.0f}) | {statistics.median(l):.0f} ({min(l):.0f}–{max(l):.0f}) |")

    print("\n### tools/list size per surface (minified JSON; tokens = bytes / 4)\n")
    print("| surface | credential | tools | bytes | tokens |\n|---|---|---|---|---|")
    for name, args in SURFACES:
        for cred, e in credentials():
            n, size = tools_size(args, e)
            print(f"| {name} | {cred} | {n} | {size} | {size // 4} |")

    print(f"\n### tools/call latency over a direct HTTP call to the emulator ({o.calls} paced calls, ms)\n")
    d, s = latency(o.calls)
    print("| path | median | min | max |\n|---|---|---|---|")
    print(row("direct `GET` to the emulator (get_linked_account)", d))
    print(row("MCP `tools/call get_linked_account` over HTTP (stateful 2025-11-25)", s))
    added = [x - y for x, y in zip(s, d)]
    print(f"\nAdded by the MCP server: median {statistics.median(added):.1f} ms (p90 {sorted(added)[int(len(added) * 0.9)]:.1f} ms).")


if __name__ == "__main__":
    main()

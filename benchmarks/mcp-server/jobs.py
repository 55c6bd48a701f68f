#!/usr/bin/env python3
"""Cost of one agent job, "run the contact sync for Globex and report each node", in tool calls and result bytes,
done the way an agent would on each surface of refold-mcp over stdio on the embedded emulator (its clock sped up,
so the 12 s run takes a second or two; the number of polls the manual way needs grows with the real run time).
Standard library only. Build first:

    dotnet build src/Refold.Mcp.Server -c Release
    python3 benchmarks/mcp-server/jobs.py

Prints the markdown tables in docs/benchmarks.md: the job's cost, then tools/list sizes per surface."""
import json, os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(__file__))
from bench import fake_token, tools_size  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.path.join(ROOT, "src", "Refold.Mcp.Server", "bin", "Release", "net10.0", "refold-mcp.dll")
SPEED = "8"


class Server:
    def __init__(self, *args):
        env = {k: v for k, v in os.environ.items() if not k.startswith("REFOLD_")}
        self.p = subprocess.Popen(["dotnet", DLL, "--emulator", "--emulator-speed", SPEED, "--confirm", "never", *args],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, bufsize=1)
        self.next_id = 1
        self.calls = 0
        self.result_bytes = 0
        self.request({"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "jobs", "version": "1"}}, "initialize")
        self.p.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
        self.tools_bytes = len(json.dumps(self.request({}, "tools/list"), separators=(",", ":")).encode())

    def request(self, params, method):
        self.next_id += 1
        self.p.stdin.write(json.dumps({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}) + "\n")
        self.p.stdin.flush()
        while True:
            message = json.loads(self.p.stdout.readline())
            if message.get("id") == self.next_id:
                return message["result"]

    def call(self, name, arguments):
        result = self.request({"name": name, "arguments": arguments}, "tools/call")
        self.calls += 1
        self.result_bytes += len(json.dumps(result, separators=(",", ":"), ensure_ascii=False).encode())
        if result.get("isError"):
            raise RuntimeError(f"{name} failed: {result['content'][0]['text']}")
        return result["structuredContent"]

    def close(self):
        self.p.stdin.close()
        self.p.wait(timeout=30)


def globex(s):
    accounts = s.call("list_linked_accounts", {"limit": 50})
    return next(a["account_id"] for a in accounts["docs"] if a["name"].startswith("Globex"))


def with_run_workflow(s):
    account = globex(s)
    report = s.call("run_workflow", {"workflow": "Nightly contact sync", "linked_account_id": account})
    while not report["finished"]:
        report = s.call("wait_for_execution", {"execution_id": report["execution_id"], "linked_account_id": account})
    return report["status"]


def by_hand(s, call_write, call_read):
    """The REST operations alone: find the workflow, read its input, execute, poll get_execution once a second."""
    account = globex(s)
    workflows = call_read("list_workflows", {"linked_account_id": account, "limit": 50})
    workflow = next(w for w in workflows["docs"] if w["name"] == "Nightly contact sync")
    call_read("get_workflow_request_structure", {"workflowId": workflow["_id"], "linked_account_id": account})
    started = call_write("execute_workflow", {"workflowId": workflow["_id"], "slug": workflow["slug"], "linked_account_id": account, "payload": {}})
    while True:
        execution = call_read("get_execution", {"execution_id": started["execution_id"], "linked_account_id": account})
        if execution["status"] not in ("RUNNING", "STOPPING"):
            return execution["status"]
        time.sleep(1)


def main():
    rows = []
    for surface, args in [("compact (default)", []), ("--tools all", ["--tools", "all"])]:
        s = Server(*args)
        status = with_run_workflow(s)
        rows.append((surface, "run_workflow", s.calls, s.result_bytes, s.tools_bytes, status))
        s.close()
        s = Server(*args)
        if surface.startswith("compact"):
            status = by_hand(s, lambda n, a: s.call("call_write_operation" if n != "execute_workflow" else "call_destructive_operation", {"name": n, "arguments": a}),
                             lambda n, a: s.call(n, a) if n in ("list_workflows", "get_execution") else s.call("call_read_operation", {"name": n, "arguments": a}))
        else:
            status = by_hand(s, s.call, s.call)
        rows.append((surface, "REST operations by hand (poll get_execution every 1 s)", s.calls, s.result_bytes, s.tools_bytes, status))
        s.close()

    print(f"| surface | how | tool calls | result bytes (≈ tokens) | tools/list bytes | outcome |\n|---|---|---|---|---|---|")
    for surface, how, calls, size, tools, status in rows:
        print(f"| {surface} | {how} | {calls} | {size} ({size // 4}) | {tools} | {status} |")

    print("\n| surface | credential | tools | bytes | tokens |\n|---|---|---|---|---|")
    for name, args in [("compact (default)", []), ("compact --read-only", ["--read-only"]), ("--tools all", ["--tools", "all"]),
                       ("--tools all --include-deprecated --include-inferred", ["--tools", "all", "--include-deprecated", "--include-inferred"]),
                       ("--toolsets workflows,executions", ["--toolsets", "workflows,executions"])]:
        for credential, extra in [("org API key", {"REFOLD_API_KEY": "tk-bench"}), ("session token", {"REFOLD_SESSION_TOKEN": fake_token()})]:
            count, size = tools_size(args, extra)
            print(f"| {name} | {credential} | {count} | {size} | {size // 4} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A client that never reads the server's stderr: how many tool calls a stdio refold-mcp answers before it stalls.
Spawns `dotnet DLL --emulator --log-level trace` with stderr on a pipe nobody reads (a pipe buffer on Linux is 64 KiB),
then sends `get_linked_account` calls one after another, each given --wait seconds to be answered. Standard library
only. Build first:

    dotnet build src/Refold.Mcp.Server
    python3 benchmarks/mcp-server/stderr_stall.py [--dll PATH/refold-mcp.dll] [--calls 300] [--wait 10]

Prints one markdown row: calls answered, the first call left unanswered (none), and the median answer time."""
import argparse, json, os, queue, statistics, subprocess, sys, threading, time

import bench

CALL = {"name": "get_linked_account", "arguments": {"linked_account_id": "acct_globex"}}


def reader(process):
    """The server's stdout lines, read on a thread of their own (a line the server never finishes never blocks the script)."""
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    return lines


def answer(lines, wait):
    """The next JSON-RPC line within `wait` seconds, or None."""
    try:
        return json.loads(lines.get(timeout=wait))
    except queue.Empty:
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dll", default=os.path.join(bench.ROOT, "src", "Refold.Mcp.Server", "bin", "Debug", "net10.0", "refold-mcp.dll"))
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--wait", type=float, default=10)
    args = parser.parse_args()

    process = subprocess.Popen(["dotnet", args.dll, "--emulator", "--ephemeral", "--log-level", "trace"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=bench.env({}), text=True, bufsize=1)
    lines = reader(process)
    try:
        process.stdin.write(json.dumps(bench.INIT) + "\n")
        process.stdin.flush()
        if answer(lines, 120) is None:
            sys.exit("no initialize answer")
        process.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
        answered, stalled, times = 0, None, []
        for i in range(args.calls):
            start = time.perf_counter()
            process.stdin.write(json.dumps({"jsonrpc": "2.0", "id": 10 + i, "method": "tools/call", "params": CALL}) + "\n")
            process.stdin.flush()
            if answer(lines, args.wait) is None:
                stalled = i + 1
                break
            times.append((time.perf_counter() - start) * 1000)
            answered += 1
        median = f"{statistics.median(times):.1f} ms" if times else "-"
        print(f"| {os.path.relpath(args.dll, bench.ROOT)} | {answered} of {args.calls} | {stalled or 'none'} | {median} |")
    finally:
        process.kill()


if __name__ == "__main__":
    main()

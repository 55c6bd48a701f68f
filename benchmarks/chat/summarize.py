#!/usr/bin/env python3
"""Summarizes refold-chat transcripts (--transcript JSON lines): per turn, the tool calls, the tokens of tool
definitions sent to the model, the tool results it read (tokens = bytes / 4), and wall time in tools vs in the model.

    REFOLD_CHAT_TRANSCRIPTS=/tmp/chat-transcripts dotnet test tests/Refold.Chat.Tests
    python3 benchmarks/chat/summarize.py /tmp/chat-transcripts
"""
import json
import pathlib
import sys


def turns(path):
    requests, result_bytes = [], 0
    for line in path.read_text().splitlines():
        entry = json.loads(line)
        if entry["type"] == "model_request":
            requests.append(entry)
        elif entry["type"] == "tool_result":
            result_bytes += len(json.dumps(entry["result"], separators=(",", ":")).encode())
        elif entry["type"] == "turn_end":
            yield entry, requests, result_bytes
            requests, result_bytes = [], 0


def main(folder):
    print("| transcript | turn | outcome | tool calls | model requests | tool-definition tokens per request | per turn | tool-result tokens | model ms | tools ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path in sorted(pathlib.Path(folder).glob("*.jsonl")):
        for number, (end, requests, result_bytes) in enumerate(turns(path), start=1):
            per_request = sorted({r["tool_definition_tokens"] for r in requests})
            print(f"| {path.stem} | {number} | {end['outcome']} | {end['tool_calls']} ({', '.join(end['tools_called']) or '-'}) "
                  f"| {end['model_requests']} | {'/'.join(map(str, per_request)) or '-'} | {end['tool_definition_tokens']} "
                  f"| {result_bytes // 4} | {end['model_ms']} | {end['tools_ms']} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")

#!/usr/bin/env python3
"""Golden coder test: tests/golden/code/*.txt through `casus code --emit all` must give the reviewed *.golden.

usage: golden_code_test.py CASUS_BINARY REPO_ROOT [--update]

A *.golden file holds one line per event and quote in a stable, readable form (category, mode, aux, actors,
recipients, date, place, source, relays, anonymity, fatalities; quotes with their speaker), the fields an analyst
reviews. Offsets, ids, scores and confidences are left out so that a better parse that changes nothing an analyst
sees does not break the test. After a change to the coder, lexicon or model, run with --update and review the diff
(tests/golden/code/README.md).
"""
import json
import os
import subprocess
import sys

CASUS, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
UPDATE = "--update" in sys.argv[3:] or os.environ.get("CASUS_UPDATE_GOLDEN") == "1"
GOLDEN = os.path.join(ROOT, "tests", "golden", "code")


def names(entities):
    out = []
    for e in entities:
        n = e.get("name") or e.get("text") or "?"
        out.append(n + ("*" if e.get("inferred") else ""))
    return ",".join(out) if out else "-"


def render(records):
    lines = []
    for r in records:
        if r["type"] == "event":
            a = r.get("attribution") or {}
            said = (a.get("said_by") or {}).get("text") or "-"
            loc = (r.get("location") or {})
            place = (loc.get("name") or loc.get("text") or "-") + ("*" if loc.get("inferred") else "")
            lines.append(" | ".join([
                f"EVENT {r['event']}/{r.get('mode') or '-'}" + (f" aux={r['aux']}" if r.get("aux") else ""),
                f"actor={names(r['actor'])}", f"recipient={names(r['recipient'])}",
                f"trigger={r['trigger']['text']}", f"date={r.get('date') or '-'}", f"place={place}",
                f"said_by={said}", f"via={','.join(a.get('via') or []) or '-'}",
                f"anonymous={'yes' if a.get('anonymous') else 'no'}",
                f"fatalities={r['fatalities'] if r.get('fatalities') is not None else '-'}",
                f"sentence={r['sentence']}"]))
        elif r["type"] == "quote":
            sp = r.get("speaker") or {}
            lines.append(" | ".join([
                f"QUOTE speaker={sp.get('name') or sp.get('text') or '-'}", f"as={sp.get('text') or '-'}",
                f"via={','.join(r.get('via') or []) or '-'}", f"anonymous={'yes' if r.get('anonymous') else 'no'}",
                f"text={r['text'][:60]}"]))
    return "\n".join(lines) + "\n"


failed = 0
for name in sorted(os.listdir(GOLDEN)):
    if not name.endswith(".txt"):
        continue
    path = os.path.join(GOLDEN, name)
    r = subprocess.run([CASUS, "code", "--emit", "all", "-q", path], capture_output=True, timeout=300)
    if r.returncode != 0:
        print(f"FAIL {name}: casus code exited {r.returncode}: {r.stderr.decode(errors='replace')[-300:]}")
        failed += 1
        continue
    records = [json.loads(l) for l in r.stdout.decode().splitlines() if l.strip()]
    got = render(records)
    golden_path = path[:-4] + ".golden"
    if UPDATE:
        with open(golden_path, "w", encoding="utf-8") as f:
            f.write(got)
        print(f"updated {os.path.relpath(golden_path, ROOT)}")
        continue
    if not os.path.exists(golden_path):
        print(f"FAIL {name}: missing {os.path.relpath(golden_path, ROOT)} (run with --update, then review)")
        failed += 1
        continue
    want = open(golden_path, encoding="utf-8").read()
    if got != want:
        failed += 1
        print(f"FAIL {name}: output differs from {os.path.relpath(golden_path, ROOT)}")
        gl, wl = got.splitlines(), want.splitlines()
        for line in wl:
            if line not in gl:
                print(f"  - {line}")
        for line in gl:
            if line not in wl:
                print(f"  + {line}")
    else:
        print(f"ok   {name}")
sys.exit(1 if failed else 0)

#!/usr/bin/env python3
"""Event-coding evaluation for casus (the figures of docs/BENCHMARKS.md, "Event coder").

usage: bench/eval_events.py [--casus build/casus] [--only realnews,gsr,stories,speed] [--threads N]
                            [--details FILE] [--shared ../shared]

  realnews  ../shared/data/realnews-dev/articles.jsonl: event precision/recall/F1 under the scoring rule of its
            README (category or alt category; negation agrees; an actor of the system contains a distinctive word
            of a gold actor name, or has that state's country with a state type; the same for recipients when the
            gold has them; reciprocal events pool actors and recipients; one-to-one greedy matching per document),
            plus accuracy of date (intervals overlap), location, said_by, anonymity and fatalities on matched events.
  gsr       ../shared/data/plover/gsr-dev.json (PLOVER 0.5 labels mapped: DEMAND→REQUEST, DISAPPROVE→ACCUSE,
            FIGHT→ASSAULT, INVESTIGATE→ACCUSE): share of sentences whose gold category is coded, and whose
            category + actor + recipient (ISO alpha-3 / IGO / NGO codes) match.
  stories   ../shared/data/synthetic-stories/stories-dev.jsonl: share of stories whose labelled category is among
            the coded events; events per story.
  speed     casus code over the 3,000 synthetic stories, one thread and all threads: documents/s and tokens/s.

The data is read from ../shared at run time and never copied into the repository.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ARGS = sys.argv[1:]


def arg(name, default):
    return ARGS[ARGS.index(name) + 1] if name in ARGS else default


CASUS = arg("--casus", "build/casus")
SHARED = arg("--shared", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
ONLY = arg("--only", "realnews,gsr,stories,speed").split(",")
DETAILS = arg("--details", None)

# Words that say nothing about which actor is meant; state names map to codes and common metonyms.
GENERIC = {"the", "of", "and", "forces", "force", "group", "groups", "government", "officials", "official", "people",
           "military", "army", "state", "states", "ministry", "minister", "president", "leader", "leaders",
           "members", "national", "service", "country", "troops"}
STATES = {"russia": "RUS", "ukraine": "UKR", "united states": "USA", "iran": "IRN", "israel": "ISR",
          "saudi arabia": "SAU", "yemen": "YEM", "syria": "SYR", "iraq": "IRQ", "lebanon": "LBN", "china": "CHN",
          "united kingdom": "GBR", "france": "FRA", "germany": "DEU", "turkey": "TUR", "afghanistan": "AFG",
          "myanmar": "MMR", "burkina faso": "BFA", "rwanda": "RWA", "democratic republic of the congo": "COD",
          "sudan": "SDN", "egypt": "EGY", "qatar": "QAT", "venezuela": "VEN", "brazil": "BRA",
          "argentina": "ARG", "ethiopia": "ETH", "sri lanka": "LKA", "north korea": "PRK", "japan": "JPN",
          "canada": "CAN", "india": "IND", "pakistan": "PAK", "hong kong": "HKG", "denmark": "DNK"}
METONYMS = {"united states": ["u.s.", "us ", "america", "washington", "pentagon"],
            "united kingdom": ["britain", "british", "u.k.", "london"], "russia": ["moscow", "kremlin"],
            "ukraine": ["ukrain", "kyiv"], "democratic republic of the congo": ["congo", "kinshasa", "drc"]}
STATE_TYPES = {None, "", "GOV", "MIL", "COP", "LEG", "JUD"}


def keys_of(name):
    n = name.lower().strip()
    out = {n, *METONYMS.get(n, [])}
    out.update(w for w in re.findall(r"[a-z][a-z'\-]{3,}", n) if w not in GENERIC)
    return out


def names_match(gold_names, entities):
    if not gold_names:
        return True
    for g in gold_names:
        keys, code = keys_of(g), STATES.get(g.lower().strip())
        for e in entities:
            blob = " " + " ".join(str(e.get(f) or "") for f in ("text", "name", "kb_id")).lower() + " "
            if any(k in blob for k in keys):
                return True
            if code and e.get("country") == code and e.get("type") in STATE_TYPES:
                return True
    return False


def event_matches(g, p):
    if p.get("event") not in {g["event"], *g.get("alt_events", [])}:
        return False
    if (p.get("aux") == "negation") != (g.get("aux") == "negation"):
        return False
    acts, recs = p.get("actor") or [], p.get("recipient") or []
    ga = g.get("actor_norm", g.get("actor")) or []
    gr = g.get("recipient_norm", g.get("recipient")) or []
    if g.get("reciprocal"):
        return names_match(ga, acts + recs) and names_match(gr, acts + recs)
    return names_match(ga, acts) and (not gr or names_match(gr, recs) or (len(acts) > 1 and names_match(gr, acts + recs)))


def interval(d):
    lo, _, hi = d.partition("/")
    hi = hi or lo

    def pad(x, end):
        if len(x) == 4:
            return x + ("-12-31" if end else "-01-01")
        if len(x) == 7:
            return x + ("-31" if end else "-01")
        return x[:10]
    return pad(lo, False), pad(hi, True)


def dates_overlap(a, b):
    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a0 <= b1 and b0 <= a1


def said_by_ok(g, p):
    sb = ((p.get("attribution") or {}).get("said_by")) or {}
    blob = " ".join(str(sb.get(k) or "") for k in ("text", "name")).lower()
    return bool(blob.strip()) and any(w in blob for w in re.findall(r"[a-z]{4,}", g["said_by"].lower()))


def location_ok(g, p):
    loc = p.get("location") or {}
    blob = " ".join(str(loc.get(k) or "") for k in ("text", "name")).lower()
    return bool(blob.strip()) and any(w in blob for w in re.findall(r"[a-z]{4,}", g["location"].lower()))


def agreement(g, p):
    return ((bool(g.get("date")) and bool(p.get("date")) and dates_overlap(g["date"], p["date"]))
            + (bool(g.get("said_by")) and said_by_ok(g, p))
            + (g.get("fatalities") is not None and p.get("fatalities") == g.get("fatalities")))


def match_one_to_one(golds, preds):
    """Greedy by attribute agreement, then augmenting paths (maximum matching)."""
    cand = [[j for j, p in enumerate(preds) if event_matches(g, p)] for g in golds]
    owner = {}
    pairs = sorted((-agreement(golds[i], preds[j]), i, j) for i in range(len(golds)) for j in cand[i])
    matched = set()
    for _, i, j in pairs:
        if i not in matched and j not in owner:
            owner[j] = i
            matched.add(i)

    def augment(i, seen):
        for j in cand[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        if i not in matched:
            augment(i, set())
    return {i: j for j, i in owner.items()}


def run_casus(records, extra=()):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "in.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r) + "\n")
        t0 = time.perf_counter()
        r = subprocess.run([CASUS, "code", "-q", *extra, path], capture_output=True)
        secs = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        sys.exit("casus code failed: " + r.stderr.decode(errors="replace")[-500:])
    out = collections.defaultdict(list)
    for line in r.stdout.decode(errors="replace").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec.get("doc")].append(rec)
    return out, secs


def realnews():
    items = [json.loads(l) for l in open(os.path.join(SHARED, "data/realnews-dev/articles.jsonl"), encoding="utf-8")]
    docs = [{"id": a["id"], "text": a["text"], "published": a.get("published"), "url": a.get("url")} for a in items]
    pred, _ = run_casus(docs)
    tp = fp = fn = 0
    right, total = collections.Counter(), collections.Counter()
    per_cat = collections.defaultdict(lambda: [0, 0, 0])
    details = []
    for a in items:
        golds = a["events"]
        preds = [p for p in pred.get(a["id"], []) if p.get("type") == "event"]
        pairs = match_one_to_one(golds, preds)
        tp += len(pairs)
        fn += len(golds) - len(pairs)
        fp += len(preds) - len(pairs)
        for i, g in enumerate(golds):
            per_cat[g["event"]][0 if i in pairs else 2] += 1
        used = set(pairs.values())
        for j, p in enumerate(preds):
            if j not in used:
                per_cat[p["event"]][1] += 1
        for i, j in pairs.items():
            g, p = golds[i], preds[j]
            if g.get("date"):
                total["date"] += 1
                right["date"] += bool(p.get("date")) and dates_overlap(g["date"], p["date"])
            if g.get("location"):
                total["location"] += 1
                right["location"] += location_ok(g, p)
            if g.get("said_by"):
                total["said_by"] += 1
                right["said_by"] += said_by_ok(g, p)
            total["anonymous"] += 1
            right["anonymous"] += bool((p.get("attribution") or {}).get("anonymous")) == bool(g.get("anonymous_source"))
            if g.get("fatalities") is not None:
                total["fatalities"] += 1
                right["fatalities"] += p.get("fatalities") == g["fatalities"]
        if DETAILS:
            details.append({"id": a["id"], "missed": [golds[i] for i in range(len(golds)) if i not in pairs],
                            "spurious": [{k: p.get(k) for k in ("event", "mode", "aux", "actor", "recipient",
                                                                 "text", "rule")}
                                         for j, p in enumerate(preds) if j not in used]})
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"realnews-dev: precision {P:.3f} recall {R:.3f} F1 {F:.3f} (tp {tp} fp {fp} fn {fn})")
    print("  on matched events: " + ", ".join(f"{k} {right[k]}/{total[k]} ({right[k] / total[k]:.2f})"
                                              for k in sorted(total) if total[k]))
    print("  per category (tp fp fn): " + ", ".join(f"{c} {v[0]}/{v[1]}/{v[2]}" for c, v in sorted(per_cat.items())))
    if DETAILS:
        with open(DETAILS, "w", encoding="utf-8") as f:
            json.dump(details, f, indent=1, ensure_ascii=False)


MAP05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def code_matches(codes, entities):
    if not codes:
        return True
    for c in codes:
        for e in entities:
            if c in ("IGO", "NGO") and e.get("type") == c:
                return True
            if e.get("country") == {"JAP": "JPN"}.get(c, c):
                return True
    return False


def gsr():
    recs = [r for r in json.load(open(os.path.join(SHARED, "data/plover/gsr-dev.json"), encoding="utf-8"))
            if r.get("event") != "DOCUMENT" and r.get("text")]
    docs = [{"id": r["id"], "text": r["text"].strip("{}"), "published": r.get("date")} for r in recs]
    pred, _ = run_casus(docs)
    cat_ok = full_ok = 0
    for r in recs:
        gold = MAP05.get(r["event"], r["event"])
        alt = r["id"].split("-")[2] if r["id"].count("-") >= 3 else gold
        cats = {gold, MAP05.get(alt, alt)}
        src = [s.get("code") for s in (r.get("source") or []) if isinstance(s, dict)]
        tgt = [s.get("code") for s in (r.get("target") or []) if isinstance(s, dict)]
        evs = [p for p in pred.get(r["id"], []) if p.get("type") == "event" and p.get("event") in cats]
        cat_ok += bool(evs)
        full_ok += any(code_matches(src, p["actor"] + (p["recipient"] if not tgt else [])) and
                       code_matches(tgt, p["recipient"] + p["actor"]) for p in evs)
    n = len(recs)
    print(f"gsr-dev: category coded {cat_ok}/{n} ({cat_ok / n:.3f}); category+actor+recipient {full_ok}/{n} "
          f"({full_ok / n:.3f})")


def stories(limit=None):
    recs = [json.loads(l) for l in open(os.path.join(SHARED, "data/synthetic-stories/stories-dev.jsonl"), encoding="utf-8")]
    if limit:
        recs = recs[:limit]
    docs = [{"id": f"s{i}", "text": r["text"], "title": r.get("title")} for i, r in enumerate(recs)]
    return recs, docs


def stories_eval():
    recs, docs = stories()
    pred, _ = run_casus(docs, ["--published", "2024-01-15"])
    hit = sum(any(p.get("event") == r["label"] for p in pred.get(f"s{i}", [])) for i, r in enumerate(recs))
    n_events = sum(len(v) for v in pred.values())
    print(f"synthetic-stories: labelled category among coded events {hit}/{len(recs)} ({hit / len(recs):.3f}); "
          f"{n_events / len(recs):.2f} events per story")


def speed():
    _, docs = stories()
    tokens = None
    for threads in ("1", str(os.cpu_count() or 2)):
        best = None
        for _ in range(3):
            _, secs = run_casus(docs, ["--threads", threads, "--published", "2024-01-15"])
            best = secs if best is None else min(best, secs)
        if tokens is None:
            with tempfile.TemporaryDirectory() as tmp:
                p = os.path.join(tmp, "in.jsonl")
                with open(p, "w") as f:
                    for d in docs:
                        f.write(json.dumps(d) + "\n")
                r = subprocess.run([CASUS, "code", "-q", "--summary", "--out", os.devnull, p], capture_output=True)
                m = re.search(r"(\d+) tokens", r.stdout.decode() + r.stderr.decode())
                tokens = int(m.group(1)) if m else 0
        print(f"speed: {len(docs)} stories, {threads} thread(s): best of 3 {best:.2f} s = {len(docs) / best:.0f} docs/s, "
              f"{tokens / best:.0f} tokens/s (whole process incl. resource loading)")


if __name__ == "__main__":
    if "-h" in ARGS or "--help" in ARGS:
        print(__doc__)
        sys.exit(0)
    for name in ONLY:
        {"realnews": realnews, "gsr": gsr, "stories": stories_eval, "speed": speed}[name]()

#!/usr/bin/env python3
"""Pairwise same-incident link quality of a casus store against gold incident labels (docs/benchmarks/store.md).

Two documents are a gold pair when they share any gold incident label; a system pair when any of their events
belong to the same store incident. Prints pairwise precision, recall and F1 over the documents in the gold.

usage:
  store_dedup_eval.py --db STORE.sqlite --gold-tsv tests/fixtures/incidents/gold.tsv   (doc_id<TAB>label[,label…])
  store_dedup_eval.py --db STORE.sqlite --gold-jsonl articles.jsonl                    (realnews: id, incident_keys)
  store_dedup_eval.py --to-input articles.jsonl OUT.jsonl   (realnews items → casus code input: id/text/published/url/source)
  store_dedup_eval.py --gold-events articles.jsonl OUT.jsonl (realnews gold events → "document"/"event" records with
      actor names resolved against kb/ by exact name or alias; import with `store_bench import --input OUT.jsonl`
      to measure incident linking with a perfect coder)
  store_dedup_eval.py --fixture-events reports.tsv events.tsv OUT.jsonl  (the project's fixture, hand-coded events)
"""
import argparse, itertools, json, sqlite3, sys


def pairs(groups):
    out = set()
    for docs in groups.values():
        for a, b in itertools.combinations(sorted(docs), 2):
            out.add((a, b))
    return out


def load_kb(kb_dir="kb"):
    """Exact name/alias → (kb id, country, type) from the knowledge base TSVs (a crude resolver for gold names)."""
    names = {}

    def rows(path):
        header = None
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            yield dict(zip(header, cols))

    for r in rows(f"{kb_dir}/countries.tsv"):
        for n in [r["name"], *r.get("aliases", "").split("|")]:
            if n:
                names.setdefault(n.lower(), (f"country:{r['iso3']}" if not r["id"].startswith("country:") else r["id"],
                                             r["iso3"], "GOV"))
    for r in rows(f"{kb_dir}/organizations.tsv"):
        for n in [r["name"], *r.get("aliases", "").split("|")]:
            if n:
                names.setdefault(n.lower(), (r["id"], r.get("country", ""), r.get("type", "")))
    for r in rows(f"{kb_dir}/people.tsv"):
        for n in [r["name"], *r.get("aliases", "").split("|")]:
            if n:
                names.setdefault(n.lower(), (r["id"], r.get("country", ""), "GOV"))
    return names


def gold_events(src, dst):
    kb = load_kb()
    resolved = total = 0
    with open(dst, "w") as out:
        for line in open(src, encoding="utf-8"):
            item = json.loads(line)
            out.write(json.dumps({"type": "document", "id": item["id"], "url": item.get("url"),
                                  "published": item.get("published"), "source": item.get("outlet")}) + "\n")
            for i, e in enumerate(item["events"]):
                def ents(norm):
                    nonlocal resolved, total
                    out_list = []
                    for n in norm or []:
                        total += 1
                        hit = kb.get(n.lower())
                        resolved += hit is not None
                        out_list.append({"text": n, "name": n, "kb_id": hit[0] if hit else None,
                                         "country": (hit[1] or None) if hit else None,
                                         "type": (hit[2] or None) if hit else None})
                    return out_list
                loc = e.get("location")
                rec = {"type": "event", "id": f"{item['id']}-g{i}", "doc": item["id"],
                       "published": item.get("published"), "sentence": i, "text": "", "event": e["event"],
                       "mode": e.get("mode"), "aux": e.get("aux"), "actor": ents(e.get("actor_norm")),
                       "recipient": ents(e.get("recipient_norm")), "date": e.get("date"),
                       "location": {"text": loc, "name": loc, "country": (kb.get(loc.lower()) or (None, None))[1]}
                       if loc else None,
                       "fatalities": e.get("fatalities"), "rule": "gold"}
                out.write(json.dumps(rec) + "\n")
    print(f"resolved {resolved} of {total} gold actor names against kb/", file=sys.stderr)


def fixture_events(reports_tsv, events_tsv, dst):
    """tests/fixtures/incidents: reports.tsv + hand-coded events.tsv → "document"/"event" records."""
    kb = load_kb()

    def entity(v):
        if "|" in v:
            name, country = v.split("|")
            return {"text": name, "name": None, "kb_id": None, "country": country, "type": None}
        hit = kb.get(v.lower())
        if not hit:
            print(f"not in kb/: {v}", file=sys.stderr)
        return {"text": v, "name": v, "kb_id": hit[0] if hit else None,
                "country": (hit[1] or None) if hit else None, "type": (hit[2] or None) if hit else None}

    published = {}
    with open(dst, "w") as out:
        for line in open(reports_tsv, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            doc, _, outlet, pub, _ = line.rstrip("\n").split("\t")
            published[doc] = pub
            out.write(json.dumps({"type": "document", "id": doc, "published": pub, "source": outlet}) + "\n")
        n = {}
        for line in open(events_tsv, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            doc, event, actor, recipient, date, loc, fat = (line.rstrip("\n").split("\t") + [""] * 7)[:7]
            n[doc] = n.get(doc, -1) + 1
            place = None
            if loc:
                name, country = loc.split("|")
                place = {"text": name, "name": name, "country": country}
            out.write(json.dumps({"type": "event", "id": f"{doc}-h{n[doc]}", "doc": doc, "published": published[doc],
                                  "sentence": n[doc], "text": "", "event": event, "mode": None, "aux": None,
                                  "actor": [entity(actor)], "recipient": [entity(recipient)], "date": date or None,
                                  "location": place, "fatalities": int(fat) if fat else None,
                                  "rule": "hand"}) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--gold-tsv")
    ap.add_argument("--gold-jsonl")
    ap.add_argument("--to-input", nargs=2)
    ap.add_argument("--gold-events", nargs=2)
    ap.add_argument("--fixture-events", nargs=3)
    ap.add_argument("--show", action="store_true", help="list false positive and false negative pairs")
    a = ap.parse_args()
    if a.fixture_events:
        return fixture_events(*a.fixture_events)
    if a.gold_events:
        return gold_events(*a.gold_events)
    if a.to_input:
        with open(a.to_input[1], "w") as out:
            for line in open(a.to_input[0], encoding="utf-8"):
                item = json.loads(line)
                out.write(json.dumps({"id": item["id"], "text": item["text"], "published": item.get("published"),
                                      "url": item.get("url"), "source": item.get("outlet")}) + "\n")
        return
    labels = {}
    if a.gold_tsv:
        for line in open(a.gold_tsv, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                doc, keys = line.rstrip("\n").split("\t")[:2]
                labels[doc] = set(keys.split(","))
    else:
        for line in open(a.gold_jsonl, encoding="utf-8"):
            item = json.loads(line)
            labels[item["id"]] = set(item["incident_keys"])
    gold_groups = {}
    for doc, keys in labels.items():
        for k in keys:
            gold_groups.setdefault(k, set()).add(doc)
    db = sqlite3.connect(a.db)
    sys_groups = {}
    for incident, doc in db.execute(
            "SELECT r.incident, d.doc_id FROM incident_reports r JOIN documents d ON d.id = r.document"):
        if doc in labels:
            sys_groups.setdefault(incident, set()).add(doc)
    gold, system = pairs(gold_groups), pairs(sys_groups)
    tp = len(gold & system)
    p = tp / len(system) if system else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    coded = {d for (d,) in db.execute("SELECT doc_id FROM documents")} & set(labels)
    print(f"documents {len(labels)} (in store {len(coded)}), gold pairs {len(gold)}, system pairs {len(system)}, "
          f"true {tp}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if a.show:
        for x in sorted(system - gold):
            print("FP", *x)
        for x in sorted(gold - system):
            print("FN", *x)


if __name__ == "__main__":
    sys.exit(main())

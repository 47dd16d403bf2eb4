#!/usr/bin/env python3
"""WordNet expansion for the casus event lexicon (docs/LEXICON.md, "WordNet review").

  propose: for every rule, look up each trigger lemma in WordNet (Debian wordnet-base, /usr/share/wordnet),
           take the synonyms in its first --senses synsets of the rule's part of speech, drop words the lexicon
           already has for that POS, and write them to lexicon/review/wordnet_<category>.tsv with decision
           "pending". Existing decisions in those files are kept: re-running never loses a review.
  merge:   add every proposal marked "accept" to its rule's trigger list and mark the rule reviewed=wordnet.
           Proposals never reach the lexicon without a human decision.
  stats:   counts of proposals, reviewed, accepted (for docs/benchmarks/lexicon.md).

Python 3 standard library only.
"""
import argparse
import collections
import glob
import os
import sys

WN = '/usr/share/wordnet'
REVIEW_HEADER = ['rule_id', 'proposal', 'pos', 'source_lemma', 'synset', 'gloss', 'decision', 'notes']
RULE_HEADER = ['id', 'category', 'mode', 'trigger', 'template', 'context', 'confidence', 'reviewed', 'notes']


def read_tsv(path, header):
    rows, pre = [], []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if not lines or not lines[0].startswith('#schema_version='):
        sys.exit(f'{path}: missing #schema_version line')
    seen_header = False
    for line in lines:
        if not seen_header:
            pre.append(line)
            if line and not line.startswith('#'):
                if line.split('\t') != header:
                    sys.exit(f'{path}: unexpected header {line!r}')
                seen_header = True
            continue
        if not line:
            continue
        if line.startswith('#'):
            rows.append(line)
            continue
        rows.append(line.split('\t'))
    return pre, rows


def write_tsv(path, pre, rows):
    with open(path, 'w', encoding='utf-8') as f:
        for line in pre:
            f.write(line + '\n')
        for r in rows:
            f.write((r if isinstance(r, str) else '\t'.join(r)) + '\n')


def load_wordnet(pos):
    """lemma -> [synset offsets] (sense order) and offset -> (words, gloss)."""
    index = {}
    with open(os.path.join(WN, f'index.{pos}'), encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue
            parts = line.split()
            lemma, n_synsets, p_cnt = parts[0], int(parts[2]), int(parts[3])
            offsets = parts[4 + p_cnt + 2:]
            index[lemma] = offsets[:n_synsets]
    data = {}
    with open(os.path.join(WN, f'data.{pos}'), encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue
            head, _, gloss = line.partition('|')
            parts = head.split()
            w_cnt = int(parts[3], 16)
            words = [parts[4 + 2 * i].lower() for i in range(w_cnt)]
            words = [w.split('(')[0] for w in words]  # drop adjective markers like "(a)"
            data[parts[0]] = (words, gloss.strip().split(';')[0])
    return index, data


def rules_by_file(lexicon):
    out = {}
    for path in sorted(glob.glob(os.path.join(lexicon, 'rules', '*.tsv'))):
        out[path] = read_tsv(path, RULE_HEADER)
    return out


def split_trigger(trigger):
    lemmas, _, pos = trigger.rpartition('/')
    return lemmas.split('|'), pos


def propose(args):
    wn = {'VERB': load_wordnet('verb'), 'NOUN': load_wordnet('noun')}
    files = rules_by_file(args.lexicon)
    known = collections.defaultdict(set)  # POS -> lemmas any rule already has
    rules = []
    for _, (_, rows) in files.items():
        for r in rows:
            if isinstance(r, str):
                continue
            lemmas, pos = split_trigger(r[3])
            known[pos].update(lemmas)
            rules.append((r[0], r[1], lemmas, pos))
    review_dir = os.path.join(args.lexicon, 'review')
    os.makedirs(review_dir, exist_ok=True)
    by_cat = collections.defaultdict(list)
    for rid, cat, lemmas, pos in rules:
        if pos not in wn:
            continue
        index, data = wn[pos]
        seen = set()
        for lemma in lemmas:
            for off in index.get(lemma, [])[:args.senses]:
                words, gloss = data[off]
                for w in words:
                    if '_' in w or w in known[pos] or w in seen or not w.isalpha():
                        continue
                    seen.add(w)
                    by_cat[cat].append([rid, w, pos, lemma, f'{pos.lower()}.{off}', gloss.replace('\t', ' '), 'pending', '-'])
    for cat, props in sorted(by_cat.items()):
        path = os.path.join(review_dir, f'wordnet_{cat.lower()}.tsv')
        old = {}
        if os.path.exists(path):
            _, rows = read_tsv(path, REVIEW_HEADER)
            old = {(r[0], r[1]): r for r in rows if not isinstance(r, str)}
        rows = []
        for p in props:
            prev = old.pop((p[0], p[1]), None)
            rows.append(prev if prev else p)
        rows.extend(old.values())  # reviewed proposals whose source lemma changed are kept, not lost
        pre = ['#schema_version=1',
               f'# WordNet proposals for {cat} rules (scripts/lexicon/wordnet_expand.py propose). decision: accept,',
               '# reject or pending. Only "accept" rows are merged into lexicon/rules/ (wordnet_expand.py merge).',
               '\t'.join(REVIEW_HEADER)]
        write_tsv(path, pre, rows)
        print(f'{path}: {len(rows)} proposals')


def review_rows(lexicon):
    for path in sorted(glob.glob(os.path.join(lexicon, 'review', 'wordnet_*.tsv'))):
        _, rows = read_tsv(path, REVIEW_HEADER)
        for r in rows:
            if not isinstance(r, str):
                yield path, r


def merge(args):
    accepted = collections.defaultdict(list)
    for _, r in review_rows(args.lexicon):
        if r[6] not in ('accept', 'reject', 'pending'):
            sys.exit(f'bad decision {r[6]!r} for {r[0]} {r[1]}')
        if r[6] == 'accept':
            accepted[r[0]].append(r[1])
    files = rules_by_file(args.lexicon)
    merged = 0
    for path, (pre, rows) in files.items():
        changed = False
        for r in rows:
            if isinstance(r, str) or r[0] not in accepted:
                continue
            lemmas, pos = split_trigger(r[3])
            for w in accepted[r[0]]:
                if w not in lemmas:
                    lemmas.append(w)
                    merged += 1
                    changed = True
            r[3] = '|'.join(lemmas) + '/' + pos
            r[7] = 'wordnet'
        if changed:
            write_tsv(path, pre, rows)
    print(f'merged {merged} accepted proposals into {len(accepted)} rules')


def stats(args):
    c = collections.Counter()
    for _, r in review_rows(args.lexicon):
        c['proposals'] += 1
        c[r[6]] += 1
    reviewed = c['accept'] + c['reject']
    print(f"proposals {c['proposals']}  reviewed {reviewed}  accepted {c['accept']}  rejected {c['reject']}  pending {c['pending']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('command', choices=['propose', 'merge', 'stats'])
    ap.add_argument('--lexicon', default=os.path.join(os.path.dirname(__file__), '..', '..', 'lexicon'))
    ap.add_argument('--senses', type=int, default=2, help='how many of the most frequent senses to expand')
    args = ap.parse_args()
    {'propose': propose, 'merge': merge, 'stats': stats}[args.command](args)


if __name__ == '__main__':
    main()

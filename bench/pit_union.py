"""Per-class PIT scores of a run, or of the union of several runs of the same classes with different tests.

A mutant is killed by a set of tests when some test in it fails or times out, so the score of old tests plus new ones
is the union of the kills of a run with the old tests and a run with only the new ones, matched mutant by mutant
(class, method, descriptor, line, mutator, instruction indexes, blocks, description).

    python3 bench/pit_union.py BEFORE.xml [NEW.xml ...] [--survivors]

BEFORE.xml may be several reports concatenated by class group: give each with --before A.xml --before B.xml.
"""
import argparse
import collections
import xml.etree.ElementTree as ET

KILL = {'KILLED', 'TIMED_OUT', 'MEMORY_ERROR', 'RUN_ERROR'}
FIELDS = ('mutatedClass', 'mutatedMethod', 'methodDescription', 'lineNumber', 'mutator', 'indexes', 'blocks',
          'description')


def key(m):
    def g(t):
        e = m.find(t)
        return '' if e is None else (e.text or '').strip() + ','.join((c.text or '') for c in e)
    return tuple(g(t) for t in FIELDS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--before', action='append', required=True)
    ap.add_argument('new', nargs='*')
    ap.add_argument('--survivors', action='store_true')
    a = ap.parse_args()
    mutants = collections.OrderedDict()
    for f in a.before:
        for m in ET.parse(f).getroot().findall('mutation'):
            mutants[key(m)] = m.get('status')
    for f in a.new:
        for m in ET.parse(f).getroot().findall('mutation'):
            k = key(m)
            if k not in mutants:
                raise SystemExit('unmatched mutant in ' + f + ': ' + str(k))
            if m.get('status') in KILL:
                mutants[k] = 'KILLED'
            elif mutants[k] == 'NO_COVERAGE' and m.get('status') == 'SURVIVED':
                mutants[k] = 'SURVIVED'
    by = collections.defaultdict(collections.Counter)
    for k, s in mutants.items():
        by[k[0].split('.')[-1]][s] += 1
    total = collections.Counter()
    print('| class | mutants | killed | survived | no coverage | score |')
    print('|---|---:|---:|---:|---:|---:|')
    for c in sorted(by):
        d = by[c]
        n = sum(d.values())
        k = sum(d[x] for x in KILL)
        total.update(d)
        print(f"| {c} | {n} | {k} | {d['SURVIVED']} | {d['NO_COVERAGE']} | {100 * k / n:.0f}% |")
    n = sum(total.values())
    k = sum(total[x] for x in KILL)
    print(f"| **total** | {n} | {k} | {total['SURVIVED']} | {total['NO_COVERAGE']} | **{100 * k / n:.1f}%** |")
    if a.survivors:
        for key_, s in sorted(mutants.items(), key=lambda kv: (kv[0][0], int(kv[0][3]))):
            if s in ('SURVIVED', 'NO_COVERAGE'):
                print(key_[0].split('.')[-1], key_[3], key_[1], s, key_[7], sep=' | ')


if __name__ == '__main__':
    main()

// The jurisdiction hierarchy: expansion by containment, `any`, names outside the tree, intersection and the
// minimal description used in refusal messages. The property test checks expansion and intersection against an
// independent oracle that walks each name's chain of containers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ANY_JURISDICTION } from '../../src/config/schema.ts';
import { createJurisdictionTree, isAllowedJurisdiction, type AllowedJurisdictions } from '../../src/routing/jurisdictions.ts';

// world ⊃ EU ⊃ DE ⊃ { on-prem, de-fra }, EU ⊃ FR ⊃ fr-par, world ⊃ US: four levels deep.
const DECLARED = {
  world: {},
  EU: { within: 'world' },
  US: { within: 'world' },
  DE: { within: 'EU' },
  FR: { within: 'EU' },
  'on-prem': { within: 'DE' },
  'de-fra': { within: 'DE' },
  'fr-par': { within: 'FR' },
};
const tree = createJurisdictionTree(DECLARED, ['on-prem', 'fr-par', 'us-east', 'lab']);

function names(allowed: AllowedJurisdictions): string[] | typeof ANY_JURISDICTION {
  return allowed === ANY_JURISDICTION ? allowed : [...allowed].sort();
}

describe('jurisdiction expansion', () => {
  it('adds every jurisdiction within a listed one, at every depth', () => {
    assert.deepEqual(names(tree.expand(['EU'])), ['DE', 'EU', 'FR', 'de-fra', 'fr-par', 'on-prem']);
    assert.deepEqual(names(tree.expand(['DE'])), ['DE', 'de-fra', 'on-prem']);
    assert.deepEqual(names(tree.expand(['world'])), ['DE', 'EU', 'FR', 'US', 'de-fra', 'fr-par', 'on-prem', 'world']);
  });

  it('never adds the jurisdictions a listed one lies within, nor its siblings', () => {
    const allowed = tree.expand(['on-prem']);
    assert.deepEqual(names(allowed), ['on-prem']);
    for (const outer of ['DE', 'EU', 'world', 'de-fra']) assert.equal(isAllowedJurisdiction(outer, allowed), false, outer);
  });

  it('unions several names', () => {
    assert.deepEqual(names(tree.expand(['FR', 'on-prem'])), ['FR', 'fr-par', 'on-prem']);
    assert.deepEqual(names(tree.expand(['DE', 'on-prem'])), ['DE', 'de-fra', 'on-prem'], 'a name within another adds nothing');
  });

  it('expands `any` to every jurisdiction, even one nobody declared', () => {
    const allowed = tree.expand(['on-prem', ANY_JURISDICTION]);
    assert.equal(allowed, ANY_JURISDICTION);
    assert.equal(isAllowedJurisdiction('somewhere-else', allowed), true);
    assert.equal(isAllowedJurisdiction('on-prem', allowed), true);
  });

  it('allows nothing for an empty list', () => {
    const allowed = tree.expand([]);
    assert.deepEqual(names(allowed), []);
    assert.equal(isAllowedJurisdiction('on-prem', allowed), false);
  });

  it('treats undeclared names (backends\' own, or unknown) as standing alone', () => {
    assert.deepEqual(names(tree.expand(['us-east'])), ['us-east']);
    assert.deepEqual(names(tree.expand(['nowhere'])), ['nowhere']);
    assert.equal(isAllowedJurisdiction('us-east', tree.expand(['US'])), false, 'not declared within US, so not in it');
    assert.equal(isAllowedJurisdiction('us-east', tree.expand(['world'])), false);
    assert.equal(isAllowedJurisdiction('lab', tree.expand(['lab', 'EU'])), true);
  });

  it('works on a tree built from backends alone', () => {
    const flat = createJurisdictionTree({}, ['on-prem', 'EU']);
    assert.deepEqual(names(flat.expand(['EU'])), ['EU']);
    assert.deepEqual(flat.describe(flat.expand(['EU', 'on-prem'])), ['EU', 'on-prem']);
  });
});

describe('intersection', () => {
  it('keeps what both allow', () => {
    assert.deepEqual(names(tree.intersect(tree.expand(['EU']), tree.expand(['DE', 'US']))), ['DE', 'de-fra', 'on-prem']);
    assert.deepEqual(names(tree.intersect(tree.expand(['FR']), tree.expand(['DE']))), []);
  });

  it('treats `any` as the identity', () => {
    const de = tree.expand(['DE']);
    assert.equal(tree.intersect(ANY_JURISDICTION, de), de);
    assert.equal(tree.intersect(de, ANY_JURISDICTION), de);
    assert.equal(tree.intersect(ANY_JURISDICTION, ANY_JURISDICTION), ANY_JURISDICTION);
  });
});

describe('describe', () => {
  it('gives the fewest names, sorted', () => {
    assert.deepEqual(tree.describe(tree.expand(['EU'])), ['EU']);
    assert.deepEqual(tree.describe(tree.expand(['on-prem', 'fr-par', 'DE'])), ['DE', 'fr-par']);
    assert.deepEqual(tree.describe(tree.expand(['lab', 'FR', 'us-east'])), ['FR', 'lab', 'us-east']);
    assert.deepEqual(tree.describe(tree.intersect(tree.expand(['world']), tree.expand(['DE', 'fr-par']))), ['DE', 'fr-par']);
  });

  it('says `any` for everything and nothing for the empty set', () => {
    assert.deepEqual(tree.describe(ANY_JURISDICTION), [ANY_JURISDICTION]);
    assert.deepEqual(tree.describe(tree.expand([])), []);
  });
});

// ---- property: random trees, random lists --------------------------------------------------------------

interface RandomTree {
  readonly declared: Record<string, { within?: string }>;
  readonly backends: string[];
  readonly all: string[];
}

/** A forest over j0..jN-1: each declared node lies within an earlier one or nothing (so no cycles). */
const randomTree: fc.Arbitrary<RandomTree> = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.record({
      parents: fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 })))),
      declaredCount: fc.integer({ min: 0, max: n }),
    }),
  )
  .map(({ parents, declaredCount }) => {
    const all = parents.map((_, i) => `j${i}`);
    const declared: Record<string, { within?: string }> = {};
    // The first declaredCount names are declared (a declared node's parent comes earlier, so it is declared too);
    // the rest are backends' jurisdictions outside the tree.
    parents.slice(0, declaredCount).forEach((p, i) => {
      declared[`j${i}`] = p < 0 ? {} : { within: `j${p}` };
    });
    return { declared, backends: all.slice(declaredCount), all: [...all, 'elsewhere'] };
  });

/** Oracle: `j` is allowed by `list` when `any` is listed or `j` or one of its containers is listed. */
function allowedByOracle(t: RandomTree, list: readonly string[], j: string): boolean {
  if (list.includes(ANY_JURISDICTION)) return true;
  for (let at: string | undefined = j; at !== undefined; at = t.declared[at]?.within) if (list.includes(at)) return true;
  return false;
}

describe('jurisdiction properties', () => {
  const withLists = randomTree.chain((t) => {
    const name = fc.constantFrom(...t.all, ANY_JURISDICTION);
    return fc.record({ t: fc.constant(t), a: fc.array(name, { maxLength: 4 }), b: fc.array(name, { maxLength: 4 }) });
  });

  it('allows j in intersect(expand(A), expand(B)) exactly when both A and B allow it', () => {
    fc.assert(
      fc.property(withLists, ({ t, a, b }) => {
        const jt = createJurisdictionTree(t.declared, t.backends);
        const both = jt.intersect(jt.expand(a), jt.expand(b));
        for (const j of t.all) {
          const viaA = allowedByOracle(t, a, j);
          const viaB = allowedByOracle(t, b, j);
          assert.equal(jt.isAllowedJurisdiction(j, jt.expand(a)), viaA, `${j} in expand(${a.join(',')})`);
          assert.equal(jt.isAllowedJurisdiction(j, both), viaA && viaB, `${j} in A ∩ B`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('describe gives names none of which lies within another, and they expand back to the same set', () => {
    fc.assert(
      fc.property(withLists, ({ t, a, b }) => {
        const jt = createJurisdictionTree(t.declared, t.backends);
        const allowed = jt.intersect(jt.expand(a), jt.expand(b));
        const described = jt.describe(allowed);
        assert.deepEqual(described, [...described].sort());
        assert.deepEqual(names(jt.expand(described)), names(allowed));
        for (const x of described) {
          for (const y of described) if (x !== y) assert.equal(allowedByOracle(t, [y], x), false, `${x} lies within ${y}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import { defaultRulesets, evaluateRuleset, InvalidRulesetError, LIMITS, validateRuleset } from '../../rules';

const scoring = () => structuredClone(defaultRulesets.SCORING) as any;
const pay = () => structuredClone(defaultRulesets.PAY) as any;
const pointers = (doc: unknown) => validateRuleset(doc).errors.map((e) => e.pointer);
const errorAt = (doc: unknown, pointer: string) => validateRuleset(doc).errors.find((e) => e.pointer === pointer);

describe('invalid rule-set documents are refused with a JSON pointer and a reason', () => {
  it('an undeclared fact', () => {
    const doc = scoring();
    doc.rules[3].conditions.all[0].fact = 'gajiPokok';
    const result = validateRuleset(doc);
    expect(result.ok).toBe(false);
    expect(errorAt(doc, '/rules/3/conditions/all/0/fact')?.message).toMatch(/gajiPokok.*tidak dideklarasikan/);
  });

  it('an operator outside the built-in list (including decorated ones)', () => {
    const doc = scoring();
    doc.rules[1].conditions.all[1].operator = 'regex';
    expect(errorAt(doc, '/rules/1/conditions/all/1/operator')?.message).toMatch(/tidak diizinkan/);
    const doc2 = scoring();
    doc2.rules[1].conditions.all[1].operator = 'everyFact:equal';
    expect(pointers(doc2)).toContain('/rules/1/conditions/all/1/operator');
  });

  it('a `path` key anywhere in the conditions, also nested', () => {
    const doc = scoring();
    doc.rules[2].conditions = {
      all: [doc.rules[2].conditions.all[0], { any: [{ ...doc.rules[2].conditions.all[1], path: '$.x' }] }],
    };
    expect(errorAt(doc, '/rules/2/conditions/all/1/any/0/path')?.message).toMatch(/path/);
  });

  it('a wrong event type for the kind', () => {
    const doc = scoring();
    doc.rules[4].event.type = 'disciplineCut';
    expect(errorAt(doc, '/rules/4/event/type')?.message).toMatch(/tidak diizinkan untuk SCORING.*predicate/);
  });

  it('a predicate outside the five', () => {
    const doc = scoring();
    doc.rules[0].event.params.predicate = 'ISTIMEWA';
    expect(pointers(doc)).toEqual(['/rules/0/event/params/predicate']);
  });

  it('a value the fact can never take', () => {
    const doc = scoring();
    doc.rules[0].conditions.all[0].value = 'LUAR_BIASA';
    expect(errorAt(doc, '/rules/0/conditions/all/0/value')?.message).toMatch(/LUAR_BIASA/);
  });

  it('schema errors: missing field, unknown property, wrong types, bad date', () => {
    const doc = scoring();
    delete doc.rules[5].priority;
    doc.rules[6].extra = true;
    doc.version = 'satu';
    doc.effectiveFrom = '2026-13-01';
    const ps = pointers(doc);
    expect(ps).toEqual(expect.arrayContaining(['/rules/5/priority', '/rules/6/extra', '/version', '/effectiveFrom']));
    expect(errorAt(doc, '/rules/5/priority')?.message).toMatch(/wajib/);
  });

  it('rules json-rules-engine itself refuses are reported at the rule', () => {
    const doc = scoring();
    doc.rules[7].conditions = { all: [{ fact: 'resultRating', operator: 'equal' }] };
    expect(pointers(doc)).toEqual(expect.arrayContaining(['/rules/7/conditions/all/0/value', '/rules/7']));
    expect(errorAt(doc, '/rules/7')?.message).toMatch(/json-rules-engine.*"value" property required/);
  });

  it('duplicate rule names, empty all, shared-condition references, params on a fact', () => {
    const doc = scoring();
    doc.rules[1].name = doc.rules[0].name;
    doc.rules[2].conditions = { all: [] };
    doc.rules[3].conditions = { all: [{ condition: 'bersama' }] };
    doc.rules[4].conditions.all[0].params = { x: 1 };
    expect(pointers(doc)).toEqual(
      expect.arrayContaining([
        '/rules/1/name',
        '/rules/2/conditions/all',
        '/rules/3/conditions/all/0/condition',
        '/rules/4/conditions/all/0/params',
      ]),
    );
  });

  it('the fixed SCORING contract (facts resultRating and behaviourRating)', () => {
    const doc = scoring();
    doc.facts[1].allowed = ['ABOVE', 'MEETS'];
    expect(validateRuleset(doc).errors.some((e) => e.pointer === '/facts' && /behaviourRating/.test(e.message))).toBe(
      true,
    );
  });

  it('operators that cannot apply to the fact type', () => {
    const doc = pay();
    doc.rules[1].conditions.all[0] = { fact: 'predicate', operator: 'greaterThan', value: 3 };
    doc.rules[2].conditions.all[0] = { fact: 'predicate', operator: 'contains', value: 'BAIK' };
    expect(pointers(doc)).toEqual(
      expect.arrayContaining(['/rules/1/conditions/all/0/operator', '/rules/2/conditions/all/0/operator']),
    );
  });

  it('PAY events need sound basis points and a declared integer units fact', () => {
    const doc = pay();
    doc.rules[4].event.params.perUnitBasisPoints = 250.5;
    doc.rules[5].event.params.unitsFact = 'tidakAda';
    doc.rules[1].event.params.factorBasisPoints = 12000;
    expect(pointers(doc)).toEqual(
      expect.arrayContaining([
        '/rules/4/event/params/perUnitBasisPoints',
        '/rules/5/event/params/unitsFact',
        '/rules/1/event/params/factorBasisPoints',
      ]),
    );
  });

  it('a document over the size limit', () => {
    const doc = scoring();
    doc.description = 'x'.repeat(LIMITS.maxBytes);
    const result = validateRuleset(doc);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ pointer: '', message: expect.stringMatching(/melebihi batas/) }]);
  });

  it('too many rules', () => {
    const doc = scoring();
    doc.rules = Array.from({ length: LIMITS.maxRules + 1 }, (_, i) => ({
      ...structuredClone(doc.rules[0]),
      name: `r${i}`,
    }));
    expect(pointers(doc)).toContain('/rules');
  });

  it('not an object at all', () => {
    expect(validateRuleset(null).ok).toBe(false);
    expect(validateRuleset([]).errors[0].pointer).toBe('');
  });

  it('evaluating an invalid document throws InvalidRulesetError carrying the errors', () => {
    const doc = scoring();
    doc.rules[0].conditions.all[0].operator = 'regex';
    expect(() => evaluateRuleset(doc, { resultRating: 'ABOVE', behaviourRating: 'ABOVE' })).toThrow(
      InvalidRulesetError,
    );
  });
});

import {
  OPERATOR_FUNCTIONS,
  RuleEvaluationError,
  computeAllowance,
  defaultRulesets,
  evaluateRuleset,
  evaluationTimeLimit,
  runGoldenTests,
  setEvaluationTimeLimit,
  simulate,
  type RuleSetDocument,
} from '../../rules';

const payFacts = {
  baseAmount: 5_000_000,
  predicate: 'BAIK',
  unexcusedAbsenceDays: 1,
  consecutiveAbsenceDays: 1,
  missedAssemblies: 0,
  sanctionCutPercent: 0,
  employmentType: 'PNS',
};

/** The default PAY set plus `extra` slow rules: each scans a list of 1,000 amounts the base is not in. */
function slowPay(extra: number, name: string): RuleSetDocument {
  const doc = structuredClone(defaultRulesets.PAY) as RuleSetDocument;
  doc.name = name;
  const template = doc.rules[0];
  const amounts = Array.from({ length: 1000 }, (_, i) => i * 7);
  for (let k = 0; k < extra; k++)
    doc.rules.push({
      name: `Aturan lambat ${k}`,
      priority: 1,
      conditions: { all: [{ fact: 'baseAmount', operator: 'in', value: amounts }] },
      event: { type: 'totalCut', params: { ...template.event.params, code: `SLOW_${k}` } },
    });
  return doc;
}

describe('evaluation has a time limit, and a rule set that fails says which one', () => {
  it('past the time limit: RuleEvaluationError naming the rule set, its version and the rule reached, in both languages', () => {
    const doc = slowPay(20, 'TPP dengan aturan lambat');
    // Under the default limit (1 s) the same document evaluates: the limit, not the document, stops it below.
    expect(evaluationTimeLimit()).toBe(1000);
    expect(computeAllowance(doc, payFacts).amount).toBe(4_962_500);
    const previous = setEvaluationTimeLimit(0.001);
    try {
      let error: unknown;
      try {
        evaluateRuleset(doc, payFacts);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RuleEvaluationError);
      const e = error as RuleEvaluationError;
      expect(e.reason).toBe('TIMEOUT');
      expect(e.ruleSet).toEqual({ kind: 'PAY', version: 1, name: 'TPP dengan aturan lambat' });
      expect(e.message).toContain('PAY versi 1 "TPP dengan aturan lambat"');
      expect(e.message).toContain('batas waktu 0.001 ms');
      expect(e.message).toContain('exceeded the time limit');
      expect(doc.rules.map((r) => r.name)).toContain(e.rule);
      expect(e.message).toContain(`aturan "${e.rule}"`);
      // The amount path and simulation stop the same way; simulation reports it per employee and counts it.
      expect(() => computeAllowance(doc, payFacts)).toThrow(RuleEvaluationError);
      const sim = simulate(doc, [{ key: '1', facts: payFacts, oldResult: 4_962_500 }]);
      expect(sim.totals.errors).toBe(1);
      expect(sim.items[0].error).toContain('PAY versi 1');
    } finally {
      setEvaluationTimeLimit(previous);
    }
    expect(() => setEvaluationTimeLimit(0)).toThrow(/> 0 ms/);
  });

  it('a rule that throws: RuleEvaluationError naming the rule set, version and rule, with the cause kept', () => {
    // Validated documents cannot make a built-in operator throw, so a faulty operator stands in for a broken rule.
    const original = OPERATOR_FUNCTIONS.greaterThanInclusive;
    OPERATOR_FUNCTIONS.greaterThanInclusive = () => {
      throw new TypeError('operator rusak');
    };
    let doc: RuleSetDocument;
    try {
      doc = structuredClone(defaultRulesets.PAY) as RuleSetDocument;
      doc.name = 'TPP dengan aturan yang melempar galat';
      doc.version = 7;
      doc.rules.push({
        name: 'Bandingkan dua fakta',
        priority: 5,
        conditions: {
          all: [
            { fact: 'unexcusedAbsenceDays', operator: 'greaterThanInclusive', value: { fact: 'missedAssemblies' } },
          ],
        },
        event: { type: 'totalCut', params: { ...doc.rules[0].event.params, code: 'COMPARE' } },
      });
      expect(() => evaluateRuleset(doc, payFacts)).toThrow(RuleEvaluationError);
    } finally {
      OPERATOR_FUNCTIONS.greaterThanInclusive = original;
    }
    let error: RuleEvaluationError | undefined;
    try {
      evaluateRuleset(doc, payFacts);
    } catch (e) {
      error = e as RuleEvaluationError;
    }
    expect(error!.reason).toBe('THREW');
    expect(error!.rule).toBe('Bandingkan dua fakta');
    expect(error!.message).toBe(
      'Aturan PAY versi 7 "TPP dengan aturan yang melempar galat", aturan "Bandingkan dua fakta" gagal dievaluasi: operator rusak / ' +
        'rule set PAY version 7 "TPP dengan aturan yang melempar galat", rule "Bandingkan dua fakta" failed: operator rusak',
    );
    expect((error!.cause as Error).message).toBe('operator rusak');
    // Its golden tests that reach the rules fail with that message, so it can never be submitted.
    const golden = runGoldenTests(doc).filter((t) => (t.expected as { errorFact?: string }).errorFact === undefined);
    expect(golden.length).toBeGreaterThan(10);
    for (const t of golden) {
      expect(t.passed).toBe(false);
      expect(t.error).toMatch(/gagal dievaluasi: operator rusak/);
    }
  });

  it('a fact error names the fact, the rule set and its version', () => {
    expect(() => evaluateRuleset(defaultRulesets.SCORING, { resultRating: 'ABOVE' })).toThrow(
      /fakta "behaviourRating" wajib diisi .*\(SCORING v1 "Matriks predikat kinerja/,
    );
  });
});

/** Validation of a rule-set document: JSON Schema, engine acceptance, declared facts, closed events, operators, no `path`, size. */
import Ajv, { type ErrorObject } from 'ajv';
import { Engine } from 'json-rules-engine';
import { checkEventParams, DISTRIBUTION_FACTS, EVENT_TYPES, LIMITS, OPERATORS, SCORING_FACTS } from './ruleset.kinds';
import schema from './ruleset.schema.json';
import type { FactDeclaration, RuleSetKind, ValidationError, ValidationResult } from './ruleset.types';

const ajv = new Ajv({ allErrors: true, strict: false });
const schemaValidator = ajv.compile(schema);

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v);

function ajvMessage(e: ErrorObject): { pointer: string; message: string } {
  const p = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'required':
      return {
        pointer: `${e.instancePath}/${pointerSegment(p.missingProperty)}`,
        message: 'wajib diisi / required',
      };
    case 'additionalProperties':
      return {
        pointer: `${e.instancePath}/${pointerSegment(p.additionalProperty)}`,
        message: `properti "${p.additionalProperty}" tidak dikenal / unknown property`,
      };
    case 'type':
      return { pointer: e.instancePath, message: `harus bertipe ${p.type} / must be ${p.type}` };
    case 'enum':
      return {
        pointer: e.instancePath,
        message: `harus salah satu dari ${(p.allowedValues as unknown[]).join(', ')} / must be one of these`,
      };
    case 'pattern':
      return { pointer: e.instancePath, message: `format tidak sesuai (${p.pattern}) / does not match the format` };
    case 'minimum':
    case 'maximum':
      return {
        pointer: e.instancePath,
        message: `harus ${p.comparison} ${p.limit} / must be ${p.comparison} ${p.limit}`,
      };
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
      return { pointer: e.instancePath, message: `ukuran tidak sesuai: ${e.message} / ${e.message}` };
    default:
      return { pointer: e.instancePath, message: `${e.message ?? e.keyword}` };
  }
}

/** Whether a value fits a declared fact (type, allowed values, bounds); returns the reason when not. */
export function factValueProblem(decl: FactDeclaration, v: unknown): string | undefined {
  const allowed = decl.allowed;
  const scalarOk = (x: unknown, itemType?: string): string | undefined => {
    if (itemType === 'array' && !['string', 'number', 'boolean'].includes(typeof x))
      return 'butir larik harus teks, angka atau boolean / array items must be scalars';
    if (allowed && !allowed.includes(x as any))
      return `harus salah satu dari ${allowed.join(', ')} / must be one of ${allowed.join(', ')}`;
    return undefined;
  };
  switch (decl.type) {
    case 'string':
      if (typeof v !== 'string') return 'harus teks / must be a string';
      return scalarOk(v);
    case 'boolean':
      if (typeof v !== 'boolean') return 'harus true atau false / must be a boolean';
      return scalarOk(v);
    case 'number':
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'harus angka / must be a number';
      if (decl.type === 'integer' && !Number.isInteger(v)) return 'harus bilangan bulat / must be an integer';
      if (decl.min !== undefined && v < decl.min) return `minimal ${decl.min} / must be ≥ ${decl.min}`;
      if (decl.max !== undefined && v > decl.max) return `maksimal ${decl.max} / must be ≤ ${decl.max}`;
      return scalarOk(v);
    case 'array':
      if (!Array.isArray(v)) return 'harus larik / must be an array';
      for (const x of v) {
        const problem = scalarOk(x, 'array');
        if (problem) return problem;
      }
      return undefined;
    default:
      return 'tipe fakta tidak dikenal / unknown fact type';
  }
}

const NUMERIC_OPS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'priority', 'name']);
const BOOL_KEYS = new Set(['all', 'any', 'not', 'priority', 'name']);

class ConditionChecker {
  constructor(
    private readonly facts: Map<string, FactDeclaration>,
    private readonly errors: ValidationError[],
  ) {}

  private err(pointer: string, message: string) {
    this.errors.push({ pointer, message });
  }

  check(node: unknown, at: string, depth: number): void {
    if (depth > LIMITS.maxDepth) return this.err(at, `terlalu dalam (> ${LIMITS.maxDepth}) / nested too deeply`);
    if (!isObj(node)) return this.err(at, 'kondisi harus objek / condition must be an object');
    if ('path' in node)
      this.err(
        `${at}/path`,
        'kunci "path" tidak diizinkan pada aturan yang disunting admin / "path" lookups are not allowed',
      );
    if ('params' in node)
      this.err(
        `${at}/params`,
        'params tidak diizinkan: fakta adalah nilai biasa / params not allowed: facts are plain',
      );
    if ('condition' in node)
      this.err(`${at}/condition`, 'rujukan kondisi bersama tidak diizinkan / shared condition references not allowed');
    if (node.priority !== undefined && !(Number.isInteger(node.priority) && node.priority >= 1))
      this.err(`${at}/priority`, 'prioritas harus bilangan bulat ≥ 1 / priority must be an integer ≥ 1');
    const bools = ['all', 'any', 'not'].filter((k) => k in node);
    if (bools.length > 1 || (bools.length === 1 && ('fact' in node || 'operator' in node)))
      return this.err(
        at,
        'kondisi harus tepat satu dari all, any, not atau fakta / exactly one of all, any, not, fact',
      );
    if (bools.length === 1) {
      const op = bools[0];
      for (const k of Object.keys(node))
        if (!BOOL_KEYS.has(k) && !['path', 'params', 'condition'].includes(k))
          this.err(`${at}/${pointerSegment(k)}`, `properti "${k}" tidak dikenal / unknown property`);
      if (op === 'not') return this.check(node.not, `${at}/not`, depth + 1);
      const list = node[op];
      if (!Array.isArray(list)) return this.err(`${at}/${op}`, `"${op}" harus larik / must be an array`);
      if (!list.length) return this.err(`${at}/${op}`, `"${op}" tidak boleh kosong / must not be empty`);
      list.forEach((c: unknown, i: number) => this.check(c, `${at}/${op}/${i}`, depth + 1));
      return;
    }
    for (const k of Object.keys(node))
      if (!LEAF_KEYS.has(k) && !['path', 'params', 'condition'].includes(k))
        this.err(`${at}/${pointerSegment(k)}`, `properti "${k}" tidak dikenal / unknown property`);
    if (!('condition' in node)) this.checkLeaf(node, at);
  }

  private checkLeaf(node: Record<string, any>, at: string) {
    if (typeof node.fact !== 'string') return this.err(`${at}/fact`, 'fakta wajib berupa nama / fact name required');
    const decl = this.facts.get(node.fact);
    if (!decl)
      return this.err(
        `${at}/fact`,
        `fakta "${node.fact}" tidak dideklarasikan di facts / fact "${node.fact}" is not declared`,
      );
    const op = node.operator;
    if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op))
      return this.err(
        `${at}/operator`,
        `operator ${show(op)} tidak diizinkan; gunakan ${OPERATORS.join(', ')} / operator not allowed`,
      );
    if (!('value' in node)) return this.err(`${at}/value`, 'nilai wajib diisi / value required');
    const value = node.value;
    const vAt = `${at}/value`;
    // A `{ fact }` value compares with another declared fact.
    if (isObj(value) && 'fact' in value) {
      for (const k of Object.keys(value))
        if (k !== 'fact')
          this.err(`${vAt}/${pointerSegment(k)}`, `hanya { "fact": nama } diizinkan / only {"fact": name} allowed`);
      const ref = typeof value.fact === 'string' ? this.facts.get(value.fact) : undefined;
      if (!ref)
        return this.err(
          `${vAt}/fact`,
          `fakta "${value.fact}" tidak dideklarasikan di facts / fact "${value.fact}" is not declared`,
        );
      return this.checkTypes(op, decl, ref.type, at, vAt);
    }
    if (isObj(value)) return this.err(vAt, 'nilai tidak boleh objek / value must not be an object');
    this.checkTypes(op, decl, undefined, at, vAt);
    if (op === 'equal' || op === 'notEqual') {
      if (Array.isArray(value)) return this.err(vAt, 'nilai harus tunggal / value must be a single value');
      const problem = factValueProblem(decl, value);
      if (problem) this.err(vAt, `nilai ${show(value)} tidak mungkin untuk "${decl.name}": ${problem}`);
    } else if (NUMERIC_OPS.has(op)) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        this.err(vAt, 'nilai harus angka / value must be a number');
    } else if (op === 'in' || op === 'notIn') {
      if (!Array.isArray(value) || !value.length)
        return this.err(vAt, 'nilai harus larik tidak kosong / value must be a non-empty array');
      value.forEach((x, i) => {
        const problem =
          isObj(x) || Array.isArray(x) ? 'harus nilai tunggal / must be a scalar' : factValueProblem(decl, x);
        if (problem) this.err(`${vAt}/${i}`, `nilai ${show(x)} tidak mungkin untuk "${decl.name}": ${problem}`);
      });
    } else {
      if (Array.isArray(value) || value === null)
        return this.err(vAt, 'nilai harus tunggal / value must be a single value');
      const problem = factValueProblem({ ...decl, type: 'array' }, [value]);
      if (problem) this.err(vAt, `nilai ${show(value)} tidak mungkin untuk "${decl.name}": ${problem}`);
    }
  }

  /** Operator vs. fact types: catches comparisons that can never hold. */
  private checkTypes(op: string, decl: FactDeclaration, refType: string | undefined, at: string, vAt: string) {
    const numeric = decl.type === 'number' || decl.type === 'integer';
    if (NUMERIC_OPS.has(op)) {
      if (!numeric)
        this.err(
          `${at}/operator`,
          `operator ${op} butuh fakta angka; "${decl.name}" bertipe ${decl.type} / needs a number`,
        );
      if (refType && refType !== 'number' && refType !== 'integer')
        this.err(`${vAt}/fact`, 'fakta pembanding harus angka / compared fact must be a number');
    } else if (op === 'contains' || op === 'doesNotContain') {
      if (decl.type !== 'array')
        this.err(
          `${at}/operator`,
          `operator ${op} butuh fakta larik; "${decl.name}" bertipe ${decl.type} / needs an array fact`,
        );
      if (refType === 'array') this.err(`${vAt}/fact`, 'fakta pembanding harus tunggal / compared fact must be scalar');
    } else if (op === 'in' || op === 'notIn') {
      if (refType && refType !== 'array' && refType !== 'string')
        this.err(`${vAt}/fact`, 'fakta pembanding harus larik / compared fact must be an array');
    } else if (decl.type === 'array') {
      this.err(`${at}/operator`, `operator ${op} tidak berlaku untuk fakta larik / not for array facts`);
    }
  }
}

function checkFacts(doc: Record<string, any>, errors: ValidationError[]): Map<string, FactDeclaration> {
  const facts = new Map<string, FactDeclaration>();
  if (!Array.isArray(doc.facts)) return facts;
  doc.facts.forEach((f: any, i: number) => {
    if (!isObj(f) || typeof f.name !== 'string') return;
    if (facts.has(f.name))
      errors.push({ pointer: `/facts/${i}/name`, message: `nama fakta ganda / duplicate fact "${f.name}"` });
    facts.set(f.name, f as FactDeclaration);
    if (Array.isArray(f.allowed))
      f.allowed.forEach((v: unknown, j: number) => {
        const problem = factValueProblem({ ...f, allowed: undefined } as FactDeclaration, f.type === 'array' ? [v] : v);
        if (problem) errors.push({ pointer: `/facts/${i}/allowed/${j}`, message: problem });
      });
    if (typeof f.min === 'number' && typeof f.max === 'number' && f.min > f.max)
      errors.push({ pointer: `/facts/${i}/max`, message: 'max lebih kecil dari min / max is below min' });
    if ('default' in f) {
      const problem = factValueProblem(f as FactDeclaration, f.default);
      if (problem) errors.push({ pointer: `/facts/${i}/default`, message: problem });
    }
  });
  return facts;
}

const RATINGS = ['ABOVE', 'MEETS', 'BELOW'];

function checkKindContract(doc: Record<string, any>, facts: Map<string, FactDeclaration>, errors: ValidationError[]) {
  if (doc.kind === 'SCORING') {
    for (const name of ['resultRating', 'behaviourRating']) {
      const f = facts.get(name);
      const same =
        f &&
        f.type === 'string' &&
        Array.isArray(f.allowed) &&
        f.allowed.length === 3 &&
        RATINGS.every((r) => f.allowed!.includes(r));
      if (!same)
        errors.push({
          pointer: '/facts',
          message: `SCORING wajib mendeklarasikan fakta "${name}" bertipe string dengan nilai ABOVE, MEETS, BELOW / fixed contract`,
        });
    }
  }
  const given = doc.kind === 'DISTRIBUTION' ? DISTRIBUTION_FACTS : doc.kind === 'SCORING' ? SCORING_FACTS : null;
  if (given)
    // A unit result other than the satisfaction index is a fact only for units that have it imported.
    for (const [name, f] of facts)
      if (!given.includes(name) && f.default === undefined)
        errors.push({
          pointer: '/facts',
          message: `fakta "${name}" bukan bawaan ${doc.kind} (hasil unit yang diimpor?): beri nilai default untuk unit tanpa data / give "${name}" a default for units without it`,
        });
  if (doc.kind === 'PAY') {
    const base = facts.get('baseAmount');
    if (
      !base ||
      base.type !== 'integer' ||
      base.min === undefined ||
      base.min < 0 ||
      base.max === undefined ||
      base.max > 1e11
    )
      errors.push({
        pointer: '/facts',
        message:
          'PAY wajib mendeklarasikan "baseAmount" integer dengan min ≥ 0 dan max ≤ 1e11 (rupiah) / baseAmount required',
      });
    const share = doc.parameters?.performanceShareBasisPoints;
    if (!Number.isInteger(share))
      errors.push({
        pointer: '/parameters/performanceShareBasisPoints',
        message: 'wajib diisi (basis poin, 7000 = 70%) / required (basis points)',
      });
  }
}

/** Validates a document; every error names its place by JSON pointer and gives the reason (Bahasa Indonesia / English). */
export function validateRuleset(doc: unknown): ValidationResult {
  const errors: ValidationError[] = [];
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(doc) ?? '', 'utf8');
  } catch {
    return { ok: false, errors: [{ pointer: '', message: 'bukan JSON / not JSON' }] };
  }
  if (size > LIMITS.maxBytes)
    return {
      ok: false,
      errors: [
        { pointer: '', message: `dokumen ${size} bita melebihi batas ${LIMITS.maxBytes} bita / document too large` },
      ],
    };
  if (!isObj(doc)) return { ok: false, errors: [{ pointer: '', message: 'dokumen harus objek / must be an object' }] };

  if (!schemaValidator(doc)) for (const e of schemaValidator.errors ?? []) errors.push(ajvMessage(e));

  const facts = checkFacts(doc, errors);
  checkKindContract(doc, facts, errors);
  const kind = doc.kind as RuleSetKind;
  const eventTypes = EVENT_TYPES[kind];
  const checker = new ConditionChecker(facts, errors);
  const names = new Map<string, number>();
  const engine = new Engine();
  if (Array.isArray(doc.rules)) {
    doc.rules.forEach((rule: any, i: number) => {
      const at = `/rules/${i}`;
      if (!isObj(rule)) return;
      if (typeof rule.name === 'string') {
        if (names.has(rule.name))
          errors.push({
            pointer: `${at}/name`,
            message: `nama aturan ganda (sama dengan /rules/${names.get(rule.name)}) / duplicate rule name`,
          });
        else names.set(rule.name, i);
      }
      if (isObj(rule.conditions)) {
        const c = rule.conditions;
        if (!('all' in c || 'any' in c || 'not' in c))
          errors.push({
            pointer: `${at}/conditions`,
            message: 'akar kondisi harus all, any atau not / root must be all, any or not',
          });
        checker.check(c, `${at}/conditions`, 0);
      }
      if (isObj(rule.event) && eventTypes) {
        const type = rule.event.type;
        if (!eventTypes.includes(type))
          errors.push({
            pointer: `${at}/event/type`,
            message: `jenis event "${type}" tidak diizinkan untuk ${kind}; gunakan ${eventTypes.join(', ')} / event type not allowed`,
          });
        else
          for (const p of checkEventParams(kind, type, rule.event.params, facts))
            errors.push({ pointer: `${at}/event/params${p.at}`, message: p.message });
      }
      try {
        engine.addRule(structuredClone(rule) as any);
      } catch (e) {
        errors.push({
          pointer: at,
          message: `ditolak json-rules-engine / rejected by the engine: ${(e as Error).message}`,
        });
      }
    });
  }
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.pointer}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: unique.length === 0, errors: unique };
}

/**
 * @module
 * A core zod schema compiled into one plain function, for readers that validate millions of JSON lines with it:
 * the function accepts what the schema accepts and returns what the schema returns, without zod's per-node
 * bookkeeping. It is derived from the schema, never written beside it: type tests for the node kinds below,
 * zod's own functions for every check (lengths, bounds, integers, refinements) and every transform. A refused
 * value gets `REFUSED`, and the caller asks the schema itself what is wrong.
 *
 * Compiled: object (unknown keys stripped), array, union (discriminated or not), optional, nullable, pipe,
 * transform, string, number, boolean, null, literal, enum, unknown. Any other node (records, defaults,
 * coercion...) makes `compileSchema` answer undefined: use the schema as it is. Values are JSON values.
 * The code is generated once per schema (as zod generates its own object parsers), so the hot loop has no
 * calls but to checks and transforms.
 */
import type { z } from "zod";

export const REFUSED: unique symbol = Symbol("refused");

export type CompiledSchema<T> = (value: unknown) => T | typeof REFUSED;

interface Payload {
  value: unknown;
  issues: unknown[];
}

interface CheckInternals {
  def: { when?: (payload: Payload) => boolean };
  check: (payload: Payload) => unknown;
}

interface Internals {
  traits: Set<string>;
  def: {
    type: string;
    checks?: Array<{ _zod: CheckInternals }>;
    coerce?: boolean;
    shape?: Record<string, Node>;
    catchall?: unknown;
    element?: Node;
    options?: Node[];
    inclusive?: boolean;
    discriminator?: string;
    innerType?: Node;
    in?: Node;
    out?: Node;
    transform?: (value: unknown, context: Payload) => unknown;
  };
  values?: Set<unknown>;
  optin?: "optional" | "defaulted";
  optout?: "optional";
}

interface Node {
  _zod: Internals;
}

class Unsupported extends Error {}

function addIssue(this: Payload, issue: unknown): void {
  this.issues.push(issue);
}

export function compileSchema<S extends z.ZodType>(schema: S): CompiledSchema<z.output<S>> | undefined {
  try {
    return new Compiler().function(schema as unknown as Node) as CompiledSchema<z.output<S>>;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Compiler {
  private readonly refs: unknown[] = [];
  private names = 0;

  /** A function of one value that returns its output or `REFUSED`. */
  function(node: Node): (value: unknown) => unknown {
    const lines: string[] = [];
    const out = this.node(node, "input", lines);
    lines.push(`return ${out};`);
    const body = `"use strict";\nreturn function compiled(input) {\n${lines.join("\n")}\n};`;
    return new Function("R", "refs", "ADD_ISSUE", body)(REFUSED, this.refs, addIssue) as (value: unknown) => unknown;
  }

  private name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  private ref(value: unknown): string {
    this.refs.push(value);
    return `refs[${this.refs.length - 1}]`;
  }

  /** Emits the statements that validate `input` (a variable) as `node`; returns the variable holding the output. */
  private node(node: Node, input: string, lines: string[]): string {
    const zod = node._zod;
    if (zod.def.coerce) throw new Unsupported(zod.def.type);
    const out = this.base(node, input, lines);
    const checks = [...(zod.traits.has("$ZodCheck") ? [zod as unknown as CheckInternals] : []), ...(zod.def.checks ?? []).map((c) => c._zod)];
    if (checks.length === 0) return out;
    const payload = this.name("p");
    lines.push(`const ${payload} = { value: ${out}, issues: [] };`);
    for (const check of checks) {
      const ref = this.ref(check);
      const run = `{ ${ref}.check(${payload}); if (${payload}.issues.length !== 0) return R; }`;
      lines.push(check.def.when === undefined ? run : `if (${ref}.def.when(${payload})) ${run}`);
    }
    return `${payload}.value`;
  }

  private base(node: Node, input: string, lines: string[]): string {
    const zod = node._zod;
    const def = zod.def;
    switch (def.type) {
      case "string":
        lines.push(`if (typeof ${input} !== "string") return R;`);
        return input;
      case "number":
        lines.push(`if (typeof ${input} !== "number" || !Number.isFinite(${input})) return R;`);
        return input;
      case "boolean":
        lines.push(`if (typeof ${input} !== "boolean") return R;`);
        return input;
      case "null":
        lines.push(`if (${input} !== null) return R;`);
        return input;
      case "unknown":
      case "any":
        return input;
      case "literal":
      case "enum":
        if (zod.values === undefined) throw new Unsupported(def.type);
        lines.push(`if (!${this.ref(zod.values)}.has(${input})) return R;`);
        return input;
      case "optional":
      case "nullable": {
        if (def.type === "optional" && def.innerType!._zod.optin === "defaulted") throw new Unsupported("default");
        const out = this.name("v");
        const inner: string[] = [];
        const innerOut = this.node(def.innerType!, input, inner);
        lines.push(`let ${out} = ${input};`, `if (${input} !== ${def.type === "optional" ? "undefined" : "null"}) {`, ...inner, `${out} = ${innerOut};`, "}");
        return out;
      }
      case "array": {
        const out = this.name("a");
        const index = this.name("i");
        const element = this.name("e");
        const inner: string[] = [];
        const innerOut = this.node(def.element!, element, inner);
        lines.push(
          `if (!Array.isArray(${input})) return R;`,
          `const ${out} = new Array(${input}.length);`,
          `for (let ${index} = 0; ${index} < ${input}.length; ${index}++) {`,
          `const ${element} = ${input}[${index}];`,
          ...inner,
          `${out}[${index}] = ${innerOut};`,
          "}",
        );
        return out;
      }
      case "union": {
        // A discriminated union's options differ in their discriminator, so the first option that accepts is the
        // one its lookup would pick; an exclusive union without a discriminator (xor) is not compiled.
        if (def.inclusive === false && def.discriminator === undefined) throw new Unsupported("xor");
        const out = this.name("u");
        const options = def.options!.map((option) => this.ref(this.function(option)));
        lines.push(`let ${out} = ${options[0]}(${input});`);
        for (const option of options.slice(1)) lines.push(`if (${out} === R) ${out} = ${option}(${input});`);
        lines.push(`if (${out} === R) return R;`);
        return out;
      }
      case "object":
        return this.object(def.shape!, def.catchall, input, lines);
      case "pipe":
        return this.node(def.out!, this.node(def.in!, input, lines), lines);
      case "transform": {
        // The transform's own function, given a context that only records whether it added an issue.
        const out = this.name("t");
        const context = this.name("c");
        lines.push(
          `const ${context} = { value: ${input}, issues: [], addIssue: ADD_ISSUE };`,
          `const ${out} = ${this.ref(def.transform)}(${input}, ${context});`,
          `if (${context}.issues.length !== 0 || ${out} instanceof Promise) return R;`,
        );
        return out;
      }
      default:
        throw new Unsupported(def.type);
    }
  }

  /**
   * zod's object rules, for JSON input: a present key is validated and kept; an absent key is skipped when its
   * schema is optional in and out, given to its schema as undefined (kept if that gives a value) when it is
   * optional in only, and refused otherwise.
   */
  private object(shape: Record<string, Node>, catchall: unknown, input: string, lines: string[]): string {
    if (catchall !== undefined) throw new Unsupported("object catchall");
    const out = this.name("o");
    lines.push(`if (typeof ${input} !== "object" || ${input} === null || Array.isArray(${input})) return R;`, `const ${out} = {};`);
    for (const key of Object.keys(shape)) {
      if (key === "__proto__") continue;
      const zod = shape[key]._zod;
      if (zod.optin === "defaulted") throw new Unsupported("default");
      const k = JSON.stringify(key);
      const field = this.name("f");
      const present: string[] = [];
      const presentOut = this.node(shape[key], field, present);
      lines.push(`if (${k} in ${input}) {`, `const ${field} = ${input}[${k}];`, ...present, `${out}[${k}] = ${presentOut};`, "}");
      if (zod.optin !== "optional") {
        lines.push("else return R;");
      } else if (zod.optout !== "optional") {
        const absent: string[] = [];
        const absentOut = this.node(shape[key], field, absent);
        lines.push("else {", `const ${field} = undefined;`, ...absent, `if (${absentOut} !== undefined) ${out}[${k}] = ${absentOut};`, "}");
      }
    }
    return out;
  }
}

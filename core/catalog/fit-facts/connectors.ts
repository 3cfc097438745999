/**
 * @module
 * Connector mentions in text: USB-C ("Type-C", "USB C", "C-Type"), Lightning (also "iOS connector"), micro-USB,
 * DC barrel ("4.5mm pin", "DC jack"), the 3.5 mm audio jack and HDMI ("Lightning-fast" is no connector). An input
 * port is told apart from an output: a power bank charged through it offers it to no device.
 */

export interface ConnectorMention {
  connector: string;
  index: number;
  input: boolean;
}

const PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ["usb-c", /\btype[- ]?c\b|\busb[- ]?c\b|\bc[- ]type\b|\busb type[- ]c\b/g],
  ["lightning", /\blightning\b(?![- ]fast)|\bios connectors?\b|\biphone connectors?\b/g],
  ["micro-usb", /\bmicro[- ]?usb\b|\bmicro to usb\b/g],
  ["dc-barrel", /\bdc (?:jack|barrel|pin|plug)\b|\bbarrel (?:jack|plug|connector)\b|\b\d(?:\.\d)? ?mm (?:pin|tip|dc)\b/g],
  ["jack-3.5mm", /\b3\.5 ?mm\b/g],
  ["hdmi", /\bhdmi\b/g],
];

export function connectorMentions(text: string): ConnectorMention[] {
  const lower = text.toLowerCase();
  const mentions: ConnectorMention[] = [];
  for (const [connector, pattern] of PATTERNS) {
    for (const m of lower.matchAll(pattern)) {
      const index = m.index ?? 0;
      mentions.push({ connector, index, input: isInput(lower, index, index + m[0].length) });
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/**
 * An input port: inside a parenthesis that follows "input" ("Dual Input Ports (Micro-USB and Type C)"), or with
 * "input" nearer than "output" within five words either side ("Type C Input", "Input- Type C").
 */
function isInput(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf("(", start);
  if (open >= 0 && text.indexOf(")", open) >= start) {
    const lead = words(text.slice(0, open)).slice(-3);
    if (lead.includes("input")) return true;
    if (lead.includes("output")) return false;
  }
  const before = words(text.slice(0, start)).slice(-5).reverse();
  const after = words(text.slice(end)).slice(0, 5);
  /** Word distance; a word after the mention wins a tie ("..., Micro USB input"). */
  const distance = (word: string) => {
    const b = before.indexOf(word);
    const a = after.indexOf(word);
    return Math.min(b < 0 ? Infinity : b + 0.5, a < 0 ? Infinity : a);
  };
  const input = distance("input");
  return input < Infinity && input < distance("output");
}

const words = (text: string) => text.split(/[^a-z0-9]+/).filter(Boolean);

/** The distinct connectors of the mentions, in order of first mention. */
export function connectorsOf(mentions: readonly ConnectorMention[]): string[] {
  const out: string[] = [];
  for (const m of mentions) if (!out.includes(m.connector)) out.push(m.connector);
  return out;
}

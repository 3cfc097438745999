/**
 * @module
 * Part and standard codes: camera-battery codes of the usual shapes (EN-EL15, LP-E6NH, NP-FW50, BP-511, coin cells
 * CR2032), battery sizes of a battery product (AA, AAA, C, D, 9V), and, for remotes and replacement parts, the
 * codes they list ("Model No: BN59-607A", "AN-MR650G", "TM2280E"). Codes are upper case as written.
 */
import { UNIT } from "./model-references";

const BATTERY_CODES = /\b(?:EN-EL\d{1,2}[A-Z]?|LP-E\d{1,2}[A-Z]{0,2}|NP-[A-Z]{1,2}\d{2,3}[A-Z]?|NB-\d{1,2}[A-Z]{1,2}|BP-\d{3,4}[A-Z]?|DMW-BL[A-Z]\d{2}[A-Z]?|LI-\d{2}[A-Z]|CR\d{4}|LR\d{2}|SR\d{3}[A-Z]{0,2}|18650|21700)\b/gi;
const BATTERY_SIZES = /\b(AAA|AA|9V)\b|\b([CD])\s+(?:size\s+)?(?:batter(?:y|ies)|cells?)\b/gi;
/** A code token: upper-case letters and at least two digits, hyphens allowed, e.g. BN59-01311B, AN-MR650, MR20GA. */
const CODE = /^(?=(?:[^0-9]*[0-9]){2})(?=.*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const NOT_PARTS = /^(?:USB\d|HDMI|IPX?\d+|HDR\d+|\d+K|\d+P|WIFI\d?|BT\d|DDR\d|LPDDR\d+X?|A\d{2}|PD\d|QC\d)$/;

/** Battery codes anywhere in `text`. */
export function batteryCodes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(BATTERY_CODES)) {
    const code = m[0].toUpperCase();
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** Battery sizes named in a battery product's title ("Duracell AA", "D Battery"). */
export function batterySizes(title: string): string[] {
  const out: string[] = [];
  for (const m of title.matchAll(BATTERY_SIZES)) {
    const size = (m[1] ?? m[2]).toUpperCase();
    if (!out.includes(size)) out.push(size);
  }
  return out;
}

/** Codes listed in `text` (tokens split on spaces, commas, slashes, brackets, colons). */
export function listedCodes(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s,/()[\]:;|]+/)) {
    const token = raw.replace(/^[-.]+|[-.]+$/g, "");
    if (!CODE.test(token) || token.length < 4 || token.length > 16 || NOT_PARTS.test(token) || UNIT.test(token.toLowerCase())) continue;
    if (/^\d+$/.test(token.replace(/-/g, "")) || token.split("-").some((part) => /^[A-Z]{4,}$/.test(part))) continue;
    if (!out.includes(token)) out.push(token);
  }
  return out;
}

/** Compare codes without hyphens or case. */
export const partKey = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

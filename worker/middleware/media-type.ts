/**
 * @module
 * Media types as RFC 9110 (section 8.3.1) writes them:
 *
 *   media-type = type "/" subtype *( OWS ";" OWS [ parameter ] )
 *   parameter  = token "=" ( token / quoted-string )
 *
 * so `application/json;` and `application/json ; charset=utf-8` are JSON, `application/json; charset` is not a
 * media type at all. Type, subtype and parameter names are case-insensitive.
 */

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[\\t \\x21\\x23-\\x5b\\x5d-\\x7e\\x80-\\xff]|\\\\[\\t \\x21-\\x7e\\x80-\\xff])*"';
const MEDIA_TYPE = new RegExp(`^[ \\t]*(${TOKEN})/(${TOKEN})((?:[ \\t]*;[ \\t]*(?:${TOKEN}=(?:${TOKEN}|${QUOTED}))?)*)[ \\t]*$`);

export interface MediaType {
  type: string;
  subtype: string;
}

/** The type and subtype (lower case) of a Content-Type value, or null when it is not a media type. */
export function parseMediaType(value: string): MediaType | null {
  const match = MEDIA_TYPE.exec(value);
  if (match === null) return null;
  return { type: match[1].toLowerCase(), subtype: match[2].toLowerCase() };
}

/** `application/json` or any `application/<name>+json`. */
export function isJsonMediaType(media: MediaType | null): boolean {
  return media !== null && media.type === "application" && (media.subtype === "json" || media.subtype.endsWith("+json"));
}

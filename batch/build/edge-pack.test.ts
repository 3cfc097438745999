import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EdgePackError, readEdgePack, writeEdgePack } from "./edge-pack";

describe("edge.bin", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "edgerec-edge-pack-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Blobs around and across the 4 MiB read size, keys of several bytes per character.
  const blobs = [
    { key: "b/B1/meta", bytes: Uint8Array.from({ length: 3000 }, (_, i) => i % 251) },
    { key: "b/B1/i/ünïcode-📱", bytes: new Uint8Array(0) },
    { key: "b/B1/i/big", bytes: Uint8Array.from({ length: 5 * 1024 * 1024 }, (_, i) => (i * 7) % 256) },
    ...Array.from({ length: 2000 }, (_, k) => ({ key: `b/B1/i/p${k}`, bytes: Uint8Array.from({ length: 1 + (k % 3000) }, (_, i) => (i + k) % 256) })),
  ];
  const file = path.join(dir, "edge.bin");
  const seen: string[] = [];
  const written = writeEdgePack(file, blobs, (b) => seen.push(b.key));

  it("gives back every blob, in order, and checks size and checksum", () => {
    expect(seen).toEqual(blobs.map((b) => b.key));
    expect(written.blobs).toBe(blobs.length);
    expect(readFileSync(file).length).toBe(written.bytes);
    const read = [...readEdgePack(file, written)];
    expect(read.map((b) => b.key)).toEqual(blobs.map((b) => b.key));
    read.forEach((b, i) => expect(Buffer.from(b.bytes).equals(Buffer.from(blobs[i].bytes))).toBe(true));
  });

  it("refuses a file cut short, altered, grown or of another build", () => {
    const bytes = readFileSync(file);
    const variant = (name: string, content: Uint8Array) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const drain = (p: string, expected?: { bytes: number; sha256: string }) => () => {
      for (const _ of readEdgePack(p, expected));
    };
    for (const cut of [3, 10, 5000, bytes.length - 3, bytes.length - 1]) expect(drain(variant(`cut-${cut}`, bytes.subarray(0, cut)))).toThrow(EdgePackError);
    expect(drain(variant("cut-checked", bytes.subarray(0, bytes.length - 1)), written)).toThrow(/bytes, the manifest says/);
    const altered = Uint8Array.from(bytes);
    altered[6000] ^= 1;
    expect(drain(variant("altered", altered), written)).toThrow(/checksum/);
    expect(drain(variant("grown", Buffer.concat([bytes, Buffer.from([0])])))).toThrow(/after the end record/);
    const other = path.join(dir, "other.bin");
    writeEdgePack(other, blobs.slice(1));
    expect(drain(other, written)).toThrow(EdgePackError);
    expect(drain(variant("magic", Buffer.concat([Buffer.from("XRE"), bytes.subarray(3)])))).toThrow(/magic/);
  });

  it("refuses a blob without a key", () => {
    expect(() => writeEdgePack(path.join(dir, "nokey.bin"), [{ key: "", bytes: new Uint8Array(1) }])).toThrow(/without a key/);
  });
});

import { describe, expect, it } from "vitest";
import { PythonRandom } from "./python-random";

// Reference values printed by CPython 3.11's random.Random(seed).
describe("PythonRandom", () => {
  it("matches random() for several seeds", () => {
    expect(new PythonRandom(42).random()).toBe(0.6394267984578837);
    expect(new PythonRandom(1).random()).toBe(0.13436424411240122);
    expect(new PythonRandom(0).random()).toBe(0.8444218515250481);
    expect(new PythonRandom(2 ** 40 + 5).random()).toBe(0.5043802970418443);
  });

  it("matches getrandbits(32) and its shorter widths", () => {
    const rng = new PythonRandom(42);
    expect([rng.getrandbits(32), rng.getrandbits(32)]).toEqual([2746317213, 478163327]);
    const mixed = new PythonRandom(42);
    expect([1, 5, 17, 31, 32].map((k) => mixed.getrandbits(k))).toEqual([1, 3, 3278, 1592467581, 1181241943]);
  });

  it("interleaves random(), getrandbits and choice as Python does", () => {
    const rng = new PythonRandom(42);
    expect(rng.random()).toBe(0.6394267984578837);
    expect(rng.getrandbits(32)).toBe(107420369);
    expect([0, 1, 2, 3, 4].map(() => rng.choice([0, 1, 2, 3, 4, 5, 6]))).toEqual([5, 2, 1, 1, 1]);
  });

  it("draws randrange / choice by rejection on bit_length bits", () => {
    const rng = new PythonRandom(42);
    expect([rng.randbelow(1000), rng.randbelow(1000), rng.randbelow(1000)]).toEqual([654, 114, 25]);
    const letters = new PythonRandom(7);
    expect(Array.from({ length: 8 }, () => letters.choice("abcdefghijklmnopqrstuvwxyz"))).toEqual(["k", "e", "m", "u", "b", "c", "r", "d"]);
  });
});

import { describe, expect, it } from "vitest";
import { connectorMentions, connectorsOf } from "./connectors";
import { capacityMentions, cmToInches, mahMentions, mmMentions, sizeMentions, wattMentions } from "./measures";

const values = (ms: ReadonlyArray<{ value: number }>) => ms.map((m) => m.value);

describe("numbers with units", () => {
  it("reads watts, not watt-hours and not a code's digits", () => {
    expect(values(wattMentions("65W/3.25A cable, 22.5 Watt charger, 40-Watt speakers"))).toEqual([65, 22.5, 40]);
    expect(values(wattMentions("45Wh battery, ONT4842W router"))).toEqual([]);
  });

  it("reads mAh with thousands separators", () => {
    expect(values(mahMentions("10,000 mAh power bank; 5000mAh battery"))).toEqual([10000, 5000]);
  });

  it("tags storage, RAM and 'expandable up to'; TB is 1024 GB", () => {
    const tagged = capacityMentions("6GB RAM, 128GB Storage, expandable up to 1TB, 1.5TB drive").map((m) => [m.value, m.tag]);
    expect(tagged).toEqual([[6, "ram"], [128, "storage"], [1024, "expandable"], [1536, undefined]]);
  });

  it("reads screen sizes: one value, ranges, upper bounds, centimetres", () => {
    const sizes = sizeMentions('Mount for 12 to 27 inches; sleeve fits upto 13.3"; 6.1 Inches; 16.55 centimeters').map((s) => [s.unit, s.min, s.max]);
    expect(sizes).toEqual([["in", 12, 27], ["in", undefined, 13.3], ["in", 6.1, 6.1], ["cm", 16.55, 16.55]]);
    expect(cmToInches(16.94)).toBe(6.67);
  });

  it("reads millimetres once per 'A x B mm'", () => {
    expect(values(mmMentions("VESA 75 x 75 mm and 100x100mm, 4.5mm pin"))).toEqual([75, 100, 4.5]);
  });
});

describe("connector mentions", () => {
  it("knows the spellings of each connector", () => {
    expect(connectorsOf(connectorMentions("USB-C, Type C, C-Type, Lightning, iOS connector, Micro USB, 3.5mm jack, HDMI, DC jack"))).toEqual([
      "usb-c", "lightning", "micro-usb", "jack-3.5mm", "hdmi", "dc-barrel",
    ]);
    expect(connectorMentions("AC1300 Lightning-Fast Speed")).toEqual([]);
  });

  it("tells input ports from outputs", () => {
    const inputs = (text: string) => connectorMentions(text).map((m) => [m.connector, m.input]);
    expect(inputs("Type C Input, Triple Output")).toEqual([["usb-c", true]]);
    expect(inputs("Dual Input Ports (Micro-USB and Type C), Triple Output Ports")).toEqual([["micro-usb", true], ["usb-c", true]]);
    expect(inputs("20W Type C PD output, Micro USB input")).toEqual([["usb-c", false], ["micro-usb", true]]);
  });
});

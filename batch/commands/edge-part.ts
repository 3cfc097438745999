/**
 * @module
 * `edgerec edge-part`: the anchor blobs of a range of a build folder's items, written as an edge pack. The build
 * runs it in child processes to encode a large build's edge format on every core (`build/edge-workers.ts`).
 */
import { readEncodedBuild } from "../build/artifacts";
import { writeEdgePack } from "../build/edge-pack";
import { anchorBlobsOf } from "../build/kv-footprint";
import { type Command, numberFlag, parseFlags, requireFlag } from "../cli/command";

export const command: Command = {
  name: "edge-part",
  usage: `
edgerec edge-part --folder DIR --from A --to B --out FILE

Used by edgerec build: encodes the anchor blobs of items A to B - 1 of DIR's meta.bin and items.bin (a build folder
being written) and writes them to FILE as an edge pack.
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["folder", "from", "to", "out"], booleans: [] });
    const folder = requireFlag(flags.folder, "folder");
    const out = requireFlag(flags.out, "out");
    const { meta, itemBlobs } = readEncodedBuild(folder);
    const from = numberFlag(flags.from, "from", 0, { min: 0, max: meta.items.length, integer: true });
    const to = numberFlag(flags.to, "to", meta.items.length, { min: from, max: meta.items.length, integer: true });
    writeEdgePack(out, anchorBlobsOf(meta, itemBlobs, from, to));
    return 0;
  },
};

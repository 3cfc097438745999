/**
 * @module
 * `edgerec edge-part`: the anchor blobs of a range of a build folder's items, or its group blobs, written as an edge
 * pack. The build runs it in child processes to encode a large build's edge format on every core
 * (`build/edge-workers.ts`).
 */
import { readEncodedBuild } from "../build/artifacts";
import { writeEdgePack } from "../build/edge-pack";
import { anchorBlobsOf, groupBlobsOf } from "../build/kv-footprint";
import { type Command, numberFlag, parseFlags, requireFlag, UsageError } from "../cli/command";

export const command: Command = {
  name: "edge-part",
  usage: `
edgerec edge-part --folder DIR (--from A --to B | --groups) --out FILE

Used by edgerec build: encodes the anchor blobs of items A to B - 1 of DIR's meta.bin and items.bin (a build folder
being written), or with --groups its directory shards, model and category blobs, and writes them to FILE as an edge
pack.
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["folder", "from", "to", "out"], booleans: ["groups"] });
    const folder = requireFlag(flags.folder, "folder");
    const out = requireFlag(flags.out, "out");
    if (flags.groups && (flags.from !== undefined || flags.to !== undefined)) throw new UsageError("--groups encodes no anchors: give it without --from and --to");
    const { meta, itemBlobs } = readEncodedBuild(folder);
    if (flags.groups) {
      writeEdgePack(out, groupBlobsOf(meta, itemBlobs));
      return 0;
    }
    const from = numberFlag(flags.from, "from", 0, { min: 0, max: meta.items.length, integer: true });
    const to = numberFlag(flags.to, "to", meta.items.length, { min: from, max: meta.items.length, integer: true });
    writeEdgePack(out, anchorBlobsOf(meta, itemBlobs, from, to));
    return 0;
  },
};

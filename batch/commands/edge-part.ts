/**
 * @module
 * `edgerec edge-part`: the anchor blobs of a range of a build folder's items, or its group blobs, written as an edge
 * pack. The build runs it in child processes to encode a large build's edge format on every core
 * (`build/edge-workers.ts`).
 */
import type { Verdict } from "../../core/blob/blobs-kept";
import { itemKey, splitBuildKey } from "../../core/keys";
import { readEncodedBuild } from "../build/artifacts";
import { ANCHOR_NAME, writeVerdicts } from "../build/edge-workers";
import { readPreviousEdge } from "../build/previous-edge";
import { writeEdgePack } from "../build/edge-pack";
import { anchorBlobsOf, groupBlobsOf } from "../build/kv-footprint";
import { type Command, numberFlag, parseFlags, requireFlag, UsageError } from "../cli/command";

export const command: Command = {
  name: "edge-part",
  usage: `
edgerec edge-part --folder DIR (--from A --to B | --groups) --out FILE [--previous PREV]

Used by edgerec build: encodes the anchor blobs of items A to B - 1 of DIR's meta.bin and items.bin (a build folder
being written), or with --groups its directory shards, model and category blobs, and writes them to FILE as an edge
pack. With --previous (the folder of the build this one follows), also writes FILE.verdicts.json: for each blob, the
build whose blob of the same name serves alike, if any.
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["folder", "from", "to", "out", "previous"], booleans: ["groups"] });
    const folder = requireFlag(flags.folder, "folder");
    const out = requireFlag(flags.out, "out");
    if (flags.groups && (flags.from !== undefined || flags.to !== undefined)) throw new UsageError("--groups encodes no anchors: give it without --from and --to");
    const { meta, itemBlobs } = readEncodedBuild(folder);
    const from = flags.groups ? 0 : numberFlag(flags.from, "from", 0, { min: 0, max: meta.items.length, integer: true });
    const to = flags.groups ? 0 : numberFlag(flags.to, "to", meta.items.length, { min: from, max: meta.items.length, integer: true });
    const anchors = flags.groups ? undefined : new Set(meta.items.slice(from, to).map((id) => splitBuildKey(itemKey(meta.buildId, id)).name));
    const previous = flags.previous === undefined ? undefined : readPreviousEdge(flags.previous, (name) => (anchors === undefined ? !ANCHOR_NAME.test(name) : anchors.has(name)));
    if (typeof previous === "string") throw new UsageError(`--previous ${flags.previous}: ${previous}`);
    const kept = previous === undefined ? undefined : { previous, verdicts: [] as Verdict[] };
    writeEdgePack(out, flags.groups ? groupBlobsOf(meta, itemBlobs, kept) : anchorBlobsOf(meta, itemBlobs, from, to, kept));
    if (kept !== undefined) writeVerdicts(out, kept.verdicts);
    return 0;
  },
};

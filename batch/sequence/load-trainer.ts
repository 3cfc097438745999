/**
 * @module
 * Loads TensorFlow.js and the GRU trainer on demand: only a build with sessions pays for it (about 2 s of
 * module loading), every other command starts without it.
 */
import type { GruTrainer } from "./sequence-model-build";

export async function loadGruTrainer(): Promise<{ train: GruTrainer; backend: string }> {
  const { prepareTrainingBackend } = await import("./training-backend");
  const backend = await prepareTrainingBackend();
  const { trainGru } = await import("./gru-training");
  return { train: trainGru, backend };
}

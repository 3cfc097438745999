/**
 * @module
 * TensorFlow.js for the build's sequence model: the WebAssembly backend, whose .wasm ships inside its npm package
 * (nothing is downloaded at install or run time), single-threaded so every run repeats bit for bit. Where it
 * cannot start, TensorFlow.js's pure JavaScript CPU backend trains the same model, slower.
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

let ready: Promise<string> | undefined;

/** Starts the training backend once per process; resolves to its name ("wasm", else "cpu"). */
export function prepareTrainingBackend(): Promise<string> {
  ready ??= (async () => {
    tf.enableProdMode();
    try {
      if (await tf.setBackend("wasm")) return "wasm";
    } catch {
      // The CPU backend below is always there.
    }
    await tf.setBackend("cpu");
    return "cpu";
  })();
  return ready;
}

export { tf };

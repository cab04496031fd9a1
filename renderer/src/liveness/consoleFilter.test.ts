import { describe, expect, it } from 'vitest';
import { isInformational, quietMediapipeConsole } from './consoleFilter';

describe("MediaPipe's informational console lines", () => {
  it('are recognised; real errors and anything else are not', () => {
    expect(isInformational('INFO: Created TensorFlow Lite XNNPACK delegate for CPU.')).toBe(true);
    expect(isInformational('W0000 00:00:1733000000.123456 1 inference_feedback_manager.cc:114] Feedback manager requires a model with a single signature inference. Disabling support for feedback tensors.')).toBe(true);
    expect(isInformational('I0000 00:00:1733000000.123456 1 gl_context.cc:357] GL version: 3.0')).toBe(true);
    expect(isInformational('Failed to load model: 404')).toBe(false);
    expect(isInformational('E0000 00:00:1733000000.1 1 calculator_graph.cc:887] INTERNAL: something broke')).toBe(false);
    expect(isInformational(new Error('INFO: not a string'))).toBe(false);
  });

  it('are dropped from the console once it is wrapped; everything else still goes through, once', () => {
    const seen: unknown[][] = [];
    const sink = { error: (...a: unknown[]) => void seen.push(a), warn: (...a: unknown[]) => void seen.push(a), info: (...a: unknown[]) => void seen.push(a), log: (...a: unknown[]) => void seen.push(a) };
    quietMediapipeConsole(sink);
    quietMediapipeConsole(sink); // a second install does not wrap twice
    sink.error('INFO: Created TensorFlow Lite XNNPACK delegate for CPU.');
    sink.error('model failed', 42);
    sink.warn('frame analysis failed');
    expect(seen).toEqual([['model failed', 42], ['frame analysis failed']]);
  });
});

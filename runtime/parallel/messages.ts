// What the coordinator and the workers of a parallel search tell each other (structured
// clones; SharedArrayBuffers are shared, not copied). A search is: `ready` (each worker, unasked,
// once it has imported the model), `init` (it maps the shared table and stores), then per BFS
// level one `level` to every worker, answered by `done` (or `paused` for a table rehash, then
// `resume`), until a level finds no new state. In: runtime/parallel/coordinator.ts; out:
// runtime/parallel/worker.ts.

export interface SearchSettings {
  readonly deadlock: boolean;
  readonly invariants?: readonly string[];
  readonly symmetry: boolean;
  readonly maxStates: number; // Infinity: none
  readonly stopOnFirst: boolean;
}

export interface InitMessage {
  readonly kind: 'init';
  readonly worker: number;
  readonly workers: number;
  readonly control: SharedArrayBuffer;
  readonly table: SharedArrayBuffer;
  readonly settings: SearchSettings;
  readonly store: { readonly buffers: readonly ArrayBufferLike[]; readonly count: number }; // this worker's, already started
}

export interface LevelMessage {
  readonly kind: 'level';
  readonly depth: number;
  readonly keep: boolean; // false past --max-depth: new states only mark the search incomplete
  readonly starts: readonly number[]; // per worker: its frontier is local indexes [start, end)
  readonly ends: readonly number[];
  readonly chunks: readonly (readonly ArrayBufferLike[])[]; // per worker: chunks not sent before
  readonly found: readonly number[]; // properties already violated: no need to look further
  readonly table?: SharedArrayBuffer; // after a rehash
}

export interface ResumeMessage {
  readonly kind: 'resume';
  readonly table: SharedArrayBuffer;
}

// The first violation of a property this worker saw in the level (see runtime/trace.ts Found).
export interface FoundReport {
  readonly property: number;
  readonly state: number; // global id
  readonly step: number;
  readonly site: number;
  readonly value: number;
}

export interface DoneMessage {
  readonly kind: 'done';
  readonly count: number; // states in this worker's store
  readonly chunks: readonly ArrayBufferLike[]; // allocated during the level
  readonly stepCounts: Float64Array; // emits per step (index step + 1) during the level
  readonly found: readonly FoundReport[];
  readonly refused: boolean; // a new state past --max-depth or --max-states
  readonly outOfMemory: boolean;
}

export type ToWorker = InitMessage | LevelMessage | ResumeMessage;
export type FromWorker = { readonly kind: 'ready' } | { readonly kind: 'paused' } | DoneMessage | { readonly kind: 'error'; readonly message: string };

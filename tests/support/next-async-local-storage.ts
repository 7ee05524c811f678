import { AsyncLocalStorage } from 'node:async_hooks';

// Next's server sets this before loading its request stores; import this first wherever a test runs Next's cache functions.
(globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;

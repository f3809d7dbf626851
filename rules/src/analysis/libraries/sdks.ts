/**
 * SDKs of processors and other parties: error trackers, analytics and telemetry. Their operations send what they are
 * given to the party the SDK belongs to: the catalogue's processor that lists the module (`modules`) or the global
 * (`globals`), else the processor whose `hosts` match the SDK's hosts, else an unknown destination named after the
 * SDK. Only operations that send are sinks: configuration, getters and local helpers are not.
 *
 * Some SDKs hand the object that collects data to a callback (`Sentry.withScope(scope => scope.setUser(…))`,
 * Bugsnag's `onError(event => …)`, OpenTelemetry's `startActiveSpan(name, span => …)`): `makers` with `callback`.
 */
import type { Library } from './types';

const ALL_ARGUMENTS = [{ data: [{ from: 0, role: 'argument' }] }] as const;

const SENTRY_SENDS = ['captureException', 'captureMessage', 'captureEvent', 'captureFeedback', 'sendFeedback', 'setUser', 'setContext', 'setExtra', 'setExtras', 'setTag', 'setTags', 'addBreadcrumb'];

export const SDKS: readonly Library[] = [
  {
    id: 'sentry',
    family: 'sdk',
    label: 'Sentry',
    modules: ['@sentry/node', '@sentry/browser', '@sentry/react', '@sentry/angular', '@sentry/vue', '@sentry/nextjs', '@sentry/react-native', '@sentry/capacitor', '@sentry/electron', '@sentry/core', '@sentry/nestjs', '@sentry/svelte', '@sentry/bun', '@sentry/deno'],
    globals: ['Sentry'],
    types: ['Scope'],
    hosts: ['sentry.io'],
    makers: [
      { from: ['module', 'instance'], call: ['configureScope', 'withScope', 'withIsolationScope'], callback: { arg: 'last', param: 0 }, makes: 'instance' },
      { from: ['module', 'instance'], call: ['getCurrentScope', 'getIsolationScope', 'getGlobalScope', 'getCurrentHub', 'getClient'], makes: 'instance' },
    ],
    operations: [{ on: ['module', 'instance'], methods: SENTRY_SENDS, shapes: ALL_ARGUMENTS, destination: 'library' }],
    sinks: `${SENTRY_SENDS.map((m) => `\`${m}\``).join(', ')} — on \`Sentry\` and on a scope (\`configureScope\`/\`withScope\` callbacks, \`getCurrentScope()\`)`,
  },
  {
    id: 'bugsnag',
    family: 'sdk',
    label: 'Bugsnag',
    modules: ['@bugsnag/js', '@bugsnag/node', '@bugsnag/browser', '@bugsnag/expo', '@bugsnag/react-native', 'bugsnag-js'],
    globals: ['Bugsnag', 'bugsnagClient'],
    types: ['Client', 'Event'],
    hosts: ['notify.bugsnag.com'],
    makers: [
      { from: ['module', 'instance'], call: ['notify'], callback: { arg: 1, param: 0 }, makes: 'instance' },
      { from: ['module', 'instance'], call: ['addOnError', 'addOnBreadcrumb', 'addOnSession'], callback: { arg: 0, param: 0 }, makes: 'instance' },
      { from: ['module', 'instance'], call: ['start', 'createClient'], callback: { arg: 0, key: 'onError', param: 0 }, makes: 'instance' },
      { from: ['module'], call: ['start', 'createClient', '()'], makes: 'instance' },
    ],
    operations: [
      { on: ['module', 'instance'], methods: ['notify', 'leaveBreadcrumb', 'setUser', 'addMetadata', 'setContext', 'addFeatureFlag'], shapes: ALL_ARGUMENTS, destination: 'library' },
      { on: ['module'], methods: ['start', 'createClient'], shapes: [{ data: [{ arg: 0, keys: ['user', 'metadata'] }] }], destination: 'library' },
    ],
    sinks: '`notify`, `leaveBreadcrumb`, `setUser`, `addMetadata`, `setContext` (also on the event in `onError` callbacks); `start({ user, metadata })`',
  },
  {
    id: 'gtag',
    family: 'sdk',
    label: 'Google Analytics gtag.js',
    modules: [],
    globals: ['gtag'],
    hosts: ['www.google-analytics.com'],
    operations: [{ on: ['module'], methods: ['()'], shapes: ALL_ARGUMENTS, destination: 'library' }],
    sinks: '`gtag(…)` (a script-tag global)',
  },
  {
    id: 'dataLayer',
    family: 'sdk',
    label: 'Google Tag Manager dataLayer',
    modules: [],
    globals: ['dataLayer'],
    hosts: ['www.googletagmanager.com'],
    operations: [{ on: ['module'], methods: ['push'], shapes: ALL_ARGUMENTS, destination: 'library' }],
    sinks: '`window.dataLayer.push(…)`',
  },
  {
    id: 'segment',
    family: 'sdk',
    label: 'Segment analytics',
    modules: ['@segment/analytics-next', '@segment/analytics-node', 'analytics-node', '@segment/analytics-react-native'],
    globals: ['analytics'],
    hosts: ['api.segment.io'],
    makers: [
      { from: ['module'], call: ['load', 'createClient'], depth: 'any', makes: 'instance' },
      { from: ['module'], construct: ['*', '()'], makes: 'instance' },
    ],
    operations: [{ on: ['module', 'instance'], methods: ['track', 'identify', 'page', 'screen', 'group', 'alias'], shapes: ALL_ARGUMENTS, destination: 'library' }],
    sinks: '`track`, `identify`, `page`, `screen`, `group`, `alias` (the `analytics` global, `AnalyticsBrowser.load()`, `new Analytics()`)',
  },
  {
    id: 'mixpanel',
    family: 'sdk',
    label: 'Mixpanel',
    modules: ['mixpanel-browser', 'mixpanel'],
    globals: ['mixpanel'],
    hosts: ['api.mixpanel.com'],
    makers: [{ from: ['module'], call: ['init'], makes: 'instance' }],
    operations: [{ on: ['module', 'instance'], methods: ['track', 'identify', 'register', 'register_once', 'alias', 'set', 'set_once', 'track_links', 'track_forms'], depth: 'any', shapes: ALL_ARGUMENTS, destination: 'library' }],
    sinks: '`track`, `identify`, `register`, `alias`, `people.set`',
  },
  {
    id: 'opentelemetry',
    family: 'sdk',
    label: 'OpenTelemetry',
    modules: ['@opentelemetry/api'],
    types: ['Span', 'Tracer'],
    makers: [
      { from: ['module'], call: ['getTracer', 'getActiveSpan', 'getSpan'], depth: 'any', makes: 'instance' },
      { from: ['instance'], call: ['startActiveSpan'], callback: { arg: 'last', param: 0 }, makes: 'instance' },
      { from: ['instance'], call: ['startSpan', 'getTracer'], makes: 'instance' },
    ],
    operations: [
      { on: ['instance'], methods: ['setAttribute'], shapes: [{ data: [{ arg: 1, role: 'attribute' }] }], destination: 'library' },
      { on: ['instance'], methods: ['setAttributes', 'recordException', 'updateName', 'setStatus'], shapes: [{ data: [{ arg: 0, role: 'attribute' }] }], destination: 'library' },
      { on: ['instance'], methods: ['addEvent'], shapes: [{ data: [{ arg: 1, role: 'attribute' }] }], destination: 'library' },
      // A span's first attributes, given where it starts: `startSpan(name, { attributes })`.
      { on: ['instance'], methods: ['startSpan', 'startActiveSpan'], shapes: [{ whenObject: 1, data: [{ arg: 1, keys: ['attributes'] }] }], destination: 'library' },
    ],
    sinks: 'on a span (`startActiveSpan(name, span => …)`, `startSpan`, `getActiveSpan()`): `setAttribute(s)`, `addEvent`, `recordException`, `updateName`, `setStatus`; the `attributes` of `startSpan`/`startActiveSpan(name, { attributes })`',
  },
];

/**
 * An SDK avglint has no descriptor for: the SDK of a processor the catalogue lists by `modules` or `globals`, or an
 * npm package that can reach the network (`packages.ts`). Every call on it, or on what it makes, sends its arguments
 * to the processor, or to the package as an unknown third party.
 */
export const GENERIC_SDK: Library = {
  id: 'processor-sdk',
  family: 'sdk',
  label: 'a processor\'s SDK listed in the catalogue, or another npm package that reaches the network',
  modules: [],
  types: ['*'],
  makers: [
    { from: ['module', 'instance'], call: ['*', '()'], depth: 'any', makes: 'instance' },
    { from: ['module', 'instance'], construct: ['*', '()'], depth: 'any', makes: 'instance' },
  ],
  operations: [{ on: ['module', 'instance'], methods: ['*', '()'], depth: 'any', shapes: ALL_ARGUMENTS, destination: 'library' }],
  sinks: 'any call on an import (or global) the catalogue lists under a processor\'s `modules` (or `globals`), or on an import of a network package the catalogue does not list, and on what it makes',
};

/**
 * Browser (and browser-like) egress besides `fetch`: beacons, XMLHttpRequest, WebSockets, server-sent events,
 * socket.io, and navigation to another site (the query string of the URL goes to that site). The destination is the
 * URL the request or socket was opened with, or navigated to.
 */
import type { Library } from './types';

export const BROWSER_EGRESS: readonly Library[] = [
  {
    id: 'sendBeacon',
    family: 'browser',
    label: 'navigator.sendBeacon',
    modules: [],
    globals: ['navigator'],
    operations: [{ on: ['module'], methods: ['sendBeacon'], shapes: [{ url: [{ arg: 0 }], data: [{ arg: 1, role: 'body' }] }] }],
    sinks: '`navigator.sendBeacon(url, data)`',
  },
  {
    id: 'XMLHttpRequest',
    family: 'browser',
    label: 'XMLHttpRequest',
    modules: [],
    globals: ['XMLHttpRequest'],
    makers: [{ from: ['module'], construct: ['()'], makes: 'request' }],
    operations: [
      // The URL of `open` may carry data in its query string; `send` and the headers go where `open` pointed.
      { on: ['request'], methods: ['open'], shapes: [{ url: [{ arg: 1 }], data: [] }] },
      { on: ['request'], methods: ['send'], shapes: [{ data: [{ arg: 0, role: 'body' }] }], destination: { sibling: 'open', url: { arg: 1 } } },
      { on: ['request'], methods: ['setRequestHeader'], shapes: [{ data: [{ arg: 1, role: 'headers' }] }], destination: { sibling: 'open', url: { arg: 1 } } },
    ],
    sinks: '`xhr.open(method, url)` (the URL), `xhr.send(body)` and `xhr.setRequestHeader(name, value)` to the URL of `open`',
  },
  {
    id: 'WebSocket',
    family: 'browser',
    label: 'WebSocket (global, ws, isomorphic-ws)',
    modules: ['ws', 'isomorphic-ws'],
    globals: ['WebSocket'],
    types: ['WebSocket'],
    makers: [
      { from: ['module'], construct: ['()', 'WebSocket'], makes: 'request', base: [{ arg: 0 }] },
    ],
    operations: [
      { on: ['module'], methods: ['()', 'WebSocket'], construct: true, shapes: [{ url: [{ arg: 0 }], data: [] }] },
      { on: ['request'], methods: ['send'], shapes: [{ data: [{ arg: 0, role: 'body' }] }], destination: 'made' },
    ],
    sinks: '`new WebSocket(url)` (the URL) and `socket.send(data)` to that URL',
  },
  {
    id: 'EventSource',
    family: 'browser',
    label: 'EventSource (global, eventsource)',
    modules: ['eventsource'],
    globals: ['EventSource'],
    operations: [{ on: ['module'], methods: ['()', 'EventSource'], construct: true, shapes: [{ url: [{ arg: 0 }], data: [] }] }],
    sinks: '`new EventSource(url)` (data in the URL)',
  },
  {
    id: 'location',
    family: 'browser',
    label: 'location (navigation)',
    modules: [],
    globals: ['location'],
    operations: [
      { on: ['module'], methods: ['assign', 'replace'], navigation: true, shapes: [{ url: [{ arg: 0 }], data: [] }] },
      { on: ['module'], methods: ['href', '()'], assign: true, navigation: true, shapes: [{ url: [{ arg: 0 }], data: [] }] },
    ],
    sinks: '`location.assign(url)`, `location.replace(url)`, `location.href = url`, `location = url` (also on `window`) to an external URL: its query string',
  },
  {
    id: 'window.open',
    family: 'browser',
    label: 'window.open',
    modules: [],
    globals: ['open'],
    operations: [{ on: ['module'], methods: ['()'], navigation: true, shapes: [{ url: [{ arg: 0 }], data: [] }] }],
    sinks: '`window.open(url)` to an external URL: its query string',
  },
  {
    // An app embedded in another site (an LMS iframe, a popup) sending to the page around it: the target origin is
    // where the message goes (`'*'` is any origin: unresolved).
    id: 'postMessage',
    family: 'browser',
    label: 'postMessage to the embedding or opening window',
    modules: [],
    globals: ['parent', 'top', 'opener'],
    operations: [{ on: ['module'], methods: ['postMessage'], shapes: [{ url: [{ arg: 1 }, { arg: 1, key: 'targetOrigin' }], data: [{ arg: 0, role: 'message' }] }] }],
    sinks: '`parent.postMessage(message, targetOrigin)`, also `top`, `opener` (and on `window`): the message to that origin',
  },
  {
    id: 'next-router',
    family: 'browser',
    label: 'Next.js router',
    modules: ['next/router', 'next/navigation', 'next/dist/client/router'],
    types: ['NextRouter', 'AppRouterInstance'],
    makers: [{ from: ['module'], call: ['useRouter'], makes: 'instance' }],
    operations: [
      {
        on: ['module', 'instance'],
        methods: ['push', 'replace'],
        navigation: true,
        shapes: [
          { whenObject: 0, url: [{ arg: 0, key: 'pathname' }], data: [{ arg: 0, keys: ['query'] }] },
          { url: [{ arg: 0 }], data: [] },
        ],
      },
    ],
    sinks: '`router.push(url)`, `router.replace(url)` (`useRouter()` or the default `Router`) to an external URL: its query string (also `{ pathname, query }`)',
  },
  {
    id: 'socket.io-client',
    family: 'browser',
    label: 'socket.io-client',
    modules: ['socket.io-client'],
    types: ['Socket'],
    makers: [{ from: ['module'], call: ['()', 'io', 'connect'], makes: 'request', base: [{ arg: 0 }] }],
    operations: [
      { on: ['request'], methods: ['emit'], shapes: [{ data: [{ from: 1, role: 'argument' }] }], destination: 'made' },
      { on: ['request'], methods: ['send'], shapes: [{ data: [{ from: 0, role: 'argument' }] }], destination: 'made' },
    ],
    sinks: '`io(url)` sockets: `emit(event, …data)`, `send(…data)`',
  },
];

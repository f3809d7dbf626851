/**
 * Browser (and browser-like) egress besides `fetch`: beacons, XMLHttpRequest, WebSockets, server-sent events and
 * socket.io. The destination is the URL the request or socket was opened with.
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

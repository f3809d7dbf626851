/**
 * Loggers: every argument of a log call is written to the log.
 */
import type { Library, Operation } from './types';

const PINO = ['info', 'warn', 'error', 'debug', 'trace', 'fatal', 'silent', 'log'];
const WINSTON = ['log', 'info', 'warn', 'error', 'debug', 'verbose', 'silly', 'http'];
const BUNYAN = ['info', 'warn', 'error', 'debug', 'trace', 'fatal'];
const NEST = ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'];
const NAMED = ['info', 'warn', 'error', 'debug', 'trace', 'fatal', 'log', 'verbose', 'success', 'silly', 'notice', 'critical'];
const NAMED_CHILDREN = ['child', 'getLogger', 'scope', 'withTag', 'getSubLogger'];
const ALL_ARGUMENTS = [{ data: [{ from: 0, role: 'argument' }] }] as const;
/** The bindings of `logger.child({ … })` go into every line the child writes. */
const CHILD_BINDINGS: Operation = { on: ['instance'], methods: ['child'], shapes: ALL_ARGUMENTS };

export const LOGGERS: readonly Library[] = [
  {
    id: 'console',
    family: 'logger',
    label: 'console',
    modules: [],
    globals: ['console'],
    operations: [{ on: ['module'], methods: ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'groupCollapsed', 'assert'], shapes: ALL_ARGUMENTS }],
    sinks: '`console.log`/`info`/`warn`/`error`/`debug`/`trace`/`dir`/`table`/`group`/`assert`',
  },
  {
    id: 'pino',
    family: 'logger',
    label: 'pino',
    modules: ['pino'],
    makers: [{ from: ['module', 'instance'], call: ['()', 'createLogger', 'child'], makes: 'instance' }],
    operations: [{ on: ['instance'], methods: PINO, shapes: ALL_ARGUMENTS }, CHILD_BINDINGS],
    sinks: 'a `pino()` logger and its `child` loggers; the bindings of `child({ … })`',
  },
  {
    id: 'winston',
    family: 'logger',
    label: 'winston',
    modules: ['winston'],
    makers: [{ from: ['module', 'instance'], call: ['()', 'createLogger', 'child'], makes: 'instance' }],
    operations: [{ on: ['module', 'instance'], methods: WINSTON, shapes: ALL_ARGUMENTS }, { ...CHILD_BINDINGS, on: ['module', 'instance'] }],
    sinks: '`winston.info(…)`, `winston.createLogger()` loggers and their `child` loggers; the bindings of `child({ … })`',
  },
  {
    id: 'bunyan',
    family: 'logger',
    label: 'bunyan',
    modules: ['bunyan'],
    makers: [{ from: ['module', 'instance'], call: ['()', 'createLogger', 'child'], makes: 'instance' }],
    operations: [{ on: ['instance'], methods: BUNYAN, shapes: ALL_ARGUMENTS }, CHILD_BINDINGS],
    sinks: '`bunyan.createLogger()` loggers and their `child` loggers; the bindings of `child({ … })`',
  },
  {
    id: 'debug',
    family: 'logger',
    label: 'debug',
    modules: ['debug'],
    makers: [
      { from: ['module'], call: ['()'], makes: 'instance' },
      { from: ['instance'], call: ['extend'], makes: 'instance' },
    ],
    operations: [{ on: ['instance'], methods: ['()'], shapes: ALL_ARGUMENTS }],
    sinks: 'a `debug(namespace)` function and its `extend`s, called',
  },
  {
    id: 'nestjs-logger',
    family: 'logger',
    label: 'NestJS Logger (@nestjs/common)',
    modules: ['@nestjs/common'],
    exports: ['Logger', 'ConsoleLogger'],
    types: ['Logger', 'ConsoleLogger', 'LoggerService'],
    makers: [{ from: ['module'], construct: ['Logger', 'ConsoleLogger'], makes: 'instance' }],
    operations: [
      { on: ['instance'], methods: NEST, shapes: ALL_ARGUMENTS },
      // The static `Logger.log(…)`.
      { on: ['module'], methods: NEST, depth: 2, shapes: ALL_ARGUMENTS },
    ],
    sinks: '`new Logger(context)` instances and the static `Logger.log`/`error`/`warn`/`debug`/`verbose`/`fatal`',
  },
  {
    id: 'other-loggers',
    family: 'logger',
    label: 'consola, loglevel, electron-log, signale, npmlog, log4js, tslog, roarr',
    modules: ['consola', 'loglevel', 'electron-log', 'signale', 'npmlog', 'log4js', 'tslog', 'roarr'],
    makers: [
      { from: ['module', 'instance'], call: NAMED_CHILDREN, makes: 'instance' },
      { from: ['module'], construct: ['*', '()'], makes: 'instance' },
    ],
    operations: [{ on: ['module', 'instance'], methods: NAMED, shapes: ALL_ARGUMENTS }],
    sinks: 'the module\'s default logger and the loggers it makes (`getLogger`, `scope`, `withTag`, `getSubLogger`, `new Logger()`, `new Signale()`)',
  },
  {
    id: 'logger',
    family: 'logger',
    label: 'a logger received by name',
    modules: [],
    // A parameter or member called `log`, `logger` or `…Logger` is taken to be a logger.
    instanceNames: /^(log|logger|.*Logger)$/,
    makers: [{ from: ['instance'], call: NAMED_CHILDREN, makes: 'instance' }],
    operations: [{ on: ['instance'], methods: NAMED, shapes: ALL_ARGUMENTS }, CHILD_BINDINGS],
    sinks: 'a parameter, field or global named `log`, `logger` or `…Logger`: `info`/`warn`/`error`/`debug`/`trace`/`fatal`/`log`/`verbose`/`success`/`silly`/`notice`/`critical`, and the bindings of `child({ … })`',
  },
];

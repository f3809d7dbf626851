/**
 * npm packages as destinations: personal data handed to a package that can reach the network and is not in the
 * catalogue is sent to an unknown third party (`no-unauthorised-transfer`, `unknownDestination` naming the package).
 *
 * "Can reach the network" is decided from two sources: the SDK families below, which the core knows by name, and
 * the set the host computed from the installed packages themselves (their code or their dependencies use fetch,
 * http(s), XMLHttpRequest, WebSocket or net), passed in as `AnalysisInput.networkPackages`. The core reads no file.
 * Pure libraries never are destinations, whatever their code contains (rxjs has an `ajax` helper, but `map` sends
 * nothing).
 */

/**
 * Package names, or scopes ending in `/`, of SDKs that send what they are given to their vendor. Chat and bot SDKs
 * (discord.js, telegraf) are not here: they export local helpers too (discord.js `Collection`), so only their sending
 * operations are sinks, described with the other SDKs.
 */
export const NETWORK_SDK_FAMILIES: readonly string[] = [
  // Error and performance monitoring, analytics, session replay.
  '@bugsnag/', 'bugsnag', 'bugsnag-js', '@sentry/', 'raven', 'raven-js', 'rollbar', '@honeybadger-io/', 'trackjs', 'newrelic', '@newrelic/',
  '@datadog/', 'dd-trace', 'elastic-apm-node', '@elastic/apm-rum', 'logrocket', '@logrocket/', '@fullstory/', 'hotjar', '@hotjar/', 'mixpanel',
  'mixpanel-browser', '@segment/', 'analytics-node', '@amplitude/', 'amplitude-js', 'posthog-js', 'posthog-node', 'react-ga', 'react-ga4',
  'ga-4-react', 'universal-analytics', '@vercel/analytics', 'plausible-tracker', 'matomo-tracker', '@datapunt/matomo-tracker-js',
  'heap-api', '@heap/', 'smartlook-client', 'clarity-js', '@microsoft/clarity', '@microsoft/applicationinsights-web', 'applicationinsights',
  // Messaging, mail, push and chat.
  '@sendgrid/', 'nodemailer', 'mailgun.js', 'mailgun-js', 'postmark', '@mailchimp/', 'twilio', 'messagebird', 'onesignal-node',
  '@onesignal/', 'firebase', '@firebase/', 'firebase-admin', 'pusher', 'pusher-js', 'ably', '@slack/', 'intercom-client', '@intercom/',
  // Cloud, AI and search APIs.
  'openai', '@anthropic-ai/', '@google/generative-ai', 'googleapis', 'algoliasearch',
  '@algolia/', 'stripe', '@mollie/', 'contentful', '@supabase/', 'appwrite', 'airtable', '@notionhq/', '@microsoft/microsoft-graph-client',
];

/** Libraries that compute locally; never a destination even when the host's scan of their code finds a network call. */
export const PURE_PACKAGES: readonly string[] = [
  'lodash', 'lodash-es', 'underscore', 'ramda', 'date-fns', 'date-fns-tz', 'dayjs', 'moment', 'moment-timezone', 'luxon', 'zod', 'yup', 'joi',
  'ajv', 'class-validator', 'class-transformer', 'rxjs', 'immer', 'immutable', 'uuid', 'nanoid', 'classnames', 'clsx', 'validator', 'qs',
  'query-string', 'papaparse', 'csv-parse', 'csv-stringify', 'xlsx', 'exceljs', 'pdfkit', 'jspdf', 'marked', 'dompurify', 'sanitize-html',
  'bcrypt', 'bcryptjs', 'argon2', 'jsonwebtoken', 'jose', 'crypto-js', 'handlebars', 'mustache', 'ejs', 'pug', 'chalk', 'react', 'react-dom',
  'vue', '@angular/core', '@angular/common', '@angular/forms', '@angular/router', 'tslib', 'reflect-metadata', 'class-variance-authority',
  'typescript',
];

/**
 * Packages that use the network to reach the project's own infrastructure, not a third party: database drivers and
 * ORMs (storage is `require-retention`'s business), caches and queues, web frameworks and servers, loggers (their
 * transports are configured by the project), the project's own API clients and the HTTP clients avglint models
 * itself. The host's scan would find network code in all of them; none is an unknown recipient.
 */
export const INFRASTRUCTURE_PACKAGES: readonly string[] = [
  'pg', 'pg-promise', 'postgres', 'mysql', 'mysql2', 'sqlite', 'sqlite3', 'better-sqlite3', 'mssql', 'tedious', 'oracledb', 'mongodb', 'mongoose',
  'redis', 'ioredis', '@redis/', '@prisma/', 'prisma', 'typeorm', 'sequelize', 'knex', 'kysely', 'drizzle-orm', '@mikro-orm/', 'slonik',
  'objection', 'dexie', 'idb', 'localforage', 'amqplib', 'kafkajs', 'nats', 'bull', 'bullmq', 'bee-queue', 'agenda', 'node-cron',
  'express', 'fastify', '@fastify/', 'koa', '@koa/', 'hapi', '@hapi/', 'restify', '@nestjs/', 'next', 'nuxt', '@sveltejs/', 'socket.io',
  'socket.io-client', 'ws', 'graphql', '@apollo/', 'apollo-server', 'apollo-server-express', '@trpc/', 'cors', 'helmet', 'body-parser',
  'multer', 'cookie-parser', 'express-session', 'passport', 'dotenv', 'config', 'winston', 'pino', 'bunyan', 'debug', 'morgan',
  '@angular/', 'react-native', '@react-native/', '@react-navigation/', 'expo', '@capacitor/', '@ionic/', 'electron', 'vite', 'webpack',
  'axios', 'got', 'ky', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici', 'superagent', 'request', 'needle', 'ofetch',
  '@ngrx/', '@ngxs/', 'redux', '@reduxjs/', 'zone.js', 'http-proxy', 'http-proxy-middleware', 'jest', 'vitest', 'mocha', 'supertest',
  // The project's own cloud account (its storage and queues are require-retention's business).
  'aws-sdk', '@aws-sdk/', '@google-cloud/', '@azure/', 'minio',
  'nock', 'msw', 'playwright', '@playwright/', 'puppeteer', 'cheerio', 'jsdom', 'eslint', '@typescript-eslint/', 'vscode-languageserver',
  'vscode-languageclient', 'vscode-jsonrpc',
];

/** The package a module specifier belongs to: `@scope/name` or `name` (`lodash/get` → `lodash`); none for relative paths. */
export function packageOf(module: string): string | undefined {
  if (module.startsWith('.') || module.startsWith('/') || module.startsWith('node:') || module === '') return undefined;
  const parts = module.split('/');
  return module.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
}

/** Whether a package is a destination: a known SDK family or one the host found to reach the network, and not pure. */
export function isNetworkPackage(name: string, hostFound: ReadonlySet<string> | undefined): boolean {
  if (PURE_PACKAGES.includes(name)) return false;
  if (inFamily(name, NETWORK_SDK_FAMILIES)) return true;
  if (inFamily(name, INFRASTRUCTURE_PACKAGES)) return false;
  return hostFound?.has(name) ?? false;
}

function inFamily(name: string, families: readonly string[]): boolean {
  return families.some((family) => (family.endsWith('/') ? name.startsWith(family) : name === family));
}

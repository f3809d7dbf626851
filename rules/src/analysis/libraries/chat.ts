/**
 * Chat and bot SDKs: what a bot sends into a channel, a direct message or a webhook leaves the school for the chat
 * service. Only operations that send are sinks; a local helper the SDK exports (discord.js `Collection`, a cache's
 * `get`/`set`) is not a transfer.
 */
import type { Library } from './types';

const ALL_ARGUMENTS = [{ data: [{ from: 0, role: 'message' }] }] as const;

export const CHAT_SDKS: readonly Library[] = [
  {
    id: 'discord.js',
    family: 'chat',
    label: 'discord.js',
    modules: ['discord.js'],
    types: ['Client', 'Message', 'TextChannel', 'DMChannel', 'NewsChannel', 'ThreadChannel', 'VoiceChannel', 'TextBasedChannel', 'GuildTextBasedChannel', 'SendableChannels', 'Channel', 'User', 'GuildMember', 'Interaction', 'BaseInteraction', 'CommandInteraction', 'ChatInputCommandInteraction', 'ButtonInteraction', 'StringSelectMenuInteraction', 'ModalSubmitInteraction', 'MessageComponentInteraction', 'Webhook', 'WebhookClient', 'Guild'],
    importedInstanceNames: /^(?:client|discordClient)$/,
    hosts: ['discord.com'],
    makers: [
      { from: ['module'], construct: ['Client', 'WebhookClient'], makes: 'instance' },
      { from: ['instance'], call: ['on', 'once'], callback: { arg: 'last', param: 0 }, makes: 'instance' },
      { from: ['instance'], call: ['fetch', 'get', 'first', 'last', 'find', 'resolve', 'createDM', 'createWebhook', 'send', 'reply'], depth: 'any', makes: 'instance' },
      // The REST router (`client.api.interactions(id, token).callback.post({ data })`, discord.js 12): each route
      // segment called is a route; its `post`/`patch`/`put` send.
      { from: ['instance'], call: ['*'], under: 'api', depth: 'any', makes: 'request' },
      { from: ['request'], call: ['*'], depth: 'any', makes: 'request' },
    ],
    operations: [
      { on: ['instance'], methods: ['send', 'reply', 'followUp', 'editReply', 'edit', 'update'], depth: 'any', shapes: ALL_ARGUMENTS, destination: 'library' },
      { on: ['request'], methods: ['post', 'patch', 'put'], depth: 'any', shapes: [{ data: [{ arg: 0, keys: ['data', 'files', 'query'] }] }], destination: 'library' },
    ],
    sinks: '`send`, `reply`, `followUp`, `editReply`, `edit`, `update` on a client, message, channel, user, interaction or `WebhookClient` (also in `client.on(event, …)` callbacks); `post`/`patch`/`put` (`data`, `files`, `query`) on a REST route of `client.api`',
  },
  {
    id: 'telegraf',
    family: 'chat',
    label: 'Telegraf (Telegram)',
    modules: ['telegraf'],
    types: ['Telegraf', 'Context', 'Telegram'],
    hosts: ['api.telegram.org'],
    makers: [
      { from: ['module'], construct: ['Telegraf', 'Telegram'], makes: 'instance' },
      { from: ['instance'], call: ['on', 'command', 'start', 'help', 'hears', 'action', 'use'], callback: { arg: 'last', param: 0 }, makes: 'instance' },
    ],
    operations: [
      {
        on: ['instance'],
        methods: ['reply', 'replyWithMarkdown', 'replyWithMarkdownV2', 'replyWithHTML', 'replyWithPhoto', 'replyWithDocument', 'sendMessage', 'sendPhoto', 'sendDocument', 'editMessageText'],
        depth: 'any',
        shapes: ALL_ARGUMENTS,
        destination: 'library',
      },
    ],
    sinks: '`ctx.reply…`, `sendMessage`, `sendPhoto`, `sendDocument`, `editMessageText` (also `bot.telegram.sendMessage`)',
  },
  {
    id: 'node-telegram-bot-api',
    family: 'chat',
    label: 'node-telegram-bot-api',
    modules: ['node-telegram-bot-api'],
    hosts: ['api.telegram.org'],
    makers: [{ from: ['module'], construct: ['()'], makes: 'instance' }],
    operations: [{ on: ['instance'], methods: ['sendMessage', 'sendPhoto', 'sendDocument', 'sendContact', 'sendLocation', 'editMessageText'], shapes: ALL_ARGUMENTS, destination: 'library' }],
    sinks: '`bot.sendMessage`, `sendPhoto`, `sendDocument`, `sendContact`, `sendLocation`, `editMessageText`',
  },
  {
    id: 'whatsapp-web.js',
    family: 'chat',
    label: 'whatsapp-web.js (WhatsApp Web)',
    modules: ['whatsapp-web.js'],
    types: ['Client', 'Message', 'Chat', 'GroupChat', 'PrivateChat', 'Contact'],
    hosts: ['web.whatsapp.com'],
    makers: [
      { from: ['module'], construct: ['Client'], makes: 'instance' },
      { from: ['instance'], call: ['on', 'once'], callback: { arg: 'last', param: 0 }, makes: 'instance' },
      { from: ['instance'], call: ['getChatById', 'getChats', 'getChat', 'getContactById', 'getContact', 'getQuotedMessage'], depth: 'any', makes: 'instance' },
    ],
    operations: [{ on: ['instance'], methods: ['sendMessage', 'reply', 'forward', 'edit'], depth: 'any', shapes: ALL_ARGUMENTS, destination: 'library' }],
    sinks: '`sendMessage`, `reply`, `forward`, `edit` on a client, message, chat or contact (also in `client.on(\'message\', msg => …)` callbacks)',
  },
  {
    id: 'slack',
    family: 'chat',
    label: 'Slack (@slack/web-api, @slack/webhook, @slack/bolt)',
    modules: ['@slack/web-api', '@slack/webhook', '@slack/bolt'],
    types: ['WebClient', 'IncomingWebhook'],
    hosts: ['slack.com', 'hooks.slack.com'],
    makers: [{ from: ['module'], construct: ['WebClient', 'IncomingWebhook', 'App'], makes: 'instance' }],
    operations: [{ on: ['instance'], methods: ['postMessage', 'postEphemeral', 'scheduleMessage', 'update', 'send'], depth: 'any', shapes: ALL_ARGUMENTS, destination: 'library' }],
    sinks: '`chat.postMessage`, `postEphemeral`, `scheduleMessage`, `update` on a `WebClient`; `send` on an `IncomingWebhook`',
  },
];

/**
 * Endpoints of the systems this service talks to. They are constants on purpose: avglint resolves the destination of
 * every request from them, and the FG can see in one file where pupil data goes.
 *
 * Somtoday's hosts are the real ones (Somtoday Connect API). The other paths are illustrative; the hosts match the
 * catalogue's entries. The uitgeverij and the zorgpartner are placeholders under the reserved `.example` domain,
 * because the privacyverklaring names neither.
 */
export const SOMTODAY_TOKEN_URL = 'https://inloggen.somtoday.nl/oauth2/token';
export const SOMTODAY_API_URL = 'https://api.somtoday.nl/rest/v1';

export const LEERMIDDELEN_API_URL = 'https://api.leermiddelen-uitgeverij.example/v2';
export const CITO_API_URL = 'https://afname.cito.nl/api/v1';
export const DUO_BRON_URL = 'https://bron.duo.nl/vo/v1';
export const ZORGPARTNER_URL = 'https://portaal.zorgpartner.example/api/v1';
export const MAGISTER_URL = 'https://veluwse.magister.net';
export const GA_MEASUREMENT_URL = 'https://www.google-analytics.com/mp/collect';

/** The team channel for sync failures. Slack is not a recipient in the catalogue: nothing personal may go there. */
export const SLACK_WEBHOOK_URL = 'https://hooks.slack.com/services/T0VOG/B0SYNC/sync-meldingen';

export const VESTIGING_UUID = process.env['SOMTODAY_VESTIGING_UUID'] ?? '';
export const BRIN = process.env['BRIN'] ?? '';

/**
 * Client for the uitgeverij's API. Everything sent through it goes to the host in LEERMIDDELEN_API_URL, a verwerker
 * under the Privacyconvenant that may receive the ECK iD, name, klas and results — never the BSN.
 */
import axios from 'axios';
import { LEERMIDDELEN_API_URL } from '../config';

export const leermiddelenApi = axios.create({
  baseURL: LEERMIDDELEN_API_URL,
  timeout: 10_000,
  headers: { 'X-Api-Key': process.env['LEERMIDDELEN_API_KEY'] ?? '' },
});

/**
 * Working notes of the zorgcoördinator and the interne begeleiders, kept beside Magister's zorgdossier in MongoDB.
 */
import { model, Schema } from 'mongoose';

export interface Zorgnotitie {
  leerlingUuid: string;
  auteur: string;
  handelingsplan?: string;
  notitie: string;
}

/**
 * Part of the speciaal zorgdossier, so it follows the leerlingdossier term.
 *
 * @retention leerlingdossier
 */
export const ZorgnotitieSchema = new Schema<Zorgnotitie>(
  {
    leerlingUuid: { type: String, required: true, index: true },
    auteur: { type: String, required: true },
    handelingsplan: { type: String },
    notitie: { type: String, required: true },
  },
  { timestamps: true, collection: 'zorgnotities' },
);

export const ZorgnotitieModel = model('Zorgnotitie', ZorgnotitieSchema);

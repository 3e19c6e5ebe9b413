// The fields of a tech inventory item and of a workspace's licence deny list, as zod schemas with
// messages a person can act on: shared by the tech router and the tech page's forms.
import { z } from 'zod';
import { techEcosystems, techKinds, techQuadrants, techRings } from '@/db/schema/tech';
import { planDateSchema } from './dates';
import { maxManifestBytes } from './techManifest';
import { maxDependencyNameLength, maxVersionLength } from './manifestParts';

export const techName = z.string().trim().min(1, 'is required').max(maxDependencyNameLength, `must be at most ${maxDependencyNameLength} characters`);
export const techKind = z.enum(techKinds, `must be one of ${techKinds.join(', ')}`);
export const techQuadrant = z.enum(techQuadrants, `must be one of ${techQuadrants.join(', ')}`);
export const techRing = z.enum(techRings, `must be one of ${techRings.join(', ')}`);
export const techEcosystem = z.enum(techEcosystems, `must be one of ${techEcosystems.join(', ')}`);
export const techVersion = z.string().trim().max(maxVersionLength, `must be at most ${maxVersionLength} characters`);
export const techOwnerName = z.string().trim().max(120, 'must be at most 120 characters');
export const techLicence = z.string().trim().max(200, 'must be at most 200 characters');
export const techNotes = z.string().trim().max(4000, 'must be at most 4000 characters');
export const techRingReason = z.string().trim().max(1000, 'must be at most 1000 characters');
/** Cents a month: whole, not negative, at most 10 million a month. */
export const techCostCents = z.number('must be a number of cents').int('must be whole cents').min(0, 'cannot be negative').max(1_000_000_000, 'must be at most 1,000,000,000 cents (10 million a month)');
export const techEolDate = planDateSchema;

/** A licence on the deny list: an SPDX identifier such as AGPL-3.0 (or whatever a vendor calls it). */
export const deniedLicence = z.string().trim().min(1, 'a licence cannot be empty').max(100, 'a licence must be at most 100 characters');
export const deniedLicenceList = z.array(deniedLicence).max(100, 'at most 100 licences');

/** A manifest's text, at most 2 MB (checked again in bytes, with the file named, when it is read). */
export const manifestContent = z.string().max(maxManifestBytes, 'must be at most 2 MB');
export const manifestFileName = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');

import { Type, Static } from '@sinclair/typebox';

/**
 * Personal data as it travels and rests outside the intake service: sealed with the person's
 * own data key (AES-256-GCM). Destroying that key makes every copy unreadable.
 */
export const SealedPersonalData = Type.Object(
  {
    keyId: Type.String({ minLength: 1 }),
    algorithm: Type.Literal('AES-256-GCM'),
    iv: Type.String({ minLength: 1 }),
    ciphertext: Type.String({ minLength: 1 }),
    authTag: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type SealedPersonalData = Static<typeof SealedPersonalData>;

/**
 * Text another service records about her that identifies her, sealed with her key by intake
 * (which alone holds it) at that service's request, each kind for a purpose of its own: the
 * counsellor's notes, the name of the shelter she stays in, her employer's or enterprise's name.
 */
export const identifyingTextKinds = ['counselling-notes', 'shelter-name', 'employer', 'skill-training'] as const;
export type IdentifyingTextKind = (typeof identifyingTextKinds)[number];

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, ValidateNested } from 'class-validator';
import { identifyingTextKinds, IdentifyingTextKind } from '@mukti/contracts';
import { TextLength } from '../fields';

/** The longest counselling notes a counsellor may write, in characters. */
export const MAX_COUNSELLING_NOTES_LENGTH = 20000;

/**
 * The longest ciphertext (base64) of sealed notes: the vault seals `{"notes":"…"}`, where one
 * character takes at most 6 bytes (a control character escaped as \u001f; Devanagari takes 3).
 * A 40,000 cap let a counsellor seal 20,000 characters of Hindi that could then never be opened.
 */
export const MAX_SEALED_NOTES_LENGTH = 4 * Math.ceil((6 * MAX_COUNSELLING_NOTES_LENGTH + '{"notes":""}'.length) / 3);

/**
 * How many sealed notes one request to intake opens: at most so many, and so many characters of
 * ciphertext in all (the longest notes alone fit; the body stays under the 256 kB limit).
 */
export const OPEN_NOTES_BATCH = { sessions: 200, characters: 200_000 } as const;

/** The longest text of each kind, in characters, as the staff requests that carry it allow. */
// A skill training's text is the JSON { trade, provider } (120 and 200 characters, quoted).
const identifyingTextMaxLength: Record<IdentifyingTextKind, number> = { 'counselling-notes': MAX_COUNSELLING_NOTES_LENGTH, 'shelter-name': 120, employer: 200, 'skill-training': 2_000 };

/** Service to service (rehabilitation or livelihood to intake): text that identifies her, to seal with her key. */
export class SealIdentifyingTextRequest {
  @ApiProperty({ enum: identifyingTextKinds }) @IsIn(identifyingTextKinds) kind!: IdentifyingTextKind;
  /** Up to 20,000 characters for notes, 120 for a shelter's name, 200 for an employer's (`identifyingTextTooLong`). */
  @ApiProperty({ minLength: 1, maxLength: MAX_COUNSELLING_NOTES_LENGTH }) @IsString() @TextLength(1, MAX_COUNSELLING_NOTES_LENGTH) text!: string;
}

/** The text is no longer than its kind allows (the staff request was checked too: this is the door intake keeps). */
export function identifyingTextTooLong(request: SealIdentifyingTextRequest): boolean {
  return [...request.text].length > identifyingTextMaxLength[request.kind];
}

export class SealedValueDto {
  @ApiProperty() @IsString() @TextLength(1, 100) keyId!: string;
  @ApiProperty({ enum: ['AES-256-GCM'] }) @IsIn(['AES-256-GCM']) algorithm!: 'AES-256-GCM';
  @ApiProperty() @IsString() @TextLength(1, 100) iv!: string;
  @ApiProperty({ maxLength: MAX_SEALED_NOTES_LENGTH }) @IsString() @TextLength(1, MAX_SEALED_NOTES_LENGTH) ciphertext!: string;
  @ApiProperty() @IsString() @TextLength(1, 100) authTag!: string;
}

/**
 * Service to service: sealed values of one kind to open for a member of her case team, in order
 * (a batch: see OPEN_NOTES_BATCH). Intake opens each only as that kind, for the roles that read it
 * (`identifyingTextReaders`).
 */
export class OpenIdentifyingTextRequest {
  @ApiProperty({ enum: identifyingTextKinds }) @IsIn(identifyingTextKinds) kind!: IdentifyingTextKind;

  @ApiProperty({ type: [SealedValueDto] })
  @IsArray()
  @ArrayMaxSize(OPEN_NOTES_BATCH.sessions)
  @ValidateNested({ each: true })
  @Type(() => SealedValueDto)
  sealed!: SealedValueDto[];
}

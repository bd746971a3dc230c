import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length, ValidateNested } from 'class-validator';
import { identifyingTextKinds, IdentifyingTextKind } from '@mukti/contracts';

/** The longest text of each kind, as the staff requests that carry it allow. */
const identifyingTextMaxLength: Record<IdentifyingTextKind, number> = { 'counselling-notes': 20000, 'shelter-name': 120, employer: 200 };

/** Service to service (rehabilitation or livelihood to intake): text that identifies her, to seal with her key. */
export class SealIdentifyingTextRequest {
  @ApiProperty({ enum: identifyingTextKinds }) @IsIn(identifyingTextKinds) kind!: IdentifyingTextKind;
  /** Up to 20,000 characters for notes, 120 for a shelter's name, 200 for an employer's (`identifyingTextTooLong`). */
  @ApiProperty({ minLength: 1, maxLength: 20000 }) @IsString() @Length(1, 20000) text!: string;
}

/** The text is no longer than its kind allows (the staff request was checked too: this is the door intake keeps). */
export function identifyingTextTooLong(request: SealIdentifyingTextRequest): boolean {
  return request.text.length > identifyingTextMaxLength[request.kind];
}

export class SealedValueDto {
  @ApiProperty() @IsString() @Length(1, 100) keyId!: string;
  @ApiProperty({ enum: ['AES-256-GCM'] }) @IsIn(['AES-256-GCM']) algorithm!: 'AES-256-GCM';
  @ApiProperty() @IsString() @Length(1, 100) iv!: string;
  @ApiProperty() @IsString() @Length(1, 40000) ciphertext!: string;
  @ApiProperty() @IsString() @Length(1, 100) authTag!: string;
}

/** Service to service: sealed notes to open for a counsellor, in order. */
export class OpenCounsellingNotesRequest {
  @ApiProperty({ type: [SealedValueDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SealedValueDto)
  sealed!: SealedValueDto[];
}

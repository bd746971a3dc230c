import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length, ValidateNested } from 'class-validator';

/** Service to service (rehabilitation to intake): notes to seal with her key. */
export class SealCounsellingNotesRequest {
  @ApiProperty({ minLength: 1, maxLength: 20000 }) @IsString() @Length(1, 20000) notes!: string;
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

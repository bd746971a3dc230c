/** Request bodies of the household endpoints (intake): who lives together, where, and how vulnerable they are. */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { TextLength } from '../fields';
import { vulnerabilityFactors, VulnerabilityFactor } from '@mukti/contracts';

export class HouseholdPlaceDto {
  @ApiProperty({ example: 'West Bengal' }) @IsString() @TextLength(2, 80) state!: string;
  @ApiProperty({ example: 'South 24 Parganas' }) @IsString() @TextLength(2, 80) district!: string;
  @ApiProperty({ example: 'Canning II, Ward 7' }) @IsString() @TextLength(2, 120) villageOrWard!: string;
}

export class RegisterHouseholdRequest {
  @ApiProperty({ type: HouseholdPlaceDto }) @IsObject() @ValidateNested() @Type(() => HouseholdPlaceDto) place!: HouseholdPlaceDto;

  @ApiProperty({ type: [String], format: 'uuid', uniqueItems: true, description: 'people registered in intake (survivors or at risk) who live in it' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds!: string[];
}

export class AddHouseholdMemberRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId!: string;
}

export class AssessHouseholdRequest {
  @ApiProperty({ enum: vulnerabilityFactors, isArray: true, uniqueItems: true, description: "the person assessment's factors, for the household" })
  @IsArray()
  @ArrayMaxSize(vulnerabilityFactors.length)
  @ArrayUnique()
  @IsIn(vulnerabilityFactors, { each: true })
  factors!: VulnerabilityFactor[];

  @ApiProperty({ minimum: 0, description: "the household's income per month, in rupees" }) @IsInt() @Min(0) monthlyIncomeInr!: number;
  @ApiProperty({ minimum: 0, description: 'what the household owes, in rupees' }) @IsInt() @Min(0) debtInr!: number;
  @ApiProperty({ minimum: 0, maximum: 30, description: 'people who depend on its earners' }) @IsInt() @Min(0) @Max(30) dependants!: number;
}

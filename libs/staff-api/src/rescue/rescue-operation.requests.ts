import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PlaceDto } from '../intake/register-person.request';
import { legalBases, placeKinds, policeRecords, postRescueSteps, rescueAgencies, rescueKinds } from '@mukti/contracts';

/** A place (state, district) and what kind of place it is. */
export class RescuePlaceDto extends PlaceDto {
  @ApiProperty({ enum: placeKinds }) @IsIn(placeKinds) kindOfPlace!: (typeof placeKinds)[number];
}

export class PlanRescueOperationRequest {
  @ApiProperty({ enum: rescueKinds }) @IsIn(rescueKinds) kind!: (typeof rescueKinds)[number];

  @ApiProperty({ type: RescuePlaceDto })
  @ValidateNested()
  @Type(() => RescuePlaceDto)
  place!: RescuePlaceDto;

  @ApiProperty({ enum: rescueAgencies, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(rescueAgencies, { each: true })
  agencies!: (typeof rescueAgencies)[number][];

  @ApiProperty({ enum: legalBases }) @IsIn(legalBases) legalBasis!: (typeof legalBases)[number];

  @ApiProperty({ description: 'the officer in charge, by rank and unit', example: 'Inspector, AHTU Mumbai' })
  @IsString()
  @Length(2, 120)
  leadOfficer!: string;

  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) plannedFor!: string;
}

export class RescuedPersonDto {
  @ApiProperty({ format: 'uuid', description: 'registered in intake first' }) @IsUUID() personId!: string;
  @ApiProperty({ enum: policeRecords, description: 'how the police recorded her; accused raises the decriminalisation alert' })
  @IsIn(policeRecords)
  policeRecordedAs!: (typeof policeRecords)[number];
  @ApiPropertyOptional({ minimum: 0, maximum: 120 }) @IsOptional() @IsInt() @Min(0) @Max(120) ageAtRescue?: number;
}

export class SearchWitnessesDto {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(50) total!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(50) women!: number;
}

export class RecordRescueRequest {
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) carriedOutAt!: string;

  @ApiProperty({ type: SearchWitnessesDto, description: 'ITPA s.15: at least two local witnesses, one a woman' })
  @ValidateNested()
  @Type(() => SearchWitnessesDto)
  searchWitnesses!: SearchWitnessesDto;

  @ApiProperty({ type: [RescuedPersonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RescuedPersonDto)
  persons!: RescuedPersonDto[];
}

export class RecordPostRescueStepRequest {
  @ApiProperty({ enum: postRescueSteps }) @IsIn(postRescueSteps) step!: (typeof postRescueSteps)[number];
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) doneAt!: string;
}

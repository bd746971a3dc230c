import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PlaceDto } from '../intake/register-person.request';
import { StaffIdField, TextLength } from '../fields';
import {
  exploitationTypes,
  legalBases,
  meansOfControl,
  placeKinds,
  policeRecords,
  postRescueSteps,
  recruitmentMethods,
  relationshipsToTrafficker,
  rescueAgencies,
  rescueKinds,
  traffickingStatuses,
} from '@mukti/contracts';
import { Instant } from '../fields';

/** A place (state, district) and what kind of place it is. */
export class RescuePlaceDto extends PlaceDto {
  @ApiProperty({ enum: placeKinds }) @IsIn(placeKinds) kindOfPlace!: (typeof placeKinds)[number];
}

export class PlanRescueOperationRequest {
  @ApiProperty({ enum: rescueKinds }) @IsIn(rescueKinds) kind!: (typeof rescueKinds)[number];

  @ApiProperty({ type: RescuePlaceDto })
  @IsObject() @ValidateNested()
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
  @TextLength(2, 120)
  leadOfficer!: string;

  @ApiProperty({ format: 'date-time' }) @Instant() plannedFor!: string;
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
  @ApiProperty({ format: 'date-time' }) @Instant() carriedOutAt!: string;

  @ApiProperty({ type: SearchWitnessesDto, description: 'ITPA s.15: at least two local witnesses, one a woman' })
  @IsObject() @ValidateNested()
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
  @ApiProperty({ format: 'date-time' }) @Instant() doneAt!: string;
}

/** A place in the trafficking route: a country and, in India, state and district. */
export class TraffickingPlaceDto {
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'NP' }) @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @TextLength(2, 80) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @TextLength(2, 80) district?: string;
}

/** Her trafficking profile in the HTCDS v2 vocabulary; recorded again when more is learnt (the latest stands). */
export class RecordTraffickingProfileRequest {
  @ApiProperty({ enum: traffickingStatuses }) @IsIn(traffickingStatuses) traffickingStatus!: (typeof traffickingStatuses)[number];

  @ApiProperty({ enum: exploitationTypes, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(exploitationTypes, { each: true })
  exploitationTypes!: (typeof exploitationTypes)[number][];

  @ApiProperty({ enum: recruitmentMethods }) @IsIn(recruitmentMethods) recruitmentMethod!: (typeof recruitmentMethods)[number];

  @ApiProperty({ enum: meansOfControl, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(meansOfControl, { each: true })
  meansOfControl!: (typeof meansOfControl)[number][];

  @ApiProperty({ enum: relationshipsToTrafficker })
  @IsIn(relationshipsToTrafficker)
  relationshipToTrafficker!: (typeof relationshipsToTrafficker)[number];

  @ApiPropertyOptional({ type: TraffickingPlaceDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => TraffickingPlaceDto) source?: TraffickingPlaceDto;

  @ApiPropertyOptional({ type: [TraffickingPlaceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TraffickingPlaceDto)
  transit?: TraffickingPlaceDto[];

  @ApiPropertyOptional({ type: TraffickingPlaceDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => TraffickingPlaceDto) destination?: TraffickingPlaceDto;

  @ApiProperty({ format: 'date-time' }) @Instant() recordedAt!: string;
}

export class RecordPoliceRecordChangeRequest {
  @ApiProperty({ enum: policeRecords, description: 'how the police record her now; victim or witness closes the decriminalisation alert' })
  @IsIn(policeRecords)
  policeRecordedAs!: (typeof policeRecords)[number];
  @ApiProperty({ format: 'date-time' }) @Instant() changedAt!: string;
}

export class CloseRescueOperationRequest {
  @ApiProperty({ format: 'date-time' }) @Instant() closedAt!: string;
}

export class RescuedPersonView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: policeRecords }) policeRecordedAs!: string;
  @ApiProperty({ enum: ['child', 'adult', 'unknown'] }) jjAgeClass!: string;
  @ApiProperty({ description: 'each step with its due time, and whether it is done, done late or flagged overdue' })
  steps!: { step: string; dueAt: string; done: boolean; late: boolean; overdue: boolean }[];
  @ApiPropertyOptional({ description: 'the latest trafficking profile (coded)' }) profile?: Record<string, unknown>;
}

/** Adds a coordinator to the operation's team: the team reads it and acts on it. */
export class JoinRescueOperationTeamRequest {
  @StaffIdField()
  staffId!: string;
}

/** An operation as its coordinator follows it: the plan, who was rescued, the steps, the closure. No personal data. */
export class RescueOperationView {
  @ApiProperty({ format: 'uuid' }) operationId!: string;
  @ApiProperty({ enum: ['planned', 'carried-out'] }) status!: string;
  @ApiProperty() plan!: Record<string, unknown>;
  @ApiPropertyOptional({ format: 'date-time' }) carriedOutAt?: string;
  @ApiProperty({ type: [RescuedPersonView], description: 'the persons rescued on whose case team you are (an admin with a reason: everyone)' })
  persons!: RescuedPersonView[];
  @ApiProperty({ description: 'how many persons were rescued in all, including those not shown to you' }) personsRescued!: number;
  @ApiProperty({ type: [String], description: "the coordinators on the operation's team, by staff id" }) team!: string[];
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
}

/**
 * The staff API's request and response shapes, shared by the gateway (which validates and
 * documents them) and the owning service (which validates them again: it trusts no caller).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AgeInYearsField, BirthYearField, CalendarDate, ContainsALetter, TextLength } from '../fields';
import { genders, personRoles, referralSources, Gender, PersonRole, ReferralSource } from '@mukti/contracts';

export class PlaceDto {
  @ApiProperty({ example: 'West Bengal' })
  @IsString()
  @TextLength(2, 80)
  state!: string;

  @ApiProperty({ example: 'North 24 Parganas' })
  @IsString()
  @TextLength(2, 80)
  district!: string;
}

/**
 * Who someone is: name, aliases, phone, address. Personal data, whoever it describes (a survivor,
 * a person at risk, a perpetrator): sealed with that person's own key as soon as a service has it.
 */
export class IdentityDetails {
  @ApiProperty({ description: "personal data: sealed with the person's own key; it contains a letter", example: 'Rani Das' })
  @IsString()
  @TextLength(1, 200)
  @ContainsALetter()
  name!: string;

  @ApiPropertyOptional({ type: [String], description: 'personal data' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @TextLength(1, 200, { each: true })
  @ContainsALetter({ each: true })
  aliases?: string[];

  @ApiPropertyOptional({ description: 'personal data', example: '+91 98300 00000' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{5,19}$/, { message: 'phone must be digits, spaces, dashes or brackets, optionally starting with +' })
  phone?: string;

  @ApiPropertyOptional({ description: 'personal data' })
  @IsOptional()
  @IsString()
  @TextLength(1, 500)
  address?: string;
}

export class RegisterPersonRequest extends IdentityDetails {
  @ApiProperty({ enum: personRoles, description: 'a survivor of exploitation, or a person at risk' })
  @IsIn(personRoles)
  role!: PersonRole;

  @CalendarDate('birthDate', 'personal data (YYYY-MM-DD); only the age band leaves the intake service', { optional: true })
  birthDate?: string;

  @BirthYearField()
  birthYear?: number;

  @AgeInYearsField('age in years when neither birth date nor year is known')
  age?: number;

  @ApiProperty({ enum: genders })
  @IsIn(genders)
  gender!: Gender;

  @ApiPropertyOptional({ type: PlaceDto, description: 'where she comes from (source of the trafficking flow)' })
  @IsOptional()
  @IsObject() @ValidateNested()
  @Type(() => PlaceDto)
  origin?: PlaceDto;

  @ApiPropertyOptional({ type: [String], example: ['bn', 'hi'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @TextLength(2, 40, { each: true })
  languages?: string[];

  @ApiProperty({ enum: referralSources })
  @IsIn(referralSources)
  referralSource!: ReferralSource;
}

export class RegisterPersonResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ageDeterminationMethods, AgeDeterminationMethod } from '@mukti/contracts';
import { AgeInYearsField, AtLeastOneOf, BirthYearField, CalendarDate } from '../fields';

/**
 * Her age as a document, an examination or a finding gives it: a birth date, a birth year, or an
 * age on the day it was determined (an examination's estimate: the lower end of its range, the
 * benefit of the doubt the Juvenile Justice Act gives a child). At least one of the three.
 */
@AtLeastOneOf('birthDate', 'birthYear', 'age')
export class DetermineAgeRequest {
  @ApiProperty({ enum: ageDeterminationMethods, description: 'school or birth certificate first; a medical examination only without them (JJ Act s.94)' })
  @IsIn(ageDeterminationMethods)
  method!: AgeDeterminationMethod;

  @CalendarDate('determinedOn', 'the day the document was seen, the examination made or the finding given; not in the future')
  determinedOn!: string;

  @CalendarDate('birthDate', 'her birth date as determined: personal data, kept sealed in intake; only her band leaves it', { optional: true })
  birthDate?: string;

  @BirthYearField()
  birthYear?: number;

  @AgeInYearsField('her age in years on the day determined, where neither birth date nor year is known')
  age?: number;
}

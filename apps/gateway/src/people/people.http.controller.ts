import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { IdParam, StaffEndpoint, ServiceClient } from '@mukti/http';
import {
  AssessVulnerabilityRequest,
  AssignStaffRequest,
  CaseTeamMemberView,
  ErasePersonRequest,
  DetermineAgeRequest,
  endpointRoles,
  FindPeopleQuery,
  TimelineQuery,
  PeopleView,
  PersonSummaryView,
  PersonView,
  RecordConsentRequest,
  RecordedResponse,
  RegisterPersonRequest,
  RegisterPersonResponse,
  TimelineView,
} from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { queryString } from '../upstream/query-string';
import { INTAKE, PROJECTION } from '../upstream/service-client';

/**
 * People: registration, consent and vulnerability go to the intake service, which owns them;
 * the timeline and summary come from the projection. The gateway validates and authorises;
 * it holds no domain logic and no data.
 */
@ApiTags('people')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this, or an admin stated no reason' })
@ApiHeader({ name: 'x-access-reason', required: false, description: "admins: why you open this person's record (required for admins; recorded in the audit trail)" })
@Controller('people')
export class PeopleController {
  constructor(
    @Inject(INTAKE) private readonly intake: ServiceClient,
    @Inject(PROJECTION) private readonly projection: ServiceClient,
  ) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('registerPerson')
  @ApiOperation({ summary: 'Register a survivor or a person at risk', description: `Personal data is encrypted with her own key. ${rolesNote(endpointRoles.registerPerson)}` })
  @ApiCreatedResponse({ type: RegisterPersonResponse })
  @ApiBadRequestResponse({ description: 'a field is missing or not valid; details name each field and the reason' })
  @ApiConflictResponse({ description: 'already registered (same name with the same phone or birth date): details.existingId' })
  register(@Body() request: RegisterPersonRequest, @Req() caller: Request): Promise<RegisterPersonResponse> {
    return this.intake.send('POST', '/people', caller, request);
  }

  @Get()
  @StaffEndpoint('findPeople')
  @ApiOperation({
    summary: 'The people on your case teams, filtered by trafficking profile or open alerts',
    description: `Each with the status of the pillars your role sees, open alerts and what falls due next; no personal data. Admins see everyone. ${rolesNote(endpointRoles.findPeople)}`,
  })
  @ApiOkResponse({ type: PeopleView })
  find(@Query() query: FindPeopleQuery, @Req() caller: Request): Promise<PeopleView> {
    return this.projection.send('GET', `/people${queryString(query)}`, caller);
  }

  @Get(':personId')
  @StaffEndpoint('readPerson')
  @ApiOperation({ summary: "A person's record", description: `Personal data in clear only for admins, caseworkers, counsellors and rescue coordinators. ${rolesNote(endpointRoles.readPerson)}` })
  @ApiOkResponse({ type: PersonView })
  @ApiNotFoundResponse()
  read(@IdParam('personId') personId: string, @Req() caller: Request): Promise<PersonView> {
    return this.intake.send('GET', `/people/${personId}`, caller);
  }

  @Post(':personId/consents')
  @HttpCode(201)
  @StaffEndpoint('recordConsent')
  @ApiOperation({ summary: 'Record a consent decision for one scope', description: `The latest decision per scope wins. A child's consent is given by her guardian or the Child Welfare Committee. ${rolesNote(endpointRoles.recordConsent)}` })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'a rule refused it (a date in the future, a child consenting for herself)' })
  recordConsent(
    @IdParam('personId') personId: string,
    @Body() request: RecordConsentRequest,
    @Req() caller: Request,
  ): Promise<RecordedResponse> {
    return this.intake.send('POST', `/people/${personId}/consents`, caller, request);
  }

  @Post(':personId/vulnerability-assessments')
  @HttpCode(201)
  @StaffEndpoint('assessVulnerability')
  @ApiOperation({ summary: 'Record a vulnerability assessment', description: `The level is computed from the factors (docs/vulnerability.md). ${rolesNote(endpointRoles.assessVulnerability)}` })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiNotFoundResponse()
  assessVulnerability(
    @IdParam('personId') personId: string,
    @Body() request: AssessVulnerabilityRequest,
    @Req() caller: Request,
  ): Promise<RecordedResponse> {
    return this.intake.send('POST', `/people/${personId}/vulnerability-assessments`, caller, request);
  }

  @Post(':personId/assignments')
  @HttpCode(204)
  @StaffEndpoint('assignStaff')
  @ApiOperation({ summary: 'Add a staff member to her case team', description: `Staff see a person only when on her case team. A caseworker may assign only on a case she is on. ${rolesNote(endpointRoles.assignStaff)}` })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  assignStaff(
    @IdParam('personId') personId: string,
    @Body() request: AssignStaffRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.intake.send('POST', `/people/${personId}/assignments`, caller, request);
  }

  @Delete(':personId/assignments/:staffId')
  @HttpCode(204)
  @StaffEndpoint('unassignStaff')
  @ApiOperation({ summary: 'Remove a staff member from her case team', description: rolesNote(endpointRoles.unassignStaff) })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  unassignStaff(
    @IdParam('personId') personId: string,
    @Param('staffId') staffId: string,
    @Req() caller: Request,
  ): Promise<void> {
    return this.intake.send('DELETE', `/people/${personId}/assignments/${encodeURIComponent(staffId)}`, caller);
  }

  @Post(':personId/erasure')
  @HttpCode(204)
  @StaffEndpoint('erasePerson')
  @ApiOperation({
    summary: 'Erase her personal data everywhere',
    description:
      'Destroys her data key: every copy of her personal data in every topic, database and backup becomes unreadable. ' +
      'Her timeline keeps its non-identifying entries, marked as erased; she is still counted. Needs x-access-reason. Roles: admin.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  erase(
    @IdParam('personId') personId: string,
    @Body() request: ErasePersonRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.intake.send('POST', `/people/${personId}/erasure`, caller, request);
  }

  @Post(':personId/age-determinations')
  @HttpCode(204)
  @StaffEndpoint('determineAge')
  @ApiOperation({
    summary: 'Record her age as determined',
    description:
      'A school or birth certificate, an identity document, a medical examination or a finding (JJ Act s.94), with the day and a birth date, ' +
      'a birth year or an age on that day (an examination: the lower end of its estimate). Her age band moves from today in intake and every ' +
      'service that keeps a copy, and every child safeguard follows it: consent by a guardian or the CWC, a child care institution, testimony in camera, ' +
      'no voter ID under 18. Her band then moves with her birthdays. The evidence stays sealed in intake; only the band is published. ' +
      rolesNote(endpointRoles.determineAge),
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'a rule refused it (no birth date, birth year or age given; the day in the future); details name the field' })
  determineAge(
    @IdParam('personId') personId: string,
    @Body() request: DetermineAgeRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.intake.send('POST', `/people/${personId}/age-determinations`, caller, request);
  }

  @Get(':personId/timeline')
  @StaffEndpoint('readTimeline')
  @ApiOperation({ summary: 'Her unified timeline across every pillar', description: `No personal data. ${rolesNote(endpointRoles.readTimeline)}` })
  @ApiOkResponse({ type: TimelineView })
  @ApiNotFoundResponse()
  timeline(@IdParam('personId') personId: string, @Query() query: TimelineQuery, @Req() caller: Request): Promise<TimelineView> {
    return this.projection.send('GET', `/people/${personId}/timeline${queryString(query)}`, caller);
  }

  @Get(':personId/summary')
  @StaffEndpoint('readSummary')
  @ApiOperation({ summary: 'Her case at a glance: the status in each pillar', description: rolesNote(endpointRoles.readSummary) })
  @ApiOkResponse({ type: PersonSummaryView })
  @ApiExtraModels(CaseTeamMemberView)
  @ApiNotFoundResponse()
  summary(@IdParam('personId') personId: string, @Req() caller: Request): Promise<PersonSummaryView> {
    return this.projection.send('GET', `/people/${personId}/summary`, caller);
  }
}

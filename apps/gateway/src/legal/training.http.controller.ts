import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { StaffEndpoint, ServiceClient } from '@mukti/http';
import { endpointRoles, RecordedResponse, RecordTrainingSessionRequest, TrainingSessionsQuery, TrainingSessionsView } from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { queryString } from '../upstream/query-string';
import { LEGAL } from '../upstream/service-client';

/**
 * The training of those who enforce the law and care for survivors, with its refreshers: owned
 * by the legal service. The gateway validates and authorises; it holds no domain logic.
 */
@ApiTags('legal: training')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this' })
@ApiBadRequestResponse({ description: 'a field is missing or not valid; details name each field and the reason' })
@Controller('training-sessions')
export class TrainingController {
  constructor(@Inject(LEGAL) private readonly legal: ServiceClient) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('recordTrainingSession')
  @ApiOperation({
    summary: 'Record a training session',
    description:
      'For police and anti-human-trafficking units, prosecutors, the judiciary, Child Welfare Committee members, shelter staff, the labour ' +
      'department or NGO staff, on one topic, with where it was held (state and district). A refresher falls due 12 months later unless ' +
      'refresherDueAt says otherwise; once past due it is flagged overdue until a later session that refreshes it (refreshesTrainingId) is recorded. ' +
      `Participants' names, where given, are personal data, sealed with the session's own key. ${rolesNote(endpointRoles.recordTrainingSession)}`,
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the training session id' })
  @ApiUnprocessableEntityResponse({
    description:
      'a rule refused it; details name the field (heldAt in the future, refresherDueAt not after heldAt, refreshesTrainingId not recorded or this session itself)',
  })
  record(@Body() request: RecordTrainingSessionRequest, @Req() caller: Request): Promise<RecordedResponse> {
    return this.legal.send('POST', '/training-sessions', caller, request);
  }

  @Get()
  @StaffEndpoint('listTrainingSessions')
  @ApiOperation({
    summary: 'The training sessions held',
    description:
      'Most recent first, a page at a time (limit, at most 200, and offset; total says how many in all), each with its refresher due date and ' +
      'whether it is refreshed or overdue; refresherOverdue=true lists only those whose ' +
      `refresher is past due and not held, false the others. Participants' names are not listed. ${rolesNote(endpointRoles.listTrainingSessions)}`,
  })
  @ApiOkResponse({ type: TrainingSessionsView })
  list(@Query() query: TrainingSessionsQuery, @Req() caller: Request): Promise<TrainingSessionsView> {
    return this.legal.send('GET', `/training-sessions${queryString(query)}`, caller);
  }
}

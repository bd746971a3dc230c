import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { CommandContext, PerpetratorPersonalData, SealedPersonalData } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { isProfiled, PerpetratorCommand, perpetratorDecider, PerpetratorState, ProfiledPerpetratorState } from '@mukti/legal-domain';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { PersonalDataVault } from '@mukti/security';

export const PERPETRATORS = Symbol('PERPETRATORS');
export const PERPETRATOR_VAULT = Symbol('PERPETRATOR_VAULT');
export const SOURCE = '/mukti/legal';

/**
 * Perpetrators, one aggregate each. His name, aliases, phone and address are sealed with his own
 * data key, held here by the legal service (never by intake, which holds survivors' keys), so
 * they travel and rest sealed like a survivor's.
 */
@Injectable()
export class PerpetratorStore {
  constructor(
    @Inject(PERPETRATORS) readonly aggregates: AggregateStore<PerpetratorState>,
    @Inject(PERPETRATOR_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  async seal(perpetratorId: string, personalData: PerpetratorPersonalData): Promise<SealedPersonalData> {
    await this.vault.ensureKey(perpetratorId);
    return this.vault.seal(perpetratorId, personalData, 'perpetrator-data');
  }

  /** What of a profile request is his personal data, to be sealed. */
  personalDataOf(request: { name: string; aliases?: string[]; phone?: string; address?: string }): PerpetratorPersonalData {
    return {
      name: request.name,
      ...(request.aliases?.length ? { aliases: request.aliases } : {}),
      ...(request.phone ? { phone: request.phone } : {}),
      ...(request.address ? { address: request.address } : {}),
    };
  }

  /** Crypto-shredding: every sealed copy of his personal data is unreadable from now on. Repeatable. */
  destroyKey(perpetratorId: string): Promise<void> {
    return this.vault.destroyKey(perpetratorId);
  }

  async open(sealed: SealedPersonalData): Promise<PerpetratorPersonalData | undefined> {
    return this.vault.open<PerpetratorPersonalData>(sealed, 'perpetrator-data');
  }

  execute(perpetratorId: string, command: PerpetratorCommand, context: CommandContext) {
    return handleCommand({ store: this.aggregates, decider: perpetratorDecider, aggregateId: perpetratorId, command, context, source: SOURCE });
  }

  async find(perpetratorId: string): Promise<ProfiledPerpetratorState | undefined> {
    const loaded = await this.aggregates.load(perpetratorId);
    return loaded && isProfiled(loaded.state) ? loaded.state : undefined;
  }

  async get(perpetratorId: string): Promise<ProfiledPerpetratorState> {
    const found = await this.find(perpetratorId);
    if (!found) throw new NotFoundException(`perpetrator ${perpetratorId} is not profiled`);
    return found;
  }
}

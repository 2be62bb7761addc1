/**
 * The checkout services the extension speaks to, described once. The lifecycle, notifications, badge,
 * history and views ask this registry; only a service's own folder (and user-facing strings) names it.
 * What a service needs at run time (its client, how to create and follow a checkout) is its adapter,
 * wired by the background (`entrypoints/background/adapters.ts`), so extension pages never load clients.
 */

import { creemService } from './creem/descriptor';
import { demoService } from './demo/descriptor';
import { diddoService } from './diddo/descriptor';
import { shoppexService } from './shoppex/descriptor';
import { smartcheckoutService } from './smartcheckout/descriptor';
import type { ServiceDescriptor } from './service';

export type { PollPlan, ServiceDescriptor, ServiceKind } from './service';

/** Every service, in the order the options page lists them. Adding a service is one folder and one line here. */
export const SERVICES = {
  smartcheckout: smartcheckoutService,
  shoppex: shoppexService,
  creem: creemService,
  diddo: diddoService,
  demo: demoService,
} as const satisfies Record<string, ServiceDescriptor>;

export type ServiceId = keyof typeof SERVICES;
export const SERVICE_IDS = Object.keys(SERVICES) as [ServiceId, ...ServiceId[]];

export function serviceOf(id: ServiceId): ServiceDescriptor {
  return SERVICES[id];
}

export function isServiceId(value: unknown): value is ServiceId {
  return typeof value === 'string' && (SERVICE_IDS as readonly string[]).includes(value);
}

/** True for the built-in demo (simulated: no key, no network, no money). */
export function isSimulated(id: ServiceId): boolean {
  return (SERVICES as Record<string, ServiceDescriptor>)[id]?.simulated === true;
}

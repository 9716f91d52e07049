import type { IntegrationModule } from '../types.ts';
import { manifest } from './manifest.ts';

export const integration: IntegrationModule = { manifest };

import type { IntegrationModule } from '../types.ts';
import { manifest } from './manifest.ts';
import { outlookOAuth } from './oauth.ts';

export const integration: IntegrationModule = { manifest, oauth: outlookOAuth };

import { api } from '@/lib/http/api-client';
import type { NotificationPage } from '@/lib/notifications/types';

// The browser's calls to /api/app/notifications, and their React Query keys.

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
};

export const fetchUnread = () => api<{ unread: number }>('/api/app/notifications/unread-count');
export const fetchNotifications = (cursor?: string) => api<NotificationPage>(`/api/app/notifications${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
export const markNotificationsRead = (body: { ids: string[] } | { all: true }) => api<{ unread: number }>('/api/app/notifications/read', { method: 'POST', json: body });

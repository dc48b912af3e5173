import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Notification, NotificationIdParams, NotificationList, NotificationListQuery } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireAuth } from '../../plugins/auth';
import * as notifications from './notifications.service';

export default async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/notifications', {
    preHandler: [requireAuth],
    schema: {
      tags: ['notifications'],
      summary: 'My in-app notifications, newest first, with the unread count',
      security: [{ bearerAuth: [] }],
      querystring: NotificationListQuery,
      response: { 200: NotificationList, ...errorResponses(400, 401) },
    },
    handler: async (request) => notifications.listMyNotifications(app.db, principalOf(request).userId, request.query),
  });

  routes.post('/notifications/:id/read', {
    preHandler: [requireAuth],
    schema: {
      tags: ['notifications'],
      summary: 'Mark one of my notifications as read',
      security: [{ bearerAuth: [] }],
      params: NotificationIdParams,
      response: { 200: Notification, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => notifications.markNotificationRead(app.db, principalOf(request).userId, request.params.id),
  });
}

/** Where a member's picture is served (app/api/avatars/[assetId]: members of its workspace only). */
export const avatarPath = (assetId: string) => `/api/avatars/${assetId}`;

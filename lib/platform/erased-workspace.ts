/** How money records name a workspace that was erased (their tenant reference is null). */
export const ERASED_WORKSPACE = 'Deleted workspace';

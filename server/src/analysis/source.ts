/** The `source` of every diagnostic this server publishes. */
export const SOURCE = 'ox-cluster-config';

/** A line in the popup's status area. */
export type Notice = { text: string; tone: 'info' | 'error' | 'ok'; needsOptions?: boolean };

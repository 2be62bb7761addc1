export function findChromium(): string;
export function chromiumArgs(extensionPath: string): string[];

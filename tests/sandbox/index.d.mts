export const SANDBOX_API_KEY: string;
export const SANDBOX_FORBIDDEN_KEY: string;

export interface SandboxRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  at: number;
}

export interface SandboxCheckout {
  id: string;
  url: string;
  userData: Record<string, any>;
  amount: string;
  currency: string;
  gets: number;
}

export function startSandbox(options?: { apiPort?: number; shopPort?: number; completionDelayMs?: number; validKeys?: string[] }): Promise<{
  apiUrl: string;
  shopUrl: string;
  apiKey: string;
  api: {
    requests: SandboxRequest[];
    checkouts: Map<string, SandboxCheckout>;
    settings: { completionDelayMs: number };
    on(listener: (event: { type: 'created' | 'finalised'; checkout: SandboxCheckout; state?: { status: string } }) => void): () => void;
    reset(): void;
  };
  close(): Promise<void>;
}>;

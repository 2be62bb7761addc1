import type { Browser, Page } from 'puppeteer-core';
export const EXTENSION_UUID: string;
export function findFirefox(): string;
export function launchFirefoxWithExtension(extensionPath: string): Promise<Browser>;
export function openExtensionPage(browser: Browser, path: string): Promise<Page>;

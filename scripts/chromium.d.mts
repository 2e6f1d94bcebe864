export declare const systemChromium: string | undefined;
export declare const launchArgs: string[];
export declare const launchOptions: { executablePath?: string; args: string[] };
export declare function waitForServer(url: string): Promise<void>;

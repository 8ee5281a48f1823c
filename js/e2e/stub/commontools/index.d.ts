// eslint-disable-next-line @typescript-eslint/no-explicit-any
export declare const handler: (fn: (event: any, params: any) => unknown) => (params: any) => (event: any) => unknown;

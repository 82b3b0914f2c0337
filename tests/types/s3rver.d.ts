/** Types of `s3rver`, which ships none: the parts the deploy test uses. */
declare module 's3rver' {
  /** Options of the fake S3 server. */
  export interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    configureBuckets?: { name: string }[];
  }
  /** An S3-compatible server on the local machine, storing objects in a folder. */
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Starts listening; resolves with the address and port it listens on. */
    run(): Promise<{ address: string; port: number }>;
    /** Stops listening. */
    close(): Promise<void>;
  }
}

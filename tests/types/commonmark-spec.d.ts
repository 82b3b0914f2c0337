/** Types of `commonmark-spec`, which ships none: the specification text and its examples. */
declare module 'commonmark-spec' {
  /** One example of the specification. */
  export interface SpecExample {
    /** The Markdown input, tabs written as "→". */
    markdown: string;
    /** The reference HTML, tabs written as "→". */
    html: string;
    /** The section the example is in. */
    section: string;
    /** 1-based example number. */
    number: number;
  }
  const spec: {
    /** The whole specification text. */
    text: string;
    /** Every example, in order. */
    tests: SpecExample[];
  };
  export default spec;
}

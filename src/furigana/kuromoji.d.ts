// Minimal types for kuromoji 0.1 (the parts src/furigana uses; the package ships none).
declare module 'kuromoji' {
  export interface IpadicFeatures {
    surface_form: string;
    reading?: string;
    pos: string;
    word_position: number;
  }
  export interface Tokenizer {
    tokenize(text: string): IpadicFeatures[];
  }
  export function builder(options: { dicPath: string }): { build(cb: (err: Error | null, tokenizer: Tokenizer) => void): void };
  const kuromoji: { builder: typeof builder };
  export default kuromoji;
}

import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/lib/editorial/language';

describe('detectLanguage', () => {
  it('recognises Indonesian news text', () => {
    expect(
      detectLanguage('Pemerintah provinsi meminta warga yang tinggal di bantaran sungai untuk segera mengungsi.'),
    ).toBe('id');
  });

  it('recognises English news text', () => {
    expect(
      detectLanguage('The provincial government asked residents living along the river to evacuate at once.'),
    ).toBe('en');
  });

  it('does not guess from a name or a few letters', () => {
    expect(detectLanguage('Jakarta')).toBeUndefined();
    expect(detectLanguage('12345 — 67890')).toBeUndefined();
  });
});

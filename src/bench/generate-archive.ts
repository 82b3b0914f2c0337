/**
 * A deterministic, realistic archive for benchmarks: articles in Indonesian and English with
 * subheadings, links, quotes and lists, tags with a long tail, a couple of hundred authors, and
 * dates spread over 25 years. The same seed always writes the same files. For tests and benchmarks
 * of search it can plant rare words, each in exactly one article, half of them in the oldest fifth
 * of the archive, some with Indonesian near-misses (the word with the suffix -nya, which the
 * Indonesian stemmer takes for the word itself) in other articles.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { articlePath } from '../lib/core/routes';

/** Options for {@link generateArchive}. */
export interface GenerateOptions {
  /** How many articles to write. */
  articles: number;
  /** Seed of the pseudo-random generator. */
  seed: number;
  /** Folder to write `YYYY/MM/<slug>.md` files into. */
  directory: string;
  /** Reports progress now and then. */
  onProgress?: (written: number) => void;
  /** How many rare words to plant (default none); the articles are otherwise the same. */
  plantedWords?: number;
  /** Fewest and most words of an article's body (default 300 and 1,200). */
  bodyWords?: readonly [number, number];
}

/** A word that occurs in exactly one article of a generated archive. */
export interface PlantedWord {
  word: string;
  /** Site path of the one article that holds it. */
  permalink: string;
  lang: 'id' | 'en';
  /** Whether the article is in the oldest fifth of the archive. */
  oldest: boolean;
  /** Site paths of Indonesian articles that hold the word with -nya (near-misses), if any. */
  nearMisses: string[];
}

/** What a generated archive holds. */
export interface GeneratedArchive {
  files: number;
  words: number;
  planted: PlantedWord[];
}

/** A small, fast, seedable pseudo-random generator (mulberry32). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  id: `pemerintah warga kota desa harga pasar beras banjir hujan jalan kereta bandara pelabuhan sekolah
guru murid rumah sakit dokter pasien petani nelayan laut pantai gunung hutan sungai jembatan listrik air
minum anggaran pajak ekspor impor pabrik pekerja upah kantor menteri presiden gubernur bupati wali
dewan rapat sidang keputusan aturan undang peraturan pemilu partai calon suara kampanye debat survei
ekonomi pertumbuhan inflasi bank kredit pinjaman usaha kecil menengah digital aplikasi data internet
sinyal telepon budaya seni musik film festival tari batik kuliner makanan pedas manis kopi teh
olahraga sepak bola bulu tangkis atlet medali juara pelatih stadion penonton cuaca kemarau musim angin
gempa letusan abu pengungsi bantuan relawan polisi tentara keamanan perbatasan diplomasi kerja sama
kawasan tetangga perjanjian dagang investasi proyek pembangunan jalan tol bendungan irigasi panen
pupuk benih stok gudang distribusi antrean biaya transportasi tarif penumpang jadwal terlambat baru
lama besar kecil cepat lambat tinggi rendah naik turun meningkat menurun mengatakan menjelaskan
menyebut menilai meminta berharap memastikan mengumumkan menambah mengurangi membangun membuka
menutup menunda melanjutkan pagi siang sore malam pekan bulan tahun lalu depan kemarin hari ini`,
  en: `government residents city village price market rice flood rain road train airport port school
teacher student hospital doctor patient farmer fisher sea coast mountain forest river bridge power
water budget tax export import factory worker wage office minister president governor mayor council
meeting hearing decision rule law regulation election party candidate vote campaign debate survey
economy growth inflation bank credit loan business small medium digital app data internet signal
phone culture art music film festival dance batik food spicy sweet coffee tea sport football
badminton athlete medal champion coach stadium crowd weather drought season wind earthquake eruption
ash evacuees aid volunteers police army security border diplomacy cooperation region neighbours
agreement trade investment project construction toll road dam irrigation harvest fertiliser seed stock
warehouse distribution queue cost transport fare passengers schedule delayed new old large small fast
slow high low rise fall increased decreased said explained noted assessed asked hoped ensured
announced added reduced built opened closed postponed continued morning afternoon evening night week
month year last next yesterday today`,
};

const FIRST_NAMES = `Rina Arif Dewi Budi Sari Agus Putri Hendra Wulan Yusuf Maya Rizki Lestari Fajar Indah Bayu Nur
Dimas Ayu Eko Sam Alex Jordan Taylor Morgan Casey Robin Jamie Lee Kim`.split(/\s+/);
const LAST_NAMES = `Hartono Nugroho Lestari Santoso Wibowo Pratama Siregar Nasution Hasibuan Saputra Halim Gunawan
Tanjung Kusuma Wijaya Rahman Sitompul Putra`.split(/\s+/);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Picks an index in [0, n) with a Zipf-like long tail: a few very common, most rare. */
function pickZipf(random: () => number, n: number): number {
  // Inverse-CDF of a continuous power law with exponent ~1 over [1, n].
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function buildTags(random: () => number, lang: 'id' | 'en', count: number): string[] {
  const words = WORDS[lang].split(/\s+/);
  const tags = new Set<string>();
  while (tags.size < count) tags.add(`${capitalize(pick(random, words))} ${capitalize(pick(random, words))}`);
  return [...tags];
}

function sentence(random: () => number, words: readonly string[], min = 8, max = 20): string {
  const length = min + Math.floor(random() * (max - min));
  const parts = Array.from({ length }, () => pick(random, words));
  return `${capitalize(parts.join(' '))}.`;
}

function paragraph(random: () => number, words: readonly string[]): { text: string; words: number } {
  const sentences = 2 + Math.floor(random() * 4);
  const text = Array.from({ length: sentences }, () => sentence(random, words)).join(' ');
  return { text, words: text.split(' ').length };
}

interface Stub {
  date: Date;
  lang: 'id' | 'en';
  slug: string;
  permalink: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function jakartaParts(date: Date): { y: number; m: number; d: number; hh: number; mm: number } {
  // The generator writes +07:00 offsets, so shifting by seven hours gives the calendar in Jakarta.
  const shifted = new Date(date.getTime() + 7 * 3_600_000);
  return {
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    hh: shifted.getUTCHours(),
    mm: shifted.getUTCMinutes(),
  };
}

/**
 * Invents `count` words no language has, all of one length so none begins another: `z` and a
 * vowel, three syllables, `x` (`zabokatix`), which neither stemmer changes.
 */
function inventWords(random: () => number, count: number): string[] {
  const consonants = 'bdfgklmnprtv';
  const vowels = 'aeiou';
  const words = new Set<string>();
  while (words.size < count) {
    let word = `z${pick(random, [...vowels])}`;
    for (let n = 0; n < 3; n += 1) word += `${pick(random, [...consonants])}${pick(random, [...vowels])}`;
    words.add(`${word}x`);
  }
  return [...words];
}

/**
 * Chooses the articles that hold the planted words: half in the oldest fifth by date, half in the
 * rest, each article at most one word; every third word planted in an English article also gets
 * three Indonesian near-misses.
 */
function planWords(stubs: readonly Stub[], count: number, seed: number): Map<number, { word: string; nya: boolean }[]> {
  const random = createRandom(seed ^ 0x5eed);
  const byDate = stubs.map((_, index) => index).sort((a, b) => stubs[a]!.date.getTime() - stubs[b]!.date.getTime());
  const oldestFifth = byDate.slice(0, Math.floor(stubs.length / 5));
  const rest = byDate.slice(oldestFifth.length);
  const words = inventWords(random, count);
  const plan = new Map<number, { word: string; nya: boolean }[]>();
  const taken = new Set<number>();
  const take = (pool: readonly number[], lang?: 'id' | 'en'): number => {
    for (;;) {
      const index = pool[Math.floor(random() * pool.length)]!;
      if (!taken.has(index) && (lang === undefined || stubs[index]!.lang === lang)) {
        taken.add(index);
        return index;
      }
    }
  };
  let english = 0;
  words.forEach((word, n) => {
    const holder = take(n % 2 === 0 ? oldestFifth : rest);
    plan.set(holder, [{ word, nya: false }]);
    if (stubs[holder]!.lang === 'en' && english++ % 3 === 0) {
      for (let miss = 0; miss < 3; miss += 1) plan.set(take(byDate, 'id'), [{ word, nya: true }]);
    }
  });
  return plan;
}

/** Writes the archive and returns how many words it holds in all, and the words planted. */
export async function generateArchive(options: GenerateOptions): Promise<GeneratedArchive> {
  const random = createRandom(options.seed);
  const tagPool = { id: buildTags(random, 'id', 900), en: buildTags(random, 'en', 600) };
  const authors = Array.from(
    { length: 200 },
    (_, i) =>
      `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}${i >= FIRST_NAMES.length * LAST_NAMES.length ? ` ${i}` : ''}`,
  );
  const start = Date.UTC(2001, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;

  const stubs: Stub[] = [];
  for (let i = 0; i < options.articles; i += 1) {
    const date = new Date(start + Math.floor((random() * span) / 60_000) * 60_000);
    const lang = random() < 0.65 ? 'id' : 'en';
    const words = WORDS[lang].split(/\s+/);
    const slug = `${pick(random, words)}-${pick(random, words)}-${pick(random, words)}-${i + 1}`;
    const { y, m, d } = jakartaParts(date);
    stubs.push({ date, lang, slug, permalink: articlePath({ year: String(y), month: pad(m), day: pad(d) }, slug) });
  }

  const plan = planWords(stubs, Math.min(options.plantedWords ?? 0, Math.floor(stubs.length / 10)), options.seed);
  const planted = new Map<string, PlantedWord>();
  for (const [index, plants] of plan) {
    for (const { word, nya } of plants) {
      const entry = planted.get(word) ?? { word, permalink: '', lang: 'id', oldest: false, nearMisses: [] };
      if (nya) entry.nearMisses.push(stubs[index]!.permalink);
      else Object.assign(entry, { permalink: stubs[index]!.permalink, lang: stubs[index]!.lang });
      planted.set(word, entry);
    }
  }
  const byDate = stubs.map((stub) => stub.date.getTime()).sort((a, b) => a - b);
  const oldestUntil = byDate[Math.floor(stubs.length / 5) - 1] ?? -Infinity;
  for (const entry of planted.values()) {
    const stub = stubs.find((candidate) => candidate.permalink === entry.permalink)!;
    entry.oldest = stub.date.getTime() <= oldestUntil;
  }

  const [fewest, most] = options.bodyWords ?? [300, 1200];
  // Its own generator, so planting words leaves every other article as it would be.
  const plantRandom = createRandom(options.seed ^ 0xf111);
  let totalWords = 0;
  for (let i = 0; i < stubs.length; i += 1) {
    const stub = stubs[i]!;
    const words = WORDS[stub.lang].split(/\s+/);
    const target = fewest + Math.floor(random() * (most - fewest));
    const blocks: string[] = [];
    let count = 0;
    while (count < target) {
      const roll = random();
      if (roll < 0.08 && blocks.length > 0) {
        blocks.push(`## ${capitalize(sentence(random, words, 3, 6).slice(0, -1))}`);
      } else if (roll < 0.13) {
        const items = 2 + Math.floor(random() * 3);
        blocks.push(Array.from({ length: items }, () => `- ${sentence(random, words, 4, 9)}`).join('\n'));
        count += items * 6;
      } else if (roll < 0.17) {
        blocks.push(`> "${sentence(random, words, 8, 16)}"`);
        count += 12;
      } else if (roll < 0.22 && i > 0) {
        const other = stubs[Math.floor(random() * i)]!;
        const label = stub.lang === 'id' ? 'Baca Juga' : 'Read also';
        blocks.push(`${label}: [${capitalize(pick(random, words))} ${pick(random, words)}](${other.permalink})`);
      } else {
        const p = paragraph(random, words);
        const withLink =
          random() < 0.2 ? `${p.text} [${pick(random, words)}](https://example.org/${pick(random, words)})` : p.text;
        blocks.push(withLink);
        count += p.words;
      }
    }
    for (const { word, nya } of plan.get(i) ?? []) {
      // In the middle of the body, in a sentence of the article's language.
      const filler = sentence(plantRandom, words, 6, 10).slice(0, -1);
      const planted = `${filler} ${nya ? `${word}nya` : word} ${pick(plantRandom, words)}.`;
      blocks.splice(Math.floor(blocks.length / 2), 0, planted);
    }
    totalWords += count;
    const tagCount = 1 + Math.floor(random() * 5);
    const tags = new Set<string>();
    for (let t = 0; t < tagCount; t += 1) tags.add(tagPool[stub.lang][pickZipf(random, tagPool[stub.lang].length)]!);
    const authorCount = random() < 0.85 ? 1 : 2;
    const byline = Array.from({ length: authorCount }, () => authors[pickZipf(random, authors.length)]!);
    const { y, m, d, hh, mm } = jakartaParts(stub.date);
    const frontmatter = {
      title: capitalize(sentence(random, words, 5, 11).slice(0, -1)),
      date: `${y}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:00+07:00`,
      summary: sentence(random, words, 12, 24),
      tags: [...tags],
      authors: [...new Set(byline)],
      lang: stub.lang,
    };
    const file = path.join(options.directory, String(y), pad(m), `${stub.slug}.md`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `---\n${stringify(frontmatter)}---\n\n${blocks.join('\n\n')}\n`);
    if ((i + 1) % 1000 === 0) options.onProgress?.(i + 1);
  }
  return { files: stubs.length, words: totalWords, planted: [...planted.values()] };
}

import type { Lang } from '../../site.config';

/** Strings of feeds, link previews and the "page not found" page. */
export const syndicationStrings = {
  id: {
    tagFeedTitle: 'Topik: {tag}',
    tagFeedDescription: 'Berita terbaru bertopik {tag} dari {site}.',
    feedRss: '{title} (RSS)',
    feedAtom: '{title} (Atom)',
    feedJson: '{title} (JSON Feed)',
    notFoundTitle: 'Halaman tidak ditemukan',
    notFoundLead: 'Alamat ini tidak ada di arsip. Mungkin beritanya sudah dipindahkan, atau alamatnya salah ketik.',
    notFoundSearch: 'Coba cari beritanya:',
    notFoundHome: 'Kembali ke beranda',
    notFoundArchive: 'Telusuri arsip menurut tanggal',
  },
  en: {
    tagFeedTitle: 'Topic: {tag}',
    tagFeedDescription: 'The latest {site} news on {tag}.',
    feedRss: '{title} (RSS)',
    feedAtom: '{title} (Atom)',
    feedJson: '{title} (JSON Feed)',
    notFoundTitle: 'Page not found',
    notFoundLead: 'This address is not in the archive. The story may have moved, or the address may be mistyped.',
    notFoundSearch: 'Try searching for it:',
    notFoundHome: 'Back to the home page',
    notFoundArchive: 'Browse the archive by date',
  },
} as const satisfies Record<Lang, Record<string, string>>;
